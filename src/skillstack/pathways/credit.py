"""Credit toward degrees: recommendations, articulation agreements, consent (writes).

* A **credit recommendation** is a recommending body's view (an ACE/NCCRS-like reviewer) of
  how many credits a micro-credential is worth; the issuer records it.
* An **articulation agreement** is a college's promise: these credentials or pathways count
  for so many credits toward this program, up to a cap (e.g. half the program).
* A college sees a learner's credit only while the learner consents to share it with that
  college (``CreditConsent``); the sums are in ``credit_selectors``.
"""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from skillstack.accounts.models import Organization
from skillstack.accounts.roles import IssuerType, OrgKind
from skillstack.audit.services import audit_record
from skillstack.catalog.models import MicroCredential
from skillstack.pathways.models import (
    ArticulationAgreement,
    ArticulationItem,
    CreditConsent,
    CreditRecommendation,
    Pathway,
    PathwayStatus,
)

CREDITS_MAX = Decimal("200")


def credits_of(value: Any, field: str, *, allow_zero: bool = False) -> Decimal:
    """A credit amount from a form or JSON: 0.25 steps are fine, nonsense is named."""
    try:
        amount = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise ValidationError({field: "Give a number of credits, e.g. 3 or 1.5."}) from None
    low = Decimal(0) if allow_zero else Decimal("0.01")
    if not amount.is_finite() or amount < low or amount > CREDITS_MAX:
        raise ValidationError({field: f"Credits must be more than 0 and at most {CREDITS_MAX}."})
    if amount != amount.quantize(Decimal("0.01")):
        raise ValidationError({field: "Use at most two decimals."})
    return amount


def _text(value: Any, field: str, limit: int, *, required: bool = True) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if required and not text:
        raise ValidationError({field: "This is required."})
    if len(text) > limit:
        raise ValidationError({field: f"Keep it under {limit} characters."})
    return text


def credit_recommendation_record(
    *,
    micro_credential: MicroCredential,
    actor: Any,
    recommending_body: str,
    credits: Any,
    level: str = "",
    recommended_on: datetime.date | None = None,
) -> CreditRecommendation:
    """Record (or update) one body's recommendation for one of the issuer's micro-credentials."""
    body = _text(recommending_body, "recommending_body", 200)
    amount = credits_of(credits, "credits")
    level = _text(level, "level", 100, required=False)
    with transaction.atomic():
        recommendation, created = CreditRecommendation.objects.update_or_create(
            micro_credential=micro_credential,
            recommending_body=body,
            defaults={
                "credits": amount,
                "level": level,
                "recommended_on": recommended_on or timezone.localdate(),
                "created_by": actor,
            },
        )
        audit_record(
            action="pathways.credit_recommendation.recorded",
            actor=actor,
            organization=micro_credential.issuer,
            obj=recommendation,
            data={"body": body, "credits": str(amount), "new": created},
        )
    return recommendation


def _is_college(organization: Organization) -> bool:
    return organization.kind == OrgKind.ISSUER and organization.issuer_type == IssuerType.COLLEGE


def _item(raw: Any, index: int) -> ArticulationItem:
    where = f"items[{index}]"
    if not isinstance(raw, dict):
        raise ValidationError({"items": f"{where}: must be an object."})
    amount = credits_of(raw.get("credits"), f"{where}.credits")
    course = _text(raw.get("course", ""), f"{where}.course", 200, required=False)
    mc_id, pathway_id = raw.get("micro_credential"), raw.get("pathway")
    if (mc_id is None) == (pathway_id is None):
        raise ValidationError({"items": f"{where}: name one micro_credential or one pathway."})
    if mc_id is not None:
        mc = MicroCredential.objects.filter(pk=mc_id).first() if isinstance(mc_id, int) else None
        if mc is None:
            raise ValidationError({"items": f"{where}: no micro-credential has the id {mc_id}."})
        return ArticulationItem(micro_credential=mc, credits=amount, course=course)
    pathway = (
        Pathway.objects.filter(pk=pathway_id, status=PathwayStatus.PUBLISHED).first()
        if isinstance(pathway_id, int)
        else None
    )
    if pathway is None:
        raise ValidationError({"items": f"{where}: no published pathway has the id {pathway_id}."})
    return ArticulationItem(pathway=pathway, credits=amount, course=course)


def articulation_create(
    *,
    college: Organization,
    actor: Any,
    program: str,
    program_credits: Any,
    cap_credits: Any,
    items: list[Any],
) -> ArticulationAgreement:
    """A college's agreement for one program: what counts, for how much, up to a cap."""
    if not _is_college(college):
        raise ValidationError(
            {"college": "Only a college (an issuer of type college) articulates credit."}
        )
    program = _text(program, "program", 200)
    total = credits_of(program_credits, "program_credits")
    cap = credits_of(cap_credits, "cap_credits")
    if cap > total:
        raise ValidationError({"cap_credits": "The cap cannot be more than the program's credits."})
    if not isinstance(items, list) or not items or len(items) > 100:
        raise ValidationError({"items": "List 1 to 100 credentials or pathways."})
    rows = [_item(raw, i) for i, raw in enumerate(items)]
    keys = [(r.micro_credential_id, r.pathway_id) for r in rows]
    if len(set(keys)) != len(keys):
        raise ValidationError({"items": "Each credential or pathway appears once."})
    with transaction.atomic():
        if ArticulationAgreement.objects.filter(college=college, program=program).exists():
            raise ValidationError(
                {"program": f"{college.name} already has an agreement for {program}."}
            )
        agreement = ArticulationAgreement.objects.create(
            college=college,
            program=program,
            program_credits=total,
            cap_credits=cap,
            created_by=actor,
        )
        for row in rows:
            row.agreement = agreement
        ArticulationItem.objects.bulk_create(rows)
        audit_record(
            action="pathways.articulation.created",
            actor=actor,
            organization=college,
            obj=agreement,
            data={"program": program, "cap": str(cap), "items": len(rows)},
        )
    return agreement


def credit_consent_set(*, learner: Any, college: Organization, share: bool) -> CreditConsent | None:
    """Grant or withdraw a learner's consent to show their verified credit to one college."""
    if not _is_college(college):
        raise ValidationError({"college": "Credit is shared only with colleges."})
    now = timezone.now()
    with transaction.atomic():
        consent = (
            CreditConsent.objects.select_for_update()
            .filter(learner=learner, college=college)
            .first()
        )
        if share:
            if consent is None:
                consent = CreditConsent.objects.create(
                    learner=learner, college=college, granted_at=now
                )
            elif consent.withdrawn_at is not None:
                consent.granted_at, consent.withdrawn_at = now, None
                consent.save(update_fields=["granted_at", "withdrawn_at"])
            else:
                return consent
        else:
            if consent is None or consent.withdrawn_at is not None:
                return consent
            consent.withdrawn_at = now
            consent.save(update_fields=["withdrawn_at"])
        audit_record(
            action=f"pathways.credit_consent.{'granted' if share else 'withdrawn'}",
            actor=learner,
            organization=college,
            obj=consent,
            data={"college": college.slug},
        )
    return consent
