"""Route samples of the outcomes app: a program that the world's funder funds at world.issuer
(so the issuer's admin sees it as its provider), one cohort, and a snapshot of its report."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils import timezone

from tests.api.samples import Samples


def _program(s: Samples) -> dict[str, Any]:
    def make() -> dict[str, Any]:
        from skillstack.outcomes.selectors import program_report
        from skillstack.outcomes.services import snapshot_create
        from tests.outcomes import builders as b

        world = s.world
        version = b.version(world.issuer)
        program = b.program(world.funder, world.issuer, [version], name="Sample Program")
        b.cohort(program, [world.people["learner"]], "2026-01-01", "2026-03-31")
        table = program_report(program=program, as_of=timezone.localdate())
        snapshot = snapshot_create(
            program=program, table=table, actor=world.people["funder_analyst"]
        )
        return {"program": program, "snapshot": snapshot}

    return s.memo("outcomes.program", make)  # type: ignore[no-any-return]


PATH_SAMPLES: dict[str, Callable[[Samples], str]] = {
    "program_pk": lambda s: str(_program(s)["program"].pk),
    "snapshot_key": lambda s: str(_program(s)["snapshot"].key),
}

BODY_SAMPLES: dict[str, Callable[[Samples], Any]] = {
    "granted": lambda s: True,
}
