"""/wallet/settings/: the learner names their own DID for future credentials, or keeps ours."""

from __future__ import annotations

import pytest
from django.test import Client
from obcore.keys import key_pair_generate

from skillstack.accounts.models import LearnerProfile
from skillstack.audit.models import AuditEntry
from tests.conftest import World
from tests.factories import sign_in

pytestmark = pytest.mark.django_db
URL = "/wallet/settings/"


@pytest.fixture
def learner(client: Client, world: World) -> LearnerProfile:
    sign_in(client, world.people["learner"])
    return LearnerProfile.objects.get(user=world.people["learner"])


def _save(client: Client, identity: str, did: str = "") -> str:
    return client.post(URL, {"identity": identity, "did": did}, follow=True).content.decode()


def test_a_did_key_of_an_ed25519_key_is_saved(client: Client, learner: LearnerProfile) -> None:
    did = key_pair_generate().did
    page = _save(client, "own", did)
    assert "Credentials issued from now on name your own DID" in page
    learner.refresh_from_db()
    assert learner.did == did
    assert AuditEntry.objects.filter(action="wallet.did.updated").exists()


def test_a_did_web_is_saved(client: Client, learner: LearnerProfile) -> None:
    _save(client, "own", "did:web:alex.example.org:people:alex")
    learner.refresh_from_db()
    assert learner.did == "did:web:alex.example.org:people:alex"


@pytest.mark.parametrize(
    ("did", "message"),
    [
        ("did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme", "does not hold an Ed25519"),
        ("did:key:not base58!", "A did:key looks like did:key:z6Mk"),
        ("did:web:localhost/evil", "A did:web looks like did:web:example.org"),
        ("did:ion:abc", "Only did:key and did:web identifiers can be used"),
        ("", "Enter your DID, or choose the platform identity."),
    ],
)
def test_a_wrong_did_is_refused_with_a_reason(
    client: Client, learner: LearnerProfile, did: str, message: str
) -> None:
    response = client.post(URL, {"identity": "own", "did": did})
    assert response.status_code == 400
    assert message in response.content.decode()
    learner.refresh_from_db()
    assert learner.did == ""


def test_going_back_to_the_platform_identity(client: Client, learner: LearnerProfile) -> None:
    _save(client, "own", key_pair_generate().did)
    page = _save(client, "platform")
    assert "name your platform identity" in page
    learner.refresh_from_db()
    assert learner.did == ""
