"""Applications: a candidate applies, a navigator applies for a consenting learner, an
employer moves it through the stages (``skillstack.hiring.stages``), the candidate withdraws.

Every change writes a StageChange and an audit entry in the same transaction, and e-mails the
candidate after commit through a task (``send_stage_email``), which claims the change so a
retry never e-mails twice.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from skillstack.audit.services import audit_record
from skillstack.hiring import stages
from skillstack.hiring.models import (
    Application,
    ApplicationSource,
    NavigatorConsent,
    Stage,
    StageChange,
)
from skillstack.jobs.models import Opening, OpeningStatus

NOTE_MAX = 2000


def _clean_note(note: str, field: str = "note") -> str:
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise ValidationError({field: f"Keep the note under {NOTE_MAX} characters."})
    return note


def opening_accepts_applications(opening: Opening) -> bool:
    """Open, and its closing date (if any) is today or later."""
    if opening.status != OpeningStatus.OPEN:
        return False
    return opening.closing_date is None or opening.closing_date >= timezone.localdate()


def _notify_on_commit(change: StageChange) -> None:
    from skillstack.hiring.tasks import send_stage_email

    transaction.on_commit(lambda: send_stage_email.enqueue(change.pk))


def _record_change(
    application: Application, *, stage: str, actor: Any, note: str = ""
) -> StageChange:
    change = StageChange.objects.create(
        application=application, stage=stage, actor=actor if actor else None, note=note
    )
    _notify_on_commit(change)
    return change


def application_create(
    *, opening: Opening, candidate: Any, actor: Any, note: str, source: str
) -> Application:
    if not hasattr(candidate, "learner_profile"):
        raise ValidationError({"candidate": "Only a learner on the platform can apply."})
    if not opening_accepts_applications(opening):
        raise ValidationError({"opening": "This opening is not taking applications any more."})
    note = _clean_note(note)
    if Application.objects.filter(opening=opening, candidate=candidate).exists():
        raise ValidationError({"opening": "There is already an application to this opening."})
    try:
        with transaction.atomic():
            application = Application.objects.create(
                opening=opening,
                candidate=candidate,
                source=source,
                created_by=actor,
                note=note,
            )
    except IntegrityError:  # a double click raced the check above
        raise ValidationError(
            {"opening": "There is already an application to this opening."}
        ) from None
    _record_change(application, stage=Stage.APPLIED, actor=actor, note=note)
    audit_record(
        action="hiring.application.created",
        actor=actor,
        organization=opening.employer,
        obj=application,
        data={"opening": opening.pk, "candidate": candidate.pk, "source": source},
    )
    return application


@transaction.atomic
def application_apply(
    *, opening: Opening, candidate: Any, actor: Any, note: str = ""
) -> Application:
    """The candidate applies themself; their verified credentials are the profile shown."""
    return application_create(
        opening=opening,
        candidate=candidate,
        actor=actor,
        note=note,
        source=ApplicationSource.CANDIDATE,
    )


def consent_active(*, learner: Any, organization: Any) -> bool:
    return NavigatorConsent.objects.filter(
        learner=learner, organization=organization, revoked_at__isnull=True
    ).exists()


@transaction.atomic
def application_apply_for_learner(
    *, opening: Opening, learner: Any, organization: Any, actor: Any, note: str = ""
) -> Application:
    """A navigator of ``organization`` applies for ``learner``: only with their consent."""
    if not consent_active(learner=learner, organization=organization):
        raise ValidationError(
            {
                "learner": f"{learner.full_name or learner.email} has not let "
                f"{organization.name}'s navigators apply for them (or revoked it). Ask them to "
                "allow it under “My navigators”."
            }
        )
    return application_create(
        opening=opening,
        candidate=learner,
        actor=actor,
        note=note,
        source=ApplicationSource.NAVIGATOR,
    )


def _locked(application: Application) -> Application:
    return (
        Application.objects.select_for_update()
        .select_related("opening__employer")
        .get(pk=application.pk)
    )


@transaction.atomic
def application_move(
    *, application: Application, stage: str, actor: Any, note: str = ""
) -> Application:
    """The employer moves an application to one of its next stages (never to hired)."""
    row = _locked(application)
    problem = stages.refusal(row.stage, stage)
    if problem:
        raise ValidationError({"stage": problem})
    note = _clean_note(note)
    previous = row.stage
    _set_stage(row, stage)
    _record_change(row, stage=stage, actor=actor, note=note)
    audit_record(
        action="hiring.application.moved",
        actor=actor,
        organization=row.opening.employer,
        obj=row,
        data={"from": previous, "to": stage},
    )
    return row


def _set_stage(row: Application, stage: str) -> None:
    row.stage = stage
    row.stage_changed_at = timezone.now()
    row.save(update_fields=["stage", "stage_changed_at"])


@transaction.atomic
def application_withdraw(*, application: Application, actor: Any, note: str = "") -> Application:
    """The candidate (or a navigator acting with their consent) withdraws."""
    row = _locked(application)
    if not stages.can_withdraw(row.stage):
        raise ValidationError(
            {"stage": f"This application is {row.get_stage_display().lower()}: that is final."}
        )
    note = _clean_note(note)
    previous = row.stage
    _set_stage(row, Stage.WITHDRAWN)
    _record_change(row, stage=Stage.WITHDRAWN, actor=actor, note=note)
    audit_record(
        action="hiring.application.withdrawn",
        actor=actor,
        organization=row.opening.employer,
        obj=row,
        data={"from": previous},
    )
    return row


def mark_hired(row: Application, *, actor: Any) -> None:
    """Used by ``placement_record`` only: a hire always comes with its placement."""
    if not stages.can_hire(row.stage):
        raise ValidationError({"stage": stages.refusal(row.stage, Stage.HIRED) or ""})
    _set_stage(row, Stage.HIRED)
    _record_change(row, stage=Stage.HIRED, actor=actor)


def locked_for_hire(application: Application) -> Application:
    return _locked(application)
