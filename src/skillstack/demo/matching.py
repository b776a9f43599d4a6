"""Demo: learners who opted in to be discoverable, with their preferences."""

from __future__ import annotations

from skillstack.accounts.models import Organization
from skillstack.catalog.models import MicroCredentialVersion


def load(*, organizations: dict[str, Organization], versions: list[MicroCredentialVersion]) -> None:
    """Nothing yet: this section is being built (see the issue of its app)."""
