"""A designer checks a skills CSV with a dry run, imports it, and finds the skills listed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from e2e.conftest import World, screenshot, sign_in
from skillstack.catalog.models import Skill

SAMPLE = Path(__file__).parents[1] / "src/skillstack/catalog/fixtures/lab-skills.csv"


def test_designer_dry_runs_then_imports_the_sample_skills(page: Any, world: World) -> None:
    sign_in(page, "designer@example.test")
    page.get_by_role("link", name="Skills", exact=True).click()
    page.get_by_role("link", name="Import a CSV").click()
    page.get_by_label("CSV file").set_input_files(str(SAMPLE))
    page.get_by_role("button", name="Check only (dry run)").click()
    page.get_by_text("Dry run, nothing saved. Importing would give: 12 new").wait_for()
    screenshot(page, "catalog-skill-import-dry-run")
    assert Skill.objects.count() == 0

    page.get_by_label("CSV file").set_input_files(str(SAMPLE))
    page.get_by_role("button", name="Import", exact=True).click()
    page.get_by_text("Imported: 12 new, 0 updated, 0 unchanged.").wait_for()
    assert page.get_by_role("cell", name="Serial dilution", exact=True).is_visible()
    screenshot(page, "catalog-skills")
    assert Skill.objects.count() == 12
