"""The learner's page that offers one of their credentials to a wallet app."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.conf import settings
from django.test import Client

from skillstack.audit.models import AuditEntry
from skillstack.issuing.services import credential_issue_for_attempt
from skillstack.oid4vci.models import WalletOffer
from skillstack.oid4vci.services import secret_hash, tx_code_hash
from tests.factories import sign_in
from tests.issuing.helpers import new_learner, passed_attempt

pytestmark = pytest.mark.django_db


def _page(credential) -> str:
    return f"/wallet/credentials/{credential.pk}/mobile/"


def _as(world, persona: str) -> Client:
    client = Client()
    sign_in(client, world.people[persona])
    return client


def test_the_learner_gets_a_qr_code_a_deep_link_and_a_pin(world, credential):
    client = _as(world, "learner")
    assert client.get(_page(credential)).status_code == 200
    response = client.post(_page(credential), {"channel": "oid4vci"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    created = response.context["created"]
    html = response.content.decode()
    assert '<svg role="img" aria-label="QR code to scan with your wallet app"' in html
    assert created.tx_code in html and len(created.tx_code) == 6
    link = urlsplit(created.link)
    assert link.scheme == "openid-credential-offer"
    offer_uri = parse_qs(link.query)["credential_offer_uri"][0]
    assert offer_uri == f"{settings.SITE_URL}/mobile/oid4vci/offers/{created.secret}"
    fetched = Client().get(urlsplit(offer_uri).path)
    assert fetched.status_code == 200 and fetched["Cache-Control"] == "no-store"
    offer = fetched.json()
    grant = offer["grants"]["urn:ietf:params:oauth:grant-type:pre-authorized_code"]
    assert grant["tx_code"] == {
        "input_mode": "numeric",
        "length": 6,
        "description": "The 6-digit PIN shown beside the QR code on Skillstack",
    }
    assert offer["credential_configuration_ids"] == ["AchievementCredential_ldp_vc"]
    stored = WalletOffer.objects.get()
    code = grant["pre-authorized_code"]
    assert code not in created.link and created.secret not in offer_uri.split("/")[:-1]
    assert stored.code_hash == secret_hash(code) and stored.secret_hash == secret_hash(
        created.secret
    )
    assert stored.tx_code_hash == tx_code_hash(
        offer_secret_hash=stored.secret_hash, tx_code=created.tx_code
    )
    assert AuditEntry.objects.filter(action="oid4vci.offer.created").count() == 1


def test_the_learner_credential_wallet_gets_a_vc_api_request_link(world, credential):
    response = _as(world, "learner").post(_page(credential), {"channel": "vcapi"})
    created = response.context["created"]
    link = created.link
    assert link.startswith("https://lcw.app/request.html?request=")
    request = json.loads(unquote(link.split("request=", 1)[1]))
    assert request["protocols"]["vcapi"].endswith(f"/mobile/exchanges/{created.secret}")
    assert "PIN" not in response.content.decode()


def test_a_learner_cannot_offer_someone_elses_credential(world):
    other = new_learner("someone.else@example.test")
    theirs = credential_issue_for_attempt(attempt=passed_attempt(world, learner=other))
    client = _as(world, "learner")
    assert client.get(_page(theirs)).status_code == 404
    assert client.post(_page(theirs), {"channel": "oid4vci"}).status_code == 404
    assert not WalletOffer.objects.exists()


@pytest.mark.parametrize("persona", ["issuer_admin", "evaluator", "recruiter", "outsider"])
def test_other_roles_cannot_use_the_page(world, credential, persona):
    assert _as(world, persona).post(_page(credential), {"channel": "oid4vci"}).status_code == 403
    assert not WalletOffer.objects.exists()


def test_an_unknown_channel_is_a_sentence_not_an_offer(world, credential):
    response = _as(world, "learner").post(_page(credential), {"channel": "bluetooth"})
    assert response.status_code == 400
    assert "Choose an OpenID4VCI wallet" in response.content.decode()
    assert not WalletOffer.objects.exists()


def test_a_revoked_credential_cannot_be_offered(world, credential):
    credential.state = "revoked"
    credential.save(update_fields=["state"])
    response = _as(world, "learner").post(_page(credential), {"channel": "oid4vci"})
    assert response.status_code == 400
    assert "revoked" in response.content.decode()


def test_the_learner_sees_what_became_of_each_offer_and_cancels_an_open_one(world, credential):
    client = _as(world, "learner")
    first = client.post(_page(credential), {"channel": "oid4vci"}).context["created"]
    client.post(_page(credential), {"channel": "vcapi"})
    page = client.get(_page(credential))
    rows = page.context["offers"]
    assert [r.status for r in rows] == ["open", "open"]
    cancel = f"{_page(credential)}{first.offer.pk}/cancel/"
    assert client.get(cancel).status_code == 405
    response = client.post(cancel, follow=True)
    assert "The offer is cancelled" in response.content.decode()
    assert [r.status for r in response.context["offers"]] == ["open", "closed"]
    token = Client().post(
        "/mobile/oid4vci/token",
        {
            "grant_type": "urn:ietf:params:oauth:grant-type:pre-authorized_code",
            "pre-authorized_code": first.pre_authorized_code,
            "tx_code": first.tx_code,
        },
    )
    assert token.status_code == 400 and token.json()["error"] == "invalid_grant"
    again = client.post(cancel, follow=True)
    assert "already used, cancelled or expired" in again.content.decode()
    assert AuditEntry.objects.filter(action="oid4vci.offer.cancelled").count() == 1


def test_nobody_else_can_cancel_a_learners_offer(world, credential):
    created = (
        _as(world, "learner").post(_page(credential), {"channel": "oid4vci"}).context["created"]
    )
    cancel = f"{_page(credential)}{created.offer.pk}/cancel/"
    other = new_learner("another.learner@example.test")
    client = Client()
    client.force_login(other)
    assert client.post(cancel).status_code == 404
    assert _as(world, "recruiter").post(cancel).status_code == 403
    assert WalletOffer.objects.get().completed_at is None
