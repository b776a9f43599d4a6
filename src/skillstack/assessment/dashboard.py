"""Dashboard links of the assessment app, by role (see skillstack.core.dashboard)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from skillstack.accounts.roles import LEARNER, Role
from skillstack.core.dashboard import Link, contributes


@contributes(Role.EVALUATOR)
def evaluator_links(organization: Any) -> list[Link]:
    url = reverse("assessment:sessions", args=[organization.slug])
    return [Link("Your sessions", url, "Open a session's checklist on your tablet")]


def _organiser_links(organization: Any) -> list[Link]:
    slug = organization.slug
    return [
        Link(
            "Assessment sessions",
            reverse("assessment:sessions", args=[slug]),
            "Plan sessions, fill rosters",
        ),
        Link(
            "Certified evaluators",
            reverse("assessment:evaluators", args=[slug]),
            "Who may evaluate which micro-credential",
        ),
    ]


@contributes(Role.ORG_ADMIN)
def admin_links(organization: Any) -> list[Link]:
    return _organiser_links(organization) if organization.kind == "issuer" else []


@contributes(Role.CREDENTIAL_DESIGNER)
def designer_links(organization: Any) -> list[Link]:
    return _organiser_links(organization)


@contributes(LEARNER)
def learner_links(organization: Any) -> list[Link]:
    return [
        Link(
            "Your assessments",
            reverse("assessment:my_attempts"),
            "Results, what to practise, when to try again",
        )
    ]
