"""Permission rules of the outcomes app."""

from skillstack.core.permissions import Rule

RULES: list[Rule] = []
