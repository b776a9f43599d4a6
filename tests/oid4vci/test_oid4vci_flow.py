"""The pre-authorized code flow as a wallet app runs it, through the HTTP endpoints."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from skillstack.issuing.dids import issuer_did
from skillstack.issuing.lifecycle import (
    credential_reinstate,
    credential_revoke,
    credential_suspend,
)
from skillstack.issuing.models import CredentialState, IssuedCredential
from skillstack.oid4vci.models import WalletOffer
from skillstack.verification.services import credential_verify
from tests.oid4vci.conftest import (
    credential_request,
    fresh_nonce,
    jwt_body,
    token_for,
)
from tests.oid4vci.wallet import Wallet, ed25519_wallet, p256_wallet

pytestmark = pytest.mark.django_db


def _access_token(client: Client, offer) -> str:
    response = token_for(client, offer)
    assert response.status_code == 200, response.content
    assert response["Cache-Control"] == "no-store"
    body = response.json()
    assert body["token_type"] == "Bearer" and body["expires_in"] == 300
    return str(body["access_token"])


def _receive(client: Client, offer, wallet: Wallet, by: str = "kid"):
    token = _access_token(client, offer)
    proof = wallet.proof(audience=settings.SITE_URL, nonce=fresh_nonce(client), by=by)
    return credential_request(client, token, jwt_body(proof)), token


def _error(response, status: int) -> str:
    assert response.status_code == status, response.content
    assert response["Cache-Control"] == "no-store"
    return str(response.json()["error"])


def test_metadata_names_the_endpoints_and_the_badge_configuration(client):
    body = client.get("/.well-known/openid-credential-issuer").json()
    assert body["credential_issuer"] == settings.SITE_URL
    assert body["credential_endpoint"] == f"{settings.SITE_URL}/mobile/oid4vci/credential"
    assert body["nonce_endpoint"] == f"{settings.SITE_URL}/mobile/oid4vci/nonce"
    config = body["credential_configurations_supported"]["AchievementCredential_ldp_vc"]
    assert config["format"] == "ldp_vc"
    assert config["credential_definition"]["type"] == [
        "VerifiableCredential",
        "AchievementCredential",
    ]
    assert config["proof_types_supported"]["jwt"]["proof_signing_alg_values_supported"] == [
        "EdDSA",
        "ES256",
    ]
    server = client.get("/.well-known/oauth-authorization-server").json()
    assert server["token_endpoint"] == f"{settings.SITE_URL}/mobile/oid4vci/token"
    assert server["pre-authorized_grant_anonymous_access_supported"] is True


def test_a_wallet_with_an_ed25519_did_key_receives_the_credential_bound_to_it(
    client, world, credential, offer
):
    wallet = ed25519_wallet()
    response, _ = _receive(client, offer, wallet)
    assert response.status_code == 200, response.content
    document = response.json()["credentials"][0]["credential"]
    assert document["credentialSubject"]["id"] == wallet.did
    assert "identifier" not in document["credentialSubject"]
    original = credential.document
    assert (
        document["credentialSubject"]["achievement"]
        == (original["credentialSubject"]["achievement"])
    )
    assert document["credentialSubject"]["result"] == original["credentialSubject"]["result"]
    assert document["issuer"]["id"] == issuer_did(organization=world.issuer)
    assert document["id"] != original["id"]
    assert document["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
    report = credential_verify(data=document)
    assert report.verified, [c.as_dict() for c in report.checks]
    stored = IssuedCredential.objects.get(credential_id=document["id"])
    assert stored.recipient == world.people["learner"]
    assert WalletOffer.objects.get(pk=offer.offer.pk).holder_did == wallet.did


def test_a_p256_did_key_wallet_is_served_too(client, offer):
    wallet = p256_wallet()
    response, _ = _receive(client, offer, wallet)
    assert response.status_code == 200, response.content
    assert response.json()["credentials"][0]["credential"]["credentialSubject"]["id"] == wallet.did


def test_a_wallet_sending_its_jwk_gets_a_did_jwk_subject(client, offer):
    wallet = p256_wallet()
    response, _ = _receive(client, offer, wallet, by="jwk")
    assert response.status_code == 200, response.content
    subject = response.json()["credentials"][0]["credential"]["credentialSubject"]["id"]
    assert subject.startswith("did:jwk:")


def test_an_expired_offer_is_an_invalid_grant(client, offer):
    WalletOffer.objects.filter(pk=offer.offer.pk).update(expires_at=timezone.now())
    assert _error(token_for(client, offer), 400) == "invalid_grant"


def test_a_pre_authorized_code_works_once(client, offer):
    offer_path = f"/mobile/oid4vci/offers/{offer.secret}"
    assert client.get(offer_path).status_code == 200
    _access_token(client, offer)
    assert _error(token_for(client, offer), 400) == "invalid_grant"
    assert _error(client.get(offer_path), 404) == "invalid_request"


def test_a_wrong_pin_is_refused_and_the_fifth_closes_the_offer(client, offer):
    wrong = "000000" if offer.tx_code != "000000" else "111111"
    assert _error(token_for(client, offer, tx_code=""), 400) == "invalid_request"
    for _ in range(5):
        assert _error(token_for(client, offer, tx_code=wrong), 400) == "invalid_grant"
    assert _error(token_for(client, offer), 400) == "invalid_grant"  # even the right PIN now


def test_another_grant_type_is_unsupported(client, offer):
    response = client.post("/mobile/oid4vci/token", {"grant_type": "client_credentials"})
    assert _error(response, 400) == "unsupported_grant_type"


def test_a_nonce_the_server_did_not_issue_is_refused(client, offer):
    token = _access_token(client, offer)
    proof = ed25519_wallet().proof(audience=settings.SITE_URL, nonce="made-up-by-the-wallet")
    assert _error(credential_request(client, token, jwt_body(proof)), 400) == "invalid_nonce"


def test_a_nonce_works_once(client, world, offer, credential):
    from skillstack.oid4vci.services import wallet_offer_create

    wallet = ed25519_wallet()
    nonce = fresh_nonce(client)
    first = credential_request(
        client,
        _access_token(client, offer),
        jwt_body(wallet.proof(audience=settings.SITE_URL, nonce=nonce)),
    )
    assert first.status_code == 200
    second_offer = wallet_offer_create(
        actor=world.people["learner"], credential=credential, channel="oid4vci"
    )
    again = credential_request(
        client,
        _access_token(client, second_offer),
        jwt_body(wallet.proof(audience=settings.SITE_URL, nonce=nonce)),
    )
    assert _error(again, 400) == "invalid_nonce"


def test_a_proof_for_another_audience_is_refused(client, offer):
    token = _access_token(client, offer)
    proof = ed25519_wallet().proof(audience="https://issuer.example", nonce=fresh_nonce(client))
    assert _error(credential_request(client, token, jwt_body(proof)), 400) == "invalid_proof"


def test_a_stale_proof_is_refused(client, offer):
    token = _access_token(client, offer)
    proof = ed25519_wallet().proof(
        audience=settings.SITE_URL, nonce=fresh_nonce(client), iat=time.time() - 3600
    )
    assert _error(credential_request(client, token, jwt_body(proof)), 400) == "invalid_proof"


def test_a_proof_without_the_openid4vci_typ_is_refused(client, offer):
    token = _access_token(client, offer)
    proof = ed25519_wallet().proof(audience=settings.SITE_URL, nonce=fresh_nonce(client), typ="JWT")
    assert _error(credential_request(client, token, jwt_body(proof)), 400) == "invalid_proof"


def test_a_proof_signed_by_another_key_than_its_kid_is_refused(client, offer):
    token = _access_token(client, offer)
    signer, named = ed25519_wallet(), ed25519_wallet()
    proof = signer.sign(
        {"typ": "openid4vci-proof+jwt", "kid": named.kid},
        {"aud": settings.SITE_URL, "iat": int(time.time()), "nonce": fresh_nonce(client)},
    )
    response = credential_request(client, token, jwt_body(proof))
    assert _error(response, 400) == "invalid_proof"
    assert "signature" in response.json()["error_description"]
    assert not WalletOffer.objects.get(pk=offer.offer.pk).completed_at


def test_the_token_is_spent_once_the_credential_is_issued(client, offer):
    wallet = ed25519_wallet()
    response, token = _receive(client, offer, wallet)
    assert response.status_code == 200
    proof = wallet.proof(audience=settings.SITE_URL, nonce=fresh_nonce(client))
    again = credential_request(client, token, jwt_body(proof))
    assert _error(again, 401) == "invalid_token"
    assert again["WWW-Authenticate"].startswith('Bearer error="invalid_token"')
    assert IssuedCredential.objects.filter(idempotency_key__startswith="wallet-offer:").count() == 1


def test_no_or_unknown_token_is_invalid_token(client):
    body = jwt_body("a.b.c")
    assert _error(client.post("/mobile/oid4vci/credential", body, "application/json"), 401) == (
        "invalid_token"
    )
    assert _error(credential_request(client, "not-a-token", body), 401) == "invalid_token"


def test_an_unknown_configuration_is_named(client, offer):
    token = _access_token(client, offer)
    proof = ed25519_wallet().proof(audience=settings.SITE_URL, nonce=fresh_nonce(client))
    body = {"credential_configuration_id": "UniversityDegree", "proofs": {"jwt": [proof]}}
    assert _error(credential_request(client, token, body), 400) == (
        "unknown_credential_configuration"
    )


def test_a_missing_proof_and_a_malformed_body_are_client_errors(client, offer):
    token = _access_token(client, offer)
    response = credential_request(
        client, token, {"credential_configuration_id": "AchievementCredential_ldp_vc"}
    )
    assert _error(response, 400) == "invalid_proof"
    broken = client.post(
        "/mobile/oid4vci/credential",
        data="{not json",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert _error(broken, 400) == "invalid_request"


def test_a_credential_revoked_after_the_offer_is_not_delivered(client, offer, credential):
    token = _access_token(client, offer)
    IssuedCredential.objects.filter(pk=credential.pk).update(state=CredentialState.REVOKED)
    proof = ed25519_wallet().proof(audience=settings.SITE_URL, nonce=fresh_nonce(client))
    assert _error(credential_request(client, token, jwt_body(proof)), 400) == (
        "credential_request_denied"
    )


def test_the_machine_endpoints_need_no_csrf_token(world, offer):
    strict = Client(enforce_csrf_checks=True)
    assert token_for(strict, offer).status_code == 200
    assert strict.post("/mobile/oid4vci/nonce").status_code == 200


def test_only_the_metadata_is_open_to_other_origins(client, offer):
    assert client.get("/.well-known/openid-credential-issuer")["Access-Control-Allow-Origin"] == "*"
    assert not token_for(client, offer).has_header("Access-Control-Allow-Origin")


def test_offers_expire_after_ten_minutes(offer):
    lifetime = offer.offer.expires_at - offer.offer.created_at
    assert timedelta(minutes=9, seconds=59) < lifetime <= timedelta(minutes=10)


def test_the_wallet_copy_is_revoked_with_its_original(client, world, offer, credential):

    response, _ = _receive(client, offer, ed25519_wallet())
    copy = IssuedCredential.objects.get(
        credential_id=response.json()["credentials"][0]["credential"]["id"]
    )
    admin = world.people["issuer_admin"]
    credential_suspend(credential=credential, actor=admin, reason="Evaluator under review")
    copy.refresh_from_db()
    assert copy.state == CredentialState.SUSPENDED
    credential_reinstate(credential=credential, actor=admin, reason="Review closed")
    copy.refresh_from_db()
    assert copy.state == CredentialState.ACTIVE
    credential_revoke(credential=credential, actor=admin, reason="Result corrected")
    copy.refresh_from_db()
    assert copy.state == CredentialState.REVOKED
    assert "Result corrected" in copy.state_reason
    report = credential_verify(data=copy.document)
    assert not report.verified
