"""Object-level rules every write of an observation passes through.

The permission rules (``assessment/permissions.py``) say an evaluator of the issuer may reach the
checklist; these say whether *this* evaluator may judge *this* learner in *this* session today.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from skillstack.accounts.models import Membership
from skillstack.accounts.roles import Role
from skillstack.assessment.models import AssessmentSession, EvaluatorCertification


class NotAllowed(PermissionDenied):
    """A refusal with a sentence for the person refused (shown on pages, sent by the API)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def current_certification(
    *, evaluator: Any, micro_credential_id: int, on: datetime.date | None = None
) -> EvaluatorCertification | None:
    """The certification that lets ``evaluator`` judge this micro-credential today, if any."""
    day = on or timezone.localdate()
    return (
        EvaluatorCertification.objects.filter(
            evaluator=evaluator,
            micro_credential_id=micro_credential_id,
            withdrawn_at__isnull=True,
            valid_from__lte=day,
            valid_until__gte=day,
        )
        .order_by("-valid_until")
        .first()
    )


def is_evaluator_of(*, user: Any, organization: Any) -> bool:
    return Membership.objects.filter(
        user=user, organization=organization, role=Role.EVALUATOR
    ).exists()


def require_assigned_and_certified(
    *, session: AssessmentSession, evaluator: Any
) -> EvaluatorCertification:
    """Refuse unless ``evaluator`` is assigned to the session and certified for it today."""
    if not session.evaluators.filter(pk=evaluator.pk).exists():
        raise NotAllowed("You are not assigned to this session; ask its organiser to add you.")
    mc_id = session.micro_credential_version.micro_credential_id
    certification = current_certification(evaluator=evaluator, micro_credential_id=mc_id)
    if certification is None:
        raise NotAllowed(
            "You are not currently certified to evaluate this micro-credential "
            "(your certification is missing, expired or withdrawn)."
        )
    return certification


def require_not_self(*, evaluator: Any, learner: Any) -> None:
    if evaluator.pk == learner.pk:
        raise NotAllowed("Nobody may evaluate their own attempt; another evaluator must do it.")


def require_open(session: AssessmentSession) -> None:
    if session.closed_at is not None:
        raise ValidationError({"session": "This session is closed; no more results are recorded."})
