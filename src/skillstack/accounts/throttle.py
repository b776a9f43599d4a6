"""Login throttling: after N failed sign-ins for one address or one client within a window,
further attempts are refused until the window passes. Counters live in Django's cache, so
every web process shares them (database cache by default)."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache


def _keys(*, email: str, ip: str) -> list[str]:
    email_key = hashlib.sha256(email.strip().lower().encode()).hexdigest()[:32]
    return [f"login-fail:email:{email_key}", f"login-fail:ip:{ip}"]


def login_allowed(*, email: str, ip: str) -> bool:
    limit = settings.LOGIN_THROTTLE_LIMIT
    return all((cache.get(key) or 0) < limit for key in _keys(email=email, ip=ip))


def login_failed(*, email: str, ip: str) -> None:
    for key in _keys(email=email, ip=ip):
        if cache.add(key, 1, timeout=settings.LOGIN_THROTTLE_WINDOW_S):
            continue
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=settings.LOGIN_THROTTLE_WINDOW_S)


def login_succeeded(*, email: str, ip: str) -> None:
    cache.delete(_keys(email=email, ip=ip)[0])
