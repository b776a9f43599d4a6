"""The whole path as people walk it: an admin certifies an evaluator, a designer plans a session
and imports its roster, the evaluator's tablet syncs (twice), the server judges, a second
evaluator co-signs, and the issuing app issues the learner's credential."""

from __future__ import annotations

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from skillstack.accounts.models import User
from skillstack.accounts.roles import Role
from skillstack.assessment.models import AssessmentSession, Attempt, AttemptStatus
from skillstack.issuing.models import IssuedCredential
from tests.assessment.helpers import FAILING, PASSING, attempt_body, published_version, sync
from tests.factories import grant, make_user, sign_in


def _client(user) -> Client:
    client = Client()
    sign_in(client, user)
    return client


def _certify_on_the_page(admin: Client, evaluator: User, version) -> None:
    today = timezone.localdate()
    response = admin.post(
        "/orgs/bioskills/evaluators/grant/",
        {
            "evaluator": evaluator.pk,
            "micro_credential": version.micro_credential.pk,
            "valid_from": today.isoformat(),
            "valid_until": (today + datetime.timedelta(days=365)).isoformat(),
        },
    )
    assert response.status_code == 302


def test_certify_plan_import_sync_cosign_and_issue(
    world, django_capture_on_commit_callbacks
) -> None:
    version = published_version(world.issuer, world.people["designer"])
    evaluator = world.people["evaluator"]
    second = make_user(email="second@example.test", full_name="Second Evaluator")
    grant(second, world.issuer, Role.EVALUATOR)
    admin = _client(world.people["issuer_admin"])
    with django_capture_on_commit_callbacks(execute=True):
        _certify_on_the_page(admin, evaluator, version)
        _certify_on_the_page(admin, second, version)
    certificates = IssuedCredential.objects.filter(recipient__in=[evaluator, second])
    assert certificates.count() == 2  # each certification is itself a credential

    designer = _client(world.people["designer"])
    designer.post(
        "/orgs/bioskills/sessions/new/",
        {
            "micro_credential_version": version.pk,
            "date": timezone.localdate().isoformat(),
            "place": "Lab 2",
            "evaluators": [evaluator.pk, second.pk],
            "requires_cosign": "on",
        },
    )
    session = AssessmentSession.objects.get()
    csv = b"email,full_name\nana@example.test,Ana Lopez\nben@example.test,Ben Okafor\n"
    with django_capture_on_commit_callbacks(execute=True):
        designer.post(
            f"/orgs/bioskills/sessions/{session.pk}/roster/import/",
            {"file": SimpleUploadedFile("roster.csv", csv, content_type="text/csv")},
        )
    ana, ben = (
        User.objects.get(email="ana@example.test"),
        User.objects.get(email="ben@example.test"),
    )

    tablet = _client(evaluator)
    passing = attempt_body(ana, PASSING)
    claimed = attempt_body(ben, FAILING, client_verdict="passed")
    with django_capture_on_commit_callbacks(execute=True):
        for body in (passing, passing, claimed, claimed):  # every result synced twice
            assert sync(tablet, session, body).status_code in (200, 201)
    assert Attempt.objects.count() == 2
    ana_attempt = Attempt.objects.get(learner=ana)
    assert ana_attempt.status == AttemptStatus.AWAITING_COSIGN
    assert Attempt.objects.get(learner=ben).passed is False
    assert not IssuedCredential.objects.filter(recipient__in=[ana, ben]).exists()

    with django_capture_on_commit_callbacks(execute=True):
        _client(second).post(f"/orgs/bioskills/attempts/{ana_attempt.pk}/cosign/")
    ana_attempt.refresh_from_db()
    assert ana_attempt.status == AttemptStatus.FINAL
    [credential] = IssuedCredential.objects.filter(recipient=ana)
    assert credential.attempt == ana_attempt
    assert not IssuedCredential.objects.filter(recipient=ben).exists()
