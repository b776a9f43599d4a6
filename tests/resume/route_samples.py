"""Route samples of the resume: the ``learner`` persona's published resume with one experience
entry (so every other persona is proven refused, and the public link is live)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from tests.api.samples import Samples


def _resume(s: Samples) -> Any:
    def make() -> Any:
        from skillstack.resume import services

        learner = s.world.people["learner"]
        resume = services.resume_ensure(owner=learner)
        services.experience_add(
            resume=resume,
            actor=learner,
            role="Lab technician",
            organisation="Cedar Valley Bioworks",
            start_date=datetime.date(2023, 9, 1),
        )
        return services.resume_publish(resume=resume, actor=learner)

    return s.memo("resume.resume", make)


PATH_SAMPLES: dict[str, Callable[[Samples], str]] = {
    "experience_pk": lambda s: str(_resume(s).experiences.get().pk),
    "resume_token": lambda s: _resume(s).public_token,
}

BODY_SAMPLES: dict[str, Callable[[Samples], Any]] = {
    "organisation": lambda s: "Helix Ridge Biologics",
    "started_on": lambda s: "2022-03-01",
}
