"""JSON API of the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from skillstack.audit.selectors import audit_entries_for_org
from skillstack.core.access import api_requires

router = Router(tags=["audit"])


class AuditEntryOut(Schema):
    action: str
    actor_label: str
    object_type: str
    object_id: str
    object_repr: str
    data: dict[str, Any]
    created_at: datetime


@router.get("/orgs/{org_slug}/audit", response=list[AuditEntryOut])
@api_requires("audit.entry.list", org_kwarg="org_slug")
@paginate(LimitOffsetPagination)
def audit_list(request: HttpRequest, org_slug: str, action: str = "") -> Any:
    return audit_entries_for_org(
        organization=request.organization,  # type: ignore[attr-defined]
        action_prefix=action,
    )
