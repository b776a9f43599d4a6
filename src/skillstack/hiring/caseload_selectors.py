"""Reads for career navigators: a caseload with each learner's credentials, applications,
check-ins and flags, and one learner's full picture. Notes are read only here, only for the
navigators' own organization."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Max, QuerySet
from django.utils import timezone

from skillstack.hiring.models import (
    Application,
    AssignmentStatus,
    CaseloadAssignment,
    CaseloadNote,
    CheckinStatus,
    NavigatorConsent,
    Placement,
    RetentionCheckin,
    Stage,
)
from skillstack.wallet.holdings import Holding, verified_holdings

QUIET_DAYS = 30
DUE_SOON_DAYS = 14

FLAG_WORDS = {
    "quiet": f"No activity in {QUIET_DAYS} days",
    "missed": "Missed check-in",
    "onboarding": "Onboarding needs",
}

SORTS = {
    "name": "Name",
    "flags": "Most flags first",
    "activity": "Least recent activity first",
}


@dataclass
class CaseloadRow:
    assignment: CaseloadAssignment
    holdings: list[Holding]
    applications: list[Application]
    checkins_due: list[RetentionCheckin]
    checkins_missed: list[RetentionCheckin]
    onboarding: list[Placement]
    last_activity: datetime.datetime | None
    flags: list[str] = field(default_factory=list)

    @property
    def learner(self) -> Any:
        return self.assignment.learner

    @property
    def flag_words(self) -> list[str]:
        return [FLAG_WORDS[f] for f in self.flags]

    @property
    def active_applications(self) -> list[Application]:
        final = {Stage.HIRED, Stage.NOT_SELECTED, Stage.WITHDRAWN}
        return [a for a in self.applications if a.stage not in final]


def assignment_in_org(*, organization: Any, pk: int) -> CaseloadAssignment | None:
    return (
        CaseloadAssignment.objects.filter(organization=organization, pk=pk)
        .exclude(status=AssignmentStatus.ENDED)
        .select_related("learner", "navigator")
        .first()
    )


def requests_of(*, organization: Any) -> QuerySet[CaseloadAssignment]:
    return CaseloadAssignment.objects.filter(
        organization=organization, status=AssignmentStatus.REQUESTED
    ).select_related("learner")


def _row(assignment: CaseloadAssignment, now: datetime.datetime) -> CaseloadRow:
    learner = assignment.learner
    today = timezone.localdate(now)
    applications = list(
        Application.objects.filter(candidate=learner).select_related("opening__employer")
    )
    checkins = list(
        RetentionCheckin.objects.filter(placement__application__candidate=learner)
        .exclude(status=CheckinStatus.ANSWERED)
        .select_related("placement")
    )
    due = [
        c
        for c in checkins
        if c.status == CheckinStatus.SENT
        or (
            c.status == CheckinStatus.SCHEDULED
            and c.due_on <= today + datetime.timedelta(days=DUE_SOON_DAYS)
            and c.placement.ended_on is None
        )
    ]
    missed = [c for c in checkins if c.status == CheckinStatus.MISSED]
    onboarding = list(
        Placement.objects.filter(application__candidate=learner, ended_on__isnull=True)
        .exclude(onboarding_needs="")
        .select_related("application__opening__employer")
    )
    holdings = verified_holdings(user=learner, now=now)
    moments = [
        Application.objects.filter(candidate=learner)
        .aggregate(m=Max("stage_changes__at"))
        .get("m"),
        max((h.earned_at for h in holdings), default=None),
        learner.last_login,
    ]
    last = max((m for m in moments if m is not None), default=None)
    row = CaseloadRow(assignment, holdings, applications, due, missed, onboarding, last)
    if last is None or last < now - datetime.timedelta(days=QUIET_DAYS):
        row.flags.append("quiet")
    if missed:
        row.flags.append("missed")
    if onboarding:
        row.flags.append("onboarding")
    return row


def caseload(
    *,
    organization: Any,
    navigator: Any | None = None,
    flag: str = "",
    sort: str = "name",
    now: datetime.datetime | None = None,
) -> list[CaseloadRow]:
    """The organization's active caseload (one navigator's if given), filtered and sorted."""
    now = now or timezone.now()
    assignments = CaseloadAssignment.objects.filter(
        organization=organization, status=AssignmentStatus.ACTIVE
    ).select_related("learner", "navigator")
    if navigator is not None:
        assignments = assignments.filter(navigator=navigator)
    rows = [_row(a, now) for a in assignments]
    if flag in FLAG_WORDS:
        rows = [r for r in rows if flag in r.flags]
    oldest = datetime.datetime.min.replace(tzinfo=datetime.UTC)
    name = lambda r: (r.learner.full_name or r.learner.email).lower()  # noqa: E731
    if sort == "flags":
        rows.sort(key=lambda r: (-len(r.flags), name(r)))
    elif sort == "activity":
        rows.sort(key=lambda r: (r.last_activity or oldest, name(r)))
    else:
        rows.sort(key=name)
    return rows


def learner_picture(*, assignment: CaseloadAssignment) -> CaseloadRow:
    return _row(assignment, timezone.now())


def notes_of(*, organization: Any, learner: Any) -> QuerySet[CaseloadNote]:
    return CaseloadNote.objects.filter(organization=organization, learner=learner).select_related(
        "author"
    )


def consent_of(*, organization: Any, learner: Any) -> NavigatorConsent | None:
    return NavigatorConsent.objects.filter(
        organization=organization, learner=learner, revoked_at__isnull=True
    ).first()


def placements_of(*, learner: Any) -> QuerySet[Placement]:
    return Placement.objects.filter(application__candidate=learner).select_related(
        "application__opening__employer"
    )


def learner_navigation(*, learner: Any) -> list[dict[str, Any]]:
    """For the learner's "My navigators" page: each organization with navigators, whether
    they consented and whether they have (or asked for) a navigator there."""
    from skillstack.hiring.services.caseload import organizations_with_navigators

    consents = {c.organization_id: c for c in NavigatorConsent.objects.filter(learner=learner)}
    assignments = {
        a.organization_id: a
        for a in CaseloadAssignment.objects.filter(learner=learner)
        .exclude(status=AssignmentStatus.ENDED)
        .select_related("navigator")
    }
    return [
        {
            "organization": org,
            "consent": consents.get(org.pk),
            "consented": org.pk in consents and consents[org.pk].revoked_at is None,
            "assignment": assignments.get(org.pk),
        }
        for org in organizations_with_navigators()
    ]


def assignment_of(*, organization: Any, learner: Any) -> CaseloadAssignment | None:
    """The learner's open assignment (active or requested) in the organization, if any."""
    return (
        CaseloadAssignment.objects.filter(organization=organization, learner=learner)
        .exclude(status=AssignmentStatus.ENDED)
        .first()
    )
