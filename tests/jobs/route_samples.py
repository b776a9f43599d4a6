"""Samples for the jobs routes (and every route that names an opening, such as matching's and
hiring's ``opening_pk``): one published, open opening of world.issuer asking for one skill.

The services post openings for employers only; the generated tests aim every route at
world.issuer, so the sample is made directly, as a fixture of the test world.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.utils import timezone

from skillstack.catalog.models import Skill, SkillEquivalence
from skillstack.jobs.models import Opening, OpeningSkill, OpeningStatus
from tests.api.samples import MARKER, Samples


def sample_opening(s: Samples) -> Opening:
    def make() -> Opening:
        skill, _ = Skill.objects.get_or_create(
            organization=None,
            framework="esco",
            code="sample-aseptic",
            defaults={"label": "aseptic technique", "uri": "http://data.europa.eu/esco/skill/x"},
        )
        opening = Opening.objects.create(
            employer=s.world.issuer,
            title="Sample lab technician",
            description="Prepare media under aseptic technique.",
            location="Thousand Oaks, CA",
            status=OpeningStatus.OPEN,
            published_at=timezone.now(),
            closing_date=timezone.localdate() + datetime.timedelta(days=30),
            source_key=f"sample-{MARKER}",
        )
        OpeningSkill.objects.create(opening=opening, skill=skill, required=True, min_level=1)
        return opening

    return s.memo("jobs.opening", make)  # type: ignore[no-any-return]


def sample_equivalence(s: Samples) -> SkillEquivalence:
    def make() -> SkillEquivalence:
        a = Skill.objects.create(framework="esco", code="sample-eq-a", label="use micropipettes")
        b = Skill.objects.create(framework="onet", code="sample-eq-b", label="Pipetting")
        low, high = sorted([a, b], key=lambda k: k.pk)
        return SkillEquivalence.objects.create(
            skill_a=low, skill_b=high, declared_by=s.world.coalition
        )

    return s.memo("jobs.equivalence", make)  # type: ignore[no-any-return]


def _skill_id(s: Samples) -> int:
    return sample_opening(s).skills.get().skill_id


PATH_SAMPLES: dict[str, Callable[[Samples], str]] = {
    "opening_pk": lambda s: str(sample_opening(s).pk),
    "equivalence_pk": lambda s: str(sample_equivalence(s).pk),
}

BODY_SAMPLES: dict[str, Callable[[Samples], Any]] = {
    "title": lambda s: "Quality control associate",
    "posting_text": lambda s: "Aseptic technique and good documentation practice.",
    "skill_a_id": lambda s: _skill_id(s),
    "skill_b_id": lambda s: sample_equivalence(s).skill_a_id,
}
