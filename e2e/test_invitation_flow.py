"""An org admin invites a colleague in the browser; the colleague accepts via the e-mail."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django_otp.plugins.otp_totp.models import TOTPDevice

from e2e.conftest import TABLET, screenshot, sign_in
from skillstack.accounts.models import Membership
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def test_admin_invites_and_the_invitee_accepts_by_the_mailed_link(
    page, browser, live_server, world
) -> None:
    admin = world.people["issuer_admin"]
    sign_in(page, admin.email, device=TOTPDevice.objects.create(user=admin, confirmed=True))
    page.get_by_role("link", name="Invitations").first.click()
    page.get_by_label("E-mail address of the person").fill("sam.evaluator@example.test")
    page.get_by_label("Role").select_option(label="Evaluator")
    page.get_by_role("button", name="Send invitation").click()
    page.get_by_text("Invitation sent to sam.evaluator@example.test.").wait_for()
    assert page.get_by_role("cell", name="sam.evaluator@example.test", exact=True).is_visible()
    screenshot(page, "invitations")

    [message] = mail.outbox
    link = re.search(r"https?://\S+/accounts/invitations/\S+/", message.body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]

    invitee = browser.new_context(viewport=TABLET, base_url=live_server.url).new_page()
    invitee.goto("/" + path)
    assert invitee.get_by_role(
        "heading", name="You are invited to BioSkills Institute"
    ).is_visible()
    invitee.get_by_role("link", name="Create an account").click()
    invitee.get_by_label("Full name").fill("Sam Evaluator")
    invitee.get_by_label("Password", exact=True).fill(PASSWORD)
    invitee.get_by_label("Password again").fill(PASSWORD)
    invitee.get_by_role("button", name="Create account and join").click()
    invitee.wait_for_url("**/dashboard/")
    assert invitee.get_by_role("heading", name="Evaluation").is_visible()
    assert Membership.objects.filter(
        user__email="sam.evaluator@example.test", organization=world.issuer, role="evaluator"
    ).exists()
    invitee.context.close()
