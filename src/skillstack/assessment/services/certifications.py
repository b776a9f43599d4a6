"""Granting and withdrawing an evaluator's certification to judge a micro-credential."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from skillstack.accounts.models import Organization
from skillstack.assessment.issuing import enqueue_issuing
from skillstack.assessment.models import EvaluatorCertification
from skillstack.assessment.services.rules import is_evaluator_of
from skillstack.audit.services import audit_record
from skillstack.catalog.models import MicroCredential


def _check_grant(
    *,
    issuer: Organization,
    evaluator: Any,
    micro_credential: MicroCredential,
    valid_from: datetime.date,
    valid_until: datetime.date,
) -> None:
    errors: dict[str, str] = {}
    if micro_credential.issuer_id != issuer.pk:
        errors["micro_credential"] = f"Choose a micro-credential of {issuer.name}."
    if not is_evaluator_of(user=evaluator, organization=issuer):
        errors["evaluator"] = (
            f"{evaluator.email} is not an evaluator of {issuer.name}; invite them as one first."
        )
    if valid_from < timezone.localdate():
        errors["valid_from"] = "A certification starts today or later; it cannot be backdated."
    if valid_until < valid_from:
        errors["valid_until"] = "The end date must be on or after the start date."
    elif valid_until > valid_from + datetime.timedelta(days=366 * 5):
        errors["valid_until"] = "A certification lasts at most five years; renew it after."
    if errors:
        raise ValidationError(errors)
    overlapping = EvaluatorCertification.objects.filter(
        evaluator=evaluator,
        micro_credential=micro_credential,
        withdrawn_at__isnull=True,
        valid_from__lte=valid_until,
        valid_until__gte=valid_from,
    )
    if overlapping.exists():
        raise ValidationError(
            {"valid_from": f"{evaluator.email} is already certified for these dates."}
        )


def certification_grant(
    *,
    issuer: Organization,
    evaluator: Any,
    micro_credential: MicroCredential,
    valid_from: datetime.date,
    valid_until: datetime.date,
    actor: Any,
) -> EvaluatorCertification:
    """Certify an evaluator of the issuer; the certification is itself issued as a credential."""
    _check_grant(
        issuer=issuer,
        evaluator=evaluator,
        micro_credential=micro_credential,
        valid_from=valid_from,
        valid_until=valid_until,
    )
    with transaction.atomic():
        certification = EvaluatorCertification.objects.create(
            evaluator=evaluator,
            micro_credential=micro_credential,
            valid_from=valid_from,
            valid_until=valid_until,
            granted_by=actor,
        )
        audit_record(
            action="assessment.certification.granted",
            actor=actor,
            organization=issuer,
            obj=certification,
            data={
                "evaluator": evaluator.email,
                "micro_credential": str(micro_credential),
                "valid_from": valid_from.isoformat(),
                "valid_until": valid_until.isoformat(),
            },
        )
        enqueue_issuing("issue_certification_credential", certification.pk)
    return certification


def certification_withdraw(
    *,
    certification: EvaluatorCertification,
    reason: str,
    actor: Any,
    effective_on: datetime.date | None = None,
) -> EvaluatorCertification:
    """Withdraw from ``effective_on`` (today by default); earlier results then need review."""
    reason = reason.strip()
    day = effective_on or timezone.localdate()
    if len(reason) < 5:
        raise ValidationError({"reason": "Say why the certification is withdrawn (a sentence)."})
    if day > timezone.localdate():
        raise ValidationError({"effective_on": "A withdrawal takes effect today or earlier."})
    if day < certification.valid_from:
        raise ValidationError(
            {"effective_on": "The withdrawal cannot take effect before the certification began."}
        )
    with transaction.atomic():
        locked = EvaluatorCertification.objects.select_for_update().get(pk=certification.pk)
        if locked.withdrawn_at is not None:
            raise ValidationError({"reason": "This certification is already withdrawn."})
        locked.withdrawn_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
        locked.withdrawn_reason = reason
        locked.save(update_fields=["withdrawn_at", "withdrawn_reason"])
        audit_record(
            action="assessment.certification.withdrawn",
            actor=actor,
            organization=locked.micro_credential.issuer,
            obj=locked,
            data={"reason": reason, "effective_on": day.isoformat()},
        )
    return locked
