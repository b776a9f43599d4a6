"""A learner opts in and sees jobs ranked for them; a recruiter opens an opening's matches and
reads why a candidate matches: which credential proves which skill, and what is missing."""

from __future__ import annotations

from typing import Any

import pytest

from e2e.conftest import screenshot, sign_in
from tests.conftest import World
from tests.factories import make_user
from tests.matching.helpers import earn, micro_credential, opening, skill

pytestmark = pytest.mark.browser

PATIENCE_MS = 30_000  # the shared test machine is often busy; the pages themselves are quick


def _lab(world: World) -> dict[str, Any]:
    aseptic, gdp = skill("Aseptic technique"), skill("Good documentation practice")
    ana = make_user(email="ana.ruiz@example.test", full_name="Ana Ruiz", learner=True)
    earn(world, ana, micro_credential(world.issuer, "Aseptic Technique", [aseptic]))
    micro_credential(world.issuer, "GMP Records", [gdp])
    job = opening(world, "Fill-finish operator", [(aseptic, True, 1), (gdp, False, 1)])
    return {"ana": ana, "job": job}


def test_learner_opts_in_and_sees_ranked_jobs(page: Any, world: World) -> None:
    _lab(world)
    page.set_default_timeout(PATIENCE_MS)
    sign_in(page, "ana.ruiz@example.test")
    page.goto("/me/job-preferences/")
    page.get_by_label("All employers on the platform").check()
    page.get_by_label("Places I can work").fill("Boston")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/me/job-preferences/")
    assert page.locator("#consent-now").inner_text() == "All employers on the platform"

    page.goto("/me/jobs/")
    screenshot(page, "matching-jobs-for-me")
    match = page.locator("ol.matches > li").first
    assert "Fill-finish operator" in match.inner_text()
    row = match.locator("tr[data-skill='Aseptic technique']")
    assert row.get_attribute("data-status") == "met"
    assert "Aseptic Technique" in row.inner_text()
    gap = match.locator("tr[data-skill='Good documentation practice']")
    assert gap.get_attribute("data-status") == "missing"
    assert "GMP Records" in gap.inner_text()  # the micro-credential that closes the gap


def test_recruiter_reads_the_explanation_of_a_match(page: Any, world: World) -> None:
    from skillstack.matching.services import discoverability_set

    lab = _lab(world)
    discoverability_set(candidate=lab["ana"], scope="all", actor=lab["ana"])
    page.set_default_timeout(PATIENCE_MS)
    sign_in(page, "recruiter@example.test")
    page.goto(f"/orgs/{world.employer.slug}/openings/{lab['job'].pk}/matches/")
    page.get_by_role("link", name="Ana Ruiz").click()
    page.wait_for_url(f"**/matches/{lab['ana'].pk}/")
    screenshot(page, "matching-candidate-explained")
    proof = page.locator("tr[data-skill='Aseptic technique']")
    assert proof.get_attribute("data-status") == "met"
    text = proof.inner_text()
    assert "Aseptic Technique" in text and world.issuer.name in text and "earned" in text
    missing = page.locator("tr[data-skill='Good documentation practice']")
    assert missing.get_attribute("data-status") == "missing"
    assert "Missing" in missing.inner_text()
