from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from skillstack.audit.selectors import audit_entries_for_org
from skillstack.core.access import requires


@requires("audit.entry.list", org_kwarg="org_slug")
def audit_log(request: HttpRequest, org_slug: str) -> HttpResponse:
    entries = audit_entries_for_org(organization=request.organization)[:200]  # type: ignore[attr-defined]
    return render(request, "audit/log.html", {"entries": entries})
