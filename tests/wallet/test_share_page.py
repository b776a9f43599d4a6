"""Share links: the learner turns them on and off; /c/<token>/ shows the credential publicly."""

from __future__ import annotations

import pytest
from django.test import Client

from skillstack.audit.models import AuditEntry
from tests.conftest import World
from tests.factories import sign_in
from tests.verification.credentials import issue, revoke

pytestmark = pytest.mark.django_db


def _share(client: Client, pk: int, value: str) -> None:
    response = client.post(f"/wallet/credentials/{pk}/share/", {"share": value})
    assert response.status_code == 302


def test_share_link_on_shows_the_credential_to_anyone(client: Client, world: World) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"])
    sign_in(client, world.people["learner"])
    _share(client, credential.pk, "on")
    credential.refresh_from_db()
    assert credential.share_enabled and len(credential.share_token) == 43
    page = client.get(f"/wallet/credentials/{credential.pk}/").content.decode()
    assert f"/c/{credential.share_token}/" in page
    assert AuditEntry.objects.filter(action="wallet.share.enabled").count() == 1

    visitor = Client()
    page = visitor.get(f"/c/{credential.share_token}/").content.decode()
    assert "<h1>Aseptic Technique</h1>" in page
    assert '<meta property="og:title" content="Aseptic Technique — BioSkills Institute">' in page
    assert f'content="http://testserver/c/{credential.share_token}/badge.png"' in page
    assert 'property="og:description"' in page
    assert "Live verification" in page
    badge = visitor.get(f"/c/{credential.share_token}/badge.png")
    assert badge["Content-Type"] == "image/png"


def test_share_link_off_answers_404(client: Client, world: World) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"])
    sign_in(client, world.people["learner"])
    _share(client, credential.pk, "on")
    _share(client, credential.pk, "off")
    credential.refresh_from_db()
    visitor = Client()
    assert visitor.get(f"/c/{credential.share_token}/").status_code == 404
    assert visitor.get(f"/c/{credential.share_token}/badge.png").status_code == 404
    assert AuditEntry.objects.filter(action="wallet.share.disabled").count() == 1


def test_turning_it_back_on_keeps_the_same_link(client: Client, world: World) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"])
    sign_in(client, world.people["learner"])
    _share(client, credential.pk, "on")
    credential.refresh_from_db()
    token = credential.share_token
    _share(client, credential.pk, "off")
    _share(client, credential.pk, "on")
    credential.refresh_from_db()
    assert credential.share_token == token
    assert Client().get(f"/c/{token}/").status_code == 200


def test_a_revoked_shared_credential_shows_revoked(client: Client, world: World) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"])
    sign_in(client, world.people["learner"])
    _share(client, credential.pk, "on")
    credential.refresh_from_db()
    revoke(credential, reason="private reason")
    page = Client().get(f"/c/{credential.share_token}/").content.decode()
    assert '<p class="verdict-word">REVOKED</p>' in page
    assert "private reason" not in page
    assert 'content="REVOKED.' in page


def test_an_unknown_token_is_404(client: Client) -> None:
    assert client.get("/c/" + "x" * 43 + "/").status_code == 404
