"""Permission rules of the outcomes app.

Reports carry only suppressed aggregates; an individual's demographics are seen by nobody but
the person (there is no rule that shows them to anyone else).
"""

from skillstack.accounts.roles import LEARNER, Role
from skillstack.core.permissions import Rule, Scope

REPORT_READERS = {Role.COALITION_ADMIN, Role.ORG_ADMIN, Role.FUNDER_ANALYST}

RULES = [
    Rule.of(
        "outcomes.demographics.edit",
        {LEARNER},
        Scope.SELF,
        "Self-identify (optionally) and give or withdraw consent to aggregate reporting",
    ),
    Rule.of(
        "outcomes.report.view",
        REPORT_READERS,
        Scope.ORG,
        "Outcome reports of the programs a funder funds or a provider runs (all: coalition)",
    ),
    Rule.of(
        "outcomes.program.manage",
        {Role.COALITION_ADMIN, Role.ORG_ADMIN, Role.FUNDER_ANALYST},
        Scope.ORG,
        "Record a funded program, its cohorts, and take report snapshots",
    ),
    Rule.of(
        "outcomes.gaps.view",
        {Role.COALITION_ADMIN, Role.ORG_ADMIN, Role.CREDENTIAL_DESIGNER, Role.CAREER_NAVIGATOR},
        Scope.ORG,
        "A training provider's curriculum gaps against the skills openings ask for",
    ),
    Rule.of(
        "outcomes.roi.view",
        {Role.COALITION_ADMIN, Role.ORG_ADMIN, Role.RECRUITER},
        Scope.ORG,
        "An employer's hires through the alliance against its declared baseline",
    ),
    Rule.of(
        "outcomes.baseline.edit",
        {Role.COALITION_ADMIN, Role.ORG_ADMIN},
        Scope.ORG,
        "Declare an employer's hiring baseline",
    ),
    Rule.of(
        "outcomes.alliance.view",
        {Role.COALITION_ADMIN},
        Scope.ANY_ORG,
        "The alliance's pipeline and the roles ripe for skills-based hiring",
    ),
]
