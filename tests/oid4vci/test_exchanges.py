"""VC-API exchanges as the Learner Credential Wallet runs them: DIDAuth, then the credential."""

from __future__ import annotations

import copy

import pytest
from django.test import Client

from skillstack.oid4vci.exchanges import exchange_domain
from skillstack.oid4vci.models import WalletOffer
from skillstack.oid4vci.services import wallet_offer_create
from skillstack.verification.services import credential_verify
from tests.oid4vci.wallet import did_auth_presentation, ed25519_wallet

pytestmark = pytest.mark.django_db


@pytest.fixture
def exchange_url(world, credential) -> str:
    created = wallet_offer_create(
        actor=world.people["learner"], credential=credential, channel="vcapi"
    )
    return f"/mobile/exchanges/{created.secret}"


def _post(client: Client, url: str, body: dict):
    return client.post(url, data=body, content_type="application/json")


def _challenge(client: Client, url: str) -> str:
    response = _post(client, url, {})
    assert response.status_code == 200, response.content
    request = response.json()["verifiablePresentationRequest"]
    assert request["query"][0]["type"] == "DIDAuthentication"
    assert request["domain"] == exchange_domain()
    return str(request["challenge"])


def test_a_did_authenticated_wallet_receives_the_credential_bound_to_its_did(
    client, exchange_url, credential
):
    wallet = ed25519_wallet()
    challenge = _challenge(client, exchange_url)
    vp = did_auth_presentation(wallet, challenge=challenge, domain=exchange_domain())
    response = _post(client, exchange_url, {"verifiablePresentation": vp})
    assert response.status_code == 200, response.content
    delivered = response.json()["verifiablePresentation"]
    assert delivered["type"] == ["VerifiablePresentation"]
    document = delivered["verifiableCredential"][0]
    assert document["credentialSubject"]["id"] == wallet.did
    assert (
        document["credentialSubject"]["achievement"]
        == (credential.document["credentialSubject"]["achievement"])
    )
    assert credential_verify(data=document).verified
    again = _post(client, exchange_url, {"verifiablePresentation": vp})
    assert again.status_code == 410 and again.json()["error"] == "exchange_closed"


def test_the_interaction_url_lists_the_vcapi_protocol(client, exchange_url):
    body = client.get(exchange_url, HTTP_ACCEPT="application/json").json()
    assert body["protocols"]["vcapi"].endswith(exchange_url)


def test_a_presentation_for_an_old_challenge_is_refused(client, exchange_url):
    wallet = ed25519_wallet()
    old = _challenge(client, exchange_url)
    _challenge(client, exchange_url)  # a newer one replaces it
    vp = did_auth_presentation(wallet, challenge=old, domain=exchange_domain())
    response = _post(client, exchange_url, {"verifiablePresentation": vp})
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_presentation"
    assert "challenge" in response.json()["error_description"]


def test_a_presentation_for_another_domain_is_refused(client, exchange_url):
    challenge = _challenge(client, exchange_url)
    vp = did_auth_presentation(ed25519_wallet(), challenge=challenge, domain="evil.example")
    response = _post(client, exchange_url, {"verifiablePresentation": vp})
    assert response.status_code == 400 and "domain" in response.json()["error_description"]


def test_a_tampered_presentation_is_refused(client, exchange_url):
    challenge = _challenge(client, exchange_url)
    vp = did_auth_presentation(ed25519_wallet(), challenge=challenge, domain=exchange_domain())
    forged = copy.deepcopy(vp)
    forged["holder"] = ed25519_wallet().did
    forged["proof"]["verificationMethod"] = forged["holder"] + "#" + forged["holder"][8:]
    response = _post(client, exchange_url, {"verifiablePresentation": forged})
    assert response.status_code == 400
    assert not WalletOffer.objects.get().completed_at


def test_an_unknown_exchange_is_not_found(client):
    response = _post(client, "/mobile/exchanges/not-a-real-exchange", {})
    assert response.status_code == 404 and response.json()["error"] == "unknown_exchange"


def test_a_presentation_before_the_challenge_is_refused(client, exchange_url):
    vp = did_auth_presentation(ed25519_wallet(), challenge="guess", domain=exchange_domain())
    response = _post(client, exchange_url, {"verifiablePresentation": vp})
    assert response.status_code == 400 and response.json()["error"] == "invalid_request"
