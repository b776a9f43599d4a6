"""Reads that shape the dashboard and profile: what a person can do next, by role.

The dashboard shows one section per role a person holds in each organization. Sections only
link to pages that exist; a capability that arrives in a later release is one plain sentence,
so nobody clicks into a dead end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from skillstack.accounts.models import Membership
from skillstack.accounts.roles import ADMIN_ROLES, LEARNER, Role
from skillstack.core.dashboard import Link, contributed_links
from skillstack.core.permissions import is_learner


@dataclass(slots=True)
class Section:
    """One block of the dashboard: a role in an organization (or being a learner)."""

    key: str
    title: str
    organization: str = ""
    links: list[Link] = field(default_factory=list)
    coming: list[str] = field(default_factory=list)


def _admin_links(slug: str) -> list[Link]:
    return [
        Link("Members", reverse("accounts:members", args=[slug]), "See who holds which role here"),
        Link(
            "Invitations",
            reverse("accounts:invitations", args=[slug]),
            "Invite a colleague, withdraw an invitation",
        ),
        Link("Audit log", reverse("audit:log", args=[slug]), "Who changed what, and when"),
        Link(
            "Organization settings",
            reverse("accounts:org_settings", args=[slug]),
            "Name, website, description, contact e-mail",
        ),
    ]


def _coalition_section(m: Membership) -> Section:
    section = Section("coalition_admin", "Coalition administration", m.organization.name)
    section.links = [
        Link("All organizations", reverse("accounts:org_list"), "Issuers, employers, funders"),
        Link("Add an organization", reverse("accounts:org_create"), "Then invite its first admin"),
        *_admin_links(m.organization.slug),
    ]
    section.coming = ["Vetting new issuers before they may issue credentials comes next."]
    return section


_COMING: dict[str, tuple[str, str]] = {
    Role.CREDENTIAL_DESIGNER: (
        "Credential design",
        "Designing micro-credentials, their skills and checklists comes in a coming release.",
    ),
    Role.EVALUATOR: (
        "Evaluation",
        "Your assessment sessions and the tablet checklist come in a coming release.",
    ),
    Role.RECRUITER: (
        "Recruiting",
        "Posting openings and finding verified candidates comes in a coming release.",
    ),
    Role.CAREER_NAVIGATOR: (
        "Career navigation",
        "Your caseload of learners and their progress comes in a coming release.",
    ),
    Role.FUNDER_ANALYST: (
        "Funding outcomes",
        "Outcome reports for the programs you fund come in a coming release.",
    ),
}


def _role_section(m: Membership) -> Section:
    if m.role == Role.COALITION_ADMIN:
        section = _coalition_section(m)
    elif m.role == Role.ORG_ADMIN:
        section = Section("org_admin", "Organization administration", m.organization.name)
        section.links = _admin_links(m.organization.slug)
    else:
        title, sentence = _COMING[m.role]
        section = Section(str(m.role), title, m.organization.name, coming=[sentence])
    extra = contributed_links(m.role, m.organization)
    if extra:
        section.links.extend(extra)
        if m.role in _COMING:
            section.coming = []
    return section


def _learner_section() -> Section:
    extra = contributed_links(LEARNER, None)
    return Section(
        "learner",
        "Your learning",
        links=[
            *extra,
            Link("Your profile", reverse("accounts:profile"), "Your name, password and sign-in"),
        ],
        coming=[] if extra else ["Your wallet of verified credentials comes next."],
    )


def dashboard_sections(*, user: Any) -> list[Section]:
    """What this person can do next: one section per (organization, role), learner last."""
    memberships = (
        Membership.objects.filter(user=user)
        .select_related("organization")
        .order_by("organization__name", "role")
    )
    order = {role.value: i for i, role in enumerate(Role)}
    sections = [
        _role_section(m)
        for m in sorted(memberships, key=lambda m: (order[m.role], m.organization.name))
    ]
    if is_learner(user):
        sections.append(_learner_section())
    return sections


def profile_summary(*, user: Any) -> dict[str, Any]:
    """What the profile page shows besides the name form."""
    memberships = list(
        Membership.objects.filter(user=user)
        .select_related("organization")
        .order_by("organization__name", "role")
    )
    return {
        "memberships": memberships,
        "is_learner": is_learner(user),
        "two_factor_on": TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
        "two_factor_required": any(m.role in ADMIN_ROLES for m in memberships),
    }
