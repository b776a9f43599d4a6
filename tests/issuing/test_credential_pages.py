"""The issuer's credential pages: find a credential, see it, change its state with a reason."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from skillstack.issuing.models import CredentialState, IssuedCredential
from skillstack.issuing.services import credential_issue_for_attempt
from tests.factories import make_user, sign_in
from tests.issuing.helpers import make_attempt, new_learner, passed_attempt


@pytest.fixture
def admin(world):
    client = Client()
    sign_in(client, world.people["issuer_admin"])
    return client


@pytest.fixture
def credential(world):
    return credential_issue_for_attempt(attempt=passed_attempt(world))


def test_the_list_finds_a_credential_by_holder(world, admin, credential):
    attempt = credential.attempt
    credential_issue_for_attempt(
        attempt=make_attempt(
            attempt.session, new_learner("zoe@example.test"), attempt.certification
        )
    )
    page = admin.get("/orgs/bioskills/credentials/").content.decode()
    assert "learner@example.test" in page and "zoe@example.test" in page
    found = admin.get("/orgs/bioskills/credentials/?q=zoe").content.decode()
    assert "zoe@example.test" in found and "learner@example.test" not in found


def test_the_state_filter_shows_only_that_state(world, admin, credential):
    admin.post(
        f"/orgs/bioskills/credentials/{credential.pk}/suspend/", {"reason": "Checking records"}
    )
    assert (
        "learner@example.test"
        in admin.get("/orgs/bioskills/credentials/?state=suspended").content.decode()
    )
    revoked = admin.get("/orgs/bioskills/credentials/?state=revoked").content.decode()
    assert "learner@example.test" not in revoked and "No credential matches" in revoked


def test_an_empty_list_says_how_credentials_arrive(world, admin):
    page = admin.get("/orgs/bioskills/credentials/").content.decode()
    assert "has not issued any credential yet" in page


def test_the_detail_page_shows_the_evidence_and_the_signed_document(world, admin, credential):
    page = admin.get(f"/orgs/bioskills/credentials/{credential.pk}/").content.decode()
    assert credential.credential_id in page
    assert "Teaching lab 3, Boston" in page
    assert "eddsa-rdfc-2022" in page
    assert "issuing.credential.issued" in page


def test_revoking_needs_a_reason_and_then_shows_it(world, admin, credential):
    url = f"/orgs/bioskills/credentials/{credential.pk}/revoke/"
    refused = admin.post(url, {"reason": ""})
    assert refused.status_code == 400 and "This field is required" in refused.content.decode()
    response = admin.post(url, {"reason": "Recorded for the wrong learner"}, follow=True)
    page = response.content.decode()
    assert "is revoked; verifiers see it" in page
    assert "Recorded for the wrong learner" in page
    credential.refresh_from_db()
    assert credential.state == CredentialState.REVOKED


def test_reinstating_an_active_credential_is_explained(world, admin, credential):
    response = admin.post(
        f"/orgs/bioskills/credentials/{credential.pk}/reinstate/", {"reason": "Because"}
    )
    assert response.status_code == 400
    assert "Only a suspended credential can be reinstated" in response.content.decode()


def test_another_issuers_admin_cannot_see_or_revoke(world, credential):
    client = Client()
    sign_in(client, world.people["outsider"])
    assert client.get(f"/orgs/other/credentials/{credential.pk}/").status_code == 404
    response = client.post(f"/orgs/other/credentials/{credential.pk}/revoke/", {"reason": "x"})
    assert response.status_code == 404
    credential.refresh_from_db()
    assert credential.state == CredentialState.ACTIVE


def test_a_session_with_passes_can_be_issued_from_the_list(
    world, admin, django_capture_on_commit_callbacks
):
    attempt = passed_attempt(world)
    page = admin.get("/orgs/bioskills/credentials/").content.decode()
    assert "Issue 1 credential" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(f"/orgs/bioskills/credentials/sessions/{attempt.session.pk}/issue/")
    assert response.status_code == 302
    assert IssuedCredential.objects.filter(attempt=attempt).exists()
    assert "Issue 1 credential" not in admin.get("/orgs/bioskills/credentials/").content.decode()


def test_review_revokes_what_an_evaluator_assessed_since_a_date(world, admin, credential):
    attempt = credential.attempt
    old = make_attempt(
        attempt.session,
        new_learner("old@example.test"),
        attempt.certification,
        observed_at=timezone.now() - timedelta(days=40),
    )
    kept = credential_issue_for_attempt(attempt=old)
    since = (timezone.now() - timedelta(days=7)).date().isoformat()
    url = f"/orgs/bioskills/credentials/review/?evaluator={attempt.evaluator.pk}&since={since}"
    page = admin.get(url).content.decode()
    assert "learner@example.test" not in page  # names only, no addresses on the review
    assert "1 credential assessed since" in page
    response = admin.post(
        url, {"credentials": [str(credential.pk)], "reason": "Certification withdrawn"}
    )
    assert response.status_code == 302
    credential.refresh_from_db()
    kept.refresh_from_db()
    assert credential.state == CredentialState.REVOKED
    assert kept.state == CredentialState.ACTIVE


def test_the_dashboard_links_an_issuer_admin_to_the_credentials(world, admin):
    page = admin.get("/dashboard/").content.decode()
    assert "/orgs/bioskills/credentials/" in page


def test_absurd_ids_are_simply_not_found(admin):
    huge = "9" * 30
    assert admin.get(f"/orgs/bioskills/credentials/{huge}/").status_code == 404
    assert admin.post(f"/orgs/bioskills/credentials/sessions/{huge}/issue/").status_code == 404


def test_a_search_with_an_ampersand_survives_the_next_page_link(world, admin, monkeypatch):
    from skillstack.issuing import admin_views

    monkeypatch.setattr(admin_views, "PAGE_SIZE", 1)
    attempt = passed_attempt(world)
    for n in (1, 2):
        learner = make_user(email=f"lab{n}@example.test", full_name=f"Lab & Co {n}", learner=True)
        credential_issue_for_attempt(
            attempt=make_attempt(attempt.session, learner, attempt.certification)
        )
    page = admin.get("/orgs/bioskills/credentials/?q=Lab+%26+Co").content.decode()
    assert "Page 1 of 2" in page
    assert 'href="?q=Lab+%26+Co&page=2"' in page
