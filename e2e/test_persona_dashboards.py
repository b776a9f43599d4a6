"""Each persona signs in through the browser and sees a dashboard that fits the role."""

from __future__ import annotations

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from e2e.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser

EXPECTED = {
    "learner": "Your learning",
    "evaluator": "Evaluation",
    "recruiter": "Recruiting",
    "funder_analyst": "Funding outcomes",
    "navigator": "Career navigation",
    "designer": "Credential design",
    "issuer_admin": "Organization administration",
    "coalition_admin": "Coalition administration",
}
ADMINS = {"issuer_admin", "coalition_admin"}


@pytest.mark.parametrize("persona", list(EXPECTED))
def test_persona_signs_in_and_sees_their_dashboard(page, world, persona) -> None:
    person = world.people[persona]
    device = None
    if persona in ADMINS:
        device = TOTPDevice.objects.create(user=person, name="phone", confirmed=True)
    sign_in(page, person.email, device=device)
    assert page.get_by_role("heading", level=1).inner_text().startswith("Hello")
    assert page.get_by_role("heading", name=EXPECTED[persona]).is_visible()
    others = [title for name, title in EXPECTED.items() if name != persona]
    for title in others:
        assert page.get_by_role("heading", name=title, exact=True).count() == 0
    screenshot(page, f"dashboard-{persona}")


def test_admin_without_a_device_must_set_one_up_first(page, world) -> None:
    from e2e.conftest import totp_code

    admin = world.people["issuer_admin"]
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill(admin.email)
    page.get_by_label("Password", exact=True).fill("correct horse battery staple 42")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/accounts/two-factor/setup/**")
    assert page.get_by_role("img", name="QR code for your authenticator app").is_visible()
    screenshot(page, "two-factor-setup")
    page.goto("/orgs/bioskills/members/")  # blocked until the code is confirmed
    assert "/accounts/two-factor/" in page.url
    page.wait_for_url("**/accounts/two-factor/setup/**")
    device = TOTPDevice.objects.get(user=admin)
    page.get_by_label("Six-digit code from your authenticator app").fill(totp_code(device))
    page.get_by_role("button", name="Switch on two-factor sign-in").click()
    page.wait_for_url("**/orgs/bioskills/members/")
    assert page.get_by_role("heading", name="Members of BioSkills Institute").is_visible()
