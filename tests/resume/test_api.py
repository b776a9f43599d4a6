"""The resume API (/api/me/resume…): the learner's own resume as JSON, with the same rules as
the pages."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from skillstack.resume.models import Experience
from tests.conftest import World
from tests.factories import make_user, sign_in
from tests.resume.helpers import held_credential

pytestmark = pytest.mark.django_db


def _send(client: Client, method: str, url: str, body: dict[str, Any] | None = None) -> Any:
    data = json.dumps(body) if body is not None else ""
    return client.generic(method, url, data=data, content_type="application/json")


def test_a_learner_composes_and_publishes_through_the_api(client: Client, world: World) -> None:
    credential = held_credential(world, name="Aseptic Technique", skills=["Aseptic", "Gowning"])
    gowning = credential.micro_credential_version.skills.get(label="Gowning")  # type: ignore[union-attr]
    sign_in(client, world.people["learner"])
    body = {
        "headline": "Upstream technician",
        "credentials": [credential.credential_id],
        "hidden_skills": [gowning.pk],
        "search_engines": "allowed",
    }
    response = _send(client, "PATCH", "/api/me/resume", body)
    assert response.status_code == 200, response.content
    assert response.json()["credentials"][0]["shared"] is False  # not without consent
    assert response.json()["search_engines"] == "allowed"
    response = _send(client, "POST", "/api/me/resume/share-links")
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["headline"] == "Upstream technician" and data["published"] is False
    (shown,) = data["credentials"]
    assert shown["name"] == "Aseptic Technique" and shown["shared"] is True
    assert shown["verify_url"].startswith("http://testserver/c/")
    assert [s["name"] for s in data["skills"]] == ["Aseptic"]
    assert data["skills"][0]["credentials"] == [credential.credential_id]

    entry = {"role": "Media prep", "organisation": "Helix Ridge", "started_on": "2024-02-01"}
    entry["visibility"] = "shown"
    created = _send(client, "POST", "/api/me/resume/experiences", entry)
    assert created.status_code == 201 and created.json()["ended_on"] is None
    assert created.json()["visibility"] == "shown"
    secret = {**entry, "role": "Secret project", "visibility": "hidden"}
    hidden = _send(client, "POST", "/api/me/resume/experiences", secret)
    assert hidden.status_code == 201 and hidden.json()["visibility"] == "hidden"

    published = _send(client, "POST", "/api/me/resume/publish", {}).json()
    assert published["published"] is True
    public = Client().get(published["public_url"]).content.decode()
    assert "Aseptic Technique" in public and "Media prep, Helix Ridge" in public
    assert "Secret project" not in public

    revoked = _send(client, "POST", "/api/me/resume/revoke").json()
    assert revoked["published"] is False and revoked["public_url"] is None
    assert Client().get(published["public_url"]).status_code == 404


def test_the_presentation_from_the_api_verifies(client: Client, world: World) -> None:
    credential = held_credential(world)
    sign_in(client, world.people["learner"])
    _send(client, "PATCH", "/api/me/resume", {"credentials": [credential.credential_id]})
    presentation = client.get("/api/me/resume/presentation").json()
    report = _send(Client(), "POST", "/api/verify", {"credential": presentation}).json()
    assert report["verified"] is True
    assert [c["name"] for c in report["credentials"]] == ["Aseptic Technique"]


def test_errors_name_the_api_field(client: Client, world: World) -> None:
    sign_in(client, world.people["learner"])
    entry = {
        "role": "Media prep",
        "organisation": "Helix Ridge",
        "started_on": "2024-02-01",
        "ended_on": "2023-01-01",
    }
    response = _send(client, "POST", "/api/me/resume/experiences", entry)
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "ended_on", "message": "The end date is before the start date."}
    ]
    unknown = _send(client, "PATCH", "/api/me/resume", {"credentials": ["urn:uuid:nope"]})
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["field"] == "credentials"
    past = _send(client, "POST", "/api/me/resume/publish", {"expires_on": "2020-01-01"})
    assert past.status_code == 422 and past.json()["errors"][0]["field"] == "expires_on"


def test_another_learners_entry_answers_404(client: Client, world: World) -> None:
    other = make_user(email="other.learner@example.test", learner=True)
    sign_in(client, other)
    entry = {"role": "Media prep", "organisation": "Helix Ridge", "started_on": "2024-02-01"}
    theirs = _send(client, "POST", "/api/me/resume/experiences", entry).json()["id"]
    sign_in(client, world.people["learner"])
    response = _send(client, "DELETE", f"/api/me/resume/experiences/{theirs}")
    assert response.status_code == 404
    assert Experience.objects.filter(pk=theirs).exists()


def test_a_recruiter_has_no_resume_api(client: Client, world: World) -> None:
    sign_in(client, world.people["recruiter"])
    assert client.get("/api/me/resume").status_code == 403
    assert Client().get("/api/me/resume").status_code == 401
