"""Writes for openings: create, edit, publish and close, each audited and all-or-nothing.

Pages, the API, the importer and the demo all call these functions, so an opening is checked
the same way however it arrives. An employer manages its own openings; the alliance (the
coalition organization) manages them for any employer, naming which.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from skillstack.accounts.models import Organization
from skillstack.accounts.roles import OrgKind
from skillstack.audit.services import audit_record
from skillstack.catalog import taxonomy_selectors
from skillstack.catalog.models import Skill
from skillstack.catalog.proficiency import Proficiency
from skillstack.jobs.models import (
    DegreeRequirement,
    OccupationScheme,
    Opening,
    OpeningSkill,
    OpeningStatus,
    RemoteOption,
    Shift,
)

EDITABLE = (
    "title",
    "description",
    "occupation_scheme",
    "occupation_code",
    "location",
    "remote",
    "shift",
    "wage_min",
    "wage_max",
    "wage_unit",
    "positions",
    "degree_requirement",
    "closing_date",
    "relax_required",
)
WAGE_UNITS = ("hour", "year")
MAX_POSITIONS = 10_000
MAX_WAGE = Decimal("9999999.99")
MAX_DESCRIPTION = 20_000
MAX_SKILLS = 40
ONET_SOC = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
ESCO_CODE = re.compile(r"^\d{4}(\.\d+)*$")


@dataclass(frozen=True, slots=True)
class SkillAsk:
    """One skill an opening asks for: required (a hard filter) or preferred, with a minimum."""

    skill: Skill
    required: bool = True
    min_level: int = Proficiency.FOUNDATIONAL


# --- checks ----------------------------------------------------------------------------------


def employer_for(*, organization: Organization, employer: Organization | None) -> Organization:
    """Whose opening it is: the organization itself, or the employer the alliance names."""
    if organization.kind == OrgKind.EMPLOYER:
        if employer is not None and employer.pk != organization.pk:
            raise ValidationError({"employer": "You post openings for your own organization only."})
        return organization
    if organization.kind == OrgKind.COALITION:
        if employer is None:
            raise ValidationError({"employer": "Choose the employer this opening is for."})
        if employer.kind != OrgKind.EMPLOYER:
            raise ValidationError({"employer": f"{employer.name} is not an employer."})
        return employer
    raise ValidationError(
        {"organization": "Only employers (or the alliance on their behalf) post openings."}
    )


def _decimal(value: Any, field: str, errors: dict[str, str]) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        errors[field] = "Enter an amount such as 18.50."
        return None
    if not number.is_finite() or number < 0 or number > MAX_WAGE:
        errors[field] = f"Enter an amount between 0 and {MAX_WAGE:,}."
        return None
    return number.quantize(Decimal("0.01"))


def _check_occupation(scheme: str, code: str, errors: dict[str, str]) -> None:
    if scheme not in OccupationScheme.values:
        errors["occupation_scheme"] = "Choose O*NET-SOC or ESCO."
        return
    if not code:
        return
    pattern, example = (
        (ONET_SOC, "19-4021.00") if scheme == OccupationScheme.ONET else (ESCO_CODE, "3141.1")
    )
    if not pattern.match(code):
        errors["occupation_code"] = f"This is not a {scheme.upper()} code; it looks like {example}."
    elif taxonomy_selectors.occupations_loaded(framework=scheme) and not (
        taxonomy_selectors.occupation_known(framework=scheme, code=code)
    ):
        errors["occupation_code"] = (
            f"No {OccupationScheme(scheme).label} occupation has the code {code}; "
            "check it or leave it empty."
        )


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    """Normalised fields, or a ValidationError naming each wrong one."""
    errors: dict[str, str] = {}
    clean = dict(fields)
    for name in ("title", "description", "location", "occupation_code", "wage_unit"):
        if name in clean:
            clean[name] = str(clean[name] or "").strip()
    if "title" in clean and not clean["title"]:
        errors["title"] = "Give the opening a title people search for, e.g. 'Lab technician'."
    if len(clean.get("title", "")) > 200:
        errors["title"] = "Keep the title under 200 characters."
    if len(clean.get("description", "")) > MAX_DESCRIPTION:
        errors["description"] = f"Keep the description under {MAX_DESCRIPTION:,} characters."
    if len(clean.get("location", "")) > 200:
        errors["location"] = "Keep the location under 200 characters."
    for name, choices in (
        ("remote", RemoteOption),
        ("shift", Shift),
        ("degree_requirement", DegreeRequirement),
    ):
        if name in clean and clean[name] not in choices.values:
            allowed = ", ".join(choices.values)
            errors[name] = f"'{clean[name]}' is not one of: {allowed}."
    if "wage_unit" in clean and clean["wage_unit"] not in WAGE_UNITS:
        errors["wage_unit"] = "The wage is per hour or per year."
    for name in ("wage_min", "wage_max"):
        if name in clean:
            clean[name] = _decimal(clean[name], name, errors)
    if "positions" in clean:
        positions = clean["positions"]
        if isinstance(positions, bool) or not isinstance(positions, int):
            try:
                positions = int(str(positions))
            except ValueError:
                positions = 0
        if not 1 <= positions <= MAX_POSITIONS:
            errors["positions"] = f"Enter how many people you hire: 1 to {MAX_POSITIONS:,}."
        clean["positions"] = positions
    if "closing_date" in clean and clean["closing_date"] in ("", None):
        clean["closing_date"] = None
    elif "closing_date" in clean and not isinstance(clean["closing_date"], datetime.date):
        errors["closing_date"] = "Enter a date such as 2026-12-31."
    if errors:
        raise ValidationError(errors)
    return clean


def _check_whole(opening: Opening) -> None:
    """Rules across fields, checked on the opening as it will be saved."""
    errors: dict[str, str] = {}
    if (
        opening.wage_min is not None
        and opening.wage_max is not None
        and opening.wage_min > opening.wage_max
    ):
        errors["wage_max"] = "The highest wage must be at least the lowest."
    _check_occupation(opening.occupation_scheme, opening.occupation_code, errors)
    if errors:
        raise ValidationError(errors)


def _check_skills(skills: list[SkillAsk]) -> None:
    if len(skills) > MAX_SKILLS:
        raise ValidationError({"skills": f"Ask for at most {MAX_SKILLS} skills."})
    seen: set[int] = set()
    for ask in skills:
        if ask.skill.pk in seen:
            raise ValidationError({"skills": f"“{ask.skill.label}” is listed twice."})
        seen.add(ask.skill.pk)
        if ask.min_level not in Proficiency.values:
            raise ValidationError(
                {"skills": f"The minimum level of “{ask.skill.label}” must be 1 to 4."}
            )


def _set_skills(opening: Opening, skills: list[SkillAsk]) -> None:
    opening.skills.all().delete()
    OpeningSkill.objects.bulk_create(
        OpeningSkill(
            opening=opening, skill=ask.skill, required=ask.required, min_level=ask.min_level
        )
        for ask in skills
    )


def _skills_data(skills: list[SkillAsk]) -> list[dict[str, Any]]:
    return [
        {"skill": a.skill.pk, "required": a.required, "min_level": int(a.min_level)} for a in skills
    ]


# --- writes ----------------------------------------------------------------------------------


def opening_create(
    *,
    organization: Organization,
    actor: Any,
    title: str,
    employer: Organization | None = None,
    skills: list[SkillAsk] | None = None,
    source_key: str = "",
    **fields: Any,
) -> Opening:
    """A draft opening of ``organization`` (or, for the alliance, of ``employer``)."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValidationError({name: "This field does not exist." for name in sorted(unknown)})
    owner = employer_for(organization=organization, employer=employer)
    clean = _clean({"title": title, **fields})
    skills = list(skills or [])
    _check_skills(skills)
    opening = Opening(employer=owner, created_by=actor, source_key=source_key[:200], **clean)
    _check_whole(opening)
    with transaction.atomic():
        opening.save()
        _set_skills(opening, skills)
        audit_record(
            action="jobs.opening.created",
            actor=actor,
            organization=owner,
            obj=opening,
            data={"title": opening.title, "skills": _skills_data(skills), "by": organization.slug},
        )
    return opening


