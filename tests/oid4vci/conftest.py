"""Fixtures of the wallet-app tests: the learner's credential, offers made through the service."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from skillstack.issuing.models import IssuedCredential
from skillstack.issuing.services import credential_issue_for_attempt
from skillstack.oid4vci.services import CreatedOffer, wallet_offer_create
from tests.conftest import World
from tests.issuing.helpers import passed_attempt

PRE_AUTH = "urn:ietf:params:oauth:grant-type:pre-authorized_code"


@pytest.fixture
def credential(world: World) -> IssuedCredential:
    """The world's learner's credential for a passed pipetting test, issued the real way."""
    return credential_issue_for_attempt(attempt=passed_attempt(world))


@pytest.fixture
def offer(world: World, credential: IssuedCredential) -> CreatedOffer:
    return wallet_offer_create(
        actor=world.people["learner"], credential=credential, channel="oid4vci"
    )


def token_for(client: Client, offer: CreatedOffer, *, tx_code: str | None = None) -> Any:
    return client.post(
        "/mobile/oid4vci/token",
        {
            "grant_type": PRE_AUTH,
            "pre-authorized_code": offer.pre_authorized_code,
            "tx_code": offer.tx_code if tx_code is None else tx_code,
        },
    )


def fresh_nonce(client: Client) -> str:
    response = client.post("/mobile/oid4vci/nonce")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    return str(response.json()["c_nonce"])


def credential_request(client: Client, token: str, body: dict[str, Any]) -> Any:
    return client.post(
        "/mobile/oid4vci/credential",
        data=body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )


def jwt_body(proof: str) -> dict[str, Any]:
    return {
        "credential_configuration_id": "AchievementCredential_ldp_vc",
        "proofs": {"jwt": [proof]},
    }
