"""Reading the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import QuerySet

from skillstack.audit.models import AuditEntry


def audit_entries_for_org(*, organization: Any, action_prefix: str = "") -> QuerySet[AuditEntry]:
    """An organization's entries, newest first; ``action_prefix`` filters (``accounts.``)."""
    entries = AuditEntry.objects.filter(organization=organization).select_related("actor")
    if action_prefix:
        entries = entries.filter(action__startswith=action_prefix)
    return entries


def audit_entries_search(
    *,
    organization: Any,
    action_prefix: str = "",
    actor_email: str = "",
    since: datetime | None = None,
    until: datetime | None = None,
) -> QuerySet[AuditEntry]:
    """``audit_entries_for_org`` narrowed by actor e-mail and a time window (the API's filters)."""
    entries = audit_entries_for_org(organization=organization, action_prefix=action_prefix)
    if actor_email:
        entries = entries.filter(actor_label__iexact=actor_email.strip())
    if since is not None:
        entries = entries.filter(created_at__gte=since)
    if until is not None:
        entries = entries.filter(created_at__lt=until)
    return entries
