"""The learner's preferences, skills and jobs pages, and the recruiter's matches pages."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from skillstack.matching import selectors
from skillstack.matching.models import ConsentEvent
from tests.conftest import World
from tests.factories import make_user, sign_in
from tests.matching.helpers import discoverable, earn, micro_credential, opening, skill


@pytest.fixture
def setup(world: World) -> dict[str, Any]:
    aseptic, gdp = skill("Aseptic technique"), skill("Good documentation practice")
    mc = micro_credential(world.issuer, "Aseptic Technique", [aseptic])
    micro_credential(world.issuer, "GMP Records", [gdp])
    ana = make_user(email="ana@example.test", full_name="Ana Ruiz", learner=True)
    credential = earn(world, ana, mc)
    job = opening(world, "Fill-finish operator", [(aseptic, True, 1), (gdp, False, 1)])
    return {"ana": ana, "job": job, "credential": credential, "aseptic": aseptic}


def _as(user: Any) -> Client:
    client = Client()
    sign_in(client, user)
    return client


def test_a_learner_opts_in_on_the_preferences_page(world: World, setup: dict[str, Any]) -> None:
    ana = setup["ana"]
    client = _as(ana)
    page = client.get("/me/job-preferences/")
    assert page.status_code == 200
    assert b"Not discoverable" in page.content
    response = client.post(
        "/me/job-preferences/",
        {
            "discoverable_to": "chosen",
            "employers": [world.employer.pk],
            "locations": "Boston, Worcester",
            "remote_ok": "on",
            "shifts": ["day"],
            "wage_floor": "24",
            "wage_unit": "hour",
            "earliest_start": "2027-01-15",
        },
    )
    assert response.status_code == 302
    assert selectors.candidate_is_discoverable_by(user=ana, employer=world.employer)
    prefs = selectors.job_preferences_of(candidate=ana)
    assert prefs.locations == ["Boston", "Worcester"] and prefs.shifts == ["day"]
    # Saving again without changing consent records no new consent event.
    client.post(
        "/me/job-preferences/",
        {"discoverable_to": "chosen", "employers": [world.employer.pk], "wage_unit": "hour"},
    )
    assert ConsentEvent.objects.filter(candidate=ana).count() == 1


def test_chosen_without_an_employer_is_refused_with_nothing_saved(
    setup: dict[str, Any],
) -> None:
    client = _as(setup["ana"])
    response = client.post(
        "/me/job-preferences/",
        {"discoverable_to": "chosen", "wage_unit": "hour", "locations": "Lowell"},
    )
    assert response.status_code == 200
    assert b"Tick at least one employer" in response.content
    assert selectors.job_preferences_of(candidate=setup["ana"]).pk is None


def test_jobs_for_me_ranks_and_explains(setup: dict[str, Any]) -> None:
    page = _as(setup["ana"]).get("/me/jobs/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Fill-finish operator" in text
    assert "Aseptic Technique" in text  # the credential proving the required skill
    assert "GMP Records" in text  # what would close the preferred gap
    detail = _as(setup["ana"]).get(f"/me/jobs/{setup['job'].pk}/")
    assert detail.status_code == 200 and b"How you match" in detail.content


def test_recruiter_sees_explained_matches_only_of_consenting_candidates(
    world: World, setup: dict[str, Any]
) -> None:
    recruiter = _as(world.people["recruiter"])
    url = f"/orgs/{world.employer.slug}/openings/{setup['job'].pk}/matches/"
    assert b"Ana Ruiz" not in recruiter.get(url).content  # not discoverable yet
    candidate_url = f"{url}{setup['ana'].pk}/"
    assert recruiter.get(candidate_url).status_code == 404

    discoverable(setup["ana"])
    page = recruiter.get(url)
    assert b"Ana Ruiz" in page.content and b"Aseptic Technique" in page.content
    detail = recruiter.get(candidate_url)
    assert detail.status_code == 200
    assert b"Good documentation practice" in detail.content and b"Missing" in detail.content


def test_another_employer_cannot_open_our_opening(world: World, setup: dict[str, Any]) -> None:
    from skillstack.accounts.roles import OrgKind
    from tests.factories import grant, make_org

    other = make_org(kind=OrgKind.EMPLOYER, slug="meridian")
    stranger = make_user()
    grant(stranger, other, "recruiter")
    discoverable(setup["ana"])
    response = _as(stranger).get(f"/orgs/meridian/openings/{setup['job'].pk}/matches/")
    assert response.status_code == 404
    refused = _as(stranger).get(f"/orgs/{world.employer.slug}/openings/{setup['job'].pk}/matches/")
    assert refused.status_code == 403
    assert (
        _as(world.people["learner"])
        .get(f"/orgs/{world.employer.slug}/openings/{setup['job'].pk}/matches/")
        .status_code
        == 403
    )


def test_self_declared_skills_page(setup: dict[str, Any]) -> None:
    client = _as(setup["ana"])
    found = client.get("/me/skills/?q=aseptic")
    assert b"Aseptic technique" in found.content
    client.post("/me/skills/", {"skill": setup["aseptic"].pk, "level": 3})
    declared = selectors.declared_skills_of(candidate=setup["ana"]).get()
    page = client.get("/me/skills/")
    assert b"self-declared" in page.content and b"Aseptic Technique" in page.content
    client.post(f"/me/skills/declared/{declared.pk}/remove/")
    assert not selectors.declared_skills_of(candidate=setup["ana"]).exists()
