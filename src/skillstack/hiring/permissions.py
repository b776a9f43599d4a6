"""Permission rules of the hiring app."""

from skillstack.core.permissions import Rule

RULES: list[Rule] = []
