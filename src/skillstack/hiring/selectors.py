"""Reads of the hiring app: a candidate's applications, an employer's pipeline, placements.

Other apps (outcome reports) read hiring through these functions.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from skillstack.hiring.models import (
    Application,
    Invitation,
    InvitationStatus,
    Placement,
    RetentionCheckin,
    Stage,
)
from skillstack.jobs import selectors as jobs_selectors
from skillstack.jobs.models import Opening


def open_opening(*, pk: int) -> Opening | None:
    """An opening anyone may apply to (published, open, not past its closing date), or None."""
    return jobs_selectors.opening_public(pk=pk)


def applications_of_candidate(*, user: Any) -> QuerySet[Application]:
    return (
        Application.objects.filter(candidate=user)
        .select_related("opening__employer")
        .prefetch_related("stage_changes")
        .order_by("-stage_changed_at", "-id")
    )


def application_of_candidate(*, user: Any, pk: int) -> Application | None:
    return applications_of_candidate(user=user).filter(pk=pk).first()


def application_for_opening(*, user: Any, opening: Opening) -> Application | None:
    return Application.objects.filter(candidate=user, opening=opening).first()


def pending_invitations_of(*, user: Any) -> QuerySet[Invitation]:
    return Invitation.objects.filter(
        candidate=user, status=InvitationStatus.PENDING
    ).select_related("opening__employer", "invited_by")


def invitation_of_candidate(*, user: Any, pk: int) -> Invitation | None:
    return (
        Invitation.objects.filter(candidate=user, pk=pk).select_related("opening__employer").first()
    )


def pipeline(
    *, organization: Any, opening_id: int | None = None, stage: str = ""
) -> QuerySet[Application]:
    """The organization's applications, filtered by opening and stage."""
    rows = Application.objects.filter(opening__employer=organization).select_related(
        "opening", "candidate"
    )
    if opening_id:
        rows = rows.filter(opening_id=opening_id)
    if stage in Stage.values:
        rows = rows.filter(stage=stage)
    return rows.order_by("-stage_changed_at", "-id")


def openings_of(*, organization: Any) -> QuerySet[Opening]:
    rows = jobs_selectors.openings_of(organization=organization).filter(employer=organization)
    return rows.order_by("title", "pk")


def openings_taking_applications(*, employer: Any | None = None) -> list[tuple[int, str]]:
    """Choices for a form: open openings (of one employer, or all), titled with the employer."""
    rows = jobs_selectors.openings_open(employer=employer).select_related("employer")
    return [(o.pk, f"{o.title} · {o.employer.name}") for o in rows[:300]]


def application_in_org(*, organization: Any, pk: int) -> Application | None:
    return (
        Application.objects.filter(opening__employer=organization, pk=pk)
        .select_related("opening__employer", "candidate", "placement")
        .prefetch_related("stage_changes__actor")
        .first()
    )


def placement_of(application: Application) -> Placement | None:
    return Placement.objects.filter(application=application).first()


def checkins_of(*, placement: Placement) -> QuerySet[RetentionCheckin]:
    return RetentionCheckin.objects.filter(placement=placement).order_by("due_on", "respondent")


def placements(*, employer: Any | None = None) -> QuerySet[Placement]:
    """Hires (for outcome reports): each with its application, opening and candidate."""
    rows = Placement.objects.select_related(
        "application__opening__employer", "application__candidate"
    )
    if employer is not None:
        rows = rows.filter(application__opening__employer=employer)
    return rows


def person_by_email(*, email: str) -> Any | None:
    from skillstack.accounts.models import User

    return User.objects.filter(email__iexact=(email or "").strip(), is_active=True).first()
