"""Hand-worked rankings of candidates for an opening (numbers in the comments: rules.py).

Required skills weigh 2, preferred 1; the score is the weighted share of each skill's best
credit, 0-100."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from skillstack.issuing.lifecycle import credential_revoke
from skillstack.matching import matches, services
from tests.conftest import World
from tests.factories import make_user
from tests.matching.helpers import (
    discoverable,
    earn,
    equivalent,
    micro_credential,
    opening,
    skill,
)


def learner(name: str) -> Any:
    return make_user(email=f"{name.lower()}@example.test", full_name=name, learner=True)


def ranking(job: Any, **kwargs: Any) -> list[tuple[str, float]]:
    return [
        (m.candidate.full_name, m.explanation.score)
        for m in matches.opening_matches(opening=job, **kwargs)
    ]


@pytest.fixture
def lab(world: World) -> dict[str, Any]:
    aseptic = skill("Aseptic technique")
    gdp = skill("Good documentation practice")
    return {
        "aseptic": aseptic,
        "gdp": gdp,
        "mc_aseptic": micro_credential(world.issuer, "Aseptic Technique", [aseptic]),
        "mc_both": micro_credential(world.issuer, "Cleanroom Operator", [aseptic, gdp]),
        "mc_gdp": micro_credential(world.issuer, "GMP Records", [gdp]),
        "mc_basic": micro_credential(
            world.issuer, "Aseptic Basics", [aseptic], level="Foundational"
        ),
    }


def test_ranked_by_score_and_ties_by_candidate_id(world: World, lab: dict[str, Any]) -> None:
    people = {name: learner(name) for name in ("Ana", "Ben", "Cara", "Dan", "Eve")}
    for person in people.values():
        discoverable(person)
    earn(world, people["Ana"], lab["mc_aseptic"])
    earn(world, people["Ben"], lab["mc_both"])
    earn(world, people["Cara"], lab["mc_aseptic"])
    earn(world, people["Dan"], lab["mc_gdp"])  # misses the required skill
    earn(world, people["Eve"], lab["mc_basic"])  # below the minimum level
    job = opening(
        world, "Cell culture technician", [(lab["aseptic"], True, 2), (lab["gdp"], False, 1)]
    )

    # Ben: 2*1 + 1*1 of 3 = 100; Ana and Cara: 2*1 of 3 = 66.6667, Ana first (older id).
    assert ranking(job) == [("Ben", 100.0), ("Ana", 66.6667), ("Cara", 66.6667)]
    assert ranking(job) == ranking(job)  # deterministic


def test_a_relaxed_opening_ranks_those_missing_a_required_skill_flagged(
    world: World, lab: dict[str, Any]
) -> None:
    dan, eve = learner("Dan"), learner("Eve")
    discoverable(dan)
    discoverable(eve)
    earn(world, dan, lab["mc_gdp"])
    earn(world, eve, lab["mc_basic"])
    job = opening(
        world,
        "Cell culture technician",
        [(lab["aseptic"], True, 2), (lab["gdp"], False, 1)],
        relax_required=True,
    )
    found = matches.opening_matches(opening=job)
    # Dan: preferred only, 1 of 3 = 33.3333. Eve: level 1 of 2 counts 0.5*1/2 = 0.25 → 2*0.25/3.
    assert [(m.candidate.full_name, m.explanation.score) for m in found] == [
        ("Dan", 33.3333),
        ("Eve", 16.6667),
    ]
    assert all(m.explanation.missing_required == 1 for m in found)
    assert "relaxed" in found[0].explanation.flags[0]
    eve_line = next(
        line for line in found[1].explanation.lines if line.label == "Aseptic technique"
    )
    assert eve_line.status == "partial" and eve_line.proof is not None
    assert eve_line.proof.credential_name == "Aseptic Basics"


def test_explanation_names_the_credential_and_the_gap(world: World, lab: dict[str, Any]) -> None:
    ana = learner("Ana")
    discoverable(ana)
    credential = earn(world, ana, lab["mc_aseptic"])
    job = opening(world, "QC associate", [(lab["aseptic"], True, 2), (lab["gdp"], False, 1)])
    (match,) = matches.opening_matches(opening=job)
    met, gap = match.explanation.lines
    assert met.status == "met" and met.proof is not None
    assert met.proof.credential_name == "Aseptic Technique"
    assert met.proof.issuer_name == world.issuer.name
    assert met.proof.earned_at == credential.issued_at
    assert met.proof.url == f"/wallet/credentials/{credential.pk}/"
    assert gap.status == "missing" and gap.proof is None
    # What would close the gap: every published micro-credential proving it, any issuer.
    assert {p.name for p in gap.close_with} == {"Cleanroom Operator", "GMP Records"}


def test_an_expired_credential_never_counts_and_one_expiring_soon_counts_less(
    world: World,
) -> None:
    aseptic = skill("Aseptic technique")
    yearly = micro_credential(world.issuer, "Aseptic (annual)", [aseptic], validity_months=12)
    ana = learner("Ana")
    discoverable(ana)
    credential = earn(world, ana, yearly)
    assert credential.valid_until is not None
    job = opening(world, "Fill-finish operator", [(aseptic, True, 1)])

    assert ranking(job) == [("Ana", 100.0)]
    # 90 days left of 180: 0.5 + 0.5 * 90/180 = 0.75.
    assert ranking(job, now=credential.valid_until - timedelta(days=90)) == [("Ana", 75.0)]
    assert ranking(job, now=credential.valid_until + timedelta(seconds=1)) == []


def test_a_revoked_credential_drops_the_candidate_at_once(
    world: World, lab: dict[str, Any]
) -> None:
    ana = learner("Ana")
    discoverable(ana)
    job = opening(world, "QC associate", [(lab["aseptic"], True, 1)])
    assert ranking(job) == []

    credential = earn(world, ana, lab["mc_aseptic"])  # the signal updates her standing
    assert ranking(job) == [("Ana", 100.0)]

    credential_revoke(credential=credential, actor=world.people["issuer_admin"], reason="Error")
    assert ranking(job) == []


def test_withdrawing_consent_hides_at_once_and_unchosen_employers_see_nothing(
    world: World, lab: dict[str, Any]
) -> None:
    from skillstack.accounts.roles import OrgKind
    from tests.factories import grant, make_org

    other = make_org(kind=OrgKind.EMPLOYER, name="Meridian Cell", slug="meridian")
    grant(make_user(), other, "recruiter")
    ana = learner("Ana")
    earn(world, ana, lab["mc_aseptic"])
    ours = opening(world, "QC associate", [(lab["aseptic"], True, 1)])
    theirs = opening(world, "QC analyst", [(lab["aseptic"], True, 1)], employer=other)
    assert ranking(ours) == []  # not discoverable by default

    discoverable(ana, employers=[world.employer])
    assert ranking(ours) == [("Ana", 100.0)]
    assert ranking(theirs) == []
    assert matches.candidate_for_opening(opening=theirs, candidate_pk=ana.pk) is None

    services.discoverability_withdraw(candidate=ana, actor=ana)
    assert ranking(ours) == []
    assert matches.candidate_for_opening(opening=ours, candidate_pk=ana.pk) is None


def test_a_declared_equivalence_counts_as_the_skill(world: World) -> None:
    ours = skill("Aseptic technique")
    theirs = skill("Sterile handling")
    equivalent(ours, theirs, by=world.coalition)
    mc = micro_credential(world.issuer, "Sterile Handling", [theirs])
    ana = learner("Ana")
    discoverable(ana)
    earn(world, ana, mc)
    job = opening(world, "Fill-finish operator", [(ours, True, 2)])
    (match,) = matches.opening_matches(opening=job)
    assert match.explanation.score == 100.0
    (line,) = match.explanation.lines
    assert line.status == "met" and line.proof is not None
    assert line.proof.relation == "equivalent"
    assert line.proof.proven_skill_label == "Sterile handling"


def test_narrower_proves_broader_partly_and_broader_proves_narrower_less(world: World) -> None:
    lab_work = skill("Laboratory techniques")
    pipetting = skill("Use micropipettes", broader=lab_work)
    specific = micro_credential(world.issuer, "Accurate Pipetting", [pipetting])
    general = micro_credential(world.issuer, "Lab Foundations", [lab_work])
    ana, ben = learner("Ana"), learner("Ben")
    for person in (ana, ben):
        discoverable(person)
    earn(world, ana, specific)
    earn(world, ben, general)

    broad_job = opening(world, "Lab assistant", [(lab_work, True, 1)])
    # Ben holds it exactly (100); Ana's narrower skill proves it at 80 % and meets it.
    assert ranking(broad_job) == [("Ben", 100.0), ("Ana", 80.0)]

    narrow_job = opening(world, "Pipetting technician", [(pipetting, True, 1)])
    # A broader credential does not meet a narrower required skill...
    assert ranking(narrow_job) == [("Ana", 100.0)]
    relaxed = opening(world, "Pipetting trainee", [(pipetting, True, 1)], relax_required=True)
    # ... it counts 50 % when the requirement is relaxed.
    assert ranking(relaxed) == [("Ana", 100.0), ("Ben", 50.0)]


def test_preferences_filter_shift_wage_and_place(world: World, lab: dict[str, Any]) -> None:
    ana = learner("Ana")
    discoverable(ana)
    earn(world, ana, lab["mc_aseptic"])
    asks = [(lab["aseptic"], True, 1)]
    night = opening(world, "Night operator", asks, shift="night", location="Boston, MA")
    low_pay = opening(world, "Trainee", asks, wage_max="25.00", location="Boston")
    yearly = opening(world, "Analyst", asks, wage_max="70000", wage_unit="year", location="Boston")
    elsewhere = opening(world, "Operator", asks, location="Worcester, MA")
    remote = opening(world, "Remote QA reviewer", asks, remote="remote", location="Anywhere")
    services.job_preferences_update(
        candidate=ana,
        actor=ana,
        locations=["Boston"],
        shifts=["day", "evening"],
        wage_floor="62400",  # a year: 30 an hour
        wage_unit="year",
        remote_ok=True,
    )
    assert ranking(night) == []
    assert ranking(low_pay) == []  # 25/h < 30/h
    assert ranking(yearly) == [("Ana", 100.0)]  # 70,000/yr ≈ 33.65/h
    assert ranking(elsewhere) == []
    assert ranking(remote) == [("Ana", 100.0)]
    services.job_preferences_update(candidate=ana, actor=ana, remote_ok=False)
    assert ranking(remote) == []
    assert ranking(night) == [("Ana", 100.0)]  # preferences cleared: any shift, any place


def test_a_degree_never_hides_a_candidate_and_is_flagged(world: World, lab: dict[str, Any]) -> None:
    ana = learner("Ana")
    discoverable(ana)
    earn(world, ana, lab["mc_aseptic"])
    job = opening(world, "QC associate", [(lab["aseptic"], True, 1)], degree_requirement="required")
    (match,) = matches.opening_matches(opening=job)
    flags = " ".join(match.explanation.flags)
    assert "requires a degree" in flags
    assert "can be proven by a published micro-credential" in flags


def test_self_declared_skills_are_shown_but_never_score(world: World, lab: dict[str, Any]) -> None:
    ana = learner("Ana")
    discoverable(ana)
    services.declared_skill_add(candidate=ana, skill=lab["aseptic"], level=3, actor=ana)
    job = opening(world, "QC associate", [(lab["aseptic"], True, 1), (lab["gdp"], False, 1)])
    assert ranking(job) == []
    earn(world, ana, lab["mc_gdp"])
    relaxed = opening(
        world,
        "QC trainee",
        [(lab["aseptic"], True, 1), (lab["gdp"], False, 1)],
        relax_required=True,
    )
    (match,) = matches.opening_matches(opening=relaxed)
    line = next(x for x in match.explanation.lines if x.label == "Aseptic technique")
    assert line.status == "missing" and line.declared is True
    assert match.explanation.score == 33.3333
