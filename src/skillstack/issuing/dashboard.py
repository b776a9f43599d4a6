"""Dashboard links of the issuing app: an issuer's admins reach its credentials."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from skillstack.accounts.roles import OrgKind, Role
from skillstack.core.dashboard import Link, contributes


@contributes(Role.ORG_ADMIN)
def issuer_admin_links(organization: Any) -> list[Link]:
    if organization is None or organization.kind != OrgKind.ISSUER:
        return []
    return [
        Link(
            "Issued credentials",
            reverse("issuing:credential_list", args=[organization.slug]),
            "Search, revoke, suspend or reinstate; issue a session's results",
        )
    ]
