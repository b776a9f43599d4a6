"""Template context shared by every page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def navigation(request: HttpRequest) -> dict[str, Any]:
    """The role-aware menu; pages shown to people who are not through 2FA get none."""
    from skillstack.accounts.middleware import needs_second_factor
    from skillstack.core.navigation import navigation_for

    user = getattr(request, "user", None)
    if user is None or needs_second_factor(user):
        return {"nav": []}
    return {"nav": navigation_for(user)}
