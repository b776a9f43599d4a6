"""Funder outcome reports under /orgs/<slug>/outcomes/: programs, cohorts, the report with its
chart and exports, and citable snapshots."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from skillstack.accounts.forms import add_service_errors
from skillstack.accounts.models import Organization
from skillstack.accounts.roles import OrgKind
from skillstack.core.access import requires
from skillstack.core.permissions import can
from skillstack.outcomes import charts, exports, selectors, services
from skillstack.outcomes.forms import CohortForm, ProgramForm, ReportFilterForm
from skillstack.outcomes.models import FundedProgram
from skillstack.outcomes.report import ReportTable, threshold


def _org(request: HttpRequest) -> Organization:
    return request.organization  # type: ignore[attr-defined,no-any-return]


@requires("outcomes.report.view", org_kwarg="org_slug")
def programs(request: HttpRequest, org_slug: str) -> HttpResponse:
    org = _org(request)
    context = {
        "org": org,
        "programs": selectors.programs_visible(organization=org).prefetch_related("cohorts"),
        "may_manage": org.kind == OrgKind.FUNDER
        and can(request.user, "outcomes.program.manage", org=org),
        "snapshots": selectors.snapshots_visible(organization=org)[:20],
    }
    return render(request, "outcomes/programs.html", context)


@requires("outcomes.program.manage", org_kwarg="org_slug")
def program_new(request: HttpRequest, org_slug: str) -> HttpResponse:
    org = _org(request)
    form = ProgramForm(request.POST if request.method == "POST" else None)
    if org.kind == OrgKind.FUNDER and request.method == "POST" and form.is_valid():
        try:
            program = services.program_create(funder=org, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The program is recorded. Add its first cohort now.")
            return redirect("outcomes:report", org_slug=org.slug, program_pk=program.pk)
    status = 400 if form.errors else 200
    context = {"org": org, "form": form, "is_funder": org.kind == OrgKind.FUNDER}
    return render(request, "outcomes/program_form.html", context, status=status)


def _report(request: HttpRequest, program: FundedProgram) -> tuple[ReportFilterForm, ReportTable]:
    cohorts = list(program.cohorts.all())
    form = ReportFilterForm(request.GET or None, cohorts=cohorts)
    data: dict[str, Any] = form.cleaned_data if form.is_valid() else {}
    cohort = selectors.cohort_of(program=program, cohort_pk=data.get("cohort"))
    as_of = data.get("as_of") or timezone.localdate()
    table = selectors.program_report(
        program=program, cohort=cohort, dimension=data.get("dimension") or None, as_of=as_of
    )
    return form, table


@requires("outcomes.report.view", org_kwarg="org_slug")
def report(request: HttpRequest, org_slug: str, program_pk: int) -> HttpResponse:
    org = _org(request)
    program = selectors.program_visible(organization=org, program_pk=program_pk)
    form, table = _report(request, program)
    may_manage = program.funder_id == org.pk and can(
        request.user, "outcomes.program.manage", org=org
    )
    context = {
        "org": org,
        "program": program,
        "form": form,
        "table": table,
        "query": request.GET.urlencode(),
        "may_manage": may_manage,
        "cohort_form": CohortForm(),
        "threshold": threshold(),
    }
    return render(request, "outcomes/report.html", context, status=400 if form.errors else 200)


def _download(body: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _filename(table: ReportTable, suffix: str) -> str:
    return f"{slugify(table.title)[:60] or 'report'}-{table.parameters['as_of']}{suffix}"


@requires("outcomes.report.view", org_kwarg="org_slug")
def report_csv(request: HttpRequest, org_slug: str, program_pk: int) -> HttpResponse:
    program = selectors.program_visible(organization=_org(request), program_pk=program_pk)
    _, table = _report(request, program)
    return _download(exports.report_csv(table), "text/csv; charset=utf-8", _filename(table, ".csv"))


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@requires("outcomes.report.view", org_kwarg="org_slug")
def report_xlsx(request: HttpRequest, org_slug: str, program_pk: int) -> HttpResponse:
    program = selectors.program_visible(organization=_org(request), program_pk=program_pk)
    _, table = _report(request, program)
    return _download(exports.report_xlsx(table), XLSX, _filename(table, ".xlsx"))


@requires("outcomes.report.view", org_kwarg="org_slug")
def report_chart(request: HttpRequest, org_slug: str, program_pk: int) -> HttpResponse:
    program = selectors.program_visible(organization=_org(request), program_pk=program_pk)
    _, table = _report(request, program)
    svg = charts.bar_chart_svg(
        title=f"People placed in a job — {table.title}", bars=table.chart, unit="people"
    )
    return HttpResponse(svg, content_type="image/svg+xml")


@requires("outcomes.program.manage", org_kwarg="org_slug")
@require_POST
def cohort_new(request: HttpRequest, org_slug: str, program_pk: int) -> HttpResponse:
    org = _org(request)
    program = selectors.program_visible(organization=org, program_pk=program_pk)
    form = CohortForm(request.POST)
    if program.funder_id != org.pk:
        messages.error(request, "Only the program's funder adds cohorts.")
    elif form.is_valid():
        try:
            cohort = services.cohort_create(
                program=program, actor=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            for field, problems in exc.message_dict.items():
                messages.error(request, f"{form.fields[field].label}: {' '.join(problems)}")
        else:
            count = cohort.enrolments.count()
            messages.success(
                request, f"Cohort {cohort.name} added with {count} learners from the rosters."
            )
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else "Cohort"
            messages.error(request, f"{label}: {' '.join(str(e) for e in errors)}")
    return redirect("outcomes:report", org_slug=org.slug, program_pk=program.pk)


@requires("outcomes.program.manage", org_kwarg="org_slug")
@require_POST
def snapshot_new(request: HttpRequest, org_slug: str, program_pk: int) -> HttpResponse:
    org = _org(request)
    program = selectors.program_visible(organization=org, program_pk=program_pk)
    _, table = _report(request, program)
    snapshot = services.snapshot_create(program=program, table=table, actor=request.user)
    messages.success(request, "Snapshot saved: cite its address, it will not change.")
    return redirect("outcomes:snapshot", org_slug=org.slug, snapshot_key=snapshot.key)


@requires("outcomes.report.view", org_kwarg="org_slug")
def snapshot(request: HttpRequest, org_slug: str, snapshot_key: str) -> HttpResponse:
    org = _org(request)
    snap = selectors.snapshot_visible(organization=org, key=snapshot_key)
    context = {
        "org": org,
        "snapshot": snap,
        "grid": snap.results["table"],
        "as_of": datetime.date.fromisoformat(snap.parameters["as_of"]),
        "url": request.build_absolute_uri(),
    }
    return render(request, "outcomes/snapshot.html", context)
