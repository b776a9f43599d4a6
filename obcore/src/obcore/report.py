"""Verification results shared by every check in obcore.

A report is an ordered list of checks; each says in one sentence what was checked and
what was found. ``not-checked`` is never treated as a pass: a report with a failed or
not-checked required check is not valid.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Outcome(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    WARNING = "warning"
    NOT_CHECKED = "not-checked"


class Verdict(StrEnum):
    VALID = "valid"
    WARNING = "warning"  # valid, but with findings a verifier should see
    INVALID = "invalid"
    NOT_CHECKED = "not-checked"  # something required could not be checked (never "valid")


@dataclass(frozen=True, slots=True)
class Check:
    """One step of verification: a stable id, its outcome and a sentence for a non-expert."""

    id: str
    outcome: Outcome
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"id": self.id, "outcome": self.outcome.value, "message": self.message}


@dataclass(slots=True)
class Report:
    """Ordered checks plus the credential they were run on (when it could be read)."""

    checks: list[Check] = field(default_factory=list)
    credential: dict[str, Any] | None = None
    source: str = ""

    def add(self, id: str, outcome: Outcome, message: str) -> Check:
        check = Check(id, outcome, message)
        self.checks.append(check)
        return check

    @property
    def verdict(self) -> Verdict:
        outcomes = {c.outcome for c in self.checks}
        if not self.checks or Outcome.FAIL in outcomes:
            return Verdict.INVALID
        if Outcome.NOT_CHECKED in outcomes:
            return Verdict.NOT_CHECKED
        if Outcome.WARNING in outcomes:
            return Verdict.WARNING
        return Verdict.VALID

    @property
    def verified(self) -> bool:
        """True only for a credential whose every check passed (warnings allowed)."""
        return self.verdict in (Verdict.VALID, Verdict.WARNING)

    def as_dict(self) -> dict[str, Any]:
        return {
            "verified": self.verified,
            "verdict": self.verdict.value,
            "source": self.source,
            "checks": [c.as_dict() for c in self.checks],
        }
