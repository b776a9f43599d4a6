"""A learner builds a skills-based resume from their verified credentials, publishes it, opens
the public link as a visitor on a phone and downloads the PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from e2e.conftest import screenshot, sign_in
from e2e.test_accessibility import CHECK
from tests.resume.helpers import held_credential
from tests.resume.pdf_text import images, text

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


def test_learner_builds_publishes_and_shares_a_resume(
    page, browser, live_server, world, tmp_path: Path
) -> None:
    page.set_default_timeout(60_000)  # a PDF, and pages, on a busy shared machine take a while
    held_credential(world, name="Aseptic Technique", skills=["Maintain aseptic conditions"])
    held_credential(world, name="Accurate Pipetting", skills=["Use laboratory pipettes"])
    sign_in(page, world.people["learner"].email)
    page.get_by_role("link", name="My resume").click()
    page.wait_for_url("**/me/resume/")

    page.get_by_label("Headline").fill("Upstream biomanufacturing technician")
    page.get_by_label("Summary").fill("Two years of media prep; looking for cleanroom work.")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text("Your summary is saved.").wait_for()

    page.get_by_label("Aseptic Technique — BioSkills Institute").check()
    page.get_by_label("Accurate Pipetting — BioSkills Institute").check()
    page.get_by_label("Turn on the share link of each chosen credential").check()
    page.get_by_role("button", name="Save my choice").click()
    page.get_by_text("Your choice of credentials and skills is saved.").wait_for()

    page.get_by_label("Role").fill("Media preparation assistant")
    page.get_by_label("Organisation").fill("Cedar Valley teaching lab")
    page.get_by_label("Started").fill("2024-09-02")
    page.get_by_role("button", name="Add to my resume").click()
    page.get_by_text("The entry is added to your resume.").wait_for()
    screenshot(page, "resume-compose-tablet")
    assert page.evaluate(CHECK) == []

    page.get_by_role("button", name="Publish my resume").click()
    link = page.get_by_label("Resume link").input_value()
    assert link.startswith(f"{live_server.url}/r/")

    visitor = browser.new_context(viewport=PHONE, base_url=live_server.url, accept_downloads=True)
    visitor.set_default_timeout(60_000)
    anonymous = visitor.new_page()
    anonymous.goto(link)
    assert anonymous.get_by_role("heading", level=1).inner_text() == "Learner"
    assert anonymous.get_by_text("Upstream biomanufacturing technician").is_visible()
    skills = anonymous.locator(".resume-skills")
    assert "Maintain aseptic conditions" in skills.inner_text()
    assert "Use laboratory pipettes" in skills.inner_text()
    assert anonymous.get_by_role("link", name="Check this credential").count() == 2
    width = anonymous.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "the resume scrolls sideways on a phone"
    screenshot(anonymous, "resume-public-phone")
    assert anonymous.evaluate(CHECK) == []

    with anonymous.expect_download() as info:
        anonymous.get_by_role("link", name="Download PDF").click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    data = saved.read_bytes()
    assert data.startswith(b"%PDF-")
    assert "Learner" in text(data) and "Accurate Pipetting" in text(data)
    assert len(images(data)) == 1  # the QR code to the live page

    aseptic = anonymous.locator(".resume-credential").filter(has_text="Aseptic Technique")
    aseptic.get_by_role("link", name="Check this credential").click()
    anonymous.wait_for_url("**/c/**")
    assert anonymous.get_by_role("heading", level=1).inner_text() == "Aseptic Technique"
    visitor.close()
