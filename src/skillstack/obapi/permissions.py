"""Permission rules of the obapi app."""

from skillstack.core.permissions import Rule

RULES: list[Rule] = []
