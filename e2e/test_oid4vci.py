"""A learner on a phone shows a wallet offer (QR code, PIN); an independent wallet app redeems
exactly what the page shows, and the offer then works no more."""

from __future__ import annotations

import subprocess

import pytest

from e2e.conftest import screenshot, sign_in
from skillstack.issuing.models import IssuedCredential
from skillstack.issuing.services import credential_issue_for_attempt
from skillstack.oid4vci.models import WalletOffer
from tests.issuing.helpers import passed_attempt
from tests.oid4vci.test_node_wallet import node_wallet  # noqa: F401 - the fixture

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


def test_a_learner_sends_a_badge_to_a_wallet_app_by_qr_code_and_pin(
    page,
    world,
    live_server,
    settings,
    node_wallet,  # noqa: F811 - the imported fixture
) -> None:
    settings.SITE_URL = live_server.url
    credential = credential_issue_for_attempt(attempt=passed_attempt(world))
    page.set_default_timeout(30_000)  # the shared machine can be slow
    sign_in(page, world.people["learner"].email)
    page.set_viewport_size(PHONE)
    page.goto(f"/wallet/credentials/{credential.pk}/mobile/")
    page.get_by_label("A wallet that supports OpenID for Verifiable Credential Issuance").check()
    page.get_by_role("button", name="Show the QR code").click()
    assert page.get_by_role("img", name="QR code to scan with your wallet app").is_visible()
    pin = page.locator("#tx-code").inner_text()
    link = page.get_by_role("link", name="Open it in your wallet app").get_attribute("href")
    assert len(pin) == 6 and pin.isdigit()
    assert link and link.startswith("openid-credential-offer://")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "the offer page scrolls sideways on a phone"
    screenshot(page, "oid4vci-offer-phone")

    run = subprocess.run(
        ["node", "run.mjs", link, pin, "--insecure"],
        cwd=node_wallet,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-1500:]
    offer = WalletOffer.objects.get()
    assert offer.issued is not None and offer.holder_did.startswith("did:key:")
    page.goto(f"/wallet/credentials/{credential.pk}/mobile/")  # not a reload: no re-POST
    assert page.get_by_text("Received by the wallet did:key:z6Mk").is_visible()

    again = subprocess.run(
        ["node", "run.mjs", link, pin, "--insecure"],
        cwd=node_wallet,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert again.returncode != 0  # the offer URI answers 404 once the offer is redeemed
    assert "404" in again.stderr
    assert IssuedCredential.objects.filter(idempotency_key__startswith="wallet-offer:").count() == 1
