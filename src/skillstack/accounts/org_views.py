"""Organization pages: settings, members, and (for coalition admins) the list and creation."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from skillstack.accounts import selectors, services
from skillstack.accounts.forms import OrganizationCreateForm, OrganizationForm, add_service_errors
from skillstack.accounts.models import Membership, Organization
from skillstack.core.access import requires


def _org(request: HttpRequest) -> Organization:
    return request.organization  # type: ignore[attr-defined,no-any-return]


def _settings_page(request: HttpRequest, form: OrganizationForm, status: int = 200) -> HttpResponse:
    return render(
        request, "accounts/org_settings.html", {"org": _org(request), "form": form}, status=status
    )


@requires("accounts.org.view", org_kwarg="org_slug")
def org_settings(request: HttpRequest, org_slug: str) -> HttpResponse:
    org = _org(request)
    initial = {name: getattr(org, name) for name in ("name", "website", "email", "description")}
    return _settings_page(request, OrganizationForm(initial=initial))


@requires("accounts.org.update", org_kwarg="org_slug")
@require_POST
def org_update(request: HttpRequest, org_slug: str) -> HttpResponse:
    form = OrganizationForm(request.POST)
    if form.is_valid():
        try:
            services.organization_update(
                organization=_org(request), actor=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The organization's settings are saved.")
            return redirect("accounts:org_settings", org_slug=org_slug)
    _org(request).refresh_from_db()  # the heading shows the saved name, not the rejected one
    return _settings_page(request, form, status=400)


@requires("accounts.member.list", org_kwarg="org_slug")
def members(request: HttpRequest, org_slug: str) -> HttpResponse:
    org = _org(request)
    rows = selectors.members_of(organization=org)
    return render(request, "accounts/members.html", {"org": org, "memberships": rows})


@requires("accounts.member.remove", org_kwarg="org_slug")
@require_POST
def member_remove(request: HttpRequest, org_slug: str, membership_id: int) -> HttpResponse:
    membership = get_object_or_404(
        Membership.objects.select_related("user"), pk=membership_id, organization=_org(request)
    )
    label = f"{membership.user} ({membership.get_role_display()})"
    try:
        services.membership_revoke(membership=membership, actor=request.user)
    except ValidationError as exc:
        messages.error(
            request,
            f"{label} was not removed: {' '.join(exc.messages)}. "
            "Give someone else the admin role first.",
        )
    else:
        messages.success(request, f"Removed the role of {label}.")
    return redirect("accounts:members", org_slug=org_slug)


@requires("accounts.org.list")
def org_list(request: HttpRequest) -> HttpResponse:
    orgs = selectors.organizations_of(user=request.user)
    return render(request, "accounts/org_list.html", {"organizations": orgs})


@requires("accounts.org.create")
def org_create(request: HttpRequest) -> HttpResponse:
    form = OrganizationCreateForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data: dict[str, Any] = form.cleaned_data
        try:
            org = services.organization_create(actor=request.user, **data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"{org.name} is created. Invite its first admin now.")
            return redirect("accounts:invitations", org_slug=org.slug)
    return render(
        request, "accounts/org_create.html", {"form": form}, status=400 if form.errors else 200
    )
