"""Employer ROI and the alliance view against hand-worked hires (report date today).

world.employer ('plant') hires four people through the alliance:
    H1 starts 400 days ago, still employed           → retained at 90, 180, 365
    H2 starts 200 days ago, left on day 100          → retained at 90, not at 180
    H3 starts 100 days ago, still employed, promoted → retained at 90
    H4 starts 10 days ago                            → too recent for any
Retention: 90 → 3 of 3 = 100.0%; 180 → 1 of 2 = 50.0%; 365 → 1 of 1 = 100.0%.
Openings published 420, 230 and 120 days ago; their first hires start 400 (H1), 200 (H2)
and 10 (H4) days ago, so time to fill is 20, 30 and 110 days → median 30.
Degree: H1, H2, H3 went into openings that ask none, H4 into one that requires one → 75.0%.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from skillstack.outcomes.insights import alliance_report, roi_report
from skillstack.outcomes.models import EmployerBaseline
from tests.factories import sign_in
from tests.outcomes import builders as b


def ago(days: int) -> str:
    return (timezone.localdate() - datetime.timedelta(days=days)).isoformat()


@pytest.fixture
def hires(world: Any) -> list[Any]:
    skill = b.skill("Aseptic gowning")
    b.version(world.issuer, skills=(skill,))
    o1 = b.opening(world.employer, published=ago(420), skills=(skill,), occupation="51-9199.00")
    o2 = b.opening(world.employer, published=ago(230), degree="none", occupation="51-9199.00")
    o3 = b.opening(
        world.employer,
        published=ago(120),
        degree="required",
        skills=(skill,),
        occupation="19-4021.00",
    )
    people = b.learners(4)
    b.placement(b.application(o1, people[0], ago(410)), ago(400))
    b.placement(b.application(o2, people[1], ago(210)), ago(200), ended=ago(100))
    b.placement(b.application(o1, people[2], ago(110)), ago(100), promoted=ago(20))
    b.placement(b.application(o3, people[3], ago(110)), ago(100 - 90))
    b.application(o3, b.learners(1)[0], ago(5))
    return people


def test_roi_figures_match_the_hand_worked_hires(world: Any, hires: list[Any]) -> None:
    report = roi_report(employer_id=world.employer.pk, as_of=timezone.localdate())
    rows = {r["label"]: r for r in report["rows"]}
    assert rows["Retention at 90 days"]["alliance"] == 100.0
    assert rows["Retention at 180 days"]["alliance"] == 50.0
    assert rows["Retention at 180 days"]["base"] == 2
    assert rows["Retention at 365 days"]["alliance"] == 100.0
    assert rows["Time to fill (median days, posting to first start)"]["alliance"] == 30
    assert rows["Hires into jobs that ask no degree"]["alliance"] == 75.0
    consented = rows["Hires with no college degree (self-declared, with consent)"]
    assert consented["suppressed"] == "suppressed: fewer than 10"
    assert consented["alliance"] is None
    assert report["figures"]["promoted"] == 1


def test_employer_admin_declares_a_baseline_and_sees_it_beside_alliance_figures(
    world: Any, hires: list[Any]
) -> None:
    from tests.factories import grant, make_user

    admin = make_user()
    grant(admin, world.employer, "org_admin")
    client = Client()
    sign_in(client, admin)
    response = client.post(
        "/orgs/plant/outcomes/roi/baseline/",
        {"retention_90": "71.5", "time_to_fill_days": "45", "no_degree_share": "140"},
    )
    assert response.status_code == 302
    assert not EmployerBaseline.objects.exists()  # 140 % refused, nothing half-written
    client.post(
        "/orgs/plant/outcomes/roi/baseline/", {"retention_90": "71.5", "time_to_fill_days": "45"}
    )
    page = client.get("/orgs/plant/outcomes/roi/").content.decode()
    assert "71.5%" in page and "45 days" in page
    assert "@media print" in page


def test_recruiter_reads_roi_but_may_not_declare_the_baseline(world: Any, hires: list[Any]) -> None:
    client = Client()
    sign_in(client, world.people["recruiter"])
    assert client.get("/orgs/plant/outcomes/roi/").status_code == 200
    response = client.post("/orgs/plant/outcomes/roi/baseline/", {"retention_90": "50"})
    assert response.status_code == 403


def test_alliance_pipeline_and_ripe_roles(world: Any, hires: list[Any]) -> None:
    report = alliance_report(as_of=timezone.localdate())
    pipe = report["pipeline"]
    assert pipe["openings"]["open"]["n"] == 3
    assert pipe["stages"] == {"hired": 4, "applied": 1}
    assert pipe["candidates"] == 5
    assert pipe["retention"]["hires"] == 4
    by_code = {o["occupation_code"]: o for o in report["occupations"]}
    # 19-4021: its one required skill is taught, and it still requires a degree → ripe, first
    assert report["occupations"][0]["occupation_code"] == "19-4021.00"
    assert by_code["19-4021.00"]["ripe"] and by_code["19-4021.00"]["degree"] == 1
    assert by_code["51-9199.00"]["ripe"]  # o2 asks no skill, o1's one skill is covered
    assert by_code["51-9199.00"]["openings"] == 2


def test_only_coalition_admins_open_the_alliance_view(world: Any, hires: list[Any]) -> None:
    for persona, status in (
        ("coalition_admin", 200),
        ("funder_analyst", 403),
        ("issuer_admin", 403),
    ):
        client = Client()
        sign_in(client, world.people[persona])
        assert client.get("/outcomes/alliance/").status_code == status
