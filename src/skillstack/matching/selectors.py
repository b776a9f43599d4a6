"""Reads of candidates: whom they let find them, what they want, what they can prove.

Other apps (hiring, navigators) ask :func:`candidate_is_discoverable_by` before showing a
candidate to an employer; nothing else decides it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from skillstack.accounts.models import Organization
from skillstack.accounts.roles import OrgKind
from skillstack.accounts.selectors import organizations_all
from skillstack.matching.models import (
    ConsentEvent,
    DeclaredSkill,
    Discoverability,
    DiscoveryScope,
    JobPreferences,
    VerifiedSkill,
)


def candidate_is_discoverable_by(*, user: Any, employer: Organization) -> bool:
    """True if ``user`` lets ``employer`` find them now (all employers, or chosen by name)."""
    if user is None or getattr(user, "pk", None) is None or employer is None:
        return False
    return (
        Discoverability.objects.filter(candidate_id=user.pk)
        .filter(Q(scope=DiscoveryScope.ALL) | Q(scope=DiscoveryScope.CHOSEN, employers=employer))
        .exists()
    )


@dataclass(frozen=True, slots=True)
class Consent:
    """A learner's current choice, as pages and the API show it."""

    scope: str
    employers: tuple[Organization, ...]
    wording_version: str
    updated_at: datetime | None

    @property
    def discoverable(self) -> bool:
        return self.scope != DiscoveryScope.NONE

    @property
    def scope_words(self) -> str:
        return str(DiscoveryScope(self.scope).label)


def consent_of(*, candidate: Any) -> Consent:
    """The learner's discoverability now; "not discoverable" when they never chose."""
    row = Discoverability.objects.filter(candidate_id=candidate.pk).first()
    if row is None:
        return Consent(DiscoveryScope.NONE, (), "", None)
    employers = tuple(row.employers.order_by("name", "pk")) if row.scope == "chosen" else ()
    return Consent(row.scope, employers, row.wording_version, row.updated_at)


def consent_history(*, candidate: Any) -> QuerySet[ConsentEvent]:
    return ConsentEvent.objects.filter(candidate_id=candidate.pk).order_by("-at", "-id")


def employers_to_choose() -> QuerySet[Organization]:
    """The employers a learner may name when discoverable to chosen employers only."""
    return organizations_all(kind=OrgKind.EMPLOYER).order_by("name", "pk")


def job_preferences_of(*, candidate: Any) -> JobPreferences:
    """Saved preferences, or unsaved defaults (any place, remote fine, any shift)."""
    found = JobPreferences.objects.filter(candidate_id=candidate.pk).first()
    return found if found is not None else JobPreferences(candidate_id=candidate.pk)


def declared_skills_of(*, candidate: Any) -> QuerySet[DeclaredSkill]:
    return DeclaredSkill.objects.filter(candidate_id=candidate.pk).select_related("skill")


def declared_skill_of(*, candidate: Any, pk: int) -> DeclaredSkill | None:
    return DeclaredSkill.objects.filter(candidate_id=candidate.pk, pk=pk).first()


def verified_skill_rows(*, candidate: Any, now: datetime | None = None) -> list[VerifiedSkill]:
    """The candidate's verified skill rows still valid at ``now`` (expired ones never count)."""
    moment = now or timezone.now()
    return list(
        VerifiedSkill.objects.filter(candidate_id=candidate.pk)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gt=moment))
        .select_related("skill")
        .order_by("skill__label", "skill_id", "-level", "-earned_at", "id")
    )


@dataclass(frozen=True, slots=True)
class SkillProof:
    """A skill a candidate can prove, with the best credential proving it."""

    skill_id: int
    label: str
    level: int
    level_words: str
    credentials: tuple[VerifiedSkill, ...]  # best first


def verified_skills_of(*, candidate: Any, now: datetime | None = None) -> list[SkillProof]:
    """One entry per skill, with every credential that proves it (highest level first)."""
    from skillstack.catalog.proficiency import Proficiency

    grouped: dict[int, list[VerifiedSkill]] = {}
    for row in verified_skill_rows(candidate=candidate, now=now):
        grouped.setdefault(row.skill_id, []).append(row)
    proofs = []
    for skill_id, rows in grouped.items():
        best = max(r.level for r in rows)
        proofs.append(
            SkillProof(
                skill_id,
                rows[0].skill.label,
                best,
                str(Proficiency(best).label),
                tuple(rows),
            )
        )
    return sorted(proofs, key=lambda p: (p.label.lower(), p.skill_id))
