"""Template context shared by every page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def navigation(request: HttpRequest) -> dict[str, Any]:
    from skillstack.core.navigation import navigation_for

    return {"nav": navigation_for(request.user)}
