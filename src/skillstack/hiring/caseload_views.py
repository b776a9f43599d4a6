"""Career navigators' pages under /orgs/<org_slug>/caseload/: the caseload with flags,
filters and sorting; one learner's picture with private notes, nudges and applying on their
behalf (only with their consent); and the admins' assignments and learners' requests.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from skillstack.accounts.forms import add_service_errors
from skillstack.accounts.models import Membership, User
from skillstack.accounts.roles import Role
from skillstack.core.access import requires
from skillstack.hiring import caseload_selectors as cs
from skillstack.hiring import selectors
from skillstack.hiring.forms import ApplyForLearnerForm, AssignForm, NoteForm, NudgeForm
from skillstack.hiring.models import CaseloadAssignment
from skillstack.hiring.services.applications import application_apply_for_learner
from skillstack.hiring.services.caseload import caseload_assign, caseload_note_add, nudge_send


def _org(request: HttpRequest) -> Any:
    return request.organization  # type: ignore[attr-defined]


def _assignment(request: HttpRequest, assignment_pk: int) -> CaseloadAssignment:
    assignment = cs.assignment_in_org(organization=_org(request), pk=assignment_pk)
    if assignment is None:
        raise Http404("No such learner on this organization's caseload")
    return assignment


def _open_openings() -> list[tuple[int, str]]:
    return selectors.openings_taking_applications()


@requires("hiring.caseload.view", org_kwarg="org_slug")
def caseload(request: HttpRequest, org_slug: str) -> HttpResponse:
    mine = request.GET.get("who", "mine") != "all"
    flag = request.GET.get("flag", "")
    sort = request.GET.get("sort", "name")
    rows = cs.caseload(
        organization=_org(request),
        navigator=request.user if mine else None,
        flag=flag,
        sort=sort if sort in cs.SORTS else "name",
    )
    context = {
        "org": _org(request),
        "rows": rows,
        "mine": mine,
        "flag": flag if flag in cs.FLAG_WORDS else "",
        "sort": sort if sort in cs.SORTS else "name",
        "flags": cs.FLAG_WORDS,
        "sorts": cs.SORTS,
    }
    return render(request, "hiring/caseload.html", context)


def _learner_page(
    request: HttpRequest,
    assignment: CaseloadAssignment,
    *,
    note_form: NoteForm | None = None,
    nudge_form: NudgeForm | None = None,
    apply_form: ApplyForLearnerForm | None = None,
    status: int = 200,
) -> HttpResponse:
    org = _org(request)
    context = {
        "org": org,
        "assignment": assignment,
        "learner": assignment.learner,
        "row": cs.learner_picture(assignment=assignment),
        "placements": cs.placements_of(learner=assignment.learner),
        "notes": cs.notes_of(organization=org, learner=assignment.learner),
        "consent": cs.consent_of(organization=org, learner=assignment.learner),
        "note_form": note_form or NoteForm(),
        "nudge_form": nudge_form or NudgeForm(),
        "apply_form": apply_form or ApplyForLearnerForm(openings=_open_openings()),
    }
    return render(request, "hiring/caseload_learner.html", context, status=status)


@requires("hiring.caseload.view", org_kwarg="org_slug")
def learner(request: HttpRequest, org_slug: str, assignment_pk: int) -> HttpResponse:
    return _learner_page(request, _assignment(request, assignment_pk))


@requires("hiring.caseload.act", org_kwarg="org_slug")
@require_POST
def note(request: HttpRequest, org_slug: str, assignment_pk: int) -> HttpResponse:
    assignment = _assignment(request, assignment_pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            caseload_note_add(
                assignment=assignment, author=request.user, text=form.cleaned_data["text"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Note saved.")
            return redirect("hiring:caseload_learner", org_slug, assignment.pk)
    return _learner_page(request, assignment, note_form=form, status=422)


@requires("hiring.caseload.act", org_kwarg="org_slug")
@require_POST
def nudge(request: HttpRequest, org_slug: str, assignment_pk: int) -> HttpResponse:
    assignment = _assignment(request, assignment_pk)
    form = NudgeForm(request.POST)
    if form.is_valid():
        try:
            nudge_send(
                assignment=assignment, navigator=request.user, message=form.cleaned_data["message"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Nudge sent by e-mail.")
            return redirect("hiring:caseload_learner", org_slug, assignment.pk)
    return _learner_page(request, assignment, nudge_form=form, status=422)


@requires("hiring.caseload.act", org_kwarg="org_slug")
@require_POST
def apply_for(request: HttpRequest, org_slug: str, assignment_pk: int) -> HttpResponse:
    assignment = _assignment(request, assignment_pk)
    form = ApplyForLearnerForm(request.POST, openings=_open_openings())
    if form.is_valid():
        opening = selectors.open_opening(pk=form.cleaned_data["opening"])
        if opening is None:
            raise Http404("No open opening here")
        try:
            application_apply_for_learner(
                opening=opening,
                learner=assignment.learner,
                organization=_org(request),
                actor=request.user,
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Applied to {opening.title} on the learner's behalf.")
            return redirect("hiring:caseload_learner", org_slug, assignment.pk)
    return _learner_page(request, assignment, apply_form=form, status=422)


def _navigators(org: Any) -> list[tuple[int, str]]:
    rows = Membership.objects.filter(
        organization=org, role=Role.CAREER_NAVIGATOR, user__is_active=True
    ).select_related("user")
    return [(m.user.pk, m.user.full_name or m.user.email) for m in rows]


@requires("hiring.caseload.assign", org_kwarg="org_slug")
def assignments(request: HttpRequest, org_slug: str) -> HttpResponse:
    org = _org(request)
    form = AssignForm(
        request.POST or None,
        navigators=_navigators(org),
        initial={"learner_email": request.GET.get("learner", "")[:254]},
    )
    if request.method == "POST" and form.is_valid():
        learner = User.objects.filter(email__iexact=form.cleaned_data["learner_email"]).first()
        navigator = User.objects.filter(pk=form.cleaned_data["navigator"]).first()
        if learner is None:
            form.add_error("learner_email", "No learner has this e-mail address.")
        else:
            try:
                caseload_assign(
                    organization=org, learner=learner, navigator=navigator, actor=request.user
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, "Assigned.")
                return redirect("hiring:assignments", org_slug)
    context = {
        "org": org,
        "form": form,
        "requests": cs.requests_of(organization=org),
        "rows": cs.caseload(organization=org),
    }
    return render(request, "hiring/assignments.html", context, status=422 if form.errors else 200)
