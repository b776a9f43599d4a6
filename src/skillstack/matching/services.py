"""Writes of the candidate side: consent, preferences, self-declared skills, verified skills.

Every write that changes whom a candidate is shown to, or what they can prove, appends a
``CandidateChange`` in the same transaction, so each process's matching index refreshes that
one candidate on its next query (see ``matching.index``).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from skillstack.accounts.models import Organization
from skillstack.accounts.roles import OrgKind
from skillstack.audit.services import audit_record
from skillstack.catalog.models import Skill
from skillstack.catalog.proficiency import Proficiency, proficiency_of
from skillstack.jobs.models import Shift
from skillstack.matching.models import (
    CONSENT_WORDING_VERSION,
    CandidateChange,
    ConsentEvent,
    DeclaredSkill,
    Discoverability,
    DiscoveryScope,
    JobPreferences,
    VerifiedSkill,
    WageUnit,
)
from skillstack.wallet.holdings import verified_holdings

MAX_LOCATIONS = 10
LOCATION_MAX_LENGTH = 100
MAX_CHOSEN_EMPLOYERS = 50


def _is_learner(user: Any) -> bool:
    return hasattr(user, "learner_profile")


def candidate_changed(*, candidate_pk: int | None) -> None:
    """Note that a candidate's standing changed (``None``: everyone's, after a rebuild)."""
    CandidateChange.objects.create(candidate_pk=candidate_pk)


def discoverability_set(
    *,
    candidate: Any,
    scope: str,
    employers: Sequence[Organization] = (),
    actor: Any,
    wording_version: str = CONSENT_WORDING_VERSION,
) -> Discoverability:
    """Record the learner's choice of who may find them; ``none`` withdraws at once."""
    if not _is_learner(candidate):
        raise ValidationError({"candidate": "Only a learner can choose to be discoverable."})
    if scope not in DiscoveryScope.values:
        raise ValidationError(
            {"scope": "Choose none, all (every employer) or chosen (the employers you name)."}
        )
    chosen = list(dict.fromkeys(employers)) if scope == DiscoveryScope.CHOSEN else []
    if scope == DiscoveryScope.CHOSEN and not chosen:
        raise ValidationError({"employers": "Name at least one employer, or choose all or none."})
    if len(chosen) > MAX_CHOSEN_EMPLOYERS:
        raise ValidationError({"employers": f"Name at most {MAX_CHOSEN_EMPLOYERS} employers."})
    if any(org.kind != OrgKind.EMPLOYER for org in chosen):
        raise ValidationError({"employers": "Only employers can be chosen."})
    with transaction.atomic():
        row, _ = Discoverability.objects.select_for_update().get_or_create(candidate=candidate)
        row.scope = scope
        row.wording_version = wording_version
        row.save()
        row.employers.set(chosen)
        ConsentEvent.objects.create(
            candidate=candidate,
            scope=scope,
            employer_ids=[org.pk for org in chosen],
            employer_names=[org.name for org in chosen],
            wording_version=wording_version,
            actor=actor if getattr(actor, "is_authenticated", False) else None,
        )
        audit_record(
            action="matching.consent.changed",
            actor=actor,
            obj=row,
            data={
                "scope": scope,
                "employers": [org.slug for org in chosen],
                "wording_version": wording_version,
            },
        )
        candidate_changed(candidate_pk=candidate.pk)
    return row


def discoverability_withdraw(*, candidate: Any, actor: Any) -> Discoverability:
    """Hide the candidate from every employer at once (the history keeps the withdrawal)."""
    return discoverability_set(candidate=candidate, scope=DiscoveryScope.NONE, actor=actor)


def _clean_locations(locations: Iterable[Any]) -> list[str]:
    cleaned: list[str] = []
    for place in locations:
        if not isinstance(place, str):
            raise ValidationError({"locations": "Each location is a place name, e.g. Boston."})
        text = " ".join(place.split())
        if "\x00" in text or len(text) > LOCATION_MAX_LENGTH:
            raise ValidationError(
                {"locations": f"Keep each location under {LOCATION_MAX_LENGTH} characters."}
            )
        if text and text.casefold() not in {c.casefold() for c in cleaned}:
            cleaned.append(text)
    if len(cleaned) > MAX_LOCATIONS:
        raise ValidationError({"locations": f"Name at most {MAX_LOCATIONS} places."})
    return cleaned


def _clean_shifts(shifts: Iterable[Any]) -> list[str]:
    cleaned = []
    for shift in shifts:
        if shift not in Shift.values:
            raise ValidationError(
                {"shifts": f"Unknown shift {str(shift)[:40]!r}; use {', '.join(Shift.values)}."}
            )
        if shift not in cleaned:
            cleaned.append(shift)
    return cleaned


def _clean_wage(wage_floor: Any) -> Decimal | None:
    if wage_floor in (None, ""):
        return None
    try:
        value = Decimal(str(wage_floor))
    except (InvalidOperation, ValueError):
        raise ValidationError({"wage_floor": "Give the lowest pay as a number."}) from None
    if not value.is_finite() or value < 0 or value >= Decimal("10000000"):
        raise ValidationError({"wage_floor": "Give a lowest pay from 0 to 9,999,999."})
    return value.quantize(Decimal("0.01"))


