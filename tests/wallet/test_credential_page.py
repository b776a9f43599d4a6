"""/wallet/credentials/<id>/: the credential in plain words, only for its owner."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.conftest import World
from tests.factories import make_user, sign_in
from tests.verification.credentials import issue, revoke

pytestmark = pytest.mark.django_db


def test_the_owner_reads_their_credential_in_plain_words(client: Client, world: World) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"])
    sign_in(client, world.people["learner"])
    page = client.get(f"/wallet/credentials/{credential.pk}/").content.decode()
    assert "<h1>Aseptic Technique</h1>" in page
    assert "Maintain aseptic conditions" in page and "(ESCO)" in page
    assert "Perform every critical step of the checklist" in page
    assert "✓ Disinfect the work surface (critical)" in page
    assert "Live verification" in page
    assert "Valid" in page and "REVOKED" not in page


def test_a_revoked_credential_shows_revoked_with_the_reason(client: Client, world: World) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"])
    revoke(credential, reason="The evaluator's certification was withdrawn")
    sign_in(client, world.people["learner"])
    page = client.get(f"/wallet/credentials/{credential.pk}/").content.decode()
    assert '<p class="verdict-word">REVOKED</p>' in page
    assert "The evaluator&#x27;s certification was withdrawn" in page
    assert "REVOKED: the issuer has withdrawn this credential" in page


def test_another_learner_gets_404_for_every_page_of_it(client: Client, world: World) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"])
    sign_in(client, make_user(learner=True))
    base = f"/wallet/credentials/{credential.pk}/"
    for url in (base, base + "credential.json", base + "badge.png", base + "raw/"):
        assert client.get(url).status_code == 404, url
    assert client.post(base + "share/", {"share": "on"}).status_code == 404
    credential.refresh_from_db()
    assert credential.share_enabled is False


def test_staff_who_are_not_learners_are_refused(client: Client, world: World) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"])
    sign_in(client, world.people["issuer_admin"])
    assert client.get(f"/wallet/credentials/{credential.pk}/").status_code == 403
