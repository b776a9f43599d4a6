"""The matching API: consent and preferences, ranked jobs, an opening's ranked candidates."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from skillstack.matching import selectors
from tests.conftest import World
from tests.factories import make_user, sign_in
from tests.matching.helpers import earn, micro_credential, opening, skill


@pytest.fixture
def ana(world: World) -> Any:
    aseptic, gdp = skill("Aseptic technique"), skill("Good documentation practice")
    person = make_user(email="ana@example.test", full_name="Ana Ruiz", learner=True)
    earn(world, person, micro_credential(world.issuer, "Aseptic Technique", [aseptic]))
    micro_credential(world.issuer, "GMP Records", [gdp])
    person.job = opening(world, "Fill-finish operator", [(aseptic, True, 1), (gdp, False, 1)])
    return person


def _client(user: Any) -> Client:
    client = Client()
    sign_in(client, user)
    return client


def _put(client: Client, url: str, body: dict[str, Any]) -> Any:
    return client.put(url, data=json.dumps(body), content_type="application/json")


def test_consent_then_recruiter_sees_the_explained_match(world: World, ana: Any) -> None:
    client = _client(ana)
    url = f"/api/orgs/{world.employer.slug}/openings/{ana.job.pk}/matches"
    recruiter = _client(world.people["recruiter"])
    assert recruiter.get(url).json() == []

    response = _put(
        client, "/api/me/candidate/consent", {"discoverable_to": "chosen", "employers": ["plant"]}
    )
    assert response.status_code == 200
    assert response.json()["employers"] == [{"slug": "plant", "name": world.employer.name}]

    (match,) = recruiter.get(url).json()
    assert match["full_name"] == "Ana Ruiz" and match["rank"] == 1
    explanation = match["explanation"]
    assert explanation["score"] == pytest.approx(66.6667)
    met, gap = explanation["skills"]
    assert met["status"] == "met" and met["proof"]["credential_name"] == "Aseptic Technique"
    assert gap["status"] == "missing" and gap["close_with"][0]["name"] == "GMP Records"
    one = recruiter.get(f"{url}/{ana.pk}")
    assert one.status_code == 200 and one.json()["candidate_id"] == ana.pk

    _put(client, "/api/me/candidate/consent", {"discoverable_to": "none"})
    assert recruiter.get(url).json() == []
    assert recruiter.get(f"{url}/{ana.pk}").status_code == 404


def test_unknown_employer_is_named(ana: Any) -> None:
    response = _put(
        _client(ana),
        "/api/me/candidate/consent",
        {"discoverable_to": "chosen", "employers": ["nobody-here"]},
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "employers"


def test_preferences_filter_jobs_for_me(ana: Any) -> None:
    client = _client(ana)
    (job,) = client.get("/api/me/jobs").json()
    assert job["title"] == "Fill-finish operator"
    assert job["explanation"]["skills"][0]["proof"]["issuer_name"]
    response = _put(
        client, "/api/me/candidate/preferences", {"shifts": ["night"], "wage_floor": "20.00"}
    )
    assert response.status_code == 200 and response.json()["shifts"] == ["night"]
    assert client.get("/api/me/jobs").json() == []  # a day-shift job no longer fits
    bad = _put(client, "/api/me/candidate/preferences", {"earliest_start": "2027-02-31"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "earliest_start"


def test_profile_lists_verified_and_self_declared_skills(ana: Any) -> None:
    client = _client(ana)
    skill_id = selectors.verified_skills_of(candidate=ana)[0].skill_id
    other = skill("Gowning")
    added = client.post(
        "/api/me/candidate/declared-skills",
        data=json.dumps({"declared_skill_id": other.pk, "level": 2}),
        content_type="application/json",
    )
    assert added.status_code == 201
    profile = client.get("/api/me/candidate").json()
    assert [s["skill_id"] for s in profile["verified_skills"]] == [skill_id]
    assert profile["declared_skills"][0]["self_declared"] is True
    removed = client.delete(f"/api/me/candidate/declared-skills/{added.json()['id']}")
    assert removed.status_code == 204
    other_person = _client(make_user(learner=True))
    assert (
        other_person.delete(f"/api/me/candidate/declared-skills/{added.json()['id']}").status_code
        == 404
    )
