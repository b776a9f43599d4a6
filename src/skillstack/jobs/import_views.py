"""Import openings from a file: "Check only" is a dry run that shows what would happen."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from skillstack.accounts.forms import add_service_errors
from skillstack.accounts.models import Organization
from skillstack.core.access import requires
from skillstack.jobs import importing
from skillstack.jobs.forms import ImportForm


@requires("jobs.opening.manage", org_kwarg="org_slug")
def opening_import(request: HttpRequest, org_slug: str) -> HttpResponse:
    org: Organization = request.organization  # type: ignore[attr-defined]
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        try:
            report = importing.openings_import(
                organization=org,
                actor=request.user,
                file=form.cleaned_data["file"],
                dry_run=request.POST.get("mode") != "import",
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        if report is not None and report.applied:
            messages.success(request, report.summary())
            return redirect("jobs:opening_list", org_slug=org.slug)
    status = 400 if form.errors or (report is not None and not report.ok) else 200
    context = {"org": org, "form": form, "report": report, "columns": importing.CSV_COLUMNS}
    return render(request, "jobs/opening_import.html", context, status=status)
