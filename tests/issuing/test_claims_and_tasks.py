"""The tasks: issue, then e-mail a one-time claim link once, whatever the retries."""

from __future__ import annotations

import hashlib
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from skillstack.issuing import tasks
from skillstack.issuing.models import IssuedCredential
from skillstack.issuing.services import (
    credential_claim,
    credential_claim_send,
    credential_issue_for_certification,
)
from tests.issuing.helpers import make_certification, make_version, passed_attempt

LINK = re.compile(r"http://127\.0\.0\.1:8000/wallet/claim/([A-Za-z0-9_-]+)/")


def test_the_learner_gets_one_claim_link_however_often_the_task_runs(world):
    attempt = passed_attempt(world)
    tasks.issue_credential_for_attempt.enqueue(attempt.pk)
    tasks.issue_credential_for_attempt.enqueue(attempt.pk)  # a retry
    to_learner = [m for m in mail.outbox if m.to == ["learner@example.test"]]
    assert len(to_learner) == 1
    assert "Accurate Pipetting" in to_learner[0].subject
    token = LINK.search(to_learner[0].body).group(1)
    credential = IssuedCredential.objects.get(attempt=attempt)
    assert token not in str(credential.__dict__)
    assert credential.claim_token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert credential.claim_sent_at is not None


def test_the_claim_link_works_once_and_only_for_its_recipient(world):
    attempt = passed_attempt(world)
    tasks.issue_credential_for_attempt.enqueue(attempt.pk)
    token = LINK.search(mail.outbox[-1].body).group(1)
    with pytest.raises(ValidationError, match="someone else"):
        credential_claim(token=token, user=world.people["outsider"])
    claimed = credential_claim(token=token, user=world.people["learner"])
    assert claimed.claimed_at is not None
    with pytest.raises(ValidationError, match="already used"):
        credential_claim(token=token, user=world.people["learner"])


def test_a_claimed_credential_is_not_mailed_again(world):
    attempt = passed_attempt(world)
    tasks.issue_credential_for_attempt.enqueue(attempt.pk)
    credential = IssuedCredential.objects.get(attempt=attempt)
    credential_claim(token=LINK.search(mail.outbox[-1].body).group(1), user=credential.recipient)
    assert credential_claim_send(credential=credential) is False


def test_the_evaluator_gets_a_certification_credential(world):
    version = make_version(world.issuer)
    certification = make_certification(world.people["evaluator"], version)
    tasks.issue_certification_credential.enqueue(certification.pk)
    credential = IssuedCredential.objects.get(idempotency_key=f"certification:{certification.pk}")
    achievement = credential.document["credentialSubject"]["achievement"]
    assert achievement["achievementType"] == "Certification"
    assert credential.document["validFrom"].startswith(certification.valid_from.isoformat())
    assert credential.document["validUntil"].startswith(certification.valid_until.isoformat())
    assert [m.to for m in mail.outbox] == [["evaluator@example.test"]]


def test_a_withdrawn_certification_earns_no_credential(world):
    certification = make_certification(world.people["evaluator"], make_version(world.issuer))
    certification.withdrawn_at = timezone.now()
    certification.save()
    with pytest.raises(ValidationError, match="withdrawn"):
        credential_issue_for_certification(certification=certification)
    assert not IssuedCredential.objects.exists()
