"""``skillstack taxonomy import esco|onet FILE [FILE …] [--dry-run]``: load ESCO or O*NET files.

Each file is imported on its own, all-or-nothing; the command prints a progress bar on the
terminal and a summary per file (created, updated, unchanged, errors with line numbers), and
exits with status 1 when any file had errors. ``skillstack taxonomy sample`` names the small
sample files shipped with Skillstack (for trying it out and for the demo).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from skillstack.catalog.taxonomy_import import TaxonomyReport, taxonomy_import

SAMPLES = Path(__file__).resolve().parents[2] / "fixtures" / "taxonomy"
SAMPLE_FILES = {
    "esco": [SAMPLES / "esco" / "skills_en.csv", SAMPLES / "esco" / "occupations_en.csv"],
    "onet": [
        SAMPLES / "onet" / "Occupation Data.txt",
        SAMPLES / "onet" / "Skills.txt",
        SAMPLES / "onet" / "Alternate Titles.txt",
    ],
}
"""In the order they must load (alternate titles name occupations loaded before)."""

BAR_WIDTH = 30


class Command(BaseCommand):
    help = "Import ESCO (CSV) or O*NET (text) taxonomy files into the catalog."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("import", help="Import files of one taxonomy")
        load.add_argument("framework", choices=["esco", "onet"])
        load.add_argument("files", nargs="+", type=Path)
        load.add_argument("--dry-run", action="store_true", help="Check and count; save nothing")
        sample = sub.add_parser("sample", help="Print the paths of the bundled sample files")
        sample.add_argument("framework", choices=["esco", "onet"])

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "sample":
            for path in SAMPLE_FILES[options["framework"]]:
                self.stdout.write(str(path))
            return
        failed = False
        for path in options["files"]:
            if not path.is_file():
                raise CommandError(f"No such file: {path}")
            with path.open("rb") as file:
                report = taxonomy_import(
                    framework=options["framework"],
                    file=file,
                    dry_run=options["dry_run"],
                    progress=self._progress if sys.stderr.isatty() else None,
                )
            self._print(path, report)
            failed = failed or not report.ok
        if failed:
            raise CommandError("Some files had errors; nothing of those was imported.")

    def _progress(self, done: int, total: int) -> None:
        filled = BAR_WIDTH * done // max(total, 1)
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        self.stderr.write(f"\r[{bar}] {done}/{total}", ending="")
        if done >= total:
            self.stderr.write("")

    def _print(self, path: Path, report: TaxonomyReport) -> None:
        style = self.style.SUCCESS if report.ok else self.style.ERROR
        self.stdout.write(style(f"{path.name}: {report.summary()}"))
        for error in report.errors[:200]:
            self.stdout.write(f"  {error}")
        if len(report.errors) > 200:
            self.stdout.write(f"  … and {len(report.errors) - 200} more")
