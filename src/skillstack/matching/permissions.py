"""Permission rules of the matching app.

A learner manages their own consent, preferences and declared skills and sees the openings
that fit them. An opening's ranked candidates are for the recruiters and admins of the
organization that manages it (the employer, or the alliance for any employer) and the
coalition's admins; a candidate who has not let that employer find them answers 404.
"""

from skillstack.accounts.roles import LEARNER, Role
from skillstack.core.permissions import Rule, Scope

RULES = [
    Rule.of(
        "matching.preferences.view",
        {LEARNER},
        Scope.SELF,
        "See one's own discoverability, its history and one's job preferences",
    ),
    Rule.of(
        "matching.preferences.update",
        {LEARNER},
        Scope.SELF,
        "Opt in or out of being discoverable by employers; set job preferences",
    ),
    Rule.of(
        "matching.skills.manage",
        {LEARNER},
        Scope.SELF,
        "See one's verified skills; add or remove self-declared skills",
    ),
    Rule.of(
        "matching.jobs.view",
        {LEARNER},
        Scope.SELF,
        "See open openings ranked for oneself, each explained",
    ),
    Rule.of(
        "matching.candidates.view",
        {Role.RECRUITER, Role.ORG_ADMIN, Role.COALITION_ADMIN},
        Scope.ORG,
        "See the explained, ranked candidates for an opening the organization manages",
    ),
]
