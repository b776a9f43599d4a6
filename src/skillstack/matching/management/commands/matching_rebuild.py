"""``skillstack matching_rebuild``: derive every learner's verified skills again.

Normally the issuing and holdings signals keep them in step one candidate at a time; this is
the safety net after a restore, an import outside the services or a change of the rules. It
ends with a "rebuild everything" mark, so every process's in-memory index reloads too.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from skillstack.accounts.models import User
from skillstack.matching.services import verified_skills_rebuild


class Command(BaseCommand):
    help = "Rebuild every learner's verified skills from the credentials that verify now."

    def handle(self, *args: Any, **options: Any) -> None:
        learners = User.objects.filter(learner_profile__isnull=False).order_by("pk").iterator()
        changed = verified_skills_rebuild(candidates=learners)
        self.stdout.write(f"Verified skills rebuilt; {changed} learner(s) had changed.")
