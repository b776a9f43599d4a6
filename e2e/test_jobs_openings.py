"""A recruiter writes an opening, pastes the posting, confirms suggested skills, publishes it,
and finds it on the public job board (with its JobPosting JSON-LD)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from e2e.conftest import World, screenshot, sign_in
from skillstack.jobs.models import Opening
from tests.jobs.helpers import lab_skills, later

pytestmark = pytest.mark.browser

POSTING = (
    "Join our QC lab. You will keep cultures clean with sterile technique, "
    "follow cGMP every day and record your work carefully."
)


def test_recruiter_confirms_suggested_skills_publishes_and_sees_the_board(
    page: Any, world: World
) -> None:
    skills = lab_skills()
    sign_in(page, "recruiter@example.test")
    page.get_by_role("link", name="Openings", exact=True).click()
    page.get_by_role("link", name="New opening").first.click()
    page.get_by_label("Job title").fill("QC Associate")
    page.get_by_role("textbox", name="Description").fill(POSTING)
    suggested = page.locator("#suggested")
    suggested.get_by_text("“sterile technique” is another name of it").wait_for()
    suggested.get_by_text("“cGMP” is another name of it").wait_for()
    assert suggested.get_by_text("use micropipettes").count() == 0  # not mentioned
    screenshot(page, "jobs-opening-suggestions")
    suggested.locator("label.skill-pick", has_text="aseptic technique").click()
    suggested.locator("label.skill-pick", has_text="apply good manufacturing").click()
    page.get_by_label("Location").fill("Thousand Oaks, CA")
    page.get_by_label("Closing date").fill(later().isoformat())
    page.get_by_role("button", name="Save draft").click()
    page.get_by_text("Saved the draft “QC Associate”.").wait_for()

    opening = Opening.objects.get()
    assert {s.skill_id for s in opening.skills.all()} == {skills["aseptic"].pk, skills["gmp"].pk}
    page.get_by_role("button", name="Publish on the job board").click()
    page.get_by_text("“QC Associate” is on the job board.").wait_for()

    page.goto("/jobs/")
    page.get_by_label("No degree required").check()
    page.get_by_role("button", name="Show jobs").click()
    page.get_by_role("link", name="QC Associate").click()
    page.get_by_role("heading", name="Skills required").wait_for()
    assert page.get_by_text("aseptic technique", exact=True).is_visible()
    data = json.loads(page.locator("script[type='application/ld+json']").text_content())
    assert data["@type"] == "JobPosting" and data["title"] == "QC Associate"
    assert data["hiringOrganization"]["name"] == world.employer.name
    screenshot(page, "jobs-board-detail")
