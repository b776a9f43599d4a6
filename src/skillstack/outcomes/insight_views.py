"""Curriculum gaps (providers), hiring ROI (employers) and the alliance view (coalition)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from skillstack.accounts.models import Organization
from skillstack.accounts.roles import OrgKind
from skillstack.core.access import requires
from skillstack.core.permissions import can
from skillstack.outcomes import insights, services
from skillstack.outcomes.forms import BaselineForm, GapFilterForm


def _org(request: HttpRequest) -> Organization:
    return request.organization  # type: ignore[attr-defined,no-any-return]


@requires("outcomes.gaps.view", org_kwarg="org_slug")
def gaps(request: HttpRequest, org_slug: str) -> HttpResponse:
    org = _org(request)
    form = GapFilterForm(request.GET or None)
    data: dict[str, Any] = form.cleaned_data if form.is_valid() else {}
    report = insights.gap_report(
        provider_id=org.pk if org.kind == OrgKind.ISSUER else None,
        now=timezone.now(),
        months=data.get("months") or 12,
        location=data.get("location") or "",
        occupation=data.get("occupation") or "",
    )
    context = {"org": org, "form": form, "report": report}
    return render(request, "outcomes/gaps.html", context, status=400 if form.errors else 200)


def _baseline_initial(baseline: Any) -> dict[str, Any]:
    if baseline is None:
        return {}
    fields = ("retention_90", "retention_180", "retention_365", "time_to_fill_days")
    return {f: getattr(baseline, f) for f in (*fields, "no_degree_share")}


@requires("outcomes.roi.view", org_kwarg="org_slug")
def roi(request: HttpRequest, org_slug: str) -> HttpResponse:
    org = _org(request)
    as_of = timezone.localdate()
    report = insights.roi_report(employer_id=org.pk, as_of=as_of)
    context = {
        "org": org,
        "report": report,
        "as_of": as_of,
        "is_employer": org.kind == OrgKind.EMPLOYER,
        "may_edit": org.kind == OrgKind.EMPLOYER
        and can(request.user, "outcomes.baseline.edit", org=org),
        "form": BaselineForm(initial=_baseline_initial(report["baseline"])),
    }
    return render(request, "outcomes/roi.html", context)


@requires("outcomes.baseline.edit", org_kwarg="org_slug")
@require_POST
def baseline(request: HttpRequest, org_slug: str) -> HttpResponse:
    org = _org(request)
    form = BaselineForm(request.POST)
    if form.is_valid():
        try:
            services.baseline_save(employer=org, actor=request.user, figures=form.cleaned_data)
        except ValidationError as exc:
            for problems in exc.message_dict.values():
                messages.error(request, " ".join(problems))
        else:
            messages.success(request, "Your baseline is saved.")
    else:
        for field, errors in form.errors.items():
            words = " ".join(str(e) for e in errors)
            messages.error(request, f"{form.fields[field].label}: {words}")
    return redirect("outcomes:roi", org_slug=org.slug)


@requires("outcomes.alliance.view")
def alliance(request: HttpRequest) -> HttpResponse:
    report = insights.alliance_report(as_of=timezone.localdate())
    return render(request, "outcomes/alliance.html", {"report": report})
