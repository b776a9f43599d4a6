"""Background work of issuing: thin tasks that take primary keys and call a service.

Each is idempotent: a retried task never issues twice (unique idempotency keys) and never
e-mails twice (``claim_sent_at``).
"""

from __future__ import annotations

from django_tasks import task

from skillstack.assessment.models import AssessmentSession, Attempt, EvaluatorCertification
from skillstack.issuing.claims import credential_claim_send
from skillstack.issuing.issuance import (
    credential_issue_for_attempt,
    credential_issue_for_certification,
    credentials_issue_for_session,
)
from skillstack.issuing.models import IssuedCredential


@task()
def issue_credential_for_attempt(attempt_id: int) -> str:
    attempt = Attempt.objects.select_related("session__issuer", "learner").get(pk=attempt_id)
    credential = credential_issue_for_attempt(attempt=attempt)
    credential_claim_send(credential=credential)
    return credential.credential_id


@task()
def issue_certification_credential(certification_id: int) -> str:
    certification = EvaluatorCertification.objects.select_related(
        "evaluator", "micro_credential__issuer"
    ).get(pk=certification_id)
    credential = credential_issue_for_certification(certification=certification)
    credential_claim_send(credential=credential)
    return credential.credential_id


@task()
def issue_credentials_for_session(session_id: int) -> int:
    session = AssessmentSession.objects.select_related("issuer").get(pk=session_id)
    result = credentials_issue_for_session(session=session)
    for credential in result.issued:
        credential_claim_send(credential=credential)
    return len(result.issued)


@task()
def send_credential_claim(credential_id: int) -> bool:
    return credential_claim_send(credential=IssuedCredential.objects.get(pk=credential_id))
