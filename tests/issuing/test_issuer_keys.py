"""Issuers sign with did:web keys that any verifier can resolve from the DID document."""

import json

import pytest
from django.core.exceptions import ValidationError
from obcore.dids import Resolver
from obcore.verify import verify

from skillstack.issuing import services
from skillstack.issuing.dids import issuer_did
from skillstack.issuing.models import IssuerKey


def _credential(issuer: str) -> dict:
    return {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": "urn:uuid:2f9a3d8e-6c1b-4f0e-9a57-0c8d1e2b3a41",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer, "type": ["Profile"], "name": "BioSkills Institute"},
        "validFrom": "2026-01-01T00:00:00Z",
        "name": "Pipetting",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "urn:uuid:9b0e2c1d-0f6a-4a8e-8d3c-5e7f1a2b3c4d",
                "type": ["Achievement"],
                "name": "Pipetting",
                "description": "Accurate micropipetting",
                "criteria": {"narrative": "Performs the steps under observation"},
            },
        },
    }


def _resolver_serving(client, org) -> Resolver:
    document = client.get(f"/orgs/{org.slug}/did.json").json()
    return Resolver(documents={issuer_did(organization=org): document})


def test_signed_credential_verifies_against_the_published_did_document(client, world) -> None:
    org = world.issuer
    signed = services.issuer_sign(
        organization=org, document=_credential(issuer_did(organization=org))
    )
    report = verify(signed, resolver=_resolver_serving(client, org))
    assert report.verified, [c.as_dict() for c in report.checks]


def test_the_private_key_is_never_stored_or_published_in_clear(client, world) -> None:
    key = services.issuer_key_active(organization=world.issuer)
    document = client.get(f"/orgs/{world.issuer.slug}/did.json")
    assert document["Content-Type"] == "application/did+json"
    published = json.dumps(document.json())
    assert "secretKeyMultibase" not in published and "z3u2" not in published
    assert key.public_key_multibase in published
    assert len(bytes(key.sealed_seed)) == 12 + 32 + 16  # nonce ‖ ciphertext ‖ tag, no clear seed


def test_rotation_keeps_old_credentials_verifiable(client, world) -> None:
    org = world.issuer
    before = services.issuer_sign(
        organization=org, document=_credential(issuer_did(organization=org))
    )
    services.issuer_key_rotate(organization=org, actor=world.people["issuer_admin"])
    after = services.issuer_sign(
        organization=org, document=_credential(issuer_did(organization=org))
    )
    resolver = _resolver_serving(client, org)
    assert verify(before, resolver=resolver).verified
    assert verify(after, resolver=resolver).verified
    assert before["proof"]["verificationMethod"].endswith("#key-1")
    assert after["proof"]["verificationMethod"].endswith("#key-2")
    assert IssuerKey.objects.filter(organization=org, retired_at__isnull=True).count() == 1


def test_a_credential_naming_another_issuer_is_not_signed(world) -> None:
    with pytest.raises(ValidationError):
        services.issuer_sign(
            organization=world.issuer, document=_credential("did:web:evil.example")
        )


def test_non_issuers_have_no_keys_and_no_did_document(client, world) -> None:
    with pytest.raises(ValidationError):
        services.issuer_key_rotate(organization=world.employer, actor=None)
    assert client.get(f"/orgs/{world.employer.slug}/did.json").status_code == 404
    assert client.get("/orgs/no-such-org/did.json").status_code == 404
