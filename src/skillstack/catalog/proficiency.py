"""One proficiency scale for skills, so a job's "minimum level" and a credential's level compare.

Micro-credential versions carry a free-text level (what their issuer calls it); openings ask
for a minimum on this ordered scale. Unknown words count as the first level: a credential
always proves at least the basics of its skills.
"""

from __future__ import annotations

from django.db import models


class Proficiency(models.IntegerChoices):
    FOUNDATIONAL = 1, "Foundational"
    INTERMEDIATE = 2, "Intermediate"
    ADVANCED = 3, "Advanced"
    EXPERT = 4, "Expert"


_WORDS = {
    "foundational": Proficiency.FOUNDATIONAL,
    "foundation": Proficiency.FOUNDATIONAL,
    "basic": Proficiency.FOUNDATIONAL,
    "beginner": Proficiency.FOUNDATIONAL,
    "entry": Proficiency.FOUNDATIONAL,
    "level 1": Proficiency.FOUNDATIONAL,
    "intermediate": Proficiency.INTERMEDIATE,
    "level 2": Proficiency.INTERMEDIATE,
    "advanced": Proficiency.ADVANCED,
    "level 3": Proficiency.ADVANCED,
    "expert": Proficiency.EXPERT,
    "level 4": Proficiency.EXPERT,
}


def proficiency_of(level: str) -> Proficiency:
    """The scale step a credential's level text names (``"Level 2"`` → Intermediate)."""
    return _WORDS.get((level or "").strip().lower(), Proficiency.FOUNDATIONAL)
