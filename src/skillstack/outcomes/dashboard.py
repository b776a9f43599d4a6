"""Dashboard links: learners describe themselves (optionally); staff see outcome reports."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from skillstack.accounts.roles import LEARNER, OrgKind, Role
from skillstack.core.dashboard import Link, contributes


@contributes(LEARNER)
def learner_links(organization: Any) -> list[Link]:
    return [
        Link(
            "About you (optional)",
            reverse("outcomes:demographics"),
            "Self-identify for funders' group reports, only if you agree",
        )
    ]


def _reports(organization: Any) -> list[Link]:
    return [
        Link(
            "Outcome reports",
            reverse("outcomes:programs", args=[organization.slug]),
            "Enrolment, credentials, placements and retention of funded programs",
        )
    ]


@contributes(Role.FUNDER_ANALYST)
def analyst_links(organization: Any) -> list[Link]:
    return _reports(organization)


@contributes(Role.ORG_ADMIN)
def admin_links(organization: Any) -> list[Link]:
    if organization is None:
        return []
    links = []
    if organization.kind in (OrgKind.FUNDER, OrgKind.ISSUER, OrgKind.COALITION):
        links += _reports(organization)
    links += _gaps(organization)
    if organization.kind == OrgKind.EMPLOYER:
        links.append(
            Link(
                "Hiring return on investment",
                reverse("outcomes:roi", args=[organization.slug]),
                "Retention and time to fill of alliance hires against your baseline",
            )
        )
    return links


def _gaps(organization: Any) -> list[Link]:
    if organization is None or organization.kind != OrgKind.ISSUER:
        return []
    return [
        Link(
            "Curriculum gaps",
            reverse("outcomes:gaps", args=[organization.slug]),
            "Skills employers ask for that your micro-credentials do not cover",
        )
    ]


@contributes(Role.CREDENTIAL_DESIGNER)
def designer_links(organization: Any) -> list[Link]:
    return _gaps(organization)


@contributes(Role.CAREER_NAVIGATOR)
def navigator_links(organization: Any) -> list[Link]:
    return _gaps(organization)


@contributes(Role.RECRUITER)
def recruiter_links(organization: Any) -> list[Link]:
    if organization is None or organization.kind != OrgKind.EMPLOYER:
        return []
    return [
        Link(
            "Hiring return on investment",
            reverse("outcomes:roi", args=[organization.slug]),
            "Retention and time to fill of alliance hires against your baseline",
        )
    ]


@contributes(Role.COALITION_ADMIN)
def coalition_links(organization: Any) -> list[Link]:
    return [
        Link(
            "Alliance view",
            reverse("outcomes:alliance"),
            "Pipeline at a glance and roles ripe for skills-based hiring",
        ),
        *([] if organization is None else _reports(organization)),
    ]
