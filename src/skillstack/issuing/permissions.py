"""Permission rules of the issuing app."""

from skillstack.accounts.roles import Role
from skillstack.core.permissions import Rule, Scope

ISSUER_ADMINS = {Role.ORG_ADMIN, Role.COALITION_ADMIN}

RULES = [
    Rule.of("issuing.did.view", set(), Scope.PUBLIC, "An issuer's public DID document"),
    Rule.of("issuing.key.rotate", ISSUER_ADMINS, Scope.ORG, "Rotate keys"),
    Rule.of("issuing.status.view", set(), Scope.PUBLIC, "An issuer's signed status lists"),
    Rule.of(
        "issuing.credential.view",
        ISSUER_ADMINS,
        Scope.ORG,
        "The credentials an issuer has issued, and each one's page",
    ),
    Rule.of(
        "issuing.credential.change",
        ISSUER_ADMINS,
        Scope.ORG,
        "Revoke, suspend or reinstate an issued credential",
    ),
    Rule.of(
        "issuing.credential.issue",
        ISSUER_ADMINS,
        Scope.ORG,
        "Issue the credentials of a whole assessment session",
    ),
]
