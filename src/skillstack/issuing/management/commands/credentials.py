"""``skillstack credentials export [--org SLUG]``: every credential issued, as JSON Lines.

One signed credential per line, exactly as stored (and as its holder received it), to
stdout — for a backup, an audit, or a verifier run in bulk (``skillstack verify``).
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from skillstack.accounts.models import Organization
from skillstack.issuing.models import IssuedCredential

BATCH = 500


class Command(BaseCommand):
    help = "Work with issued credentials. `export` writes them as JSON Lines to stdout."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        export = actions.add_parser(
            "export", help="Every issued credential as JSON Lines, one signed document a line"
        )
        export.add_argument("--org", metavar="SLUG", help="Only this issuer's credentials")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "export":
            self._export(options.get("org"))

    def _export(self, slug: str | None) -> None:
        rows = IssuedCredential.objects.order_by("pk")
        if slug is not None:
            organization = Organization.objects.filter(slug=slug).first()
            if organization is None:
                raise CommandError(
                    f"No organization has the slug {slug!r}; see the list at /orgs/."
                )
            rows = rows.filter(issuer=organization)
        count = 0
        for document in rows.values_list("document", flat=True).iterator(chunk_size=BATCH):
            self.stdout.write(json.dumps(document, ensure_ascii=False, separators=(",", ":")))
            count += 1
        self.stderr.write(f"Exported {count} credential(s).")
