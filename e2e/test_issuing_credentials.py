"""An issuer admin finds a learner's credential on a tablet and suspends it with a reason."""

from __future__ import annotations

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from e2e.conftest import screenshot, sign_in
from skillstack.issuing.models import CredentialState, IssuedCredential
from skillstack.issuing.services import credential_issue_for_attempt
from tests.issuing.helpers import make_attempt, new_learner, passed_attempt

pytestmark = pytest.mark.browser


def test_admin_suspends_a_credential_from_the_list(page, world) -> None:
    attempt = passed_attempt(world)
    credential_issue_for_attempt(attempt=attempt)
    for name in ("ana", "ben"):
        learner = new_learner(f"{name}@example.test")
        credential_issue_for_attempt(
            attempt=make_attempt(attempt.session, learner, attempt.certification)
        )
    admin = world.people["issuer_admin"]
    sign_in(page, admin.email, device=TOTPDevice.objects.create(user=admin, confirmed=True))
    page.get_by_role("link", name="Issued credentials").click()
    page.wait_for_url("**/orgs/bioskills/credentials/")
    heading = page.get_by_role("heading", name="Credentials issued by BioSkills Institute")
    assert heading.is_visible()
    screenshot(page, "issuing-credential-list")
    page.get_by_label("Search").fill("ben@")
    page.get_by_role("button", name="Filter").click()
    rows = page.locator("tbody tr")
    assert rows.count() == 1
    rows.get_by_role("link", name="Accurate Pipetting").click()
    page.get_by_label("Reason").fill("Lab records are being checked")
    page.get_by_role("button", name="Suspend").click()
    assert page.get_by_text("is suspended; verifiers see it").is_visible()
    screenshot(page, "issuing-credential-detail")
    suspended = IssuedCredential.objects.get(recipient__email="ben@example.test")
    assert suspended.state == CredentialState.SUSPENDED
    assert suspended.state_reason == "Lab records are being checked"
