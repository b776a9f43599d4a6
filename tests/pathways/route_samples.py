"""Samples for the pathways routes: a published pathway of world.issuer, a completion of it by
the world's learner, and bodies for the pathway, review, consent, articulation and credit
recommendation operations."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils import timezone

from tests.api.samples import Samples


def _pathways(s: Samples) -> dict[str, Any]:
    def make() -> dict[str, Any]:
        from skillstack.pathways.models import PathwayCompletion
        from tests.pathways.helpers import cred, make_mc, published

        world = s.world
        version = make_mc(world.issuer, "Sample Lab Safety")
        pathway = published(
            world.issuer,
            world.people["designer"],
            "horizontal",
            {"kind": "any", "k": 1, "items": [cred(version)]},
            title="Sample pathway",
        )
        completion = PathwayCompletion.objects.create(
            pathway=pathway, learner=world.people["learner"], completed_at=timezone.now()
        )
        return {"version": version, "pathway": pathway, "completion": completion}

    return s.memo("pathways", make)  # type: ignore[no-any-return]


PATH_SAMPLES: dict[str, Callable[[Samples], str]] = {
    "pathway_pk": lambda s: str(_pathways(s)["pathway"].pk),
    "completion_pk": lambda s: str(_pathways(s)["completion"].pk),
    "pathway_slug": lambda s: _pathways(s)["pathway"].slug,
}

BODY_SAMPLES: dict[str, Callable[[Samples], Any]] = {
    "requirements": lambda s: {
        "kind": "any",
        "k": 1,
        "items": [
            {"kind": "credential", "micro_credential": _pathways(s)["version"].micro_credential_id}
        ],
    },
    "pathway_kind": lambda s: "horizontal",
    "review_decision": lambda s: "keep",
    "college_slug": lambda s: s.world.issuer.slug,
    "share_credit": lambda s: True,
    "program_name": lambda s: "Biotechnology Associate Degree",
    "program_credits": lambda s: 60,
    "cap_credits": lambda s: 30,
    "articulated": lambda s: [
        {"micro_credential": _pathways(s)["version"].micro_credential_id, "credits": 3}
    ],
    "recommending_body": lambda s: "National Credit Review Board",
    "recommended_credits": lambda s: 1.5,
}
