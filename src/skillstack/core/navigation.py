"""Which sections a person sees in the navigation, from their roles."""

from __future__ import annotations

from typing import Any


def navigation_for(user: Any) -> list[dict[str, str]]:
    if not getattr(user, "is_authenticated", False):
        return []
    return [{"label": "Dashboard", "url": "/dashboard/"}]