def job_preferences_update(
    *,
    candidate: Any,
    actor: Any,
    locations: Iterable[Any] = (),
    remote_ok: bool = True,
    shifts: Iterable[Any] = (),
    wage_floor: Any = None,
    wage_unit: str = WageUnit.HOUR,
    earliest_start: datetime.date | None = None,
) -> JobPreferences:
    """Save what work the candidate wants; matching uses it as filters."""
    if not _is_learner(candidate):
        raise ValidationError({"candidate": "Only a learner has job preferences."})
    cleaned_locations = _clean_locations(locations)
    cleaned_shifts = _clean_shifts(shifts)
    floor = _clean_wage(wage_floor)
    if wage_unit not in WageUnit.values:
        raise ValidationError({"wage_unit": "Choose hour or year."})
    if earliest_start is not None and not isinstance(earliest_start, datetime.date):
        raise ValidationError({"earliest_start": "Give a date such as 2027-01-15."})
    with transaction.atomic():
        prefs, _ = JobPreferences.objects.select_for_update().get_or_create(candidate=candidate)
        prefs.locations = cleaned_locations
        prefs.remote_ok = bool(remote_ok)
        prefs.shifts = cleaned_shifts
        prefs.wage_floor = floor
        prefs.wage_unit = wage_unit
        prefs.earliest_start = earliest_start
        prefs.save()
        audit_record(
            action="matching.preferences.updated",
            actor=actor,
            obj=prefs,
            data={
                "locations": cleaned_locations,
                "remote_ok": prefs.remote_ok,
                "shifts": cleaned_shifts,
                "wage_floor": str(floor) if floor is not None else None,
                "wage_unit": wage_unit,
                "earliest_start": earliest_start.isoformat() if earliest_start else None,
            },
        )
        candidate_changed(candidate_pk=candidate.pk)
    return prefs


def declared_skill_add(*, candidate: Any, skill: Skill, level: int, actor: Any) -> DeclaredSkill:
    """List a skill the learner claims without a credential (shown as self-declared only)."""
    if not _is_learner(candidate):
        raise ValidationError({"candidate": "Only a learner can declare skills."})
    if level not in Proficiency.values:
        raise ValidationError({"level": "Choose a level from 1 (Foundational) to 4 (Expert)."})
    with transaction.atomic():
        row, created = DeclaredSkill.objects.get_or_create(
            candidate=candidate, skill=skill, defaults={"level": level}
        )
        if not created and row.level != level:
            row.level = level
            row.save(update_fields=["level"])
        audit_record(
            action="matching.declared_skill.saved",
            actor=actor,
            obj=row,
            data={"skill_id": skill.pk, "level": level},
        )
    return row


def declared_skill_remove(*, declared: DeclaredSkill, actor: Any) -> None:
    with transaction.atomic():
        audit_record(
            action="matching.declared_skill.removed",
            actor=actor,
            obj=declared,
            data={"skill_id": declared.skill_id},
        )
        declared.delete()


def _rows_from_holdings(candidate: Any) -> list[VerifiedSkill]:
    rows = []
    for holding in verified_holdings(user=candidate):
        level = int(proficiency_of(holding.level))
        for skill_id in holding.skill_ids:
            rows.append(
                VerifiedSkill(
                    candidate_id=candidate.pk,
                    skill_id=skill_id,
                    level=level,
                    earned_at=holding.earned_at,
                    valid_until=holding.valid_until,
                    source=holding.source[:20],
                    credential_ref=holding.ref[:500],
                    credential_pk=holding.pk,
                    credential_name=holding.name[:300],
                    issuer_name=holding.issuer_name[:300],
                    credential_url=holding.url[:500],
                )
            )
    return rows


def _signature(row: VerifiedSkill) -> tuple[Any, ...]:
    return (
        row.skill_id,
        row.level,
        row.earned_at,
        row.valid_until,
        row.source,
        row.credential_ref,
        row.credential_pk,
        row.credential_name,
        row.issuer_name,
        row.credential_url,
    )


def verified_skills_refresh(*, candidate: Any) -> bool:
    """Rebuild one candidate's verified skills from what verifies now; True if they changed."""
    fresh = _rows_from_holdings(candidate)
    with transaction.atomic():
        current = list(VerifiedSkill.objects.select_for_update().filter(candidate_id=candidate.pk))
        if sorted(map(_signature, current), key=repr) == sorted(map(_signature, fresh), key=repr):
            return False
        VerifiedSkill.objects.filter(candidate_id=candidate.pk).delete()
        VerifiedSkill.objects.bulk_create(fresh)
        candidate_changed(candidate_pk=candidate.pk)
    return True


def verified_skills_rebuild(*, candidates: Iterable[Any]) -> int:
    """Refresh every given candidate (the rebuild command); the number whose skills changed."""
    changed = 0
    for candidate in candidates:
        changed += verified_skills_refresh(candidate=candidate)
    with transaction.atomic():
        candidate_changed(candidate_pk=None)
    return changed


def candidate_settings_save(
    *,
    candidate: Any,
    actor: Any,
    scope: str,
    employers: Sequence[Organization],
    preferences: dict[str, Any],
) -> None:
    """Save the preferences page as one change: both, or neither when either is wrong.

    Consent is recorded only when it changes, so saving preferences adds no consent event.
    """
    from skillstack.matching.selectors import consent_of

    with transaction.atomic():
        job_preferences_update(candidate=candidate, actor=actor, **preferences)
        now = consent_of(candidate=candidate)
        chosen = list(employers) if scope == DiscoveryScope.CHOSEN else []
        if now.scope != scope or {o.pk for o in now.employers} != {o.pk for o in chosen}:
            discoverability_set(candidate=candidate, scope=scope, employers=chosen, actor=actor)
