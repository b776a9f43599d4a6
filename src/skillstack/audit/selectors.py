"""Reading the audit log."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from skillstack.audit.models import AuditEntry


def audit_entries_for_org(*, organization: Any, action_prefix: str = "") -> QuerySet[AuditEntry]:
    """An organization's entries, newest first; ``action_prefix`` filters (``accounts.``)."""
    entries = AuditEntry.objects.filter(organization=organization).select_related("actor")
    if action_prefix:
        entries = entries.filter(action__startswith=action_prefix)
    return entries
