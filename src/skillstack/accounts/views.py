"""Sign-in, sign-out, sign-up and password pages.

A person whose account has a confirmed authenticator device is not signed in by the password
alone: the password step parks their id in the session (see ``twofactor_views``) and only the
code finishes the sign-in, so a second factor that someone opted into cannot be skipped.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import authenticate
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth import views as auth_views
from django.contrib.messages.views import SuccessMessageMixin
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from skillstack.accounts import services, throttle
from skillstack.accounts.forms import SignInForm, SignUpForm, add_service_errors
from skillstack.accounts.twofactor_views import start_second_factor
from skillstack.core.access import requires

GENERIC_SIGN_IN_ERROR = (
    "That e-mail address and password do not match an account. Check both and try again."
)
THROTTLED_SIGN_IN_ERROR = (
    "Too many failed sign-ins. Wait 15 minutes before you try again, or reset your password."
)


def safe_next(request: HttpRequest, default: str = "core:dashboard") -> str:
    """The ``next`` page if it is on this site, else ``default`` (no open redirects)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(default)


def client_ip(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", "unknown"))


@requires("accounts.signin")
def login_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated and request.method == "GET":
        return redirect(safe_next(request))
    form = SignInForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].strip().lower()
        ip = client_ip(request)
        if not throttle.login_allowed(email=email, ip=ip):
            form.add_error(None, THROTTLED_SIGN_IN_ERROR)
        else:
            user = authenticate(request, email=email, password=form.cleaned_data["password"])
            if user is None:
                throttle.login_failed(email=email, ip=ip)
                form.add_error(None, GENERIC_SIGN_IN_ERROR)
            else:
                throttle.login_succeeded(email=email, ip=ip)
                return _finish_password_step(request, user)
    status = 200 if not form.errors else 400
    return render(
        request,
        "accounts/login.html",
        {"form": form, "next": request.POST.get("next") or request.GET.get("next", "")},
        status=status,
    )


def _finish_password_step(request: HttpRequest, user: Any) -> HttpResponse:
    target = safe_next(request)
    if services.totp_has_confirmed_device(user=user):
        return start_second_factor(request, user, target)
    auth_login(request, user)  # rotates the session key
    return redirect(target)


@requires("accounts.signin")
@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    auth_logout(request)
    messages.success(request, "You are signed out.")
    return redirect("accounts:login")


@requires("accounts.signin")
def signup(request: HttpRequest) -> HttpResponse:
    """Learners create their own account; staff join through an invitation instead."""
    if request.user.is_authenticated:
        return redirect("core:dashboard")
    form = SignUpForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.learner_register(
                email=form.cleaned_data["email"],
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            auth_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, "Welcome to Skillstack. Your account is ready.")
            return redirect("core:dashboard")
    return render(
        request, "accounts/signup.html", {"form": form}, status=400 if form.errors else 200
    )


# --- Password reset by e-mail and password change: Django's views, our templates -----------

_password_reset = auth_views.PasswordResetView.as_view(
    template_name="accounts/password_reset_form.html",
    email_template_name="accounts/email/password_reset.txt",
    subject_template_name="accounts/email/password_reset_subject.txt",
    success_url=reverse_lazy("accounts:password_reset_done"),
)
_password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"
)
_password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password_reset_complete"),
)
_password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)


class _PasswordChangeView(SuccessMessageMixin, auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")
    success_message = "Your password is changed."


_password_change = _PasswordChangeView.as_view()


@requires("accounts.signin")
def password_reset(request: HttpRequest) -> HttpResponseBase:
    """Always says the mail is on its way, so the page does not reveal who has an account."""
    return _password_reset(request)


@requires("accounts.signin")
def password_reset_done(request: HttpRequest) -> HttpResponseBase:
    return _password_reset_done(request)


@requires("accounts.signin")
def password_reset_confirm(request: HttpRequest, uidb64: str, token: str) -> HttpResponseBase:
    return _password_reset_confirm(request, uidb64=uidb64, token=token)


@requires("accounts.signin")
def password_reset_complete(request: HttpRequest) -> HttpResponseBase:
    return _password_reset_complete(request)


@requires("accounts.profile.update")
def password_change(request: HttpRequest) -> HttpResponseBase:
    return _password_change(request)
