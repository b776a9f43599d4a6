"""Open Badges 2.0 hosted assertions: published only for issuers that turn it on, built from
the same credential as the 3.0 one, verified by obcore's OB 2.0 verifier (fetching through
the test client, as a consumer would over HTTP), revoked together with the 3.0 credential,
and baked into a PNG that obcore reads back."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from django.test import Client
from obcore.baking import unbake
from obcore.ob2 import verify_ob2

from skillstack.issuing.lifecycle import credential_revoke
from skillstack.issuing.services import credential_issue_for_attempt
from skillstack.obapi import ob2
from skillstack.obapi.ob2_services import ob2_publishing_set
from tests.factories import sign_in
from tests.issuing.helpers import passed_attempt

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"  # settings.SITE_URL in tests


def _fetch(url: str) -> dict[str, Any]:
    assert url.startswith(SITE), url
    response = Client().get(url.removeprefix(SITE))
    assert response.status_code in (200, 410), (url, response.status_code)
    return response.json()


@pytest.fixture
def credential(world: Any) -> Any:
    ob2_publishing_set(organization=world.issuer, enabled=True, actor=world.people["issuer_admin"])
    return credential_issue_for_attempt(attempt=passed_attempt(world))


def test_the_hosted_assertion_verifies_as_open_badges_2(credential: Any) -> None:
    url = ob2.assertion_url(credential)
    report = verify_ob2(url, fetch=_fetch)
    assert report.verified, report.as_dict()
    assertion = _fetch(url)
    assert assertion["verification"] == {"type": "hosted"}
    badge = _fetch(assertion["badge"])
    assert badge["name"] == credential.name
    assert _fetch(badge["issuer"])["name"] == credential.issuer.name


def test_the_recipient_is_the_learners_email_salted_and_hashed(credential: Any) -> None:
    recipient = _fetch(ob2.assertion_url(credential))["recipient"]
    email = credential.recipient.email.lower()
    digest = hashlib.sha256((email + recipient["salt"]).encode()).hexdigest()
    assert recipient["identity"] == f"sha256${digest}" and recipient["hashed"] is True
    assert email not in str(recipient)


def test_revoking_the_credential_revokes_the_assertion(world: Any, credential: Any) -> None:
    credential_revoke(
        credential=credential, actor=world.people["issuer_admin"], reason="Roster error"
    )
    response = Client().get(ob2.assertion_url(credential).removeprefix(SITE))
    assert response.status_code == 410 and response.json()["revoked"] is True
    revocations = _fetch(f"{SITE}/ob2/issuers/{world.issuer.slug}/revocations")
    assert revocations["revokedAssertions"] == [
        {"id": ob2.assertion_url(credential), "revocationReason": "Roster error"}
    ]
    report = verify_ob2(ob2.assertion_url(credential), fetch=_fetch)
    assert not report.verified


def test_the_baked_png_carries_the_assertion_url(credential: Any) -> None:
    url = ob2.assertion_url(credential)
    png = Client().get(url.removeprefix(SITE) + "/badge.png")
    assert png["Content-Type"] == "image/png"
    assert unbake(png.content) == url


def test_nothing_is_published_while_the_issuer_has_it_off(world: Any, credential: Any) -> None:
    ob2_publishing_set(organization=world.issuer, enabled=False, actor=world.people["issuer_admin"])
    for path in (
        ob2.assertion_url(credential).removeprefix(SITE),
        f"/ob2/issuers/{world.issuer.slug}",
        f"/ob2/badges/{credential.micro_credential_version_id}",
    ):
        assert Client().get(path).status_code == 404, path


def test_unknown_or_malformed_assertion_ids_are_404(credential: Any) -> None:
    for key in ("not-a-uuid", "00000000-0000-0000-0000-000000000000", "x" * 500):
        assert Client().get(f"/ob2/assertions/{key}").status_code == 404


def test_the_issuer_admin_turns_publishing_on_and_off(world: Any) -> None:
    admin = Client()
    sign_in(admin, world.people["issuer_admin"])
    page = f"/orgs/{world.issuer.slug}/open-badges-2/"
    assert b"Publishing is off" in admin.get(page).content
    admin.post(page, {"enabled": "on"})
    assert b"Publishing is on" in admin.get(page).content
    assert Client().get(f"/ob2/issuers/{world.issuer.slug}").status_code == 200
    admin.post(page, {})
    assert Client().get(f"/ob2/issuers/{world.issuer.slug}").status_code == 404
    designer = Client()
    sign_in(designer, world.people["designer"])
    assert designer.post(page, {"enabled": "on"}).status_code == 403
