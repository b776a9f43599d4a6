"""The employer's side under /orgs/<org_slug>/applications/: the pipeline with filters, one
application with the candidate's verified credentials, moves, the hire and onboarding needs.

Applications are looked up within the organization of the path: another employer's id is 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from skillstack.accounts.forms import add_service_errors
from skillstack.core.access import requires
from skillstack.hiring import selectors, stages
from skillstack.hiring.forms import HireForm, InviteForm, MoveForm, OnboardingForm
from skillstack.hiring.models import Application, Stage
from skillstack.hiring.services.applications import application_move
from skillstack.hiring.services.invitations import invitation_send
from skillstack.hiring.services.placements import (
    placement_onboarding_update,
    placement_record,
)
from skillstack.wallet.holdings import verified_holdings


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 12 else None


@requires("hiring.pipeline.view", org_kwarg="org_slug")
def pipeline(request: HttpRequest, org_slug: str) -> HttpResponse:
    org = request.organization  # type: ignore[attr-defined]
    opening_id = _int(request.GET.get("opening"))
    stage = request.GET.get("stage", "")
    rows = selectors.pipeline(organization=org, opening_id=opening_id, stage=stage)
    context = {
        "org": org,
        "applications": rows[:500],
        "openings": selectors.openings_of(organization=org),
        "stages": Stage.choices,
        "chosen_opening": opening_id,
        "chosen_stage": stage if stage in Stage.values else "",
    }
    return render(request, "hiring/pipeline.html", context)


def _application(request: HttpRequest, application_pk: int) -> Application:
    org = request.organization  # type: ignore[attr-defined]
    application = selectors.application_in_org(organization=org, pk=application_pk)
    if application is None:
        raise Http404("No such application in this organization")
    return application


def _detail(
    request: HttpRequest,
    application: Application,
    *,
    move_form: MoveForm | None = None,
    hire_form: HireForm | None = None,
    status: int = 200,
) -> HttpResponse:
    placement = selectors.placement_of(application)
    moves = [(s.value, s.label) for s in stages.employer_moves(application.stage)]
    context: dict[str, Any] = {
        "org": request.organization,  # type: ignore[attr-defined]
        "application": application,
        "candidate": application.candidate,
        "holdings": verified_holdings(user=application.candidate),
        "changes": application.stage_changes.all(),
        "move_form": move_form or MoveForm(choices=moves),
        "can_move": bool(moves),
        "can_hire": stages.can_hire(application.stage) and placement is None,
        "hire_form": hire_form or HireForm(initial={"role_title": application.opening.title}),
        "placement": placement,
        "checkins": selectors.checkins_of(placement=placement) if placement else [],
        "onboarding_form": OnboardingForm(
            initial={"onboarding_needs": placement.onboarding_needs if placement else ""}
        ),
    }
    return render(request, "hiring/application.html", context, status=status)


@requires("hiring.pipeline.view", org_kwarg="org_slug")
def application_detail(request: HttpRequest, org_slug: str, application_pk: int) -> HttpResponse:
    return _detail(request, _application(request, application_pk))


@requires("hiring.application.move", org_kwarg="org_slug")
@require_POST
def move(request: HttpRequest, org_slug: str, application_pk: int) -> HttpResponse:
    application = _application(request, application_pk)
    choices = [(s.value, s.label) for s in Stage]  # the service says which are allowed
    form = MoveForm(request.POST, choices=choices)
    if form.is_valid():
        try:
            application_move(
                application=application,
                stage=form.cleaned_data["stage"],
                actor=request.user,
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Moved. The candidate is e-mailed the new stage.")
            return redirect("hiring:application", org_slug=org_slug, application_pk=application.pk)
    return _detail(request, application, move_form=form, status=422)


@requires("hiring.placement.record", org_kwarg="org_slug")
@require_POST
def hire(request: HttpRequest, org_slug: str, application_pk: int) -> HttpResponse:
    application = _application(request, application_pk)
    form = HireForm(request.POST)
    if form.is_valid():
        try:
            placement_record(application=application, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, "Hire recorded. Retention check-ins follow at 30, 90, 180 and 365 days."
            )
            return redirect("hiring:application", org_slug=org_slug, application_pk=application.pk)
    return _detail(request, application, hire_form=form, status=422)


@requires("hiring.placement.record", org_kwarg="org_slug")
@require_POST
def onboarding(request: HttpRequest, org_slug: str, application_pk: int) -> HttpResponse:
    application = _application(request, application_pk)
    placement = selectors.placement_of(application)
    if placement is None:
        raise Http404("This application has no hire yet")
    form = OnboardingForm(request.POST)
    if form.is_valid():
        try:
            placement_onboarding_update(
                placement=placement,
                actor=request.user,
                onboarding_needs=form.cleaned_data["onboarding_needs"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, "Onboarding needs saved; the career navigator sees them.")
    return redirect("hiring:application", org_slug=org_slug, application_pk=application.pk)


@requires("hiring.invitation.send", org_kwarg="org_slug")
def invite(request: HttpRequest, org_slug: str) -> HttpResponse:
    """Invite a candidate the matching app lists as discoverable by this employer."""
    org = request.organization  # type: ignore[attr-defined]
    openings = selectors.openings_taking_applications(employer=org)
    form = InviteForm(
        request.POST or None,
        openings=openings,
        initial={
            "opening": _int(request.GET.get("opening")),
            "candidate_email": request.GET.get("candidate", "")[:254],
        },
    )
    if request.method == "POST" and form.is_valid():
        opening = selectors.open_opening(pk=form.cleaned_data["opening"])
        candidate = selectors.person_by_email(email=form.cleaned_data["candidate_email"])
        if opening is None or opening.employer_id != org.pk:
            form.add_error("opening", "Pick one of your open openings.")
        elif candidate is None:
            form.add_error(
                "candidate_email", "This person is not open to invitations from your organization."
            )
        else:
            try:
                invitation_send(
                    opening=opening,
                    candidate=candidate,
                    actor=request.user,
                    message=form.cleaned_data["message"],
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, "Invitation sent. The candidate accepts or declines.")
                return redirect("hiring:pipeline", org_slug=org_slug)
    context = {"org": org, "form": form, "has_openings": bool(openings)}
    return render(request, "hiring/invite.html", context, status=422 if form.errors else 200)
