"""Permission rules of the pathways app."""

from skillstack.core.permissions import Rule

RULES: list[Rule] = []
