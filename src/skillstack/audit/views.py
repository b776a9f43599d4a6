"""The audit log page of an organization: newest first, filtered by action, paginated."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from skillstack.audit.selectors import audit_entries_for_org
from skillstack.core.access import requires

PAGE_SIZE = 25


@requires("audit.entry.list", org_kwarg="org_slug")
def audit_log(request: HttpRequest, org_slug: str) -> HttpResponse:
    from skillstack.accounts.forms import AuditFilterForm

    org = request.organization  # type: ignore[attr-defined]
    form = AuditFilterForm(request.GET or None)
    prefix = form.cleaned_data["action"].strip() if form.is_valid() else ""
    entries = audit_entries_for_org(organization=org, action_prefix=prefix)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"org": org, "form": form, "page": page, "prefix": prefix}
    return render(request, "audit/log.html", context)
