"""Admins must sign in with a second factor (TOTP) before they can do anything else."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from skillstack.accounts.roles import ADMIN_ROLES
from skillstack.core.permissions import roles_of

ALWAYS_ALLOWED_PREFIXES = ("/accounts/two-factor/", "/accounts/logout/", "/static/")


def needs_second_factor(user: object) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if getattr(user, "is_verified", lambda: False)():
        return False
    return any(roles & ADMIN_ROLES for roles in roles_of(user).values())


class AdminTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if needs_second_factor(request.user) and not request.path.startswith(
            ALWAYS_ALLOWED_PREFIXES
        ):
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {
                        "code": "auth.second_factor_required",
                        "detail": "Admins must confirm a two-factor code before using the API.",
                    },
                    status=403,
                )
            return redirect(f"{reverse('accounts:two_factor')}?next={request.path}")
        return self.get_response(request)
