"""Permission rules of the verification app: verifying is for everyone."""

from skillstack.core.permissions import Rule, Scope

RULES = [
    Rule.of(
        "verification.credential.verify",
        set(),
        Scope.PUBLIC,
        "Verify any credential (paste, upload or URL) and read the report",
    ),
]
