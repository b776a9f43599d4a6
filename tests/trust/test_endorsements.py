"""Endorsements: signed OB 3.0 EndorsementCredentials that verify, and the standing they give."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from obcore.verify import verify

from skillstack.issuing.dids import issuer_did
from skillstack.trust.selectors import endorsements_for, issuer_standing
from skillstack.trust.services import endorsement_issue, registry_apply, registry_approve
from skillstack.verification.services import credential_verify
from tests.conftest import World
from tests.factories import sign_in
from tests.verification.credentials import issue

pytestmark = pytest.mark.django_db

ACHIEVEMENT = "https://skillstack.example/catalog/bioskills/aseptic/v1/"


def test_coalition_endorses_a_micro_credential_and_it_verifies(
    client: Client, world: World, no_connection: None
) -> None:
    sign_in(client, world.people["coalition_admin"])
    response = client.post(
        f"/orgs/{world.coalition.slug}/endorsements/",
        {
            "kind": "achievement",
            "subject_id": ACHIEVEMENT,
            "subject_name": "Aseptic Technique",
            "comment": "Meets the alliance's bench standard.",
        },
    )
    assert response.status_code == 302
    (endorsement,) = endorsements_for(achievement_id=ACHIEVEMENT)
    document = endorsement.document
    assert document["type"] == ["VerifiableCredential", "EndorsementCredential"]
    assert document["credentialSubject"]["id"] == ACHIEVEMENT
    report = credential_verify(data=document)
    assert report.verified, [c.as_dict() for c in report.checks]
    # published at a stable URL, as signed
    uuid = endorsement.credential_id.removeprefix("urn:uuid:")
    served = Client().get(f"/endorsements/{uuid}.json")
    assert served.json() == document
    listed = Client().get("/endorsements/", {"achievement_id": ACHIEVEMENT}).json()
    assert listed["endorsements"] == [document]
    # signed by the alliance's did:key: any verifier checks it offline, without our resolver
    assert verify(document).verified
    assert document["issuer"]["name"] == world.coalition.name


def test_an_issuer_cannot_endorse(client: Client, world: World) -> None:
    sign_in(client, world.people["issuer_admin"])
    response = client.post(
        f"/orgs/{world.issuer.slug}/endorsements/",
        {"kind": "issuer", "subject_id": "did:web:x.example", "subject_name": "X"},
    )
    assert response.status_code == 400
    assert "can receive them, not make them" in response.content.decode()
    assert not endorsements_for(issuer_id="did:web:x.example").exists()


def test_standing_in_plain_words(world: World) -> None:
    did = issuer_did(organization=world.issuer)
    unknown = issuer_standing(issuer_id=did)
    assert unknown.kind == "unknown"
    assert unknown.sentence == (
        f"Not in {world.coalition.name}'s registry: the signature is valid, but nobody here "
        "vouches for this issuer."
    )
    admin = world.people["coalition_admin"]
    endorsement_issue(
        actor=admin, endorser=world.employer, kind="issuer", subject_id=did, subject_name="B"
    )
    endorsed = issuer_standing(issuer_id=did)
    assert endorsed.kind == "endorsed"
    assert endorsed.sentence == (
        f"Not in {world.coalition.name}'s registry, but endorsed by {world.employer.name}."
    )
    entry = registry_apply(actor=admin, issuer_id=did, name="B", contact_email="b@b.example")
    entry = registry_approve(actor=admin, entry=entry)
    recognised = issuer_standing(issuer_id=did)
    assert recognised.kind == "recognised"
    since = f"{entry.recognised_since:%B %Y}"
    assert recognised.sentence == (
        f"Recognised by {world.coalition.name} since {since}. Endorsed by {world.employer.name}."
    )


def test_verify_api_reports_standing(client: Client, world: World, no_connection: None) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"])
    answer = client.post(
        "/api/verify", {"credential": credential.document}, content_type="application/json"
    ).json()
    standing = answer["credentials"][0]["standing"]
    assert standing["kind"] == "unknown"
    assert "nobody here vouches for this issuer" in standing["sentence"]
    admin = world.people["coalition_admin"]
    did = issuer_did(organization=world.issuer)
    registry_approve(
        actor=admin,
        entry=registry_apply(actor=admin, issuer_id=did, name="B", contact_email="b@b.example"),
    )
    page = client.post("/verify/", {"text": __import__("json").dumps(credential.document)})
    assert f"Recognised by {world.coalition.name} since" in page.content.decode()


def test_tampered_credential_never_claims_a_valid_signature(
    client: Client, world: World, no_connection: None
) -> None:
    from tests.verification.credentials import tampered

    credential = issue(issuer=world.issuer, recipient=world.people["learner"])
    answer = client.post(
        "/api/verify",
        {"credential": tampered(credential.document)},
        content_type="application/json",
    ).json()
    sentence: Any = answer["credentials"][0]["standing"]["sentence"]
    assert "signature is valid" not in sentence
