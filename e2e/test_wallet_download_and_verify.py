"""A learner downloads their badge from the wallet; an anonymous visitor uploads that very file
on /verify/ and sees it is valid."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from obcore.baking import unbake

from e2e.conftest import screenshot, sign_in
from skillstack.verification.services import credential_verify
from tests.verification.credentials import issue

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


def test_learner_downloads_the_badge_and_a_visitor_verifies_it(
    page, browser, live_server, world, tmp_path: Path
) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"])
    sign_in(page, world.people["learner"].email)
    page.get_by_role("link", name="My credentials").click()
    page.get_by_role("link", name="Aseptic Technique").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Aseptic Technique"
    assert page.locator(".verdict-warning, .verdict-valid").first.is_visible()
    assert page.get_by_alt_text("Badge of Aseptic Technique").is_visible()
    screenshot(page, "wallet-credential-tablet")

    with page.expect_download() as info:
        page.get_by_role("link", name="Download badge (PNG)").click()
    download = info.value
    assert download.suggested_filename == "aseptic-technique-badge.png"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    data = saved.read_bytes()
    assert data.startswith(b"\x89PNG")
    assert json.loads(unbake(data)) == credential.document
    assert credential_verify(data=data).verified

    visitor = browser.new_context(viewport=PHONE, base_url=live_server.url)
    anonymous = visitor.new_page()
    anonymous.goto("/verify/")
    anonymous.get_by_label("Or upload a file").set_input_files(str(saved))
    anonymous.get_by_role("button", name="Verify").click()
    status = anonymous.locator(".report .verdict-word").first
    assert status.inner_text().startswith("Valid")
    assert anonymous.get_by_text("Issued on this platform by BioSkills Institute.").is_visible()
    screenshot(anonymous, "verify-valid-phone")
    visitor.close()


def test_the_credential_page_reads_well_on_a_phone(page, world) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"])
    sign_in(page, world.people["learner"].email)
    page.set_viewport_size(PHONE)
    page.goto(f"/wallet/credentials/{credential.pk}/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "the page scrolls sideways on a phone"
    screenshot(page, "wallet-credential-phone")
