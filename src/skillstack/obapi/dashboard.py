"""Dashboard links of the Open Badges API: a learner's connected apps; an issuer admin's
Open Badges 2.0 switch."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from skillstack.accounts.roles import LEARNER, OrgKind, Role
from skillstack.core.dashboard import Link, contributes


@contributes(LEARNER)
def learner_links(organization: Any) -> list[Link]:
    return [
        Link(
            "Connected apps",
            reverse("obapi:connected_apps"),
            "Badge hosts you allowed to read your credentials or add new ones",
        )
    ]


@contributes(Role.ORG_ADMIN)
def issuer_admin_links(organization: Any) -> list[Link]:
    if organization is None or organization.kind != OrgKind.ISSUER:
        return []
    return [
        Link(
            "Open Badges 2.0",
            reverse("obapi:ob2_settings", args=[organization.slug]),
            "Also publish your credentials for consumers that only read 2.0",
        )
    ]
