"""Employer invitations: a recruiter invites a candidate the matching app says is discoverable
by that employer; the candidate accepts (which applies) or declines."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from skillstack.audit.services import audit_record
from skillstack.hiring.models import ApplicationSource, Invitation, InvitationStatus
from skillstack.hiring.services.applications import (
    NOTE_MAX,
    application_create,
    opening_accepts_applications,
)
from skillstack.jobs.models import Opening


def candidate_discoverable(*, user: Any, employer: Any) -> bool:
    """Whether the candidate lets this employer find them (the matching app decides)."""
    try:
        from skillstack.matching.selectors import candidate_is_discoverable_by
    except ImportError:  # the matching app has not said yet: nobody is discoverable
        return False
    return bool(candidate_is_discoverable_by(user=user, employer=employer))


@transaction.atomic
def invitation_send(
    *, opening: Opening, candidate: Any, actor: Any, message: str = ""
) -> Invitation:
    employer = opening.employer
    message = (message or "").strip()
    if len(message) > NOTE_MAX:
        raise ValidationError({"message": f"Keep the message under {NOTE_MAX} characters."})
    if not opening_accepts_applications(opening):
        raise ValidationError({"opening": "This opening is not taking applications."})
    if not hasattr(candidate, "learner_profile") or not candidate_discoverable(
        user=candidate, employer=employer
    ):
        raise ValidationError(
            {"candidate": "This person is not open to invitations from your organization."}
        )
    if opening.applications.filter(candidate=candidate).exists():
        raise ValidationError({"candidate": "This person already applied to this opening."})
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(
                opening=opening, candidate=candidate, invited_by=actor, message=message
            )
    except IntegrityError:
        raise ValidationError(
            {"candidate": "This person was already invited to this opening."}
        ) from None
    audit_record(
        action="hiring.invitation.sent",
        actor=actor,
        organization=employer,
        obj=invitation,
        data={"opening": opening.pk, "candidate": candidate.pk},
    )
    context = {
        "invitation": invitation,
        "opening": opening,
        "candidate": candidate,
        "url": f"{settings.SITE_URL}{reverse('hiring:my_applications')}",
    }
    body = render_to_string("hiring/email/invitation.txt", context)
    transaction.on_commit(
        lambda: send_mail(
            subject=f"{employer.name} invites you to apply: {opening.title}",
            message=body,
            from_email=None,
            recipient_list=[candidate.email],
        )
    )
    return invitation


@transaction.atomic
def invitation_respond(*, invitation: Invitation, actor: Any, accept: bool) -> Invitation:
    row = (
        Invitation.objects.select_for_update()
        .select_related("opening__employer")
        .get(pk=invitation.pk)
    )
    if row.status != InvitationStatus.PENDING:
        raise ValidationError({"answer": "You already answered this invitation."})
    if actor.pk != row.candidate_id:
        raise ValidationError({"answer": "Only the invited person can answer."})
    if accept:
        row.application = application_create(
            opening=row.opening,
            candidate=actor,
            actor=actor,
            note="",
            source=ApplicationSource.EMPLOYER,
        )
    row.status = InvitationStatus.ACCEPTED if accept else InvitationStatus.DECLINED
    row.responded_at = timezone.now()
    row.save(update_fields=["status", "responded_at", "application"])
    audit_record(
        action=f"hiring.invitation.{'accepted' if accept else 'declined'}",
        actor=actor,
        organization=row.opening.employer,
        obj=row,
        data={"opening": row.opening_id},
    )
    return row
