"""Dashboard links of hiring: a learner's applications and navigators, an employer's
pipeline, a navigator's caseload, an admin's navigator assignments."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from skillstack.accounts.roles import LEARNER, OrgKind, Role
from skillstack.core.dashboard import Link, contributes


@contributes(LEARNER)
def learner_links(organization: Any) -> list[Link]:
    return [
        Link("My applications", reverse("hiring:my_applications"), "Where each one stands"),
        Link(
            "My navigators",
            reverse("hiring:my_navigators"),
            "Ask for a career navigator; choose whether they may apply for you",
        ),
    ]


@contributes(Role.RECRUITER)
def recruiter_links(organization: Any) -> list[Link]:
    return [
        Link(
            "Applications",
            reverse("hiring:pipeline", args=[organization.slug]),
            "Candidates, their verified credentials, stages and hires",
        )
    ]


@contributes(Role.ORG_ADMIN)
def admin_links(organization: Any) -> list[Link]:
    if organization.kind == OrgKind.EMPLOYER:
        return recruiter_links(organization)
    if organization.kind in (OrgKind.ISSUER, OrgKind.COALITION):
        return [
            Link(
                "Navigator assignments",
                reverse("hiring:assignments", args=[organization.slug]),
                "Put learners on your career navigators' caseloads",
            )
        ]
    return []


@contributes(Role.CAREER_NAVIGATOR)
def navigator_links(organization: Any) -> list[Link]:
    return [
        Link(
            "Caseload",
            reverse("hiring:caseload", args=[organization.slug]),
            "Your learners: credentials, applications, check-ins, flags",
        )
    ]
