"""Invitations: admins send and withdraw them; the invitee opens the e-mailed link.

The send and withdraw forms work as plain POSTs; with htmx they swap only the invitations
panel (the list and the form), which keeps focus and scroll position on a tablet.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from skillstack.accounts import selectors, services
from skillstack.accounts.forms import InvitationForm, InvitedSignUpForm, add_service_errors
from skillstack.accounts.models import Invitation, Organization
from skillstack.core.access import requires


def _org(request: HttpRequest) -> Organization:
    return request.organization  # type: ignore[attr-defined,no-any-return]


def _panel(
    request: HttpRequest, form: InvitationForm, notice: str = "", status: int = 200
) -> HttpResponse:
    """The whole page, or only the panel when htmx asked for it."""
    org = _org(request)
    context = {
        "org": org,
        "form": form,
        "invitations": selectors.pending_invitations(organization=org),
        "notice": notice,
    }
    if request.headers.get("HX-Request"):
        return render(request, "accounts/_invitations_panel.html", context)
    return render(request, "accounts/invitations.html", context, status=status)


@requires("accounts.invitation.list", org_kwarg="org_slug")
def invitations(request: HttpRequest, org_slug: str) -> HttpResponse:
    return _panel(request, InvitationForm(organization=_org(request)))


@requires("accounts.invitation.send", org_kwarg="org_slug")
@require_POST
def invitation_send(request: HttpRequest, org_slug: str) -> HttpResponse:
    org = _org(request)
    form = InvitationForm(request.POST, organization=org)
    if form.is_valid():
        try:
            invitation, _token = services.invitation_send(
                organization=org, actor=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            notice = f"Invitation sent to {invitation.email}."
            if request.headers.get("HX-Request"):
                return _panel(request, InvitationForm(organization=org), notice=notice)
            messages.success(request, notice)
            return redirect("accounts:invitations", org_slug=org_slug)
    return _panel(request, form, status=400)


@requires("accounts.invitation.revoke", org_kwarg="org_slug")
@require_POST
def invitation_revoke(request: HttpRequest, org_slug: str, invitation_id: int) -> HttpResponse:
    org = _org(request)
    invitation = get_object_or_404(Invitation, pk=invitation_id, organization=org)
    try:
        services.invitation_revoke(invitation=invitation, actor=request.user)
        notice = f"The invitation of {invitation.email} is withdrawn."
    except ValidationError as exc:
        notice = " ".join(exc.messages)
    if request.headers.get("HX-Request"):
        return _panel(request, InvitationForm(organization=org), notice=notice)
    messages.info(request, notice)
    return redirect("accounts:invitations", org_slug=org_slug)


def _invalid(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/invitation_invalid.html", status=410)


@requires("accounts.invitation.view")
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """The e-mailed link. Anonymous: sign in or create an account, then come back here."""
    invitation = services.invitation_for_token(token=token)
    if invitation is None:
        return _invalid(request)
    user: Any = request.user
    wrong_person = user.is_authenticated and user.email.lower() != invitation.email.lower()
    context = {"invitation": invitation, "token": token, "wrong_person": wrong_person}
    return render(request, "accounts/invitation.html", context)


@requires("accounts.invitation.accept")
@require_POST
def invitation_confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        membership = services.invitation_accept(token=token, user=request.user)  # type: ignore[arg-type]
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("accounts:invitation_accept", token=token)
    messages.success(
        request,
        f"Welcome to {membership.organization.name}. "
        f"You are now {membership.get_role_display().lower()} there.",
    )
    return redirect("core:dashboard")


@requires("accounts.signin")
def invitation_signup(request: HttpRequest, token: str) -> HttpResponse:
    """Create the invited account (the address is the invited one) and join at once."""
    invitation = services.invitation_for_token(token=token)
    if invitation is None:
        return _invalid(request)
    if request.user.is_authenticated:
        return redirect("accounts:invitation_accept", token=token)
    form = InvitedSignUpForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_register(
                token=token,
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            auth_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, f"Welcome to {invitation.organization.name}.")
            return redirect("core:dashboard")
    context = {"form": form, "invitation": invitation, "token": token}
    return render(
        request, "accounts/invitation_signup.html", context, status=400 if form.errors else 200
    )
