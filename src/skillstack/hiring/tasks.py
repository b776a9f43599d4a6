"""Background work of hiring: thin tasks that take primary keys and call a service.

Each is idempotent: the stage e-mail claims its StageChange (``notified_at``) with a
conditional UPDATE, and the check-in run claims every row it sends (see services.checkins).
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from skillstack.hiring.models import Nudge, StageChange
from skillstack.hiring.services.caseload import nudge_email
from skillstack.hiring.services.checkins import checkins_run


@task()
def send_stage_email(stage_change_id: int) -> bool:
    """Tell the candidate their application moved; False if already told."""
    with transaction.atomic():
        claimed = StageChange.objects.filter(pk=stage_change_id, notified_at__isnull=True).update(
            notified_at=timezone.now()
        )
        if not claimed:
            return False
        change = StageChange.objects.select_related(
            "application__candidate", "application__opening__employer"
        ).get(pk=stage_change_id)
        application = change.application
        context = {
            "change": change,
            "application": application,
            "opening": application.opening,
            "candidate": application.candidate,
            "url": f"{settings.SITE_URL}{reverse('hiring:my_applications')}",
        }
        send_mail(
            subject=f"{application.opening.title} at {application.opening.employer.name}: "
            f"{change.get_stage_display()}",
            message=render_to_string("hiring/email/stage.txt", context),
            from_email=None,
            recipient_list=[application.candidate.email],
        )
    return True


@task()
def run_checkins() -> dict[str, int]:
    """Send due retention check-ins and escalate missed ones (the command enqueues this)."""
    result = checkins_run()
    return {"sent": result.sent, "missed": result.missed}


@task()
def send_nudge(nudge_id: int) -> bool:
    """E-mail a navigator's nudge once: the row is claimed before sending."""
    with transaction.atomic():
        claimed = Nudge.objects.filter(pk=nudge_id, emailed_at__isnull=True).update(
            emailed_at=timezone.now()
        )
        if not claimed:
            return False
        nudge_email(
            nudge=Nudge.objects.select_related("learner", "navigator", "organization").get(
                pk=nudge_id
            )
        )
    return True
