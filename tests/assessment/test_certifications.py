"""Granting and withdrawing evaluator certifications (service, pages and API)."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from skillstack.assessment.models import EvaluatorCertification
from skillstack.assessment.services.certifications import (
    certification_grant,
    certification_withdraw,
)
from skillstack.audit.models import AuditEntry
from tests.assessment.helpers import PASSING, attempt_body, published_version, sync
from tests.factories import sign_in


def _grant(world, version, evaluator=None, **dates):
    today = timezone.localdate()
    return certification_grant(
        issuer=world.issuer,
        evaluator=evaluator or world.people["evaluator"],
        micro_credential=version.micro_credential,
        valid_from=dates.get("valid_from", today),
        valid_until=dates.get("valid_until", today + datetime.timedelta(days=365)),
        actor=world.people["issuer_admin"],
    )


def test_granting_audits_and_enqueues_the_certification_credential(
    world, enqueued, django_capture_on_commit_callbacks
) -> None:
    version = published_version(world.issuer, world.people["designer"])
    with django_capture_on_commit_callbacks(execute=True):
        certification = _grant(world, version)
    assert enqueued.calls == [("issue_certification_credential", certification.pk)]
    entry = AuditEntry.objects.get(action="assessment.certification.granted")
    assert entry.data["evaluator"] == "evaluator@example.test"


def test_only_evaluators_of_the_issuer_can_be_certified(world) -> None:
    version = published_version(world.issuer, world.people["designer"])
    with pytest.raises(ValidationError) as caught:
        _grant(world, version, evaluator=world.people["navigator"])
    assert "is not an evaluator of BioSkills Institute" in str(caught.value)


def test_a_micro_credential_of_another_issuer_cannot_be_granted(world) -> None:
    version = published_version(world.other_issuer, world.people["outsider"])
    with pytest.raises(ValidationError) as caught:
        _grant(world, version)
    assert "micro_credential" in caught.value.message_dict


def test_a_certification_cannot_be_backdated(world) -> None:
    version = published_version(world.issuer, world.people["designer"])
    with pytest.raises(ValidationError) as caught:
        _grant(world, version, valid_from=timezone.localdate() - datetime.timedelta(days=1))
    assert "cannot be backdated" in str(caught.value)


def test_withdrawal_needs_a_reason_and_is_audited(world) -> None:
    version = published_version(world.issuer, world.people["designer"])
    certification = _grant(world, version)
    with pytest.raises(ValidationError):
        certification_withdraw(
            certification=certification, reason=" ", actor=world.people["issuer_admin"]
        )
    certification_withdraw(
        certification=certification,
        reason="Skipped the critical step twice.",
        actor=world.people["issuer_admin"],
    )
    certification.refresh_from_db()
    assert certification.withdrawn_at is not None
    entry = AuditEntry.objects.get(action="assessment.certification.withdrawn")
    assert entry.data["reason"] == "Skipped the critical step twice."


def test_the_admin_grants_on_the_evaluators_page(world) -> None:
    version = published_version(world.issuer, world.people["designer"])
    client = Client()
    sign_in(client, world.people["issuer_admin"])
    page = client.get("/orgs/bioskills/evaluators/")
    assert "Certify an evaluator" in page.content.decode()
    today = timezone.localdate()
    response = client.post(
        "/orgs/bioskills/evaluators/grant/",
        {
            "evaluator": world.people["evaluator"].pk,
            "micro_credential": version.micro_credential.pk,
            "valid_from": today.isoformat(),
            "valid_until": (today + datetime.timedelta(days=90)).isoformat(),
        },
        follow=True,
    )
    assert "is certified for" in response.content.decode()
    assert EvaluatorCertification.objects.filter(evaluator=world.people["evaluator"]).exists()


def test_a_designer_sees_evaluators_but_cannot_certify(world) -> None:
    client = Client()
    sign_in(client, world.people["designer"])
    assert "Certify an evaluator" not in client.get("/orgs/bioskills/evaluators/").content.decode()
    assert client.post("/orgs/bioskills/evaluators/grant/", {}).status_code == 403


def test_withdrawing_lists_the_results_recorded_since_for_review(world, session) -> None:
    evaluator_client = Client()
    sign_in(evaluator_client, world.people["evaluator"])
    body = attempt_body(world.people["learner"], PASSING)
    attempt_id = sync(evaluator_client, session, body).json()["id"]
    certification = world.people["evaluator"].evaluator_certifications.get()
    admin = Client()
    sign_in(admin, world.people["issuer_admin"])
    response = admin.post(
        f"/orgs/bioskills/evaluators/{certification.pk}/withdraw/",
        {"reason": "Observed skipping the critical step.", "effective_on": ""},
        follow=True,
    )
    page = response.content.decode()
    assert "is withdrawn" in page
    assert f"/orgs/bioskills/attempts/{attempt_id}/" in page


def test_the_api_grants_and_withdraws(world) -> None:
    version = published_version(world.issuer, world.people["designer"])
    client = Client()
    sign_in(client, world.people["issuer_admin"])
    today = timezone.localdate()
    created = client.post(
        "/api/orgs/bioskills/certifications",
        {
            "evaluator_id": world.people["evaluator"].pk,
            "micro_credential_id": version.micro_credential.pk,
            "valid_from": today.isoformat(),
            "valid_until": (today + datetime.timedelta(days=30)).isoformat(),
        },
        content_type="application/json",
    )
    assert created.status_code == 201
    pk = created.json()["id"]
    withdrawn = client.post(
        f"/api/orgs/bioskills/certifications/{pk}/withdraw",
        {"withdrawal_reason": "Left the institute."},
        content_type="application/json",
    )
    assert withdrawn.status_code == 200
    assert withdrawn.json()["withdrawn_reason"] == "Left the institute."
    again = client.post(
        f"/api/orgs/bioskills/certifications/{pk}/withdraw",
        {"withdrawal_reason": "Left the institute."},
        content_type="application/json",
    )
    assert again.status_code == 422
    assert "already withdrawn" in again.json()["detail"]
