"""Dashboard links of the catalog: designers and issuer admins design micro-credentials."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from skillstack.accounts.roles import OrgKind, Role
from skillstack.core.dashboard import Link, contributes


@contributes(Role.CREDENTIAL_DESIGNER)
@contributes(Role.ORG_ADMIN)
def designer_links(organization: Any) -> list[Link]:
    if organization is None or organization.kind != OrgKind.ISSUER:
        return []
    slug = organization.slug
    return [
        Link(
            "Micro-credentials",
            reverse("catalog:mc_list", args=[slug]),
            "Design, version, publish and retire; write the performance tests",
        ),
        Link("Skills", reverse("catalog:skills", args=[slug]), "Your skills and taxonomy imports"),
    ]
