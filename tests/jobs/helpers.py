"""Shared makers for the jobs tests: taxonomy skills and a ready opening of the world's employer."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from skillstack.catalog.models import Skill, SkillLabel
from skillstack.catalog.proficiency import Proficiency
from skillstack.jobs import services
from skillstack.jobs.models import Opening
from skillstack.jobs.services import SkillAsk
from tests.conftest import World


def taxonomy_skill(code: str, label: str, *alt: str, framework: str = "esco") -> Skill:
    skill, _ = Skill.objects.get_or_create(
        organization=None,
        framework=framework,
        code=code,
        defaults={"label": label, "uri": f"http://data.europa.eu/esco/skill/{code}"},
    )
    for name in alt:
        SkillLabel.objects.get_or_create(skill=skill, label=name)
    return skill


def lab_skills() -> dict[str, Skill]:
    return {
        "aseptic": taxonomy_skill("aseptic", "aseptic technique", "sterile technique"),
        "pipetting": taxonomy_skill("pipetting", "use micropipettes", "micropipetting"),
        "gmp": taxonomy_skill("gmp", "apply good manufacturing practices", "GMP", "cGMP"),
    }


def later(days: int = 30) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def make_opening(world: World, *, publish: bool = False, **fields: Any) -> Opening:
    skills = lab_skills()
    values: dict[str, Any] = {
        "title": "Lab technician",
        "description": "Prepare media and run assays under GMP.",
        "location": "Thousand Oaks, CA",
        "wage_min": "21.00",
        "wage_max": "26.50",
        "closing_date": later(),
        "skills": [
            SkillAsk(skills["aseptic"], True, Proficiency.FOUNDATIONAL),
            SkillAsk(skills["gmp"], False, Proficiency.INTERMEDIATE),
        ],
    }
    values.update(fields)
    recruiter = world.people["recruiter"]
    opening = services.opening_create(organization=world.employer, actor=recruiter, **values)
    if publish:
        services.opening_publish(opening=opening, actor=recruiter)
    return opening
