"""The outcomes API: reports exactly as the pages show them, and a learner's own answers."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from skillstack.outcomes.models import LearnerDemographics
from tests.factories import sign_in
from tests.outcomes import builders as b


@pytest.fixture
def program(world: Any) -> Any:
    v = b.version(world.issuer)
    prog = b.program(world.funder, world.issuer, [v], name="API Program")
    b.cohort(prog, b.learners(11), "2026-01-01", "2026-03-31", name="Big")
    b.cohort(prog, b.learners(2), "2026-04-01", "2026-06-30", name="Small")
    return prog


def _client(world: Any, persona: str) -> Client:
    client = Client()
    sign_in(client, world.people[persona])
    return client


def test_report_json_carries_the_marker_never_the_number(world: Any, program: Any) -> None:
    client = _client(world, "funder_analyst")
    listing = client.get("/api/orgs/fund/outcomes/programs").json()
    small = next(c for c in listing[0]["cohorts"] if c["name"] == "Small")
    url = f"/api/orgs/fund/outcomes/programs/{program.pk}/report"
    body = client.get(url, {"cohort": small["id"], "as_of": "2026-11-01"}).json()
    enrolled = body["rows"][-1]["cells"][0]
    assert enrolled == {
        "column": "enrolled",
        "text": "suppressed: fewer than 10",
        "suppressed": True,
    }
    everyone = client.get(url, {"as_of": "2026-11-01"}).json()
    assert everyone["rows"][-1]["cells"][0]["text"] == "13"
    assert len(everyone["content_hash"]) == 64


def test_bad_filters_are_named(world: Any, program: Any) -> None:
    client = _client(world, "funder_analyst")
    url = f"/api/orgs/fund/outcomes/programs/{program.pk}/report"
    response = client.get(url, {"dimension": "salary"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "dimension"
    assert client.get(url, {"cohort": 999999}).status_code == 404


def test_the_learner_answers_and_consents_through_the_api(world: Any) -> None:
    client = _client(world, "learner")
    response = client.put(
        "/api/me/demographics",
        {"ethnicity": "hispanic", "sex": "female", "races": ["white"]},
        content_type="application/json",
    )
    assert response.status_code == 204
    record = LearnerDemographics.objects.get(user=world.people["learner"])
    assert record.race_ethnicity == "hispanic"
    bad = client.put("/api/me/demographics", {"sex": "robot"}, content_type="application/json")
    assert bad.status_code == 422
    consent = client.put(
        "/api/me/demographics/consent", {"granted": True}, content_type="application/json"
    )
    assert consent.json()["granted"] is True
    record.refresh_from_db()
    assert record.consented
