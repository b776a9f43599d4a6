"""Reads of openings: an organization's own (the alliance sees every employer's), the public
board, and one opening with its skills.

Other apps (matching, hiring) read openings only through these functions.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from skillstack.accounts.models import Organization
from skillstack.accounts.roles import OrgKind
from skillstack.jobs.models import DegreeRequirement, Opening, OpeningSkill, OpeningStatus

MAX_PK = 2**63 - 1


def _with_skills(openings: QuerySet[Opening]) -> QuerySet[Opening]:
    return openings.select_related("employer").prefetch_related(
        Prefetch(
            "skills",
            queryset=OpeningSkill.objects.select_related("skill", "skill__organization").order_by(
                "-required", "skill__label"
            ),
        )
    )


def acts_for_every_employer(organization: Organization) -> bool:
    """The alliance (coalition) manages openings on behalf of any employer."""
    return organization.kind == OrgKind.COALITION


def openings_of(*, organization: Organization, status: str = "") -> QuerySet[Opening]:
    """The openings an organization manages: its own, or every employer's for the alliance."""
    openings = Opening.objects.all()
    if not acts_for_every_employer(organization):
        openings = openings.filter(employer=organization)
    if status:
        openings = openings.filter(status=status)
    return _with_skills(openings).order_by("-created_at", "-pk")


def opening_for_employer(*, organization: Organization, pk: int | str) -> Opening | None:
    """One opening the organization manages, with its skills; None for anyone else's.

    ``pk`` may come straight from a URL: anything that is not a sane id finds nothing.
    """
    try:
        number = int(pk)
    except (TypeError, ValueError):
        return None
    if not 0 < number <= MAX_PK:
        return None
    return openings_of(organization=organization).filter(pk=number).first()


def _open_filter(today: datetime.date) -> Q:
    return Q(status=OpeningStatus.OPEN) & (
        Q(closing_date__isnull=True) | Q(closing_date__gte=today)
    )


def openings_open(
    *,
    today: datetime.date | None = None,
    skill_id: int | None = None,
    location: str = "",
    no_degree: bool = False,
    employer: Organization | None = None,
) -> QuerySet[Opening]:
    """Published openings still taking applications (not closed, closing date not past).

    Filters are the board's: a skill asked for (required or preferred), a place named in the
    location (or remote work when the text is "remote"), and openings that need no degree.
    """
    today = today or timezone.localdate()
    openings = Opening.objects.filter(_open_filter(today))
    if employer is not None:
        openings = openings.filter(employer=employer)
    if skill_id is not None:
        openings = openings.filter(skills__skill_id=skill_id)
    if location:
        place = Q(location__icontains=location)
        if location.strip().lower() == "remote":
            place |= Q(remote__in=["remote", "hybrid"])
        openings = openings.filter(place)
    if no_degree:
        openings = openings.filter(degree_requirement=DegreeRequirement.NONE)
    return _with_skills(openings.distinct()).order_by("closing_date", "-published_at", "-pk")


def opening_public(*, pk: int | str, today: datetime.date | None = None) -> Opening | None:
    """An opening the public may see: published and still open."""
    try:
        number = int(pk)
    except (TypeError, ValueError):
        return None
    if not 0 < number <= MAX_PK:
        return None
    return openings_open(today=today).filter(pk=number).first()


@dataclass(frozen=True, slots=True)
class SkillAskView:
    skill_id: int
    label: str
    framework: str
    code: str
    required: bool
    min_level: int
    min_level_label: str


def opening_skill_asks(*, opening: Opening) -> list[SkillAskView]:
    """What an opening asks for, required first (for matching and for pages)."""
    return [
        SkillAskView(
            s.skill_id,
            s.skill.label,
            s.skill.framework,
            s.skill.code,
            s.required,
            s.min_level,
            s.get_min_level_display(),
        )
        for s in opening.skills.all()
    ]


def board_skills(*, today: datetime.date | None = None) -> list[tuple[int, str]]:
    """Skills asked by at least one open opening: the board's skill filter choices."""
    today = today or timezone.localdate()
    rows = (
        OpeningSkill.objects.filter(
            opening__in=Opening.objects.filter(_open_filter(today)).values("pk")
        )
        .values_list("skill_id", "skill__label")
        .distinct()
        .order_by("skill__label")
    )
    return list(rows)


def employers_all() -> QuerySet[Organization]:
    return Organization.objects.filter(kind=OrgKind.EMPLOYER).order_by("name")


def opening_counts(*, organization: Organization) -> dict[str, Any]:
    openings = openings_of(organization=organization)
    return {status: openings.filter(status=status).count() for status in OpeningStatus.values}
