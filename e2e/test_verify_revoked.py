"""A revoked credential shows as revoked on its share page and on /verify/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from e2e.conftest import screenshot
from skillstack.wallet.services import credential_share_enable
from tests.verification.credentials import issue, revoke

pytestmark = pytest.mark.browser


def test_a_revoked_credential_is_revoked_everywhere(page, world, tmp_path: Path) -> None:
    learner = world.people["learner"]
    credential = issue(issuer=world.issuer, recipient=learner)
    credential = credential_share_enable(credential=credential, actor=learner)
    revoke(credential, reason="Evaluator certification withdrawn")

    page.goto(f"/c/{credential.share_token}/")
    alert = page.get_by_role("alert").first
    assert alert.inner_text().startswith("REVOKED")
    assert page.locator('meta[property="og:image"]').get_attribute("content").endswith("/badge.png")
    screenshot(page, "share-revoked-tablet")

    file = tmp_path / "credential.json"
    file.write_text(json.dumps(credential.document))
    page.goto("/verify/")
    page.get_by_label("Or upload a file").set_input_files(str(file))
    page.get_by_role("button", name="Verify").click()
    assert page.locator(".report .verdict-word").first.inner_text().startswith("REVOKED")
    screenshot(page, "verify-revoked-tablet")
