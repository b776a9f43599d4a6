"""Permission rules of the matching app."""

from skillstack.core.permissions import Rule

RULES: list[Rule] = []
