"""The learner's dashboard links to their resume."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from skillstack.accounts.roles import LEARNER
from skillstack.core.dashboard import Link, contributes


@contributes(LEARNER)
def learner_links(organization: Any) -> list[Link]:
    return [
        Link(
            "My resume",
            reverse("resume:compose"),
            "A skills-based resume from your verified credentials: a link, a PDF, a file to verify",
        )
    ]
