"""Reads of the assessment app: sessions a person may see, rosters, results, certifications."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from skillstack.accounts.models import Organization
from skillstack.accounts.roles import Role
from skillstack.assessment.models import (
    AssessmentSession,
    Attempt,
    AttemptStatus,
    EvaluatorCertification,
)
from skillstack.catalog.models import MicroCredentialVersion
from skillstack.catalog.performance import PerformanceTest, parse_definition
from skillstack.core.permissions import is_coalition_admin, roles_of

logger = logging.getLogger(__name__)
ORGANISER_ROLES = {Role.ORG_ADMIN, Role.CREDENTIAL_DESIGNER}


def is_organiser(*, user: Any, organization: Organization) -> bool:
    return bool(roles_of(user).get(organization.pk, set()) & ORGANISER_ROLES) or (
        is_coalition_admin(user)
    )


def is_admin(*, user: Any, organization: Organization) -> bool:
    return Role.ORG_ADMIN in roles_of(user).get(organization.pk, set()) or is_coalition_admin(user)


def sessions_visible(*, user: Any, organization: Organization) -> QuerySet[AssessmentSession]:
    """All of the issuer's sessions for organisers; an evaluator's own sessions otherwise."""
    sessions = AssessmentSession.objects.filter(issuer=organization).select_related(
        "micro_credential_version", "training_program"
    )
    if not is_organiser(user=user, organization=organization):
        sessions = sessions.filter(evaluators=user)
    return sessions.prefetch_related("evaluators").distinct()


def session_visible(*, user: Any, organization: Organization, session_id: int) -> AssessmentSession:
    """The session, or 404 when it is another issuer's or not one this evaluator works in."""
    session = sessions_visible(user=user, organization=organization).filter(pk=session_id).first()
    if session is None:
        raise Http404("No such session")
    return session


def attempt_visible(*, user: Any, organization: Organization, attempt_id: int) -> Attempt:
    attempt = (
        Attempt.objects.select_related("session", "learner", "evaluator", "cosigned_by")
        .filter(pk=attempt_id, session__issuer=organization)
        .first()
    )
    if attempt is None:
        raise Http404("No such attempt")
    session_visible(user=user, organization=organization, session_id=attempt.session_id)
    return attempt


def performance_test(version: MicroCredentialVersion) -> PerformanceTest:
    return parse_definition(version.performance_test)


def step_titles(version: MicroCredentialVersion) -> dict[str, str]:
    return {s.key: s.title for s in performance_test(version).steps}


def session_attempts(*, session: AssessmentSession) -> QuerySet[Attempt]:
    return session.attempts.select_related("learner", "evaluator", "cosigned_by").order_by(
        "learner__full_name", "-submitted_at"
    )


def certifications_of(*, organization: Organization) -> QuerySet[EvaluatorCertification]:
    return EvaluatorCertification.objects.filter(
        micro_credential__issuer=organization
    ).select_related("evaluator", "micro_credential")


def certification_of(
    *, organization: Organization, certification_id: int
) -> EvaluatorCertification:
    found = certifications_of(organization=organization).filter(pk=certification_id).first()
    if found is None:
        raise Http404("No such certification")
    return found


def attempts_after_withdrawal(*, certification: EvaluatorCertification) -> QuerySet[Attempt]:
    """Results this evaluator recorded for the micro-credential since the withdrawal took effect."""
    if certification.withdrawn_at is None:
        return Attempt.objects.none()
    return Attempt.objects.filter(
        evaluator=certification.evaluator,
        micro_credential_version__micro_credential=certification.micro_credential,
        observed_at__gte=certification.withdrawn_at,
    ).select_related("learner", "session")


def credentials_to_review(*, certification: EvaluatorCertification) -> list[Any] | None:
    """Credentials the evaluator assessed since the withdrawal (issuing's selector), or None
    while the issuing app does not offer that selector."""
    if certification.withdrawn_at is None:
        return []
    try:
        from skillstack.issuing.selectors import credentials_assessed_by
    except ImportError:
        logger.warning("issuing.selectors.credentials_assessed_by is not available yet")
        return None
    return list(
        credentials_assessed_by(evaluator=certification.evaluator, since=certification.withdrawn_at)
    )


@dataclass(frozen=True)
class LearnerResult:
    attempt: Attempt
    practise: list[str]  # step titles
    next_sessions: list[AssessmentSession]


def learner_results(*, learner: Any) -> list[LearnerResult]:
    """A learner's attempts (corrected ones hidden), with what to practise and where to retry."""
    attempts = (
        Attempt.objects.filter(learner=learner)
        .exclude(status=AttemptStatus.SUPERSEDED)
        .select_related("session__issuer", "micro_credential_version")
        .order_by("-observed_at")
    )
    today = timezone.localdate()
    results = []
    for attempt in attempts:
        titles = step_titles(attempt.micro_credential_version)
        practise = [titles.get(key, key) for key in attempt.to_practise]
        upcoming: list[AssessmentSession] = []
        if not attempt.passed:
            upcoming = list(
                upcoming_sessions(
                    micro_credential_id=attempt.micro_credential_version.micro_credential_id,
                    after=max(today, attempt.session.date + datetime.timedelta(days=1)),
                )
            )
        results.append(LearnerResult(attempt, practise, upcoming))
    return results


def upcoming_sessions(
    *, micro_credential_id: int, after: datetime.date
) -> QuerySet[AssessmentSession]:
    return (
        AssessmentSession.objects.filter(
            micro_credential_version__micro_credential_id=micro_credential_id,
            date__gte=after,
            closed_at__isnull=True,
        )
        .select_related("issuer", "training_program")
        .order_by("date")[:5]
    )
