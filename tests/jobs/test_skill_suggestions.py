"""Skill suggestions from hand-written posting texts: true positives are found with the phrase
that matched, unrelated text yields nothing, and nothing is ever saved."""

from __future__ import annotations

import pytest

from skillstack.catalog.management.commands.taxonomy import SAMPLE_FILES
from skillstack.catalog.taxonomy_import import taxonomy_import
from skillstack.jobs.suggestions import stem, suggest_skills


@pytest.fixture
def esco_sample(db: None) -> None:
    with SAMPLE_FILES["esco"][0].open("rb") as file:
        assert taxonomy_import(framework="esco", file=file).ok


def _found(text: str) -> dict[str, str]:
    return {s.label: s.phrase for s in suggest_skills(text=text)}


def test_stemming_joins_word_forms() -> None:
    assert stem("pipetting") == stem("pipette") == stem("pipettes")
    assert stem("cultures") == stem("culture")
    assert stem("sterilisation") == stem("sterilisations")


def test_a_manufacturing_posting(esco_sample: None) -> None:
    text = (
        "Manufacturing Associate, night shift. You will operate bioreactors, prepare media "
        "and buffers, follow cGMP and SOPs, and complete batch records. Cleanroom gowning "
        "and aseptic processing experience preferred. Forklift certification not needed."
    )
    found = _found(text)
    assert found["apply good manufacturing practices"] == "cGMP"
    assert found["operate bioreactors"] == "bioreactors"  # the generic verb may be left out
    assert found["follow standard operating procedures"] == "SOPs"
    assert found["follow cleanroom gowning procedures"] == "Cleanroom gowning"
    assert found["use aseptic technique"] == "aseptic processing"
    assert "perform ELISA" not in found and "perform polymerase chain reaction" not in found


def test_a_qc_posting_with_a_typo(esco_sample: None) -> None:
    text = (
        "QC Analyst: run ELISA and qPCR assays, perform sample prep, pipette accurately, "
        "keep the laboratory notebook up to date and investigate deviations (CAPA). "
        "Strong asceptic technique required."
    )
    found = _found(text)
    assert found["perform ELISA"] == "ELISA"
    assert found["perform polymerase chain reaction"] == "qPCR"
    assert found["perform sample preparation"] == "sample prep"
    assert found["maintain laboratory records"] == "laboratory notebook"
    assert found["investigate deviations"] == "investigate deviations"
    assert found["use aseptic technique"] == "asceptic technique"  # similar wording
    explained = {s.label: s for s in suggest_skills(text=text)}
    assert explained["use aseptic technique"].how == "similar wording"
    assert explained["perform polymerase chain reaction"].how == "alternative label"


def test_unrelated_text_yields_nothing(esco_sample: None) -> None:
    for text in (
        "Barista wanted for our downtown cafe; latte art and a friendly smile.",
        "Senior accountant: month-end close, tax filings and audit support.",
        "",
        "   ",
    ):
        assert suggest_skills(text=text) == [], text


def test_excluded_skills_are_not_suggested_again(esco_sample: None) -> None:
    first = suggest_skills(text="Follow GMP and use micropipettes.")
    assert len(first) == 2
    again = suggest_skills(text="Follow GMP and use micropipettes.", exclude=[first[0].skill_id])
    assert [s.skill_id for s in again] == [first[1].skill_id]
