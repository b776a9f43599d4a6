"""Permission rules of the jobs app."""

from skillstack.core.permissions import Rule

RULES: list[Rule] = []
