"""Hires: a placement records the job the candidate starts, moves the application to hired
and schedules the retention check-ins (CHECKIN_DAYS after the start, employer and worker)."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from skillstack.audit.services import audit_record
from skillstack.hiring.models import (
    CHECKIN_DAYS,
    Application,
    CheckinRespondent,
    EmploymentType,
    Placement,
    RetentionCheckin,
)
from skillstack.hiring.services.applications import locked_for_hire, mark_hired

WAGE_UNITS = ("hour", "year")
NEEDS_MAX = 2000


def _wage(value: Any) -> Decimal:
    try:
        wage = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise ValidationError({"wage": "Give the wage as a number, e.g. 24.50."}) from None
    if not wage.is_finite() or wage <= 0 or wage >= Decimal("10000000"):
        raise ValidationError({"wage": "The wage must be more than 0 and below 10,000,000."})
    return wage.quantize(Decimal("0.01"))


def _validate(
    *, start_date: Any, role_title: str, wage_unit: str, employment_type: str, needs: str
) -> None:
    errors: dict[str, str] = {}
    if not isinstance(start_date, datetime.date):
        errors["start_date"] = "Give the start date as a date (YYYY-MM-DD)."
    if not (role_title or "").strip():
        errors["role_title"] = "Name the role the person was hired for."
    elif len(role_title) > 200:
        errors["role_title"] = "Keep the role under 200 characters."
    if wage_unit not in WAGE_UNITS:
        errors["wage_unit"] = "The wage is per “hour” or per “year”."
    if employment_type not in EmploymentType.values:
        errors["employment_type"] = "Pick one of: " + ", ".join(EmploymentType.values) + "."
    if len(needs or "") > NEEDS_MAX:
        errors["onboarding_needs"] = f"Keep the onboarding needs under {NEEDS_MAX} characters."
    if errors:
        raise ValidationError(errors)


def _schedule_checkins(placement: Placement) -> None:
    RetentionCheckin.objects.bulk_create(
        RetentionCheckin(
            placement=placement,
            day=day,
            respondent=side,
            due_on=placement.start_date + datetime.timedelta(days=day),
        )
        for day in CHECKIN_DAYS
        for side in CheckinRespondent.values
    )


@transaction.atomic
def placement_record(
    *,
    application: Application,
    actor: Any,
    start_date: datetime.date,
    role_title: str,
    wage: Any,
    employment_type: str,
    wage_unit: str = "hour",
    onboarding_needs: str = "",
) -> Placement:
    """Hire the candidate of an application at the offer stage; check-ins follow."""
    _validate(
        start_date=start_date,
        role_title=role_title,
        wage_unit=wage_unit,
        employment_type=employment_type,
        needs=onboarding_needs,
    )
    amount = _wage(wage)
    row = locked_for_hire(application)
    mark_hired(row, actor=actor)
    placement = Placement.objects.create(
        application=row,
        start_date=start_date,
        role_title=role_title.strip(),
        wage=amount,
        wage_unit=wage_unit,
        employment_type=employment_type,
        onboarding_needs=(onboarding_needs or "").strip(),
        hired_by=actor,
    )
    _schedule_checkins(placement)
    audit_record(
        action="hiring.placement.recorded",
        actor=actor,
        organization=row.opening.employer,
        obj=placement,
        data={
            "application": row.pk,
            "start_date": start_date.isoformat(),
            "employment_type": employment_type,
            "wage": str(amount),
            "wage_unit": wage_unit,
        },
    )
    return placement


@transaction.atomic
def placement_onboarding_update(
    *, placement: Placement, actor: Any, onboarding_needs: str
) -> Placement:
    """The employer notes what support the new hire needs; the navigator sees it."""
    needs = (onboarding_needs or "").strip()
    if len(needs) > NEEDS_MAX:
        raise ValidationError(
            {"onboarding_needs": f"Keep the onboarding needs under {NEEDS_MAX} characters."}
        )
    row = Placement.objects.select_for_update().get(pk=placement.pk)
    row.onboarding_needs = needs
    row.save(update_fields=["onboarding_needs"])
    audit_record(
        action="hiring.placement.onboarding_noted",
        actor=actor,
        organization=placement.application.opening.employer,
        obj=row,
        data={"length": len(needs)},
    )
    return row
