"""Dashboard links: a learner's jobs and preferences; recruiters reach matches from openings."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from skillstack.accounts.roles import LEARNER
from skillstack.core.dashboard import Link, contributes


@contributes(LEARNER)
def learner_links(organization: Any) -> list[Link]:
    return [
        Link("Jobs for me", reverse("matching:jobs"), "Open jobs ranked on your verified skills"),
        Link(
            "Job preferences",
            reverse("matching:preferences"),
            "Whether employers may find you, and the work you want",
        ),
        Link("My skills", reverse("matching:skills"), "Verified and self-declared skills"),
    ]
