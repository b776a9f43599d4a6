"""``skillstack hiring checkins [--now]``: the retention check-in run, for cron or a timer.

By default it enqueues the ``run_checkins`` task (a worker sends the e-mails); ``--now`` runs
it in this process. Either way two runs at once never send a check-in twice.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from skillstack.hiring.services.checkins import checkins_run
from skillstack.hiring.tasks import run_checkins


class Command(BaseCommand):
    help = "Hiring background work. `checkins` sends due retention check-ins, escalates missed."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        checkins = actions.add_parser(
            "checkins", help="Send due retention check-ins; hand missed ones to navigators"
        )
        checkins.add_argument(
            "--now", action="store_true", help="Run here instead of enqueuing the task"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] != "checkins":
            return
        if options["now"]:
            result = checkins_run()
            self.stdout.write(f"Sent {result.sent} check-in(s); {result.missed} missed.")
            return
        run_checkins.enqueue()
        self.stdout.write("Enqueued the check-in run (a worker sends the e-mails).")
