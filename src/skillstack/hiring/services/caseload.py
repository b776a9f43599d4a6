"""Career navigators' caseloads: assignments (made by an admin, or requested by the learner
and then accepted), the learner's revocable consent, private notes and rate-limited nudges.

A navigator acts only within their organization; the consent a learner gives is to that
organization's navigators, recorded with its time and revocable, and audited both ways.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from skillstack.accounts.models import Membership
from skillstack.accounts.roles import OrgKind, Role
from skillstack.audit.services import audit_record
from skillstack.hiring.models import (
    AssignmentStatus,
    CaseloadAssignment,
    CaseloadNote,
    NavigatorConsent,
    Nudge,
)

NOTE_MAX = 4000
NUDGE_MAX = 600
NUDGE_GAP = datetime.timedelta(hours=24)
"""A learner gets at most one nudge a day from an organization's navigators."""
NUDGES_PER_NAVIGATOR_PER_DAY = 20


def is_navigator_of(*, user: Any, organization: Any) -> bool:
    return Membership.objects.filter(
        user=user, organization=organization, role=Role.CAREER_NAVIGATOR, user__is_active=True
    ).exists()


def organizations_with_navigators() -> Any:
    from skillstack.accounts.models import Organization

    return (
        Organization.objects.filter(
            memberships__role=Role.CAREER_NAVIGATOR,
            kind__in=[OrgKind.COALITION, OrgKind.ISSUER],
        )
        .distinct()
        .order_by("name")
    )


# --- consent -----------------------------------------------------------------------------------


@transaction.atomic
def consent_grant(*, learner: Any, organization: Any, actor: Any) -> NavigatorConsent:
    """The learner lets ``organization``'s navigators apply for them (again, if revoked)."""
    if not organizations_with_navigators().filter(pk=organization.pk).exists():
        raise ValidationError({"organization": "This organization has no career navigators."})
    consent, created = NavigatorConsent.objects.select_for_update().get_or_create(
        learner=learner, organization=organization, defaults={"granted_at": timezone.now()}
    )
    if not created and consent.revoked_at is not None:
        consent.granted_at = timezone.now()
        consent.revoked_at = None
        consent.save(update_fields=["granted_at", "revoked_at"])
    elif not created:
        return consent  # already given: nothing changes, nothing to record
    audit_record(
        action="hiring.consent.granted",
        actor=actor,
        organization=organization,
        obj=consent,
        data={"learner": learner.pk},
    )
    return consent


@transaction.atomic
def consent_revoke(*, learner: Any, organization: Any, actor: Any) -> NavigatorConsent | None:
    consent = (
        NavigatorConsent.objects.select_for_update()
        .filter(learner=learner, organization=organization, revoked_at__isnull=True)
        .first()
    )
    if consent is None:
        return None
    consent.revoked_at = timezone.now()
    consent.save(update_fields=["revoked_at"])
    audit_record(
        action="hiring.consent.revoked",
        actor=actor,
        organization=organization,
        obj=consent,
        data={"learner": learner.pk},
    )
    return consent


# --- assignments -------------------------------------------------------------------------------


def _open_assignment(*, organization: Any, learner: Any) -> CaseloadAssignment | None:
    return (
        CaseloadAssignment.objects.select_for_update()
        .filter(organization=organization, learner=learner)
        .exclude(status=AssignmentStatus.ENDED)
        .first()
    )


@transaction.atomic
def caseload_request(*, learner: Any, organization: Any) -> CaseloadAssignment:
    """The learner asks an organization for a career navigator; its admin assigns one."""
    if not hasattr(learner, "learner_profile"):
        raise ValidationError({"organization": "Only learners can ask for a career navigator."})
    if not organizations_with_navigators().filter(pk=organization.pk).exists():
        raise ValidationError({"organization": "This organization has no career navigators."})
    existing = _open_assignment(organization=organization, learner=learner)
    if existing is not None:
        raise ValidationError(
            {"organization": f"You already have a navigator (or a request) at {organization.name}."}
        )
    try:
        with transaction.atomic():
            row = CaseloadAssignment.objects.create(
                organization=organization,
                learner=learner,
                status=AssignmentStatus.REQUESTED,
                requested_by=learner,
            )
    except IntegrityError:
        raise ValidationError({"organization": "Your request is already in."}) from None
    audit_record(
        action="hiring.caseload.requested",
        actor=learner,
        organization=organization,
        obj=row,
        data={"learner": learner.pk},
    )
    return row