def opening_update(
    *, opening: Opening, actor: Any, skills: list[SkillAsk] | None = None, **fields: Any
) -> Opening:
    """Change the given fields (and, when given, the whole list of skills)."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValidationError({name: "This field cannot be changed." for name in sorted(unknown)})
    clean = _clean(fields)
    if skills is not None:
        _check_skills(skills)
    with transaction.atomic():
        locked = Opening.objects.select_for_update().get(pk=opening.pk)
        for name, value in clean.items():
            setattr(locked, name, value)
        _check_whole(locked)
        if locked.status == OpeningStatus.OPEN:
            _check_publishable(locked, skills_count=len(skills) if skills is not None else None)
        locked.save()
        if skills is not None:
            _set_skills(locked, skills)
        audit_record(
            action="jobs.opening.updated",
            actor=actor,
            organization=locked.employer,
            obj=locked,
            data={
                "fields": sorted(clean),
                **({"skills": _skills_data(skills)} if skills is not None else {}),
            },
        )
    opening.refresh_from_db()
    return opening


def _check_publishable(opening: Opening, *, skills_count: int | None = None) -> None:
    errors: dict[str, str] = {}
    if not opening.description.strip():
        errors["description"] = "Describe the job before publishing it."
    count = opening.skills.count() if skills_count is None else skills_count
    if count == 0:
        errors["skills"] = "Ask for at least one skill before publishing: candidates match on them."
    if opening.closing_date is not None and opening.closing_date < timezone.localdate():
        errors["closing_date"] = "The closing date has passed; choose a later one."
    if errors:
        raise ValidationError(errors)


def opening_publish(*, opening: Opening, actor: Any) -> Opening:
    """Put a draft (or a closed opening, to reopen it) on the public board."""
    with transaction.atomic():
        locked = Opening.objects.select_for_update().get(pk=opening.pk)
        if locked.status == OpeningStatus.OPEN:
            raise ValidationError({"status": "This opening is already published."})
        _check_publishable(locked)
        reopened = locked.status == OpeningStatus.CLOSED
        locked.status = OpeningStatus.OPEN
        locked.published_at = timezone.now()
        locked.save(update_fields=["status", "published_at", "updated_at"])
        audit_record(
            action="jobs.opening.published",
            actor=actor,
            organization=locked.employer,
            obj=locked,
            data={"reopened": reopened},
        )
    opening.refresh_from_db()
    return opening


def opening_close(*, opening: Opening, actor: Any) -> Opening:
    """Take an opening off the board; applications already made stay with the employer."""
    with transaction.atomic():
        locked = Opening.objects.select_for_update().get(pk=opening.pk)
        if locked.status == OpeningStatus.CLOSED:
            raise ValidationError({"status": "This opening is already closed."})
        was = locked.status
        locked.status = OpeningStatus.CLOSED
        locked.save(update_fields=["status", "updated_at"])
        audit_record(
            action="jobs.opening.closed",
            actor=actor,
            organization=locked.employer,
            obj=locked,
            data={"was": was},
        )
    opening.refresh_from_db()
    return opening
