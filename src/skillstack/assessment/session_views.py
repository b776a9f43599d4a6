"""Pages under /orgs/<slug>/sessions/: plan sessions, fill rosters, see and co-sign results."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from skillstack.accounts.forms import add_service_errors
from skillstack.accounts.models import Organization
from skillstack.assessment import selectors
from skillstack.assessment.forms import RosterAddForm, RosterImportForm, SessionForm
from skillstack.assessment.models import AssessmentSession
from skillstack.assessment.services.roster import MAX_CSV_BYTES, roster_add, roster_import
from skillstack.assessment.services.sessions import session_create, session_update
from skillstack.core.access import requires
from skillstack.core.permissions import can


def _org(request: HttpRequest) -> Organization:
    return request.organization  # type: ignore[attr-defined,no-any-return]


def _session(request: HttpRequest, session_id: int) -> AssessmentSession:
    return selectors.session_visible(
        user=request.user, organization=_org(request), session_id=session_id
    )


@requires("assessment.session.list", org_kwarg="org_slug")
def sessions(request: HttpRequest, org_slug: str) -> HttpResponse:
    org = _org(request)
    context = {
        "org": org,
        "sessions": selectors.sessions_visible(user=request.user, organization=org),
        "may_manage": can(request.user, "assessment.session.manage", org=org),
    }
    return render(request, "assessment/sessions.html", context)


def _session_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "date": data["date"],
        "place": data["place"],
        "evaluators": list(data["evaluators"]),
        "training_program": data.get("training_program"),
        "cohort": data.get("cohort") or "",
        "requires_cosign": bool(data.get("requires_cosign")),
    }


@requires("assessment.session.manage", org_kwarg="org_slug")
def session_new(request: HttpRequest, org_slug: str) -> HttpResponse:
    org = _org(request)
    data = request.POST if request.method == "POST" else None
    form = SessionForm(data, organization=org, editing=False)
    if request.method == "POST" and form.is_valid():
        try:
            session = session_create(
                issuer=org,
                version=form.cleaned_data["micro_credential_version"],
                actor=request.user,
                **_session_fields(form.cleaned_data),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The session is planned. Add learners to its roster now.")
            return redirect("assessment:session", org_slug=org_slug, session_id=session.pk)
    status = 400 if form.errors else 200
    context = {"org": org, "form": form, "editing": False}
    return render(request, "assessment/session_form.html", context, status=status)


@requires("assessment.session.manage", org_kwarg="org_slug")
def session_edit(request: HttpRequest, org_slug: str, session_id: int) -> HttpResponse:
    org = _org(request)
    session = _session(request, session_id)
    if request.method == "POST":
        form = SessionForm(request.POST, organization=org, editing=True)
        if form.is_valid():
            try:
                session_update(
                    session=session, actor=request.user, **_session_fields(form.cleaned_data)
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, "The session is saved.")
                return redirect("assessment:session", org_slug=org_slug, session_id=session.pk)
    else:
        initial = {
            "date": session.date,
            "place": session.place,
            "training_program": session.training_program,
            "cohort": session.cohort,
            "evaluators": list(session.evaluators.all()),
            "requires_cosign": session.requires_cosign,
        }
        form = SessionForm(initial=initial, organization=org, editing=True)
    context = {"org": org, "form": form, "editing": True, "session": session}
    return render(
        request, "assessment/session_form.html", context, status=400 if form.errors else 200
    )


def _detail(request: HttpRequest, session: AssessmentSession, **extra: Any) -> dict[str, Any]:
    org = _org(request)
    return {
        "org": org,
        "session": session,
        "roster": session.roster.select_related("learner"),
        "attempts": selectors.session_attempts(session=session),
        "may_manage": can(request.user, "assessment.session.manage", org=org),
        "is_assigned": session.evaluators.filter(pk=request.user.pk).exists(),
        "add_form": extra.pop("add_form", None) or RosterAddForm(),
        "import_form": extra.pop("import_form", None) or RosterImportForm(),
        **extra,
    }


@requires("assessment.session.view", org_kwarg="org_slug")
def session_detail(request: HttpRequest, org_slug: str, session_id: int) -> HttpResponse:
    session = _session(request, session_id)
    return render(request, "assessment/session.html", _detail(request, session))


@requires("assessment.session.manage", org_kwarg="org_slug")
@require_POST
def roster_add_view(request: HttpRequest, org_slug: str, session_id: int) -> HttpResponse:
    session = _session(request, session_id)
    form = RosterAddForm(request.POST)
    if form.is_valid():
        try:
            entry = roster_add(session=session, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"{entry.learner.email} is on the roster.")
            return redirect("assessment:session", org_slug=org_slug, session_id=session.pk)
    context = _detail(request, session, add_form=form)
    return render(request, "assessment/session.html", context, status=400)


@requires("assessment.session.manage", org_kwarg="org_slug")
@require_POST
def roster_import_view(request: HttpRequest, org_slug: str, session_id: int) -> HttpResponse:
    session = _session(request, session_id)
    form = RosterImportForm(request.POST, request.FILES)
    report = None
    if form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read(MAX_CSV_BYTES + 1)
        report = roster_import(
            session=session,
            data=data,
            actor=request.user,
            dry_run=bool(form.cleaned_data["dry_run"]),
        )
        if report.ok and not report.dry_run:
            messages.success(request, f"{report.added} learners are added to the roster.")
            return redirect("assessment:session", org_slug=org_slug, session_id=session.pk)
    ok = report is not None and report.ok
    context = _detail(request, session, import_form=form, report=report)
    return render(request, "assessment/session.html", context, status=200 if ok else 400)
