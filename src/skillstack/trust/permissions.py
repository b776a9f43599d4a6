"""Permission rules of the trust app: imports (the learner's own), the registry, endorsements."""

from skillstack.accounts.roles import LEARNER, Role
from skillstack.core.permissions import Rule, Scope

RULES = [
    Rule.of("trust.import.list", {LEARNER}, Scope.SELF, "See one's own imported credentials"),
    Rule.of("trust.import.view", {LEARNER}, Scope.SELF, "See one imported credential's report"),
    Rule.of("trust.import.add", {LEARNER}, Scope.SELF, "Add a credential received elsewhere"),
    Rule.of("trust.import.remove", {LEARNER}, Scope.SELF, "Remove one's own import"),
    Rule.of("trust.registry.view", set(), Scope.PUBLIC, "The public registry of issuers"),
    Rule.of(
        "trust.registry.apply",
        set(),
        Scope.AUTHENTICATED,
        "Apply for an external issuer (by DID or URL, with a contact)",
    ),
    Rule.of(
        "trust.registry.apply_org",
        {Role.ORG_ADMIN},
        Scope.ORG,
        "An issuer's admin applies for recognition with its did:web",
    ),
    Rule.of(
        "trust.registry.review",
        {Role.COALITION_ADMIN},
        Scope.ANY_ORG,
        "Review applications; approve, suspend or decline issuers",
    ),
    Rule.of(
        "trust.endorsement.manage",
        {Role.ORG_ADMIN, Role.COALITION_ADMIN},
        Scope.ORG,
        "Endorse an issuer or micro-credential as this organization (coalition or employer)",
    ),
    Rule.of("trust.endorsement.view", set(), Scope.PUBLIC, "Endorsements, as signed documents"),
]
