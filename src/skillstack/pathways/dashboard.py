"""Dashboard links of pathways: designers define pathways, admins review certificates, a
college's staff see incoming credit, learners follow their progress and credit."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from skillstack.accounts.roles import LEARNER, IssuerType, OrgKind, Role
from skillstack.core.dashboard import Link, contributes


@contributes(Role.COALITION_ADMIN)
@contributes(Role.CREDENTIAL_DESIGNER)
@contributes(Role.ORG_ADMIN)
def designer_links(organization: Any) -> list[Link]:
    if organization is None or organization.kind not in (OrgKind.ISSUER, OrgKind.COALITION):
        return []
    return [
        Link(
            "Pathways",
            reverse("pathways:list", args=[organization.slug]),
            "Stack micro-credentials into certificates; review flagged certificates",
        )
    ]


@contributes(Role.ORG_ADMIN)
@contributes(Role.CAREER_NAVIGATOR)
def college_links(organization: Any) -> list[Link]:
    if organization is None or organization.issuer_type != IssuerType.COLLEGE:
        return []
    return [
        Link(
            "Incoming credit",
            reverse("pathways:college_credit", args=[organization.slug]),
            "Verified credit of learners who share it with you; CSV for the registrar",
        )
    ]


@contributes(LEARNER)
def learner_links(organization: Any) -> list[Link]:
    return [
        Link("My pathways", reverse("pathways:mine"), "Your progress toward certificates"),
        Link("My credit", reverse("pathways:my_credit"), "Credit toward college programs"),
    ]
