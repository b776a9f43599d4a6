"""Body samples of the verification API: a credential signed by ``world.issuer``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.api.samples import Samples


def _signed(s: Samples) -> dict[str, Any]:
    def make() -> dict[str, Any]:
        from tests.verification.credentials import issue

        return issue(issuer=s.world.issuer, recipient=s.world.people["learner"]).document

    document: dict[str, Any] = s.memo("verification.document", make)
    return document


BODY_SAMPLES: dict[str, Callable[[Samples], Any]] = {
    "credential": _signed,
}
