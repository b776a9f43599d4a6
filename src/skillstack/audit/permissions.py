"""Permission rules of the audit app."""

from skillstack.accounts.roles import Role
from skillstack.core.permissions import Rule, Scope

RULES = [
    Rule.of(
        "audit.entry.list",
        {Role.ORG_ADMIN, Role.COALITION_ADMIN},
        Scope.ORG,
        "Read an organization's audit log",
    ),
]
