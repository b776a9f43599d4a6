"""``skillstack pathways recheck [--learner EMAIL]``: the periodic re-check a scheduler runs.

Issues every certificate earned and not yet issued (a missed signal, a task that failed) and
flags certificates whose components stopped verifying (e.g. expired since). Idempotent.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from skillstack.accounts.models import LearnerProfile, User
from skillstack.pathways.certificates import learner_pathways_check


class Command(BaseCommand):
    help = "Pathways upkeep. `recheck` issues earned certificates and flags lost components."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        recheck = actions.add_parser("recheck", help="Re-check every learner (or one)")
        recheck.add_argument("--learner", metavar="EMAIL", help="Only this learner")

    def handle(self, *args: Any, **options: Any) -> None:
        email = options.get("learner")
        if email:
            users = list(User.objects.filter(email__iexact=email))
            if not users:
                raise CommandError(f"No account has the e-mail address {email!r}.")
        else:
            ids = LearnerProfile.objects.values_list("user_id", flat=True)
            users = list(User.objects.filter(pk__in=ids).order_by("pk"))
        issued = sum(learner_pathways_check(learner=user) for user in users)
        self.stdout.write(f"Checked {len(users)} learner(s); issued {issued} certificate(s).")
