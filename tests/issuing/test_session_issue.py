"""Issuing a whole session: every final pass once, in chunks, and a re-run issues nothing."""

from __future__ import annotations

from skillstack.assessment.models import AttemptStatus
from skillstack.issuing.issuance import credentials_issue_for_attempts
from skillstack.issuing.models import IssuedCredential, StatusAllocation
from skillstack.issuing.services import credentials_issue_for_session
from tests.issuing.helpers import make_attempt, new_learner, passed_attempt


def test_a_session_is_issued_once(world):
    first = passed_attempt(world)
    session, certification = first.session, first.certification
    for n in range(4):
        make_attempt(session, new_learner(f"l{n}@example.test"), certification)
    make_attempt(session, new_learner("fail@example.test"), certification, passed=False)
    make_attempt(
        session,
        new_learner("wait@example.test"),
        certification,
        status=AttemptStatus.AWAITING_COSIGN,
    )
    result = credentials_issue_for_session(session=session)
    assert (len(result.issued), result.already) == (5, 0)
    again = credentials_issue_for_session(session=session)
    assert (len(again.issued), again.already) == (0, 5)
    assert IssuedCredential.objects.filter(attempt__session=session).count() == 5


def test_chunks_allocate_distinct_indexes(world):
    first = passed_attempt(world)
    attempts = [first] + [
        make_attempt(first.session, new_learner(f"c{n}@example.test"), first.certification)
        for n in range(6)
    ]
    credentials = credentials_issue_for_attempts(attempts=attempts, chunk_size=3)
    assert [c.attempt_id for c in credentials] == [a.pk for a in attempts]
    revocation = {c.revocation_index.index for c in credentials}
    assert len(revocation) == 7
    assert StatusAllocation.objects.count() == 7 + 1  # and the evaluator's certification
