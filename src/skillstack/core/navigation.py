"""Which sections a person sees in the navigation, from their roles.

Kept short on purpose (it must fit a tablet's width): the dashboard lists everything else.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from skillstack.accounts.roles import ADMIN_ROLES
from skillstack.core.permissions import is_coalition_admin, roles_of


def navigation_for(user: Any) -> list[dict[str, str]]:
    if not getattr(user, "is_authenticated", False):
        return []
    items = [{"label": "Dashboard", "url": reverse("core:dashboard")}]
    if is_coalition_admin(user):
        items.append({"label": "Organizations", "url": reverse("accounts:org_list")})
    admin_orgs = [org_id for org_id, roles in roles_of(user).items() if roles & ADMIN_ROLES]
    if len(admin_orgs) == 1:
        from skillstack.accounts.models import Organization

        slug = Organization.objects.filter(pk=admin_orgs[0]).values_list("slug", flat=True)[0]
        items.append({"label": "Members", "url": reverse("accounts:members", args=[slug])})
    items.append({"label": "Profile", "url": reverse("accounts:profile")})
    return items
