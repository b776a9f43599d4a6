"""Retention check-ins: sent when due, answered from a one-click signed link, escalated to
the learner's navigator when nobody answers.

Sending is at most once even when two schedulers run at the same moment: each row is claimed
with a conditional UPDATE (``scheduled → sent WHERE status = scheduled``); only the runner
whose UPDATE changed the row sends its e-mail. Escalation claims ``sent → missed`` the same way.
The link is ``django.core.signing`` with its own salt and a max age; a used link finds the
check-in answered and says so.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from skillstack.accounts.roles import Role
from skillstack.audit.services import audit_record
from skillstack.hiring.models import (
    AssignmentStatus,
    CaseloadAssignment,
    CheckinAnswer,
    CheckinRespondent,
    CheckinStatus,
    Placement,
    RetentionCheckin,
)

SALT = "skillstack.hiring.check_in"
LINK_MAX_AGE = datetime.timedelta(days=60)
MISSED_AFTER_DAYS = 14
"""A check-in sent and not answered this many days later goes to the navigator."""
REASON_MAX = 1000


# --- links ------------------------------------------------------------------------------------


def checkin_token(check_in: RetentionCheckin) -> str:
    return signing.dumps({"c": check_in.pk, "r": check_in.respondent}, salt=SALT, compress=True)


def checkin_url(check_in: RetentionCheckin) -> str:
    path = reverse("hiring:check_in", kwargs={"checkin_token": checkin_token(check_in)})
    return f"{settings.SITE_URL}{path}"


@dataclass(frozen=True)
class LinkResult:
    check_in: RetentionCheckin | None
    problem: str  # "" when the link may be answered; else invalid, expired, used


def checkin_from_token(token: str) -> LinkResult:
    """The check-in a link names, or why the link cannot be used (never raises)."""
    try:
        data = signing.loads(token, salt=SALT, max_age=LINK_MAX_AGE)
    except signing.SignatureExpired:
        return LinkResult(None, "expired")
    except (signing.BadSignature, ValueError, TypeError):
        return LinkResult(None, "invalid")
    if not isinstance(data, dict) or not isinstance(data.get("c"), int):
        return LinkResult(None, "invalid")
    check_in = (
        RetentionCheckin.objects.select_related(
            "placement__application__opening__employer", "placement__application__candidate"
        )
        .filter(pk=data["c"], respondent=data.get("r"))
        .first()
    )
    if check_in is None:
        return LinkResult(None, "invalid")
    if check_in.status == CheckinStatus.ANSWERED:
        return LinkResult(check_in, "used")
    if check_in.status == CheckinStatus.SCHEDULED:  # a link is only made when sending
        return LinkResult(None, "invalid")
    return LinkResult(check_in, "")


# --- who gets what ----------------------------------------------------------------------------


def employer_contacts(placement: Placement) -> list[str]:
    """The person who recorded the hire if still on staff there, else the employer's admins."""
    from skillstack.accounts.models import Membership

    employer = placement.application.opening.employer
    staff = Membership.objects.filter(organization=employer, user__is_active=True)
    hirer = placement.hired_by
    if (
        hirer is not None
        and staff.filter(user=hirer, role__in=[Role.ORG_ADMIN, Role.RECRUITER]).exists()
    ):
        return [hirer.email]
    return sorted(set(staff.filter(role=Role.ORG_ADMIN).values_list("user__email", flat=True)))


def navigators_of(learner: Any) -> list[Any]:
    rows = CaseloadAssignment.objects.filter(
        learner=learner, status=AssignmentStatus.ACTIVE, navigator__isnull=False
    ).select_related("navigator")
    return [row.navigator for row in rows if row.navigator and row.navigator.is_active]


# --- sending and escalating -------------------------------------------------------------------


def _claim(pk: int, *, source: str, target: str, **fields: Any) -> bool:
    """The conditional UPDATE that makes a row this runner's: True for exactly one runner."""
    return (
        RetentionCheckin.objects.filter(pk=pk, status=source).update(status=target, **fields) == 1
    )


def _send_checkin(check_in: RetentionCheckin) -> None:
    placement = check_in.placement
    application = placement.application
    worker = application.candidate
    if check_in.respondent == CheckinRespondent.WORKER:
        recipients = [worker.email]
    else:
        recipients = employer_contacts(placement)
    context = {
        "check_in": check_in,
        "placement": placement,
        "employer": application.opening.employer,
        "worker": worker,
        "url": checkin_url(check_in),
        "for_worker": check_in.respondent == CheckinRespondent.WORKER,
        "days_valid": LINK_MAX_AGE.days,
    }
    if recipients:
        send_mail(
            subject=f"Day {check_in.day} check-in: {placement.role_title} at "
            f"{application.opening.employer.name}",
            message=render_to_string("hiring/email/check_in.txt", context),
            from_email=None,
            recipient_list=recipients,
        )
    audit_record(
        action="hiring.check_in.sent",
        actor=None,
        organization=application.opening.employer,
        obj=check_in,
        data={"day": check_in.day, "respondent": check_in.respondent, "to": len(recipients)},
    )


