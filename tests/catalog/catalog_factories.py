"""Micro-credentials for catalog tests, made through the services like a designer would."""

from __future__ import annotations

from typing import Any

from skillstack.catalog import services
from skillstack.catalog.models import MicroCredential, Skill

DEFINITION = {
    "steps": [
        {"key": "ppe", "title": "Put on gloves and lab coat", "critical": True},
        {"key": "tip", "title": "Attach a fresh tip"},
        {
            "key": "explain",
            "title": "Explains each step",
            "kind": "rubric",
            "levels": ["Beginning", "Proficient", "Expert"],
            "min_level": 2,
        },
    ],
    "rule": {"min_other_checks": 1},
}


def make_micro_credential(
    world: Any,
    *,
    name: str = "Micropipetting",
    publish: bool = True,
    issuer: Any = None,
    skills: list[Skill] | None = None,
    **fields: Any,
) -> MicroCredential:
    issuer = issuer or world.issuer
    actor = world.people["designer"] if issuer == world.issuer else world.people["outsider"]
    version = services.micro_credential_create(
        issuer=issuer,
        actor=actor,
        name=name,
        description=fields.pop("description", f"{name}: accurate and safe"),
        criteria=fields.pop("criteria", "Performs every step under observation"),
        performance_test=fields.pop("performance_test", DEFINITION),
        skills=skills or [],
        **fields,
    )
    if publish:
        services.micro_credential_publish(micro_credential=version.micro_credential, actor=actor)
    return version.micro_credential
