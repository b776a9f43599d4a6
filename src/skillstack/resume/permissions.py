"""Permission rules of the resume app."""

from skillstack.core.permissions import Rule

RULES: list[Rule] = []
