"""Importing openings from CSV and schema.org JobPosting: row errors, dry run, all-or-nothing,
and a re-import that updates instead of duplicating."""

from __future__ import annotations

import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from skillstack.jobs.importing import MAX_IMPORT_BYTES, openings_import
from skillstack.jobs.models import Opening
from tests.conftest import World
from tests.factories import sign_in
from tests.jobs.helpers import lab_skills, later

HEADER = (
    "id,title,description,location,shift,wage_min,wage_max,degree_requirement,closing_date,"
    "required_skills,preferred_skills\n"
)


def _csv(*rows: str) -> io.BytesIO:
    return io.BytesIO((HEADER + "\n".join(rows) + "\n").encode())


def _row(key: str, title: str, **over: str) -> str:
    values = {
        "description": "Media prep and assays",
        "location": "Thousand Oaks",
        "shift": "day",
        "wage_min": "20",
        "wage_max": "25",
        "degree_requirement": "none",
        "closing_date": later().isoformat(),
        "required_skills": "esco:aseptic@2;GMP",
        "preferred_skills": "use micropipettes",
    }
    values.update(over)
    return ",".join([key, title, *values.values()])


def _run(world: World, file: io.BytesIO, *, dry_run: bool = False):  # type: ignore[no-untyped-def]
    return openings_import(
        organization=world.employer, actor=world.people["recruiter"], file=file, dry_run=dry_run
    )


def test_csv_import_creates_drafts_with_their_skills(world: World) -> None:
    skills = lab_skills()
    report = _run(world, _csv(_row("J-1", "Lab technician"), _row("J-2", "QC associate")))
    assert report.ok and report.applied, report.errors
    assert [r.source_key for r in report.created] == ["J-1", "J-2"]
    opening = Opening.objects.get(source_key="J-1")
    asks = {(s.skill_id, s.required, s.min_level) for s in opening.skills.all()}
    assert asks == {
        (skills["aseptic"].pk, True, 2),
        (skills["gmp"].pk, True, 1),
        (skills["pipetting"].pk, False, 1),
    }
    assert opening.status == "draft" and opening.employer == world.employer


def test_dry_run_reports_and_writes_nothing(world: World) -> None:
    lab_skills()
    report = _run(world, _csv(_row("J-1", "Lab technician")), dry_run=True)
    assert report.ok and not report.applied
    assert [r.title for r in report.created] == ["Lab technician"]
    assert report.summary().startswith("Dry run, nothing saved")
    assert not Opening.objects.exists()


def test_one_bad_row_and_nothing_is_written(world: World) -> None:
    lab_skills()
    report = _run(
        world,
        _csv(
            _row("J-1", "Lab technician"),
            _row("J-2", "QC associate", wage_min="40"),
            _row("J-3", "Tech", required_skills="esco:no-such-skill"),
            _row("J-4", "Tech 4", closing_date="31/12/2026"),
        ),
    )
    assert not report.ok
    messages = [str(e) for e in report.errors]
    assert "Row 3, wage_max: The highest wage must be at least the lowest." in messages
    assert any(
        m.startswith("Row 4, required_skills: no skill is called 'esco:no-such-skill'")
        for m in messages
    )
    assert any(m.startswith("Row 5, closing_date:") for m in messages)
    assert not Opening.objects.exists()
    assert report.created == []


def test_reimport_updates_instead_of_duplicating(world: World) -> None:
    lab_skills()
    _run(world, _csv(_row("J-1", "Lab technician"), _row("J-2", "QC associate")))
    again = _run(world, _csv(_row("J-1", "Lab technician"), _row("J-2", "Senior QC associate")))
    assert [r.source_key for r in again.unchanged] == ["J-1"]
    assert [r.source_key for r in again.updated] == ["J-2"]
    assert again.created == []
    assert Opening.objects.count() == 2
    assert Opening.objects.get(source_key="J-2").title == "Senior QC associate"


def test_duplicate_ids_and_a_bad_header_are_named(world: World) -> None:
    report = _run(world, _csv(_row("J-1", "A"), _row("J-1", "B")))
    assert any("'J-1' is also row 2" in str(e) for e in report.errors)
    bad = _run(world, io.BytesIO(b"ref,name\nx,y\n"))
    assert "missing column(s): id, title" in str(bad.errors[0])


def test_too_large_a_file_is_refused(world: World) -> None:
    report = _run(world, io.BytesIO(b"x" * (MAX_IMPORT_BYTES + 1)))
    assert "larger than 2 MB" in str(report.errors[0])


def test_an_issuer_cannot_import_openings(world: World) -> None:
    with pytest.raises(ValidationError):
        openings_import(
            organization=world.issuer, actor=None, file=_csv(_row("J", "T")), dry_run=True
        )


POSTING = {
    "@context": "https://schema.org/",
    "@type": "JobPosting",
    "title": "Manufacturing Associate I",
    "description": (
        "<p>Run <b>upstream</b> processes.</p><ul><li>Follow cGMP</li>"
        "<li>Aseptic technique</li></ul>"
    ),
    "identifier": {"@type": "PropertyValue", "name": "Helix", "value": "MA-104"},
    "datePosted": "2026-11-01",
    "validThrough": f"{later().isoformat()}T23:59",
    "employmentType": "FULL_TIME",
    "workHours": "Night shift, 4x10",
    "hiringOrganization": {"@type": "Organization", "name": "Amgen Test Plant"},
    "jobLocation": {
        "@type": "Place",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "Thousand Oaks",
            "addressRegion": "CA",
            "addressCountry": "US",
        },
    },
    "baseSalary": {
        "@type": "MonetaryAmount",
        "currency": "USD",
        "value": {
            "@type": "QuantitativeValue",
            "minValue": 23.5,
            "maxValue": 29,
            "unitText": "HOUR",
        },
    },
    "educationRequirements": "no requirements",
    "occupationalCategory": "51-9011.00 Chemical Equipment Operators and Tenders",
    "totalJobOpenings": 3,
    "skills": "GMP, sterile technique, forklift driving",
}


