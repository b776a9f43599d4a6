"""``skillstack demo``: load the demo data and print who can sign in (see docs/development.md).

``skillstack demo --totp EMAIL`` prints the current two-factor code of a demo admin, whose
authenticator secret is published with the demo on purpose.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from skillstack.demo.builder import (
    DEMO_PASSWORD,
    DEMO_TOTP_KEY,
    DemoRefused,
    DemoSummary,
    demo_load,
    demo_totp_code,
)


class Command(BaseCommand):
    help = "Load the demo data (idempotent) and print the demo sign-ins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--totp",
            metavar="EMAIL",
            help="Print the current two-factor code of a demo admin instead of loading.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["totp"]:
            try:
                self.stdout.write(demo_totp_code(email=options["totp"]))
            except LookupError as exc:
                raise CommandError(str(exc)) from exc
            return
        try:
            summary = demo_load()
        except DemoRefused as exc:
            raise CommandError(str(exc)) from exc
        self._print(summary)

    def _print(self, summary: DemoSummary) -> None:
        out = self.stdout.write
        out(self.style.SUCCESS("Demo data is loaded."))
        out(f"\nEvery demo account's password: {DEMO_PASSWORD}\n")
        width = max(len(login.email) for login in summary.logins)
        for login in summary.logins:
            totp = "  (+ two-factor code)" if login.needs_totp else ""
            out(f"  {login.email:<{width}}  {login.role:<20} {login.organization}{totp}")
        out(f"\n{len(summary.learners)} learners:")
        for login in summary.learners:
            out(f"  {login.email:<{width}}  learner              {login.full_name}")
        secret = base64.b32encode(binascii.unhexlify(DEMO_TOTP_KEY)).decode()
        out(
            "\nAdmins confirm a two-factor code after their password. Get the current code with"
            "\n  skillstack demo --totp EMAIL"
            f"\nor add the demo secret {secret} to an authenticator app (demo only)."
        )
