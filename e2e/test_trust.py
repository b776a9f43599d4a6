"""A learner imports an external badge and sees it verified with its issuer's standing; the
public registry lists the issuers the alliance recognises."""

from __future__ import annotations

from pathlib import Path

import pytest

from e2e.conftest import screenshot, sign_in
from skillstack.issuing.dids import issuer_did
from skillstack.trust.services import registry_apply, registry_approve
from tests.trust import helpers

pytestmark = pytest.mark.browser


def test_learner_imports_an_external_badge(page, world, tmp_path: Path) -> None:
    learner = world.people["learner"]
    badge = tmp_path / "cell-counting.png"
    badge.write_bytes(helpers.baked_png(email=learner.email))

    page.goto("/accounts/login/", timeout=60_000)  # first page of a cold server on a busy machine
    sign_in(page, learner.email)
    page.goto("/wallet/imports/")
    page.get_by_role("button", name="Add a credential").click()
    page.get_by_label("Or upload a file").set_input_files(str(badge))
    page.get_by_role("button", name="Verify and add").click()

    page.wait_for_url("**/wallet/imports/*/")
    assert page.get_by_role("heading", level=1).inner_text() == "Cell Counting"
    assert page.locator("[data-state]").inner_text() == "Verified"
    standing = page.locator("[data-standing]").inner_text()
    assert "nobody here vouches for this issuer" in standing
    assert page.locator(".report .verdict-word").inner_text().startswith("Valid")
    screenshot(page, "trust-import-verified-tablet")

    # someone else's badge is refused with a sentence, and nothing is added
    other = tmp_path / "not-mine.png"
    other.write_bytes(helpers.baked_png(email="someone.else@example.org"))
    page.goto("/wallet/imports/add/")
    page.get_by_label("Or upload a file").set_input_files(str(other))
    page.get_by_role("button", name="Verify and add").click()
    assert "about someone else" in page.get_by_role("alert").first.inner_text()
    page.goto("/wallet/imports/")
    assert page.locator(".cards li").count() == 1


def test_public_registry_lists_recognised_issuers(page, world) -> None:
    admin = world.people["coalition_admin"]
    did = issuer_did(organization=world.issuer)
    entry = registry_apply(
        actor=admin, issuer_id=did, name=world.issuer.name, contact_email="a@bioskills.example"
    )
    registry_approve(actor=admin, entry=entry)
    registry_apply(
        actor=admin,
        issuer_id="did:web:pending.example",
        name="Pending Academy",
        contact_email="p@pending.example",
    )

    page.goto("/registry/")
    rows = page.locator("tbody tr")
    assert rows.count() == 1
    assert world.issuer.name in rows.first.inner_text()
    assert "Recognised" in rows.first.inner_text()
    assert "Pending Academy" not in page.content()
    screenshot(page, "trust-registry-tablet")