def checkins_due_ids(*, today: datetime.date | None = None) -> list[int]:
    """Check-ins due by ``today`` that nobody has sent (of placements not ended)."""
    today = today or timezone.localdate()
    return list(
        RetentionCheckin.objects.filter(
            status=CheckinStatus.SCHEDULED,
            due_on__lte=today,
            placement__ended_on__isnull=True,
        ).values_list("pk", flat=True)
    )


def checkins_send(*, pks: list[int], now: datetime.datetime | None = None) -> int:
    """Send the check-ins ``pks`` that this runner claims first; the count it sent.

    Two runners may hold the same list: the conditional UPDATE gives each row to one.
    """
    sent = 0
    for pk in pks:
        with transaction.atomic():
            claimed = _claim(
                pk,
                source=CheckinStatus.SCHEDULED,
                target=CheckinStatus.SENT,
                sent_at=now or timezone.now(),
            )
            if not claimed:
                continue  # another runner has it
            check_in = RetentionCheckin.objects.select_related(
                "placement__application__opening__employer",
                "placement__application__candidate",
                "placement__hired_by",
            ).get(pk=pk)
            _send_checkin(check_in)
            sent += 1
    return sent


def checkins_send_due(
    *, today: datetime.date | None = None, now: datetime.datetime | None = None
) -> int:
    """Send every check-in due by ``today`` that nobody has sent; the count this run sent."""
    return checkins_send(pks=checkins_due_ids(today=today), now=now)


def _escalate(check_in: RetentionCheckin) -> int:
    learner = check_in.placement.application.candidate
    navigators = navigators_of(learner)
    context = {"check_in": check_in, "placement": check_in.placement, "learner": learner}
    for navigator in navigators:
        send_mail(
            subject=f"Missed check-in: {learner.full_name or learner.email}",
            message=render_to_string(
                "hiring/email/missed.txt", {**context, "navigator": navigator}
            ),
            from_email=None,
            recipient_list=[navigator.email],
        )
    audit_record(
        action="hiring.check_in.missed",
        actor=None,
        organization=check_in.placement.application.opening.employer,
        obj=check_in,
        data={
            "day": check_in.day,
            "respondent": check_in.respondent,
            "navigators": len(navigators),
        },
    )
    return len(navigators)


def checkins_escalate_missed(*, now: datetime.datetime | None = None) -> int:
    """Hand check-ins unanswered MISSED_AFTER_DAYS after sending to the navigators, once."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=MISSED_AFTER_DAYS)
    stale = RetentionCheckin.objects.filter(
        status=CheckinStatus.SENT, sent_at__lte=cutoff
    ).values_list("pk", flat=True)
    missed = 0
    for pk in list(stale):
        with transaction.atomic():
            if not _claim(
                pk, source=CheckinStatus.SENT, target=CheckinStatus.MISSED, escalated_at=now
            ):
                continue
            check_in = RetentionCheckin.objects.select_related(
                "placement__application__opening__employer", "placement__application__candidate"
            ).get(pk=pk)
            _escalate(check_in)
            missed += 1
    return missed


@dataclass(frozen=True)
class RunResult:
    sent: int
    missed: int


def checkins_run(*, now: datetime.datetime | None = None) -> RunResult:
    """What the scheduler does: send what is due, escalate what went unanswered."""
    now = now or timezone.now()
    return RunResult(
        sent=checkins_send_due(today=timezone.localdate(now)),
        missed=checkins_escalate_missed(now=now),
    )


# --- answering --------------------------------------------------------------------------------


@transaction.atomic
def checkin_answer(
    *, check_in: RetentionCheckin, answer: str, reason: str = "", actor: Any = None
) -> RetentionCheckin:
    """Record the answer once; "left" ends the placement, "promoted" dates the promotion."""
    if answer not in CheckinAnswer.values:
        raise ValidationError({"answer": "Pick one: still employed, left the job, or promoted."})
    reason = (reason or "").strip()
    if len(reason) > REASON_MAX:
        raise ValidationError({"reason": f"Keep the reason under {REASON_MAX} characters."})
    now = timezone.now()
    answerable = Q(status=CheckinStatus.SENT) | Q(status=CheckinStatus.MISSED)
    updated = RetentionCheckin.objects.filter(answerable, pk=check_in.pk).update(
        status=CheckinStatus.ANSWERED, answer=answer, reason=reason, answered_at=now
    )
    if updated != 1:
        raise ValidationError({"answer": "This check-in has already been answered. Thank you!"})
    placement = Placement.objects.select_for_update().get(pk=check_in.placement_id)
    today = timezone.localdate(now)
    if answer == CheckinAnswer.LEFT and placement.ended_on is None:
        placement.ended_on = today
        placement.end_reason = reason
        placement.save(update_fields=["ended_on", "end_reason"])
    elif answer == CheckinAnswer.PROMOTED and placement.promoted_on is None:
        placement.promoted_on = today
        placement.save(update_fields=["promoted_on"])
    row = RetentionCheckin.objects.get(pk=check_in.pk)
    audit_record(
        action="hiring.check_in.answered",
        actor=actor,
        organization=check_in.placement.application.opening.employer,
        obj=row,
        data={"day": row.day, "respondent": row.respondent, "answer": answer},
    )
    return row
