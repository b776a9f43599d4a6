"""The candidate's side: apply to an opening, follow one's applications, withdraw, answer an
employer's invitation. Every object is looked up among the signed-in person's own, so another
person's id answers 404 like an id that does not exist.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from skillstack.accounts.forms import add_service_errors
from skillstack.core.access import requires
from skillstack.hiring import selectors, stages
from skillstack.hiring.caseload_selectors import learner_navigation
from skillstack.hiring.forms import ApplyForm, WithdrawForm
from skillstack.hiring.services.applications import (
    application_apply,
    application_withdraw,
)
from skillstack.hiring.services.caseload import (
    caseload_request,
    consent_grant,
    consent_revoke,
    organizations_with_navigators,
)
from skillstack.hiring.services.invitations import invitation_respond
from skillstack.wallet.holdings import verified_holdings


@requires("hiring.application.apply")
def apply(request: HttpRequest, opening_pk: int) -> HttpResponse:
    opening = selectors.open_opening(pk=opening_pk)
    if opening is None:
        raise Http404("No open opening here")
    existing = selectors.application_for_opening(user=request.user, opening=opening)
    form = ApplyForm(request.POST or None)
    if request.method == "POST" and existing is None and form.is_valid():
        try:
            application = application_apply(
                opening=opening,
                candidate=request.user,
                actor=request.user,
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"You applied to {opening.title}. We e-mailed you a copy.")
            return redirect("hiring:my_application", application_pk=application.pk)
    context = {
        "opening": opening,
        "existing": existing,
        "form": form,
        "holdings": verified_holdings(user=request.user),
    }
    return render(request, "hiring/apply.html", context, status=422 if form.errors else 200)


@requires("hiring.application.list_own")
def my_applications(request: HttpRequest) -> HttpResponse:
    context = {
        "applications": selectors.applications_of_candidate(user=request.user),
        "invitations": selectors.pending_invitations_of(user=request.user),
    }
    return render(request, "hiring/my_applications.html", context)


@requires("hiring.application.list_own")
def my_application(request: HttpRequest, application_pk: int) -> HttpResponse:
    application = selectors.application_of_candidate(user=request.user, pk=application_pk)
    if application is None:
        raise Http404("No such application of yours")
    context = {
        "application": application,
        "changes": application.stage_changes.all(),
        "can_withdraw": stages.can_withdraw(application.stage),
        "form": WithdrawForm(),
    }
    return render(request, "hiring/my_application.html", context)


@requires("hiring.application.withdraw")
@require_POST
def withdraw(request: HttpRequest, application_pk: int) -> HttpResponse:
    application = selectors.application_of_candidate(user=request.user, pk=application_pk)
    if application is None:
        raise Http404("No such application of yours")
    form = WithdrawForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        application_withdraw(application=application, actor=request.user, note=note)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Your application is withdrawn.")
    return redirect("hiring:my_application", application_pk=application.pk)


@requires("hiring.invitation.respond")
@require_POST
def invitation_answer(request: HttpRequest, invitation_pk: int) -> HttpResponse:
    invitation = selectors.invitation_of_candidate(user=request.user, pk=invitation_pk)
    if invitation is None:
        raise Http404("No such invitation of yours")
    accept = request.POST.get("answer") == "accept"
    try:
        invitation = invitation_respond(invitation=invitation, actor=request.user, accept=accept)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("hiring:my_applications")
    if accept and invitation.application_id:
        messages.success(request, f"You applied to {invitation.opening.title}.")
        return redirect("hiring:my_application", application_pk=invitation.application_id)
    messages.success(request, "You declined the invitation. The employer is told, nothing more.")
    return redirect("hiring:my_applications")


@requires("hiring.consent.manage")
def my_navigators(request: HttpRequest) -> HttpResponse:
    """Ask an organization for a navigator; let its navigators apply for you, or stop that."""
    if request.method == "POST":
        org = organizations_with_navigators().filter(pk=_int(request.POST.get("organization")))
        organization = org.first()
        action = request.POST.get("action", "")
        if organization is None or action not in {"consent", "revoke", "request"}:
            messages.error(request, "Pick one of the organizations listed below.")
            return redirect("hiring:my_navigators")
        try:
            if action == "consent":
                consent_grant(learner=request.user, organization=organization, actor=request.user)
                messages.success(
                    request, f"{organization.name}'s navigators may now apply for you."
                )
            elif action == "revoke":
                consent_revoke(learner=request.user, organization=organization, actor=request.user)
                messages.success(
                    request, f"{organization.name}'s navigators may no longer apply for you."
                )
            else:
                caseload_request(learner=request.user, organization=organization)
                messages.success(request, f"Asked {organization.name} for a career navigator.")
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("hiring:my_navigators")
    rows = learner_navigation(learner=request.user)
    return render(request, "hiring/my_navigators.html", {"rows": rows})


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 12 else None
