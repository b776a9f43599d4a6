"""Curriculum gaps against a hand-worked set of openings (weights: positions x recency x need).

world.issuer teaches skill A (and, by declared equivalence, A2). Openings, published now:
    O1 plant, 3 positions, required A, B, C
    O2 plant, 1 position, required B; preferred D
    O3 other region (Boston), 2 positions, required E
    O4 published 8 months ago, 1 position, closed, required B  (recency x0.5)
Demand (all regions, 12 months): B = 3 + 1 + 0.5 = 4.5; C = 3; E = 2; D = 0.5; A covered.
Near misses: learner X holds world.issuer's credential with A and B → 2 of O1's 3 required
skills (a near miss) → misses C. Learner Y holds A only → 1 of 3, not a near miss.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from skillstack.catalog.models import SkillEquivalence
from skillstack.jobs.models import Opening
from skillstack.outcomes.insights import gap_report
from tests.factories import sign_in
from tests.outcomes import builders as b


def _ago(days: int) -> str:
    return (timezone.localdate() - datetime.timedelta(days=days)).isoformat()


@pytest.fixture
def market(world: Any) -> dict[str, Any]:
    skills = {name: b.skill(f"Skill {name}") for name in ("A", "A2", "B", "C", "D", "E")}
    SkillEquivalence.objects.create(
        skill_a=min(skills["A"], skills["A2"], key=lambda s: s.pk),
        skill_b=max(skills["A"], skills["A2"], key=lambda s: s.pk),
        declared_by=world.issuer,
    )
    taught = b.version(world.issuer, skills=(skills["A"],))
    both = b.version(world.other_issuer, name="Buffer Prep", skills=(skills["B"],))
    s = skills
    o1 = b.opening(world.employer, skills=(s["A"], s["B"], s["C"]), positions=3, published=_ago(5))
    o2 = b.opening(world.employer, skills=(s["B"],), positions=1, published=_ago(5))
    from skillstack.jobs.models import OpeningSkill

    OpeningSkill.objects.create(opening=o2, skill=s["D"], required=False)
    b.opening(
        world.employer, skills=(s["E"],), positions=2, published=_ago(5), location="Boston, MA"
    )
    b.opening(world.employer, skills=(s["B"],), status="closed", published=_ago(240))
    x, y = b.learners(2)
    b.credential(x, taught, _ago(30))
    b.credential(x, both, _ago(30))
    b.credential(y, taught, _ago(30))
    return {"skills": skills, "o1": o1}


def test_ranked_gaps_with_their_weights_and_openings(world: Any, market: dict[str, Any]) -> None:
    report = gap_report(provider_id=world.issuer.pk, now=timezone.now())
    ranked = [(g["skill__label"], round(g["demand"], 2), g["openings"]) for g in report["gaps"]]
    assert ranked == [
        ("Skill B", 4.5, 3),
        ("Skill C", 3.0, 1),
        ("Skill E", 2.0, 1),
        ("Skill D", 0.5, 1),
    ]
    assert report["gaps"][1]["behind"][0]["opening__positions"] == 3
    assert [c["skill__label"] for c in report["covered_demanded"]] == ["Skill A"]


def test_region_and_occupation_filters(world: Any, market: dict[str, Any]) -> None:
    boston = gap_report(provider_id=world.issuer.pk, now=timezone.now(), location="boston")
    assert [g["skill__label"] for g in boston["gaps"]] == ["Skill E"]
    Opening.objects.filter(pk=market["o1"].pk).update(occupation_code="19-4021.00")
    techs = gap_report(provider_id=world.issuer.pk, now=timezone.now(), occupation="19-4021")
    assert [g["skill__label"] for g in techs["gaps"]] == ["Skill B", "Skill C"]
    recent = gap_report(provider_id=world.issuer.pk, now=timezone.now(), months=3)
    assert round(recent["gaps"][0]["demand"], 2) == 4.0  # the 8-month-old closed one drops out


def test_near_miss_learners_miss_skill_c(world: Any, market: dict[str, Any]) -> None:
    report = gap_report(provider_id=world.issuer.pk, now=timezone.now())
    assert [(n["label"], n["learners"], n["covered"]) for n in report["near"]] == [
        ("Skill C", 1, False)
    ]


def test_monthly_trend_counts_positions(world: Any, market: dict[str, Any]) -> None:
    report = gap_report(provider_id=world.issuer.pk, now=timezone.now())
    labels = [label for _, label in report["trend"]["skills"]]
    assert labels[0] == "Skill B"
    skill_b = [values[0] for _, values in report["trend"]["rows"]]
    assert sum(skill_b) == 5  # B: 3 + 1 (this month or last) + 1 (eight months ago)
    assert len(skill_b) >= 2  # two months at least: now and eight months ago


def test_provider_staff_open_the_gap_page(world: Any, market: dict[str, Any]) -> None:
    client = Client()
    sign_in(client, world.people["designer"])
    page = client.get("/orgs/bioskills/outcomes/gaps/")
    body = page.content.decode()
    assert page.status_code == 200
    assert "Skill B" in body and "Skill C" in body
    assert client.get("/orgs/bioskills/outcomes/gaps/?months=junk").status_code == 400
