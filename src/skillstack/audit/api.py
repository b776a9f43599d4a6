"""JSON API of the audit log: one organization's entries, newest first, paginated."""

# No ``from __future__ import annotations`` here: ninja reads the annotations of the
# operation at import time through the ``api_requires`` wrapper, whose globals are not ours.

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router
from ninja.pagination import paginate

from skillstack.audit.schemas import AuditEntryOut, AuditFilter
from skillstack.audit.selectors import audit_entries_search
from skillstack.core.access import api_requires
from skillstack.core.schemas import Pagination

router = Router(tags=["audit"])


@router.get("/orgs/{org_slug}/audit", response=list[AuditEntryOut])
@api_requires("audit.entry.list", org_kwarg="org_slug")
@paginate(Pagination)
def audit_list(request: HttpRequest, org_slug: str, filters: Query[AuditFilter]) -> Any:
    return audit_entries_search(
        organization=request.organization,  # type: ignore[attr-defined]
        action_prefix=filters.action,
        actor_email=filters.actor,
        since=filters.since,
        until=filters.until,
    )