@transaction.atomic
def caseload_assign(
    *, organization: Any, learner: Any, navigator: Any, actor: Any
) -> CaseloadAssignment:
    """Put a learner on a navigator's caseload (or accept their request, or reassign)."""
    if not is_navigator_of(user=navigator, organization=organization):
        raise ValidationError({"navigator": f"Pick a career navigator of {organization.name}."})
    if not hasattr(learner, "learner_profile"):
        raise ValidationError({"learner": "This person is not a learner on the platform."})
    row = _open_assignment(organization=organization, learner=learner)
    previous = row.navigator_id if row else None
    if row is None:
        row = CaseloadAssignment.objects.create(
            organization=organization, learner=learner, requested_by=actor
        )
    row.navigator = navigator
    row.status = AssignmentStatus.ACTIVE
    row.save(update_fields=["navigator", "status"])
    audit_record(
        action="hiring.caseload.assigned",
        actor=actor,
        organization=organization,
        obj=row,
        data={"learner": learner.pk, "navigator": navigator.pk, "previous": previous},
    )
    return row


@transaction.atomic
def caseload_end(*, assignment: CaseloadAssignment, actor: Any) -> CaseloadAssignment:
    row = CaseloadAssignment.objects.select_for_update().get(pk=assignment.pk)
    if row.status == AssignmentStatus.ENDED:
        return row
    row.status = AssignmentStatus.ENDED
    row.ended_at = timezone.now()
    row.save(update_fields=["status", "ended_at"])
    audit_record(
        action="hiring.caseload.ended",
        actor=actor,
        organization=row.organization,
        obj=row,
        data={"learner": row.learner_id},
    )
    return row


# --- notes and nudges --------------------------------------------------------------------------


@transaction.atomic
def caseload_note_add(*, assignment: CaseloadAssignment, author: Any, text: str) -> CaseloadNote:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": "Write the note first."})
    if len(text) > NOTE_MAX:
        raise ValidationError({"text": f"Keep a note under {NOTE_MAX} characters."})
    note = CaseloadNote.objects.create(
        organization=assignment.organization,
        learner=assignment.learner,
        author=author,
        text=text,
    )
    audit_record(
        action="hiring.caseload.noted",
        actor=author,
        organization=assignment.organization,
        obj=note,
        data={"learner": assignment.learner_id, "length": len(text)},
    )
    return note


@transaction.atomic
def nudge_send(*, assignment: CaseloadAssignment, navigator: Any, message: str) -> Nudge:
    """E-mail the learner a short message from their navigator, within the rate limits."""
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": "Write the message first."})
    if len(message) > NUDGE_MAX:
        raise ValidationError({"message": f"Keep a nudge under {NUDGE_MAX} characters."})
    if assignment.status != AssignmentStatus.ACTIVE:
        raise ValidationError({"message": "This learner is not on an active caseload."})
    now = timezone.now()
    recent = Nudge.objects.select_for_update().filter(
        organization=assignment.organization,
        learner=assignment.learner,
        sent_at__gt=now - NUDGE_GAP,
    )
    if recent.exists():
        raise ValidationError(
            {"message": "This learner had a nudge in the last 24 hours; try again tomorrow."}
        )
    today = Nudge.objects.filter(navigator=navigator, sent_at__gt=now - NUDGE_GAP).count()
    if today >= NUDGES_PER_NAVIGATOR_PER_DAY:
        raise ValidationError(
            {"message": f"You sent {today} nudges in the last 24 hours; that is the limit."}
        )
    nudge = Nudge.objects.create(
        organization=assignment.organization,
        learner=assignment.learner,
        navigator=navigator,
        message=message,
    )
    audit_record(
        action="hiring.caseload.nudged",
        actor=navigator,
        organization=assignment.organization,
        obj=nudge,
        data={"learner": assignment.learner_id, "length": len(message)},
    )
    from skillstack.hiring.tasks import send_nudge

    transaction.on_commit(lambda: send_nudge.enqueue(nudge.pk))
    return nudge


def nudge_email(*, nudge: Nudge) -> None:
    """Send one nudge (the task calls this once; the Nudge row is the record)."""
    context = {"nudge": nudge, "learner": nudge.learner, "navigator": nudge.navigator}
    send_mail(
        subject=f"A message from your career navigator at {nudge.organization.name}",
        message=render_to_string("hiring/email/nudge.txt", context),
        from_email=None,
        recipient_list=[nudge.learner.email],
        fail_silently=False,
    )
