"""Permission rules of the catalog app."""

from skillstack.accounts.roles import Role
from skillstack.core.permissions import Rule, Scope

DESIGNERS = {Role.CREDENTIAL_DESIGNER, Role.ORG_ADMIN, Role.COALITION_ADMIN}

RULES = [
    Rule.of("catalog.skill.manage", DESIGNERS, Scope.ORG, "Add and import an issuer's skills"),
    Rule.of("catalog.microcredential.edit", DESIGNERS, Scope.ORG, "Draft and revise"),
    Rule.of("catalog.microcredential.publish", DESIGNERS, Scope.ORG, "Publish or retire"),
    Rule.of("catalog.public.view", set(), Scope.PUBLIC, "The public catalog"),
]
