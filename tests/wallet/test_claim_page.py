"""/wallet/claim/<token>/: the e-mailed link puts the credential in its recipient's wallet."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.conftest import World
from tests.factories import make_user, sign_in
from tests.verification.credentials import issue

pytestmark = pytest.mark.django_db
TOKEN = "a-claim-token-long-enough-to-be-real-0123456789"


def test_the_recipient_claims_once_and_lands_on_the_credential(
    client: Client, world: World
) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"], claim_token=TOKEN)
    sign_in(client, world.people["learner"])
    response = client.get(f"/wallet/claim/{TOKEN}/")
    assert response.status_code == 302
    assert response["Location"] == f"/wallet/credentials/{credential.pk}/"
    credential.refresh_from_db()
    first = credential.claimed_at
    assert first is not None
    again = client.get(f"/wallet/claim/{TOKEN}/")
    assert again.status_code == 404
    assert "each claim link works once" in again.content.decode()
    credential.refresh_from_db()
    assert credential.claimed_at == first


def test_anonymous_visitors_sign_in_first_and_come_back(client: Client, world: World) -> None:
    issue(issuer=world.issuer, recipient=world.people["learner"], claim_token=TOKEN)
    response = client.get(f"/wallet/claim/{TOKEN}/")
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next=/wallet/claim/{TOKEN}/"


def test_the_wrong_account_is_told_whose_it_is(client: Client, world: World) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"], claim_token=TOKEN)
    sign_in(client, make_user(learner=True))
    page = client.get(f"/wallet/claim/{TOKEN}/").content.decode()
    assert "This credential belongs to another account" in page
    assert "l••••••@example.test" in page  # learner@example.test, masked
    credential.refresh_from_db()
    assert credential.claimed_at is None


def test_an_unknown_link_is_explained(client: Client, world: World) -> None:
    sign_in(client, world.people["learner"])
    response = client.get("/wallet/claim/" + "z" * 40 + "/")
    assert response.status_code == 404
    assert "This claim link is not valid" in response.content.decode()
