"""Two-factor sign-in (TOTP) pages: set up an authenticator app, enter a code, switch it off.

Admins must pass a code before anything else (``AdminTwoFactorMiddleware`` sends them here);
anyone else may opt in from the profile. Wrong codes are throttled by django-otp itself.
"""

from __future__ import annotations

import time
from typing import Any

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from skillstack.accounts import services
from skillstack.accounts.forms import TotpCodeForm
from skillstack.accounts.models import User
from skillstack.accounts.roles import ADMIN_ROLES
from skillstack.core.access import requires
from skillstack.core.permissions import roles_of

PENDING_KEY = "skillstack_2fa_pending"
PENDING_MAX_AGE_S = 300
WRONG_CODE = "That code is not right. Check the time on your phone and enter the newest code."
THROTTLED = "Too many wrong codes. Wait a few seconds, then enter the newest code."


def start_second_factor(request: HttpRequest, user: Any, target: str) -> HttpResponse:
    """After a correct password: remember who is signing in, and ask for the code."""
    request.session.cycle_key()
    request.session[PENDING_KEY] = {
        "user": user.pk,
        "backend": user.backend,
        "at": int(time.time()),
    }
    return redirect(f"{reverse('accounts:two_factor')}?{urlencode({'next': target})}")


def _pending_user(request: HttpRequest) -> User | None:
    pending = request.session.get(PENDING_KEY)
    if not isinstance(pending, dict) or time.time() - pending.get("at", 0) > PENDING_MAX_AGE_S:
        return None
    user_id = pending.get("user")
    if not isinstance(user_id, int):
        return None
    return User.objects.filter(pk=user_id, is_active=True).first()


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("core:dashboard")


def _next_query(request: HttpRequest) -> str:
    return urlencode({"next": _next(request)})


def _is_admin(user: Any) -> bool:
    return any(roles & ADMIN_ROLES for roles in roles_of(user).values())


@requires("accounts.twofactor.verify")
def two_factor(request: HttpRequest) -> HttpResponse:
    """Enter the code: finishes a pending sign-in, or verifies an admin's session."""
    signed_in = request.user.is_authenticated
    user: Any = request.user if signed_in else _pending_user(request)
    if user is None:
        messages.info(request, "Sign in with your e-mail address and password first.")
        return redirect("accounts:login")
    if signed_in and request.user.is_verified():  # type: ignore[union-attr]
        return redirect(_next(request))
    if not services.totp_has_confirmed_device(user=user):
        return redirect(f"{reverse('accounts:two_factor_setup')}?{_next_query(request)}")
    form = TotpCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        check = services.totp_verify(user=user, token=form.cleaned_data["code"])
        if check.device is not None:
            if not signed_in:
                backend = request.session[PENDING_KEY]["backend"]
                auth_login(request, user, backend=backend)
            otp_login(request, check.device)
            request.session.pop(PENDING_KEY, None)
            return redirect(_next(request))
        form.add_error("code", THROTTLED if check.throttled else WRONG_CODE)
    return render(
        request,
        "accounts/two_factor_verify.html",
        {"form": form, "next": _next(request)},
        status=400 if form.errors else 200,
    )


def _qr_svg(url: str) -> SafeString:
    """The otpauth URL as an inline SVG QR code (no Pillow); generated from our own data."""
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=12)
    svg = image.to_string(encoding="unicode")
    svg = svg.replace(
        "<svg ",
        '<svg role="img" aria-label="QR code for your authenticator app" class="qr" ',
        1,
    )
    return mark_safe(svg)  # noqa: S308 - built by qrcode from our own otpauth URL


def _grouped_secret(device: Any) -> str:
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@requires("accounts.twofactor.manage")
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Show the QR code and secret; the first correct code switches two-factor on."""
    user: Any = request.user
    if services.totp_has_confirmed_device(user=user) and not user.is_verified():
        # Setting up a new device must not be a way around the existing one.
        return redirect(f"{reverse('accounts:two_factor')}?{_next_query(request)}")
    device = services.totp_device_for_setup(user=user)
    form = TotpCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        check = services.totp_device_confirm(user=user, token=form.cleaned_data["code"])
        if check.device is not None:
            otp_login(request, check.device)
            messages.success(request, "Two-factor sign-in is on. Keep your phone at hand.")
            return redirect(_next(request))
        form.add_error("code", THROTTLED if check.throttled else WRONG_CODE)
    context = {
        "form": form,
        "qr_svg": _qr_svg(device.config_url),
        "secret": _grouped_secret(device),
        "next": _next(request),
        "must": _is_admin(user),
    }
    return render(
        request, "accounts/two_factor_setup.html", context, status=400 if form.errors else 200
    )


@requires("accounts.twofactor.manage")
@require_POST
def two_factor_disable(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    if not user.is_verified() and services.totp_has_confirmed_device(user=user):
        messages.error(request, "Enter a code from your app first, then switch it off.")
        return redirect("accounts:two_factor")
    try:
        services.totp_device_remove(user=request.user)  # type: ignore[arg-type]
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Two-factor sign-in is off.")
    return redirect("accounts:profile")
