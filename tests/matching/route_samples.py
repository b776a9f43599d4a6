"""Samples for the matching routes: a candidate who lets every employer find them (so
world.issuer's staff may see them against the jobs sample opening ``opening_pk``), and a
self-declared skill of the ``learner`` persona."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.api.samples import Samples


def _candidate(s: Samples) -> Any:
    def make() -> Any:
        from skillstack.matching.services import discoverability_set
        from tests.factories import make_user

        person = make_user(email="candidate.sample@example.test", learner=True)
        discoverability_set(candidate=person, scope="all", actor=person)
        return person

    return s.memo("matching.candidate", make)


def _declared(s: Samples) -> Any:
    def make() -> Any:
        from skillstack.catalog.models import Skill
        from skillstack.matching.services import declared_skill_add

        learner = s.world.people["learner"]
        skill = Skill.objects.create(framework="esco", code="sample-declared", label="Gowning")
        return declared_skill_add(candidate=learner, skill=skill, level=2, actor=learner)

    return s.memo("matching.declared", make)


PATH_SAMPLES: dict[str, Callable[[Samples], str]] = {
    "match_candidate_pk": lambda s: str(_candidate(s).pk),
    "declared_skill_pk": lambda s: str(_declared(s).pk),
}

BODY_SAMPLES: dict[str, Callable[[Samples], Any]] = {
    "discoverable_to": lambda s: "all",
    "declared_skill_id": lambda s: _declared(s).skill_id,
}
