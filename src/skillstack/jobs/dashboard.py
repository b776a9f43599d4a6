"""Dashboard links to the openings pages (recruiters, employer admins, the alliance)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from skillstack.accounts.roles import OrgKind, Role
from skillstack.core.dashboard import Link, contributes


def _openings(organization: Any) -> list[Link]:
    if organization is None or organization.kind not in (OrgKind.EMPLOYER, OrgKind.COALITION):
        return []
    whose = "every employer's" if organization.kind == OrgKind.COALITION else "your"
    return [
        Link(
            "Openings",
            reverse("jobs:opening_list", args=[organization.slug]),
            f"Write, import, publish and close {whose} openings",
        ),
        Link("Job board", reverse("jobs:board"), "What candidates see"),
    ]


@contributes(Role.RECRUITER)
def recruiter_links(organization: Any) -> list[Link]:
    return _openings(organization)


@contributes(Role.ORG_ADMIN)
def admin_links(organization: Any) -> list[Link]:
    return _openings(organization)


@contributes(Role.COALITION_ADMIN)
def coalition_links(organization: Any) -> list[Link]:
    links = _openings(organization)
    if organization is not None and organization.kind == OrgKind.COALITION:
        links.append(
            Link(
                "Skill equivalences",
                reverse("jobs:equivalences"),
                "Declare skills that mean the same",
            )
        )
    return links
