"""Personas shared by every test: one per role, plus an outsider from another organization."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from skillstack.accounts.models import Organization, User
from skillstack.accounts.roles import OrgKind, Role
from tests.factories import grant, make_org, make_user

PERSONAS = (
    "coalition_admin",
    "issuer_admin",
    "designer",
    "evaluator",
    "navigator",
    "recruiter",
    "funder_analyst",
    "learner",
    "outsider",
)


@dataclass
class World:
    coalition: Organization
    issuer: Organization
    employer: Organization
    funder: Organization
    other_issuer: Organization
    people: dict[str, User]

    def org_for(self, persona: str) -> Organization:
        """The organization a persona works in (the outsider's is another issuer)."""
        return {
            "coalition_admin": self.coalition,
            "recruiter": self.employer,
            "funder_analyst": self.funder,
            "outsider": self.other_issuer,
        }.get(persona, self.issuer)


@pytest.fixture
def world(db: None) -> World:
    coalition = make_org(
        kind=OrgKind.COALITION, name="Life Sciences Career Alliance", slug="alliance"
    )
    issuer = make_org(kind=OrgKind.ISSUER, name="BioSkills Institute", slug="bioskills")
    employer = make_org(kind=OrgKind.EMPLOYER, name="Amgen Test Plant", slug="plant")
    funder = make_org(kind=OrgKind.FUNDER, name="Workforce Fund", slug="fund")
    other_issuer = make_org(kind=OrgKind.ISSUER, name="Other Institute", slug="other")
    people = {
        name: make_user(email=f"{name}@example.test", full_name=name.replace("_", " ").title())
        for name in PERSONAS
    }
    grant(people["coalition_admin"], coalition, Role.COALITION_ADMIN)
    grant(people["issuer_admin"], issuer, Role.ORG_ADMIN)
    grant(people["designer"], issuer, Role.CREDENTIAL_DESIGNER)
    grant(people["evaluator"], issuer, Role.EVALUATOR)
    grant(people["navigator"], issuer, Role.CAREER_NAVIGATOR)
    grant(people["recruiter"], employer, Role.RECRUITER)
    grant(people["funder_analyst"], funder, Role.FUNDER_ANALYST)
    grant(people["outsider"], other_issuer, Role.ORG_ADMIN)
    from skillstack.accounts.models import LearnerProfile

    LearnerProfile.objects.create(user=people["learner"])
    return World(coalition, issuer, employer, funder, other_issuer, people)
