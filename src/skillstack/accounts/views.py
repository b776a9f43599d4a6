"""Sign-in, two-factor and invitation pages (placeholder, being built)."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse

from skillstack.core.access import requires


@requires("accounts.signin")
def login_view(request: HttpRequest) -> HttpResponse:
    return auth_views.LoginView.as_view()(request)


@requires("accounts.twofactor.manage")
def two_factor(request: HttpRequest) -> HttpResponse:
    return HttpResponse("two factor")


@requires("accounts.invitation.accept")
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    return HttpResponse("invitation")
