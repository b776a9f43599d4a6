"""The learner's dashboard links to their wallet."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from skillstack.accounts.roles import LEARNER
from skillstack.core.dashboard import Link, contributes


@contributes(LEARNER)
def learner_links(organization: Any) -> list[Link]:
    return [
        Link(
            "My credentials",
            reverse("wallet:home"),
            "Your verified badges: download, share, check they are valid",
        ),
        Link(
            "Wallet settings",
            reverse("wallet:settings"),
            "Which identity your future credentials name",
        ),
    ]
