"""Reading issued credentials: by holder, by id, by issuer, and by who assessed them."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from skillstack.issuing.selectors import (
    credential_by_id,
    credentials_assessed_by,
    credentials_issued_by,
    credentials_of,
)
from skillstack.issuing.services import credential_issue_for_attempt, credential_revoke
from tests.factories import make_user
from tests.issuing.helpers import make_attempt, new_learner, passed_attempt


def test_a_holder_sees_their_credentials_revoked_ones_too(world):
    credential = credential_issue_for_attempt(attempt=passed_attempt(world))
    credential_revoke(credential=credential, actor=None, reason="Fraud")
    assert list(credentials_of(user=world.people["learner"])) == [credential]
    assert list(credentials_of(user=world.people["outsider"])) == []


def test_a_credential_is_found_by_its_urn_and_nothing_else(world):
    credential = credential_issue_for_attempt(attempt=passed_attempt(world))
    assert credential_by_id(credential_id=credential.credential_id) == credential
    assert credential_by_id(credential_id="urn:uuid:00000000-0000-0000-0000-000000000000") is None
    assert credential_by_id(credential_id="x" * 500) is None


def test_an_issuer_lists_only_its_own_by_state_and_search(world):
    credential = credential_issue_for_attempt(attempt=passed_attempt(world))
    rows = credentials_issued_by(organization=world.issuer, search="Learner")
    assert list(rows) == [credential]
    assert not credentials_issued_by(organization=world.other_issuer).exists()
    assert not credentials_issued_by(organization=world.issuer, state="revoked").exists()


def test_assessed_by_covers_observed_and_cosigned_attempts_since_a_date(world):
    first = passed_attempt(world)
    evaluator = first.evaluator
    recent = credential_issue_for_attempt(attempt=first)
    second_evaluator = make_user(email="second@example.test")
    cosigned = make_attempt(
        first.session,
        new_learner("co@example.test"),
        first.certification,
        evaluator=second_evaluator,
        cosigned_by=evaluator,
    )
    by_cosign = credential_issue_for_attempt(attempt=cosigned)
    old = make_attempt(
        first.session,
        new_learner("old@example.test"),
        first.certification,
        observed_at=timezone.now() - timedelta(days=90),
    )
    credential_issue_for_attempt(attempt=old)
    since = (timezone.now() - timedelta(days=30)).date()
    found = set(credentials_assessed_by(evaluator=evaluator, since=since))
    assert found == {recent, by_cosign}
