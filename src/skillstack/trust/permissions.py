"""Permission rules of the trust app."""

from skillstack.core.permissions import Rule

RULES: list[Rule] = []
