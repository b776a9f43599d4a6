"""``skillstack trust recheck [--max-age-hours N]``: verify imported credentials again.

Run by a scheduler (daily is plenty): every import whose last check is older than the window
is verified again; one its issuer revoked stops counting as a holding.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from skillstack.trust.imports import imported_credentials_recheck_due, recheck_max_age


class Command(BaseCommand):
    help = "Trust housekeeping. `recheck` verifies imported credentials again."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        recheck = actions.add_parser("recheck", help="Re-verify imports checked too long ago")
        recheck.add_argument(
            "--max-age-hours",
            type=float,
            default=None,
            help="Re-check imports checked more than this many hours ago (default 24; 0: all)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "recheck":
            hours = options.get("max_age_hours")
            age = recheck_max_age() if hours is None else timedelta(hours=hours)
            count = imported_credentials_recheck_due(max_age=age)
            self.stdout.write(f"Re-checked {count} imported credential(s).")
