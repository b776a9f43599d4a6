"""CSV import of skills: row-level errors, all-or-nothing, dry run, idempotent re-import."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from skillstack.audit.models import AuditEntry
from skillstack.catalog.models import Skill
from skillstack.catalog.skill_services import MAX_IMPORT_BYTES, skills_import_csv

SAMPLE = Path(__file__).parents[2] / "src/skillstack/catalog/fixtures/lab-skills.csv"
HEADER = "framework,code,uri,label,description,broader_code\n"


def _import(world, text: str | bytes, *, dry_run: bool = False):
    data = text.encode() if isinstance(text, str) else text
    return skills_import_csv(
        organization=world.issuer,
        file=io.BytesIO(data),
        actor=world.people["designer"],
        dry_run=dry_run,
    )


def test_the_sample_file_creates_own_and_shared_skills(world) -> None:
    report = _import(world, SAMPLE.read_bytes())
    assert report.applied and len(report.created) == 12
    own = Skill.objects.get(organization=world.issuer, code="serial-dilution")
    assert own.broader is not None and own.broader.code == "micropipetting"
    science = Skill.objects.get(framework="onet", code="2.A.1.f")
    assert science.organization is None
    assert science.uri == "https://www.onetonline.org/find/descriptor/result/2.A.1.f"
    entry = AuditEntry.objects.get(action="catalog.skill.imported")
    assert entry.data["created"] == 12


def test_importing_the_same_file_again_changes_nothing(world) -> None:
    _import(world, SAMPLE.read_bytes())
    again = _import(world, SAMPLE.read_bytes())
    assert (len(again.created), len(again.updated), len(again.unchanged)) == (0, 0, 12)
    assert Skill.objects.count() == 12


def test_a_changed_label_updates_the_skill_matched_by_framework_and_code(world) -> None:
    _import(world, HEADER + "own,ppe,,PPE,,\n")
    report = _import(world, HEADER + "own,ppe,,Personal protective equipment,Gloves,\n")
    assert [r.code for r in report.updated] == ["ppe"]
    skill = Skill.objects.get(code="ppe")
    assert (skill.label, skill.description) == ("Personal protective equipment", "Gloves")


def test_a_dry_run_shows_what_would_happen_and_saves_nothing(world) -> None:
    _import(world, HEADER + "own,ppe,,PPE,,\n")
    report = _import(world, HEADER + "own,ppe,,PPE gear,,\nown,gdp,,GDP,,\n", dry_run=True)
    assert report.ok and not report.applied
    assert [r.code for r in report.created] == ["gdp"]
    assert [r.code for r in report.updated] == ["ppe"]
    assert "Dry run" in report.summary()
    assert list(Skill.objects.values_list("code", "label")) == [("ppe", "PPE")]
    assert AuditEntry.objects.filter(action="catalog.skill.imported").count() == 1


def test_one_bad_row_means_nothing_is_imported(world) -> None:
    report = _import(world, HEADER + "own,ppe,,PPE,,\nown,gdp,,,,\nown,bal,,Balance,,\n")
    assert not report.ok
    assert [str(e) for e in report.errors] == [
        "Row 3, column label: is empty; give the skill its name."
    ]
    assert Skill.objects.count() == 0


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        ("iso,x,,X,,", "framework", "'iso' is not own, esco or onet"),
        ("own,,,X,,", "code", "is empty"),
        ("own,two words,,X,,", "code", "no spaces"),
        ("own,x,not-a-url,X,,", "uri", "is not an http(s) address"),
        ("esco,S1.2,,Pipetting,,", "uri", "ESCO skills need their URI"),
        ("own,x,,X,,missing", "broader_code", "no own skill has the code 'missing'"),
        ("own,x,,X" + "y" * 300 + ",,", "label", "longer than 300"),
    ],
)
def test_each_bad_row_kind_names_row_and_column(world, row, column, words) -> None:
    report = _import(world, HEADER + "own,ok,,Fine,,\n" + row + "\n")
    assert len(report.errors) == 1
    error = report.errors[0]
    assert (error.row, error.column) == (3, column)
    assert words in error.message
    assert Skill.objects.count() == 0


def test_a_code_twice_in_the_file_names_the_first_row(world) -> None:
    report = _import(world, HEADER + "own,ppe,,PPE,,\nown,ppe,,Again,,\n")
    assert str(report.errors[0]) == "Row 3, column code: 'ppe' is already on row 2 of this file."


def test_a_missing_column_is_named(world) -> None:
    report = _import(world, "framework,code,uri\nown,ppe,\n")
    assert "missing column(s): label" in str(report.errors[0])


def test_utf8_with_a_byte_order_mark_is_read(world) -> None:
    report = _import(world, "\ufeff" + HEADER + "own,pcr,,Réaction PCR,,\n")
    assert report.applied
    assert Skill.objects.get(code="pcr").label == "Réaction PCR"


def test_a_file_that_is_not_utf8_is_refused_with_how_to_fix(world) -> None:
    report = _import(world, (HEADER + "own,pcr,,Réaction,,\n").encode("latin-1"))
    assert not report.ok
    message = str(report.errors[0])
    assert "not UTF-8" in message and "line 2" in message and "CSV UTF-8" in message
    assert Skill.objects.count() == 0


def test_a_file_over_the_size_cap_is_refused(world) -> None:
    big = HEADER + ("own,x,,X,,\n" * (MAX_IMPORT_BYTES // 10))
    report = _import(world, big)
    assert "larger than 1024 KB" in str(report.errors[0])
    assert Skill.objects.count() == 0


def test_an_empty_file_is_refused(world) -> None:
    assert "empty" in str(_import(world, b"").errors[0])
    assert "no skills" in str(_import(world, HEADER).errors[0])


def test_only_issuers_import_skills(world) -> None:
    with pytest.raises(ValidationError):
        skills_import_csv(
            organization=world.employer,
            file=io.BytesIO(HEADER.encode()),
            actor=world.people["recruiter"],
            dry_run=False,
        )


def test_own_skills_of_another_issuer_are_not_touched(world) -> None:
    Skill.objects.create(organization=world.other_issuer, code="ppe", label="Theirs")
    _import(world, HEADER + "own,ppe,,Ours,,\n")
    assert Skill.objects.get(organization=world.other_issuer).label == "Theirs"
    assert Skill.objects.get(organization=world.issuer).label == "Ours"
