"""Downloads: the JSON-LD file, the baked badge PNG (which verifies on its own), the raw view."""

from __future__ import annotations

import io
import json

import pytest
from django.test import Client
from obcore.baking import unbake
from PIL import Image

from skillstack.verification.services import credential_verify
from tests.conftest import World
from tests.factories import sign_in
from tests.verification.credentials import issue

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client: Client, world: World) -> Client:
    sign_in(client, world.people["learner"])
    return client


def test_the_json_download_is_the_signed_credential(signed_in: Client, world: World) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"])
    response = signed_in.get(f"/wallet/credentials/{credential.pk}/credential.json")
    assert response["Content-Type"].startswith("application/ld+json")
    assert 'filename="aseptic-technique.json"' in response["Content-Disposition"]
    assert json.loads(response.content) == credential.document


def test_the_badge_png_unbakes_to_the_same_credential(signed_in: Client, world: World) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"])
    response = signed_in.get(f"/wallet/credentials/{credential.pk}/badge.png")
    assert response["Content-Type"] == "image/png"
    assert 'filename="aseptic-technique-badge.png"' in response["Content-Disposition"]
    assert json.loads(unbake(response.content)) == credential.document
    assert credential_verify(data=response.content).verified
    with Image.open(io.BytesIO(response.content)) as image:
        assert image.size == (600, 600)


def test_the_raw_view_shows_the_json(signed_in: Client, world: World) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"])
    page = signed_in.get(f"/wallet/credentials/{credential.pk}/raw/").content.decode()
    assert credential.credential_id in page
    assert "proofValue" in page
