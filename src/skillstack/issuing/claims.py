"""Claim links: the e-mail that tells a recipient their credential is ready.

The link carries a one-time token; only its SHA-256 is stored, so a database reader cannot
claim anything. It is e-mailed once: the row is locked, ``claim_sent_at`` set and the mail
sent in one transaction, so a retried task finds it sent (and a failed send is retried).
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from skillstack.audit.services import audit_record
from skillstack.issuing.models import IssuedCredential


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def claim_url(token: str) -> str:
    return f"{settings.SITE_URL}/wallet/claim/{token}/"


def credential_claim_send(*, credential: IssuedCredential) -> bool:
    """E-mail the recipient a claim link, once; True if this call sent it."""
    with transaction.atomic():
        row = (
            IssuedCredential.objects.select_for_update(of=("self",))
            .select_related("recipient", "issuer")
            .get(pk=credential.pk)
        )
        if row.claim_sent_at is not None or row.claimed_at is not None:
            return False
        token = secrets.token_urlsafe(32)
        row.claim_token_hash = token_hash(token)
        row.claim_sent_at = timezone.now()
        row.save(update_fields=["claim_token_hash", "claim_sent_at"])
        context = {"credential": row, "url": claim_url(token), "person": row.recipient}
        send_mail(
            subject=f"Your credential from {row.issuer.name}: {row.name}",
            message=render_to_string("issuing/email/claim.txt", context),
            from_email=None,
            recipient_list=[row.recipient.email],
        )
        audit_record(
            action="issuing.credential.claim_sent",
            actor=None,
            organization=row.issuer,
            obj=row,
            data={"credential_id": row.credential_id},
        )
    return True


def credential_by_claim_token(*, token: str) -> IssuedCredential | None:
    """The unclaimed credential a claim link names, or None (unknown, used or malformed)."""
    if not isinstance(token, str) or not 20 <= len(token) <= 100:
        return None
    return (
        IssuedCredential.objects.select_related("issuer", "recipient")
        .filter(claim_token_hash=token_hash(token), claimed_at__isnull=True)
        .first()
    )


def credential_claim(*, token: str, user: Any) -> IssuedCredential:
    """Claim with a link's token: only its recipient, only once (the token is then void)."""
    with transaction.atomic():
        found = credential_by_claim_token(token=token)
        if found is None:
            raise ValidationError(
                {
                    "token": "This claim link is not valid or was already used. "
                    "Your credentials are in your wallet once claimed."
                }
            )
        row = IssuedCredential.objects.select_for_update().get(pk=found.pk)
        if row.recipient_id != getattr(user, "pk", None):
            raise ValidationError(
                {"token": "This credential was issued to someone else: sign in as its recipient."}
            )
        row.claimed_at = timezone.now()
        row.claim_token_hash = ""
        row.save(update_fields=["claimed_at", "claim_token_hash"])
        audit_record(
            action="issuing.credential.claimed",
            actor=user,
            organization=row.issuer,
            obj=row,
            data={"credential_id": row.credential_id},
        )
    return row
