"""The coalition's issuer registry: apply, review, recognise, suspend; the public JSON and page."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from skillstack.audit.models import AuditEntry
from skillstack.issuing.dids import issuer_did
from skillstack.trust.models import RegistryEntry
from tests.conftest import World
from tests.factories import sign_in

pytestmark = pytest.mark.django_db


def _as(client: Client, world: World, persona: str) -> Client:
    sign_in(client, world.people[persona])
    return client


def test_external_issuer_applies_and_the_coalition_recognises_it(
    client: Client, world: World, django_capture_on_commit_callbacks: Any
) -> None:
    _as(client, world, "outsider")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/registry/apply/",
            {
                "issuer_id": "did:web:elsewhere.example",
                "name": "Elsewhere Academy",
                "contact_email": "registry@elsewhere.example",
                "statement": "We train lab technicians.",
            },
        )
    assert response.status_code == 302
    entry = RegistryEntry.objects.get()
    assert entry.status == "pending"
    assert mail.outbox[-1].to == ["registry@elsewhere.example"]
    # not public while pending
    public = Client().get("/registry/issuers.json").json()
    assert public["issuers"] == []

    admin = _as(Client(), world, "coalition_admin")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(f"/registry/review/{entry.pk}/", {"decision": "approve"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == "recognised" and entry.recognised_since is not None
    assert "recognised" in mail.outbox[-1].subject
    public = Client().get("/registry/issuers.json").json()
    assert public["maintainer"] == world.coalition.name
    assert public["issuers"] == [
        {
            "id": "did:web:elsewhere.example",
            "name": "Elsewhere Academy",
            "status": "recognised",
            "since": entry.recognised_since.date().isoformat(),
            "url": None,
        }
    ]
    page = Client().get("/registry/").content.decode()
    assert "Elsewhere Academy" in page and "did:web:elsewhere.example" in page
    assert AuditEntry.objects.filter(action="trust.registry.approved").exists()


def test_suspension_needs_a_reason_and_is_public(
    client: Client, world: World, django_capture_on_commit_callbacks: Any
) -> None:
    issuer_admin = _as(client, world, "issuer_admin")
    response = issuer_admin.post(f"/orgs/{world.issuer.slug}/registry/")
    assert response.status_code == 200
    entry = RegistryEntry.objects.get(organization=world.issuer)
    assert entry.issuer_id == issuer_did(organization=world.issuer)
    api = _as(Client(), world, "coalition_admin")
    url = f"/api/registry/entries/{entry.pk}/decision"
    assert (
        api.post(url, {"decision": "approve"}, content_type="application/json").status_code == 200
    )
    refused = api.post(url, {"decision": "suspend"}, content_type="application/json")
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "reason"
    with django_capture_on_commit_callbacks(execute=True):
        done = api.post(
            url,
            {"decision": "suspend", "reason": "Assessments under review"},
            content_type="application/json",
        )
    assert done.status_code == 200 and done.json()["status"] == "suspended"
    listed = Client().get("/api/registry/issuers").json()["issuers"]
    assert [(i["name"], i["status"]) for i in listed] == [(world.issuer.name, "suspended")]


def test_only_coalition_admins_decide(client: Client, world: World) -> None:
    entry = RegistryEntry.objects.create(issuer_id="did:web:x.example", name="X")
    issuer_admin = _as(client, world, "issuer_admin")
    response = issuer_admin.post(
        f"/api/registry/entries/{entry.pk}/decision",
        json.dumps({"decision": "approve"}),
        content_type="application/json",
    )
    assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.status == "pending"


def test_bad_issuer_id_is_a_sentence(client: Client, world: World) -> None:
    _as(client, world, "outsider")
    response = client.post(
        "/registry/apply/",
        {"issuer_id": "elsewhere", "name": "E", "contact_email": "a@b.example"},
    )
    assert response.status_code == 200
    assert "Give the issuer&#x27;s DID" in response.content.decode()
    assert not RegistryEntry.objects.exists()
