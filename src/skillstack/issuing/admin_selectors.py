"""Reads for the issuer's pages that look at assessment: sessions with credentials to issue,
and the evaluators whose assessments can be reviewed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q

from skillstack.accounts.models import Organization, User
from skillstack.accounts.roles import Role
from skillstack.assessment.models import AssessmentSession, AttemptStatus
from skillstack.core.schemas import MAX_ID
from skillstack.issuing.models import IssuedCredential


@dataclass(frozen=True, slots=True)
class SessionToIssue:
    session: AssessmentSession
    pending: int


def sessions_to_issue(*, organization: Organization, limit: int = 20) -> list[SessionToIssue]:
    """Sessions with final passed attempts that have no credential yet."""
    issued = IssuedCredential.objects.filter(attempt=OuterRef("attempts"))
    pending = Q(attempts__status=AttemptStatus.FINAL, attempts__passed=True) & ~Q(Exists(issued))
    sessions = (
        AssessmentSession.objects.filter(issuer=organization)
        .select_related("micro_credential_version")
        .annotate(pending=Count("attempts", filter=pending, distinct=True))
        .filter(pending__gt=0)
        .order_by("-date")[:limit]
    )
    return [SessionToIssue(s, s.pending) for s in sessions]  # type: ignore[attr-defined]


def session_of(*, organization: Organization, pk: int) -> AssessmentSession | None:
    if not 0 < pk <= MAX_ID:
        return None
    return AssessmentSession.objects.filter(issuer=organization, pk=pk).first()


def evaluators_of(*, organization: Organization) -> list[Any]:
    """People who hold (or held, through their attempts) the evaluator role here."""
    return list(
        User.objects.filter(
            Q(memberships__organization=organization, memberships__role=Role.EVALUATOR)
            | Q(evaluated_attempts__session__issuer=organization)
        )
        .distinct()
        .order_by("full_name", "email")
    )
