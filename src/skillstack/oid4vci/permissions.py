"""Permission rules of the oid4vci app."""

from skillstack.core.permissions import Rule

RULES: list[Rule] = []
