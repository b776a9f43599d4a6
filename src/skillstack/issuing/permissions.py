"""Permission rules of the issuing app."""

from skillstack.accounts.roles import Role
from skillstack.core.permissions import Rule, Scope

RULES = [
    Rule.of("issuing.did.view", set(), Scope.PUBLIC, "An issuer's public DID document"),
    Rule.of("issuing.key.rotate", {Role.ORG_ADMIN, Role.COALITION_ADMIN}, Scope.ORG, "Rotate keys"),
]
