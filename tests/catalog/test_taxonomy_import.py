"""Importing ESCO and O*NET files: the samples load, a second run changes nothing, a changed row
updates, and one bad line means nothing is written (with the line named)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from skillstack.catalog.management.commands.taxonomy import SAMPLE_FILES
from skillstack.catalog.models import Occupation, Skill, SkillLabel
from skillstack.catalog.taxonomy_import import taxonomy_import

ESCO_HEADER = (
    "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,"
    "modifiedDate,scopeNote,definition,inScheme,description\n"
)


def _load(framework: str, path: Path):  # type: ignore[no-untyped-def]
    with path.open("rb") as file:
        return taxonomy_import(framework=framework, file=file)


def _esco(*rows: str) -> io.BytesIO:
    return io.BytesIO((ESCO_HEADER + "".join(rows)).encode())


def _skill_row(uuid: str, label: str, alt: str = "") -> str:
    uri = f"http://data.europa.eu/esco/skill/{uuid}"
    kind = "KnowledgeSkillCompetence"
    return f'{kind},{uri},skill/competence,cross-sector,{label},"{alt}",,released,,,,,d\n'


@pytest.mark.django_db
def test_esco_samples_load_with_alternative_labels_and_again_change_nothing() -> None:
    skills_file, occupations_file = SAMPLE_FILES["esco"]
    first = _load("esco", skills_file)
    assert first.ok and (first.created, first.updated, first.unchanged) == (30, 0, 0)
    gmp = Skill.objects.get(framework="esco", label="apply good manufacturing practices")
    assert gmp.organization is None and gmp.uri.endswith(gmp.code)
    assert set(gmp.alt_labels.values_list("label", flat=True)) == {
        "GMP",
        "cGMP",
        "current good manufacturing practice",
        "follow GMP",
    }
    again = _load("esco", skills_file)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 30)
    assert Skill.objects.filter(framework="esco").count() == 30
    occupations = _load("esco", occupations_file)
    assert occupations.created == 12 and occupations.kind == "occupations"
    technician = Occupation.objects.get(framework="esco", code="3141.1")
    assert technician.group == "3141" and "lab technician" in technician.alt_titles


@pytest.mark.django_db
def test_a_changed_row_updates_its_skill_and_labels() -> None:
    taxonomy_import(
        framework="esco", file=_esco(_skill_row("abc-1", "use micropipettes", "pipetting"))
    )
    report = taxonomy_import(
        framework="esco",
        file=_esco(_skill_row("abc-1", "use micropipettes", "pipetting\nmicropipetting")),
    )
    assert (report.created, report.updated) == (0, 1)
    skill = Skill.objects.get(code="abc-1")
    assert sorted(SkillLabel.objects.filter(skill=skill).values_list("label", flat=True)) == [
        "micropipetting",
        "pipetting",
    ]


@pytest.mark.django_db
def test_one_bad_line_means_nothing_is_imported_and_lines_are_named() -> None:
    file = _esco(
        _skill_row("ok-1", "use micropipettes", "pipetting\nmicropipetting"),
        _skill_row("ok-2", ""),
        "Skill,http://example.org/x,,,label,,,,,,,,\n",
        _skill_row("ok-1", "again"),
    )
    report = taxonomy_import(framework="esco", file=file)
    assert [str(e) for e in report.errors] == [
        "Line 4, preferredLabel: is empty.",  # the row above spans lines 2 and 3
        "Line 5, conceptType: 'Skill' is neither KnowledgeSkillCompetence nor Occupation.",
        "Line 6, code: 'ok-1' is already on line 2.",
    ]
    assert not Skill.objects.exists()


@pytest.mark.django_db
def test_onet_occupations_skills_and_alternate_titles() -> None:
    occupation_data, skills, alternates = SAMPLE_FILES["onet"]
    assert _load("onet", occupation_data).created == 15
    loaded = _load("onet", skills)
    assert loaded.kind == "skills" and loaded.created == 11  # one per element, not per rating row
    science = Skill.objects.get(framework="onet", code="2.A.1.f")
    assert science.label == "Science"
    assert _load("onet", alternates).updated == 4
    assert "Lab Technician" in Occupation.objects.get(code="19-4021.00").alt_titles
    assert _load("onet", skills).unchanged == 11


@pytest.mark.django_db
def test_alternate_titles_before_occupations_are_refused() -> None:
    report = _load("onet", SAMPLE_FILES["onet"][2])
    assert "Import 'Occupation Data.txt' first" in str(report.errors[0])
    assert not Occupation.objects.exists()


@pytest.mark.django_db
def test_dry_run_counts_without_saving() -> None:
    with SAMPLE_FILES["esco"][0].open("rb") as file:
        report = taxonomy_import(framework="esco", file=file, dry_run=True)
    assert report.created == 30 and "Dry run" in report.summary()
    assert not Skill.objects.exists()


@pytest.mark.django_db
def test_command_prints_a_summary_and_fails_on_errors(tmp_path: Path) -> None:
    out = io.StringIO()
    call_command("taxonomy", "import", "onet", str(SAMPLE_FILES["onet"][0]), stdout=out)
    assert "Occupation Data.txt: Imported: 15 created, 0 updated, 0 unchanged" in out.getvalue()
    bad = tmp_path / "Occupation Data.txt"
    bad.write_text("O*NET-SOC Code\tTitle\tDescription\n19-4021\tX\tY\n")
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("taxonomy", "import", "onet", str(bad), stdout=out)
    assert "Line 2, O*NET-SOC Code: '19-4021' is not like 19-4021.00." in out.getvalue()