def test_jobposting_json_ld_becomes_an_opening(world: World) -> None:
    skills = lab_skills()
    report = _run(world, io.BytesIO(json.dumps(POSTING).encode()))
    assert report.ok, report.errors
    assert report.format == "json-ld"
    opening = Opening.objects.get()
    assert opening.source_key == "Helix:MA-104"
    assert opening.title == "Manufacturing Associate I"
    assert opening.description == "Run upstream processes.\n• Follow cGMP\n• Aseptic technique"
    assert (opening.location, opening.shift, opening.positions) == (
        "Thousand Oaks, CA, US",
        "night",
        3,
    )
    assert (str(opening.wage_min), str(opening.wage_max), opening.wage_unit) == (
        "23.50",
        "29.00",
        "hour",
    )
    assert (opening.occupation_scheme, opening.occupation_code) == ("onet", "51-9011.00")
    assert opening.closing_date == later()
    assert {s.skill_id for s in opening.skills.all()} == {skills["gmp"].pk, skills["aseptic"].pk}
    assert [str(w) for w in report.warnings] == [
        "Item 1, skills: no skill is called 'forklift driving' in the taxonomy; "
        "left out, add it by hand."
    ]


def test_a_graph_and_an_html_page_are_read_and_reimport_dedups(world: World) -> None:
    lab_skills()
    second = {
        **POSTING,
        "identifier": None,
        "url": "https://jobs.example/qc-2",
        "title": "QC Analyst",
    }
    graph = {
        "@context": "https://schema.org",
        "@graph": [{"@type": "Organization", "name": "X"}, POSTING, second],
    }
    first = _run(world, io.BytesIO(json.dumps(graph).encode()))
    assert [r.source_key for r in first.created] == ["Helix:MA-104", "https://jobs.example/qc-2"]
    page = (
        '<html><head><script type="application/ld+json">'
        + json.dumps([POSTING, {**second, "title": "QC Analyst II"}])
        + "</script></head><body>Jobs</body></html>"
    )
    again = _run(world, io.BytesIO(page.encode()))
    assert again.format == "html"
    assert [r.source_key for r in again.unchanged] == ["Helix:MA-104"]
    assert [r.title for r in again.updated] == ["QC Analyst II"]
    assert Opening.objects.count() == 2


def test_jobposting_errors_name_the_item(world: World) -> None:
    bad_wage = {
        **POSTING,
        "identifier": "MA-2",
        "baseSalary": {"value": {"minValue": 3000, "unitText": "MONTH"}},
    }
    no_key = {**POSTING, "identifier": None, "url": None, "title": "No key"}
    report = _run(world, io.BytesIO(json.dumps([POSTING, bad_wage, no_key]).encode()))
    messages = [str(e) for e in report.errors]
    assert "Item 2, baseSalary: a wage per month: use HOUR or YEAR." in messages
    assert any(m.startswith("Item 3, identifier: is empty") for m in messages)
    assert not Opening.objects.exists()
    broken = _run(world, io.BytesIO(b'{"@type": "JobPosting", "title": '))
    assert "not valid JSON" in str(broken.errors[0])
    nothing = _run(world, io.BytesIO(b'{"@type": "Organization"}'))
    assert "No schema.org JobPosting" in str(nothing.errors[0])


def test_import_page_dry_run_then_import(world: World) -> None:
    lab_skills()
    client = Client()
    sign_in(client, world.people["recruiter"])
    data = (HEADER + _row("J-9", "Bioprocess tech") + "\n").encode()
    dry = client.post(
        "/orgs/plant/openings/import/",
        {"file": SimpleUploadedFile("jobs.csv", data), "mode": "dry-run"},
    )
    assert dry.status_code == 200 and "Dry run" in dry.content.decode()
    assert not Opening.objects.exists()
    done = client.post(
        "/orgs/plant/openings/import/",
        {"file": SimpleUploadedFile("jobs.csv", data), "mode": "import"},
    )
    assert done.status_code == 302
    assert Opening.objects.get().title == "Bioprocess tech"


def test_import_api_answers_422_with_row_fields(world: World) -> None:
    lab_skills()
    client = Client()
    sign_in(client, world.people["recruiter"])
    data = (HEADER + _row("J-1", "T", wage_min="90") + "\n").encode()
    response = client.post(
        "/api/orgs/plant/openings/import?dry_run=false",
        {"file": SimpleUploadedFile("jobs.csv", data)},
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "row 2.wage_max", "message": "The highest wage must be at least the lowest."}
    ]
    ok = client.post(
        "/api/orgs/plant/openings/import?dry_run=false",
        {"file": SimpleUploadedFile("jobs.csv", (HEADER + _row("J-1", "T") + "\n").encode())},
    )
    assert ok.status_code == 200 and ok.json()["applied"] is True
    assert ok.json()["created"][0]["source_key"] == "J-1"
