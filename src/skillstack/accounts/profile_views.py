"""A person's own profile: their name, a link to change the password, two-factor settings."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from skillstack.accounts import services
from skillstack.accounts.forms import ProfileForm, add_service_errors
from skillstack.core.access import requires
from skillstack.core.selectors import profile_summary


def _render(request: HttpRequest, form: ProfileForm, status: int = 200) -> HttpResponse:
    context = {"form": form, **profile_summary(user=request.user)}
    return render(request, "accounts/profile.html", context, status=status)


@requires("accounts.profile.view")
def profile(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    return _render(request, ProfileForm(initial={"full_name": user.full_name}))


@requires("accounts.profile.update")
@require_POST
def profile_update(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST)
    if form.is_valid():
        try:
            services.user_profile_update(
                user=request.user,  # type: ignore[arg-type]
                full_name=form.cleaned_data["full_name"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Your name is saved.")
            return redirect("accounts:profile")
    return _render(request, form, status=400)
