"""Dashboard links of the trust app."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from skillstack.accounts.roles import LEARNER, Role
from skillstack.core.dashboard import Link, contributes


@contributes(LEARNER)
def learner_links(organization: Any) -> list[Link]:
    return [
        Link(
            "Credentials from elsewhere",
            reverse("trust:imports"),
            "Add badges you earned outside this platform; they are verified and kept checked",
        )
    ]


@contributes(Role.COALITION_ADMIN)
def coalition_links(organization: Any) -> list[Link]:
    return [
        Link("Review issuers", reverse("trust:review"), "Applications to the issuer registry"),
        Link(
            "Endorsements",
            reverse("trust:endorsements", args=[organization.slug]),
            "Endorse issuers and micro-credentials as the alliance",
        ),
    ]


@contributes(Role.ORG_ADMIN)
def org_admin_links(organization: Any) -> list[Link]:
    links = [Link("Issuer registry", reverse("trust:registry"), "Who the alliance recognises")]
    if organization is not None and organization.kind == "issuer":
        links.append(
            Link(
                "Recognition by the alliance",
                reverse("trust:registry_apply_org", args=[organization.slug]),
                "Apply to the registry with your organization's DID",
            )
        )
    if organization is not None and organization.kind in ("employer", "coalition"):
        links.append(
            Link(
                "Endorsements",
                reverse("trust:endorsements", args=[organization.slug]),
                "Endorse issuers and micro-credentials",
            )
        )
    return links
