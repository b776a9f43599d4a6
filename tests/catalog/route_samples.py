"""Route samples of the catalog app: a published micro-credential and an own skill of
world.issuer (so the outsider is proven refused), and the body fields catalog operations need.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from skillstack.catalog import services
from skillstack.catalog.models import MicroCredential, Skill
from tests.api.samples import MARKER, Samples

DEFINITION = {
    "steps": [
        {"key": "ppe", "title": "Put on gloves and lab coat", "critical": True},
        {"key": "tip", "title": "Attach a fresh tip"},
        {
            "key": "explain",
            "title": "Explains each step",
            "kind": "rubric",
            "levels": ["Beginning", "Developing", "Proficient", "Exemplary"],
            "min_level": 3,
        },
    ],
    "rule": {"min_other_checks": 1},
}


def _skill(s: Samples) -> Skill:
    return s.memo(
        "catalog.skill",
        lambda: Skill.objects.create(
            organization=s.world.issuer, code="micropipetting", label="Micropipetting"
        ),
    )


def _published(s: Samples) -> MicroCredential:
    def make() -> MicroCredential:
        version = services.micro_credential_create(
            issuer=s.world.issuer,
            actor=s.world.people["designer"],
            name="Micropipetting",
            slug="micropipetting",
            description="Accurate micropipetting",
            criteria="Performs every step under observation",
            performance_test=DEFINITION,
            skills=[_skill(s)],
        )
        services.micro_credential_publish(
            micro_credential=version.micro_credential, actor=s.world.people["designer"]
        )
        # A private draft beside it: refusals must never show it.
        services.micro_credential_create(
            issuer=s.world.issuer,
            actor=s.world.people["designer"],
            name=f"Draft {MARKER}",
            description=f"Not public {MARKER}",
            criteria="Later",
            performance_test=DEFINITION,
        )
        return version.micro_credential

    return s.memo("catalog.micro_credential", make)  # type: ignore[no-any-return]


PATH_SAMPLES: dict[str, Callable[[Samples], str]] = {
    "mc_slug": lambda s: _published(s).slug,
    "skill_id": lambda s: str(_skill(s).pk),
    "number": lambda s: (_published(s), "1")[1],
}

BODY_SAMPLES: dict[str, Callable[[Samples], Any]] = {
    "code": lambda s: "gowning",
    "label": lambda s: "Cleanroom gowning",
    "description": lambda s: "Gowning for a Grade B cleanroom",
    "criteria": lambda s: "Gowns in the right order without touching outer surfaces",
    "performance_test": lambda s: DEFINITION,
}

ROUTE_SETUP: dict[str, Callable[[Samples], None]] = {}
