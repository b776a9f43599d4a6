"""Revoking, suspending and reinstating: the status list verifiers read changes with the row."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from obcore.verify import verify

from skillstack.audit.models import AuditEntry
from skillstack.issuing.models import CredentialState, StatusList
from skillstack.issuing.services import (
    credential_issue_for_attempt,
    credential_reinstate,
    credential_revoke,
    credential_suspend,
    credentials_revoke_bulk,
)
from skillstack.issuing.verification import local_resolver, local_status_list_getter
from tests.issuing.helpers import make_attempt, new_learner, passed_attempt


def status_outcomes(document: dict) -> dict[str, str]:
    report = verify(
        document,
        resolver=local_resolver(),
        get_status_list=local_status_list_getter(),
        check_schema=False,
    )
    return {c.id: c.outcome.value for c in report.checks if c.id.startswith("status.")}


@pytest.fixture
def credential(world):
    return credential_issue_for_attempt(attempt=passed_attempt(world))


def test_a_revoked_credential_verifies_as_revoked(world, credential):
    admin = world.people["issuer_admin"]
    credential_revoke(credential=credential, actor=admin, reason="Wrong learner recorded")
    credential.refresh_from_db()
    assert credential.state == CredentialState.REVOKED
    assert status_outcomes(credential.document)["status.revocation"] == "fail"
    entry = AuditEntry.objects.get(action="issuing.credential.revoked")
    assert entry.actor == admin and entry.data["reason"] == "Wrong learner recorded"


def test_a_suspension_can_be_lifted(world, credential):
    admin = world.people["issuer_admin"]
    from skillstack.verification.services import credential_verify

    credential_suspend(credential=credential, actor=admin, reason="Under investigation")
    held = credential_verify(data=credential.document)
    assert not held.verified
    reasons = [c.message for c in held.checks if c.id == "status.suspension"]
    assert reasons and "Under investigation" in reasons[0]
    assert set(status_outcomes(credential.document).values()) == {"pass"}  # not in the list
    credential_reinstate(credential=credential, actor=admin, reason="Cleared")
    assert credential_verify(data=credential.document).verified
    credential.refresh_from_db()
    assert credential.state == CredentialState.ACTIVE and credential.state_reason == "Cleared"


def test_a_revoked_credential_cannot_be_reinstated_or_revoked_again(world, credential):
    admin = world.people["issuer_admin"]
    credential_revoke(credential=credential, actor=admin, reason="Fraud")
    with pytest.raises(ValidationError, match="Only a suspended credential"):
        credential_reinstate(credential=credential, actor=admin, reason="Oops")
    with pytest.raises(ValidationError, match="already revoked"):
        credential_revoke(credential=credential, actor=admin, reason="Again")


def test_a_reason_is_required(world, credential):
    with pytest.raises(ValidationError, match="Say why"):
        credential_revoke(credential=credential, actor=world.people["issuer_admin"], reason="  ")
    credential.refresh_from_db()
    assert credential.state == CredentialState.ACTIVE


def test_the_published_list_is_re_signed_when_a_bit_changes(world, credential):
    status_list = StatusList.objects.get(organization=world.issuer, purpose="revocation")
    before = status_list.published["proof"]["proofValue"], status_list.published_at
    credential_revoke(credential=credential, actor=world.people["issuer_admin"], reason="Fraud")
    status_list.refresh_from_db()
    assert (status_list.published["proof"]["proofValue"], status_list.published_at) != before
    index = credential.revocation_index.index
    assert bytes(status_list.bits)[index // 8] & (0x80 >> (index % 8))


def test_bulk_revocation_revokes_each_once_and_leaves_revoked_ones(world, credential):
    attempt = credential.attempt
    second = credential_issue_for_attempt(
        attempt=make_attempt(attempt.session, new_learner("b@example.test"), attempt.certification)
    )
    admin = world.people["issuer_admin"]
    credential_revoke(credential=credential, actor=admin, reason="Earlier")
    done = credentials_revoke_bulk(credentials=[credential, second], actor=admin, reason="Bulk")
    assert [c.pk for c in done] == [second.pk]
    second.refresh_from_db()
    assert second.state_reason == "Bulk"
    assert status_outcomes(second.document)["status.revocation"] == "fail"
    assert AuditEntry.objects.filter(action="issuing.credential.revoked").count() == 2
