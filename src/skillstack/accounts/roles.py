"""The roles a membership can carry, and the pseudo-role of a learner.

Kept apart from models so that permission rules (and their tests) can name roles without
touching the database.
"""

from __future__ import annotations

from django.db import models


class OrgKind(models.TextChoices):
    COALITION = "coalition", "Coalition (platform operator)"
    ISSUER = "issuer", "Issuer (training provider, college, certifying institute)"
    EMPLOYER = "employer", "Employer"
    FUNDER = "funder", "Funder"


class IssuerType(models.TextChoices):
    NONE = "", "Not an issuer"
    TRAINING_PROVIDER = "training_provider", "Training provider"
    COLLEGE = "college", "College"
    CERTIFYING_INSTITUTE = "certifying_institute", "Certifying institute"


class Role(models.TextChoices):
    COALITION_ADMIN = "coalition_admin", "Coalition admin"
    ORG_ADMIN = "org_admin", "Organization admin"
    CREDENTIAL_DESIGNER = "credential_designer", "Credential designer"
    EVALUATOR = "evaluator", "Evaluator"
    RECRUITER = "recruiter", "Recruiter"
    CAREER_NAVIGATOR = "career_navigator", "Career navigator"
    FUNDER_ANALYST = "funder_analyst", "Funder analyst"


LEARNER = "learner"
"""Not a membership role: any person with a learner profile acts as a learner for themself."""

ADMIN_ROLES = frozenset({Role.COALITION_ADMIN, Role.ORG_ADMIN})

ROLES_BY_KIND: dict[str, frozenset[str]] = {
    OrgKind.COALITION: frozenset(
        {Role.COALITION_ADMIN, Role.ORG_ADMIN, Role.CAREER_NAVIGATOR, Role.RECRUITER}
    ),
    OrgKind.ISSUER: frozenset(
        {Role.ORG_ADMIN, Role.CREDENTIAL_DESIGNER, Role.EVALUATOR, Role.CAREER_NAVIGATOR}
    ),
    OrgKind.EMPLOYER: frozenset({Role.ORG_ADMIN, Role.RECRUITER}),
    OrgKind.FUNDER: frozenset({Role.ORG_ADMIN, Role.FUNDER_ANALYST}),
}
"""Which roles make sense in which kind of organization (an evaluator works for an issuer)."""
