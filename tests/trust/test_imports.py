"""A learner adds credentials earned elsewhere: each format, refusals, re-checks, holdings."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail  # noqa: F401 - locmem backend in tests
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from skillstack.audit.models import AuditEntry
from skillstack.catalog.models import Skill
from skillstack.trust.imports import (
    imported_credential_add,
    imported_credential_recheck,
    imported_credentials_recheck_due,
)
from skillstack.trust.models import ImportedCredential
from skillstack.wallet.holdings import holdings_changed, verified_holdings
from tests.conftest import World
from tests.factories import make_user, sign_in
from tests.trust import helpers
from tests.verification.credentials import revoke, tampered

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(world: World) -> Any:
    return world.people["learner"]


@pytest.fixture
def signed_in(client: Client, learner: Any) -> Client:
    sign_in(client, learner)
    return client


def _upload(client: Client, name: str, content: bytes) -> Any:
    return client.post(
        "/wallet/imports/add/", {"file": SimpleUploadedFile(name, content)}, follow=False
    )


@pytest.mark.parametrize(
    ("name", "make", "source"),
    [
        ("badge.json", lambda e: json.dumps(helpers.signed_json(email=e)).encode(), "json"),
        ("badge.jwt", lambda e: helpers.signed_jwt(email=e).encode(), "jwt"),
        ("badge.png", lambda e: helpers.baked_png(email=e), "png+json"),
        ("badge.svg", lambda e: helpers.baked_svg(email=e), "svg+jwt"),
    ],
)
def test_learner_uploads_each_format_and_sees_it_verified(
    signed_in: Client, learner: Any, name: str, make: Any, source: str, no_connection: None
) -> None:
    response = _upload(signed_in, name, make(learner.email))
    assert response.status_code == 302, response.content.decode()[:2000]
    imported = ImportedCredential.objects.get(owner=learner)
    assert imported.state == "verified"
    assert imported.format == source
    assert imported.issuer_id == helpers.KEY.did
    assert imported.achievement_name == "Cell Counting"
    page = signed_in.get(response["Location"]).content.decode()
    assert "Cell Counting" in page
    assert "Not in" in page and "nobody here vouches for this issuer" in page


def test_ob2_signed_assertion_is_verified_with_the_issuers_key(
    signed_in: Client, learner: Any, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issuer's key and profile come from its allowed host (the fetcher is ours, the
    network answer is served from memory here)."""
    from skillstack.verification import fetching

    settings.VERIFY_FETCH_ALLOWED_HOSTS = ["badges.elsewhere.example"]
    documents = helpers.ob2_documents()
    asked: list[str] = []

    class Served:
        def __call__(self, url: str) -> dict[str, Any]:
            asked.append(url)
            return documents[url]

    monkeypatch.setattr(fetching, "_fetcher", Served())
    token = helpers.ob2_signed(email=learner.email)
    response = signed_in.post(
        "/api/wallet/imports", {"credential": token}, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["state"] == "verified"
    assert body["format"] == "ob2+jws"
    assert body["achievement_name"] == "Pipetting (OB 2.0)"
    assert body["issuer_name"] == "Elsewhere Badges"
    assert set(asked) == {helpers.OB2_KEY, helpers.OB2_ISSUER}


def test_ob2_from_a_host_not_allowed_is_refused_without_a_request(
    signed_in: Client, learner: Any, no_connection: None
) -> None:
    token = helpers.ob2_signed(email=learner.email)
    response = signed_in.post(
        "/api/wallet/imports", {"credential": token}, content_type="application/json"
    )
    assert response.status_code == 422
    assert "Only credentials that verify can be added" in response.json()["errors"][0]["message"]
    assert not ImportedCredential.objects.exists()


def test_bad_signature_is_refused(signed_in: Client, learner: Any, no_connection: None) -> None:
    document = tampered(helpers.signed_json(email=learner.email))
    response = signed_in.post(
        "/api/wallet/imports", {"credential": document}, content_type="application/json"
    )
    assert response.status_code == 422
    message = response.json()["errors"][0]["message"]
    assert message.startswith("Not valid")
    assert not ImportedCredential.objects.exists()


def test_someone_elses_credential_is_refused(
    signed_in: Client, learner: Any, no_connection: None
) -> None:
    document = helpers.signed_json(email="somebody.else@example.org")
    response = signed_in.post(
        "/api/wallet/imports", {"credential": document}, content_type="application/json"
    )
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert error["field"] == "credential"
    assert "about someone else" in error["message"] and learner.email in error["message"]


def test_credential_naming_the_learners_did_is_accepted(learner: Any, no_connection: None) -> None:
    learner.learner_profile.did = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
    learner.learner_profile.save()
    imported = imported_credential_add(
        actor=learner, data=helpers.signed_json(did=learner.learner_profile.did)
    )
    assert imported.state == "verified"


def test_disallowed_url_is_refused_with_no_network_call(
    signed_in: Client, no_connection: None
) -> None:
    response = signed_in.post(
        "/api/wallet/imports",
        {"url": "https://badges.elsewhere.example/a.json"},
        content_type="application/json",
    )
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert error["field"] == "url"
    assert "does not contact other sites" in error["message"]


def test_same_credential_twice_is_one_import(learner: Any, no_connection: None) -> None:
    document = helpers.signed_json(email=learner.email)
    first = imported_credential_add(actor=learner, data=document)
    again = imported_credential_add(actor=learner, data=document)
    assert first.pk == again.pk
    assert ImportedCredential.objects.count() == 1


def test_revoked_credential_is_refused(world: World, learner: Any) -> None:
    old = make_user(email="old.account@example.test")
    credential = helpers.issued_here_to_old_account(
        issuer=world.other_issuer, email=learner.email, old_account=old
    )
    revoke(credential)
    with pytest.raises(ValidationError) as refused:
        imported_credential_add(actor=learner, data=credential.document)
    assert "REVOKED" in str(refused.value)


def test_recheck_flips_a_revoked_import_and_it_stops_counting(
    world: World, learner: Any, django_capture_on_commit_callbacks: Any
) -> None:
    old = make_user(email="old.account@example.test")
    credential = helpers.issued_here_to_old_account(
        issuer=world.other_issuer, email=learner.email, old_account=old
    )
    imported = imported_credential_add(actor=learner, data=credential.document)
    assert imported.state == "verified"
    assert [h.source for h in verified_holdings(user=learner)] == ["imported"]
    revoke(credential)
    changed: list[Any] = []

    def listener(sender: Any, user: Any, **kwargs: Any) -> None:
        changed.append(user)

    holdings_changed.connect(listener)
    try:
        # fresh: within the window nothing is verified again
        assert imported_credential_recheck(imported=imported).state == "verified"
        ImportedCredential.objects.filter(pk=imported.pk).update(
            checked_at=timezone.now() - timedelta(days=2)
        )
        with django_capture_on_commit_callbacks(execute=True):
            assert imported_credentials_recheck_due() == 1
    finally:
        holdings_changed.disconnect(listener)
    imported.refresh_from_db()
    assert imported.state == "revoked"
    assert changed == [learner]
    assert verified_holdings(user=learner) == []
    assert AuditEntry.objects.filter(action="trust.import.state_changed").count() == 1


def test_holdings_include_verified_imports_with_their_skills(
    learner: Any, no_connection: None
) -> None:
    skill = Skill.objects.create(code="test-aseptic", uri=helpers.SKILL_URL, label="Aseptic work")
    imported = imported_credential_add(actor=learner, data=helpers.signed_json(email=learner.email))
    holdings = verified_holdings(user=learner)
    assert [(h.source, h.pk, h.skill_ids) for h in holdings] == [
        ("imported", imported.pk, (skill.pk,))
    ]
    assert holdings[0].issuer_name == "Elsewhere Academy"


def test_management_command_rechecks(learner: Any, no_connection: None) -> None:
    from io import StringIO

    from django.core.management import call_command

    imported_credential_add(actor=learner, data=helpers.signed_json(email=learner.email))
    out = StringIO()
    call_command("trust", "recheck", "--max-age-hours", "0", stdout=out)
    assert "Re-checked 1 imported credential(s)." in out.getvalue()


def test_another_learners_import_answers_404(client: Client, world: World, learner: Any) -> None:
    imported = imported_credential_add(actor=learner, data=helpers.signed_json(email=learner.email))
    other = make_user(learner=True)
    sign_in(client, other)
    assert client.get(f"/wallet/imports/{imported.pk}/").status_code == 404
    assert client.get(f"/api/wallet/imports/{imported.pk}").status_code == 404
    assert client.post(f"/wallet/imports/{imported.pk}/remove/").status_code == 404


def test_learner_removes_an_import(signed_in: Client, learner: Any, no_connection: None) -> None:
    imported = imported_credential_add(actor=learner, data=helpers.signed_json(email=learner.email))
    response = signed_in.post(f"/wallet/imports/{imported.pk}/remove/")
    assert response.status_code == 302
    assert not ImportedCredential.objects.exists()
    assert verified_holdings(user=learner) == []


def test_a_stale_import_is_rechecked_when_used(world: World, learner: Any) -> None:
    old = make_user(email="old.account@example.test")
    credential = helpers.issued_here_to_old_account(
        issuer=world.other_issuer, email=learner.email, old_account=old
    )
    imported = imported_credential_add(actor=learner, data=credential.document)
    revoke(credential)
    # within the freshness window the last check stands
    assert [h.pk for h in verified_holdings(user=learner)] == [imported.pk]
    ImportedCredential.objects.filter(pk=imported.pk).update(
        checked_at=timezone.now() - timedelta(days=2)
    )
    assert verified_holdings(user=learner) == []
    imported.refresh_from_db()
    assert imported.state == "revoked"
    assert "REVOKED" in imported.report["headline"]
