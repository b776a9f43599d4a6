"""The funder report through its pages: who sees which programs, filters, exports, snapshots."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.test import Client
from openpyxl import load_workbook

from skillstack.outcomes.models import Cohort, FundedProgram, ReportSnapshot
from tests.factories import grant, make_org, make_user, sign_in
from tests.outcomes import builders as b

MARKER = "suppressed: fewer than 10"


@pytest.fixture
def funded(world: Any) -> dict[str, Any]:
    """12 learners in one cohort (shown), 3 in another (suppressed)."""
    v = b.version(world.issuer)
    prog = b.program(world.funder, world.issuer, [v], name="Biomanufacturing Ready")
    big = b.cohort(prog, b.learners(12), "2026-01-01", "2026-03-31", name="Winter")
    small = b.cohort(prog, b.learners(3), "2026-04-01", "2026-06-30", name="Spring")
    return {"program": prog, "big": big, "small": small, "version": v}


def _client(world: Any, persona: str) -> Client:
    client = Client()
    sign_in(client, world.people[persona])
    return client


def _url(world: Any, prog: FundedProgram, org: str = "fund", tail: str = "") -> str:
    return f"/orgs/{org}/outcomes/programs/{prog.pk}/{tail}"


def test_funder_analyst_sees_the_program_and_the_suppressed_cohort(
    world: Any, funded: dict[str, Any]
) -> None:
    client = _client(world, "funder_analyst")
    listing = client.get("/orgs/fund/outcomes/")
    assert "Biomanufacturing Ready" in listing.content.decode()
    page = client.get(_url(world, funded["program"]), {"as_of": "2026-11-01"})
    body = page.content.decode()
    assert page.status_code == 200
    assert "<td>15</td>" in body  # all enrolled
    small = client.get(_url(world, funded["program"]), {"cohort": funded["small"].pk})
    assert MARKER in small.content.decode()
    assert "<td>3</td>" not in small.content.decode()


def test_another_funder_gets_404_for_our_program(world: Any, funded: dict[str, Any]) -> None:
    rival = make_org(kind="funder", slug="rival-fund")
    analyst = make_user()
    grant(analyst, rival, "funder_analyst")
    client = Client()
    sign_in(client, analyst)
    assert client.get(_url(world, funded["program"], org="rival-fund")).status_code == 404
    assert "Biomanufacturing" not in client.get("/orgs/rival-fund/outcomes/").content.decode()
    assert client.get(_url(world, funded["program"])).status_code == 403


def test_the_provider_sees_its_program_and_another_provider_does_not(
    world: Any, funded: dict[str, Any]
) -> None:
    assert (
        _client(world, "issuer_admin").get(_url(world, funded["program"], "bioskills")).status_code
        == 200
    )
    outsider = _client(world, "outsider")
    assert outsider.get(_url(world, funded["program"], "other")).status_code == 404


def test_coalition_admin_sees_every_program(world: Any, funded: dict[str, Any]) -> None:
    page = _client(world, "coalition_admin").get("/orgs/alliance/outcomes/")
    assert "Biomanufacturing Ready" in page.content.decode()


def test_csv_and_xlsx_export_exactly_what_is_shown(world: Any, funded: dict[str, Any]) -> None:
    client = _client(world, "funder_analyst")
    query = {"cohort": funded["small"].pk, "as_of": "2026-11-01"}
    response = client.get(_url(world, funded["program"], tail="report.csv"), query)
    assert response["Content-Disposition"].endswith('.csv"')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header = rows[3]
    total = rows[4]
    assert header[:2] == ["Group", "Enrolled"]
    assert total[0] == "All enrolled"
    assert total[1] == MARKER  # 3 people: never the number
    assert "3" not in total[1:]
    response = client.get(_url(world, funded["program"], tail="report.xlsx"), query)
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[4][1] == MARKER
    big = client.get(
        _url(world, funded["program"], tail="report.xlsx"),
        {"cohort": funded["big"].pk, "as_of": "2026-11-01"},
    )
    sheet = load_workbook(io.BytesIO(big.content)).active
    assert [c.value for c in sheet[5]][1] == 12  # a shown number stays a number


def test_chart_is_an_accessible_svg(world: Any, funded: dict[str, Any]) -> None:
    response = _client(world, "funder_analyst").get(
        _url(world, funded["program"], tail="chart.svg")
    )
    assert response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    assert "<title>People placed in a job" in svg
    assert 'role="img"' in svg


def test_a_snapshot_is_stable_and_rerunning_gives_the_same_hash(
    world: Any, funded: dict[str, Any]
) -> None:
    client = _client(world, "funder_analyst")
    query = f"?cohort={funded['big'].pk}&as_of=2026-11-01"
    first = client.post(_url(world, funded["program"], tail="snapshots/") + query)
    snap = ReportSnapshot.objects.get()
    assert first["Location"] == f"/orgs/fund/outcomes/snapshots/{snap.key}/"
    page = client.get(first["Location"])
    assert snap.content_hash in page.content.decode()
    assert snap.parameters["as_of"] == "2026-11-01"
    client.post(_url(world, funded["program"], tail="snapshots/") + query)
    again = ReportSnapshot.objects.exclude(pk=snap.pk).get()
    assert again.content_hash == snap.content_hash
    assert again.key != snap.key
    # New data changes the figures, so the hash too.
    b.cohort(funded["program"], b.learners(1), "2026-01-01", "2026-02-01")
    Cohort.objects.filter(pk=funded["big"].pk).update(name="Winter (renamed)")
    client.post(_url(world, funded["program"], tail="snapshots/") + query)
    third = ReportSnapshot.objects.order_by("-id").first()
    assert third is not None and third.content_hash != snap.content_hash


def test_funder_records_a_program_and_a_cohort_enrolled_from_rosters(
    world: Any, funded: dict[str, Any]
) -> None:
    client = _client(world, "funder_analyst")
    response = client.post(
        "/orgs/fund/outcomes/programs/new/",
        {
            "name": "Aseptic Jobs",
            "provider": world.issuer.pk,
            "micro_credentials": [funded["version"].micro_credential.pk],
            "starts_on": "2026-01-01",
            "ends_on": "2026-12-31",
        },
    )
    program = FundedProgram.objects.get(name="Aseptic Jobs")
    assert response.status_code == 302
    assessor = b.Assessor(funded["version"], world.issuer)
    on_roster = b.learners(2)
    from skillstack.assessment.models import RosterEntry

    session = assessor.session("2026-02-10")
    for learner in on_roster:
        RosterEntry.objects.create(session=session, learner=learner)
    RosterEntry.objects.create(session=assessor.session("2026-09-10"), learner=b.learners(1)[0])
    client.post(
        f"/orgs/fund/outcomes/programs/{program.pk}/cohorts/",
        {"name": "Feb", "starts_on": "2026-02-01", "ends_on": "2026-02-28"},
    )
    cohort = program.cohorts.get()
    assert set(cohort.enrolments.values_list("learner_id", flat=True)) == {u.pk for u in on_roster}


def test_a_program_with_end_before_start_names_the_field(
    world: Any, funded: dict[str, Any]
) -> None:
    response = _client(world, "funder_analyst").post(
        "/orgs/fund/outcomes/programs/new/",
        {
            "name": "Backwards",
            "provider": world.issuer.pk,
            "micro_credentials": [funded["version"].micro_credential.pk],
            "starts_on": "2026-12-31",
            "ends_on": "2026-01-01",
        },
    )
    assert response.status_code == 400
    assert "The end date must be on or after the start date." in response.content.decode()
    assert not FundedProgram.objects.filter(name="Backwards").exists()
