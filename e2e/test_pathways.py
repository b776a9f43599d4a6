"""A learner watches a pathway complete: one credential short, the last one a badge from
another issuer imported into the wallet (the trust app verifies it and says the holdings
changed), the certificate in the wallet."""

from __future__ import annotations

import pytest

from e2e.conftest import screenshot, sign_in
from tests.pathways.helpers import cred, earn, make_mc, published
from tests.trust.helpers import KEY as EXTERNAL_KEY
from tests.trust.helpers import baked_png

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
PATIENCE_MS = 45_000  # the shared machine is slow under load; a person would wait too


@pytest.fixture(autouse=True)
def _patient(page) -> None:
    page.set_default_timeout(PATIENCE_MS)
    page.set_default_navigation_timeout(PATIENCE_MS)


def test_a_learner_watches_the_certificate_arrive(page, world, tmp_path) -> None:
    """The last component is a badge from elsewhere, imported (and verified) in the wallet."""
    learner, evaluator = world.people["learner"], world.people["evaluator"]
    safety = make_mc(world.issuer, "Lab Safety")
    external = {
        "kind": "credential",
        "achievement_id": "https://elsewhere.example/achievements/cell-counting",
        "issuer_id": EXTERNAL_KEY.did,
    }
    published(
        world.issuer,
        world.people["designer"],
        "horizontal",
        {"kind": "any", "k": 2, "items": [cred(safety), external]},
        title="Biomanufacturing Foundations",
    )
    earn(learner, safety, evaluator)

    sign_in(page, learner.email)
    page.get_by_role("link", name="My pathways").click()
    card = page.get_by_role("region", name="Biomanufacturing Foundations")
    assert "1 of 2 requirements met" in card.locator(".pathway-status").inner_text()
    assert card.get_by_role("heading", name="What is next").is_visible()
    screenshot(page, "pathways-one-short")

    badge = tmp_path / "cell-counting.png"
    badge.write_bytes(baked_png(email=learner.email, name="Cell Counting"))
    page.goto("/wallet/imports/add/")
    page.get_by_label("Or upload a file").set_input_files(str(badge))
    page.get_by_role("button", name="Verify and add").click()
    page.wait_for_url("**/wallet/imports/*/")

    page.goto("/me/pathways/")
    card = page.get_by_role("region", name="Biomanufacturing Foundations")
    assert "Completed." in card.locator(".pathway-status").inner_text()
    assert card.get_by_text("Cell Counting").first.is_visible()
    card.get_by_role("link", name="Biomanufacturing Foundations").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Biomanufacturing Foundations"
    screenshot(page, "pathways-certificate-in-wallet")

    page.goto("/wallet/")
    assert page.get_by_role("link", name="Biomanufacturing Foundations").is_visible()


def test_the_progress_page_reads_well_on_a_phone(page, world) -> None:
    learner, evaluator = world.people["learner"], world.people["evaluator"]
    safety, pipetting = make_mc(world.issuer, "Lab Safety"), make_mc(world.issuer, "Pipetting")
    published(
        world.issuer,
        world.people["designer"],
        "vertical",
        {"kind": "sequence", "items": [cred(safety), cred(pipetting)]},
        title="Lab Skills",
    )
    earn(learner, safety, evaluator)
    sign_in(page, learner.email)
    page.set_viewport_size(PHONE)
    page.goto("/me/pathways/")
    assert page.get_by_role("heading", name="Lab Skills").is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "the page scrolls sideways on a phone"
