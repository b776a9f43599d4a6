"""Background work of the accounts app: thin wrappers around mail."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

from skillstack.accounts.models import Invitation


@task()
def send_invitation_email(*, invitation_id: int, token: str) -> None:
    invitation = Invitation.objects.select_related("organization", "invited_by").get(
        pk=invitation_id
    )
    if invitation.accepted_at or invitation.revoked_at:
        return  # nothing to send for a used or withdrawn invitation (safe on retry)
    context = {
        "invitation": invitation,
        "url": settings.SITE_URL + reverse("accounts:invitation_accept", args=[token]),
    }
    send_mail(
        subject=f"You are invited to {invitation.organization.name} on Skillstack",
        message=render_to_string("accounts/email/invitation.txt", context),
        from_email=None,
        recipient_list=[invitation.email],
    )
