"""A funder analyst opens a program's outcome report, filters a cohort, sees a suppressed cell
and downloads the CSV; a training provider's designer opens the curriculum-gap report."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from django.utils import timezone

from e2e.conftest import screenshot, sign_in
from tests.outcomes import builders as b

pytestmark = pytest.mark.browser
MARKER = "suppressed: fewer than 10"


def test_funder_analyst_filters_a_cohort_and_downloads_the_csv(page, world, tmp_path: Path) -> None:
    version = b.version(world.issuer)
    program = b.program(world.funder, world.issuer, [version], name="Biomanufacturing Ready")
    b.cohort(program, b.learners(12), "2026-01-01", "2026-03-31", name="Winter intake")
    b.cohort(program, b.learners(3), "2026-04-01", "2026-06-30", name="Spring intake")

    sign_in(page, world.people["funder_analyst"].email)
    page.get_by_role("link", name="Outcome reports").first.click()
    page.get_by_role("link", name="Biomanufacturing Ready").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Biomanufacturing Ready"
    enrolled = page.locator("table.outcome-table").first.locator("tr.total-row td").first
    assert enrolled.inner_text() == "15"

    page.get_by_label("Cohort", exact=False).and_(page.locator("select")).select_option(
        label="Spring intake (Apr 2026)"
    )
    page.get_by_role("button", name="Show the report").click()
    page.wait_for_url("**cohort=**")
    cell = page.locator("table.outcome-table").first.locator("tr.total-row td").first
    assert cell.inner_text() == MARKER
    assert "suppressed" in (cell.get_attribute("class") or "")
    screenshot(page, "outcomes-report-suppressed")

    with page.expect_download() as info:
        page.get_by_role("link", name="Download CSV").click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    text = saved.read_text(encoding="utf-8-sig")
    assert "Spring intake" in text
    assert MARKER in text
    assert ",3," not in text


def test_training_provider_opens_its_gap_report(page, world) -> None:
    taught, wanted = b.skill("Aseptic gowning"), b.skill("Chromatography column packing")
    b.version(world.issuer, skills=(taught,))
    recently = (timezone.localdate() - datetime.timedelta(days=10)).isoformat()
    b.opening(world.employer, skills=(taught, wanted), positions=4, published=recently)
    sign_in(page, world.people["designer"].email)
    page.get_by_role("link", name="Curriculum gaps").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Curriculum gaps"
    page.get_by_label("Openings of the last").select_option(label="24 months")
    page.get_by_role("button", name="Show the gaps").click()
    row = page.get_by_role("row").filter(has_text="Chromatography column packing").first
    assert row.is_visible()  # the ranked gaps come first; the monthly trend repeats the skill
    assert "Manufacturing Technician" in row.inner_text()
    screenshot(page, "outcomes-gaps")
