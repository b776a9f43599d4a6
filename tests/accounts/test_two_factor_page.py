"""TOTP two-factor sign-in: admins must set it up and pass it; others may opt in."""

from __future__ import annotations

import time

from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from skillstack.audit.models import AuditEntry
from tests.factories import PASSWORD, confirmed_totp


def code_for(device: TOTPDevice, offset_steps: int = 0) -> str:
    """The code the person's app shows now (``offset_steps`` later, for a second sign-in,
    because a verified code's time step may not be used twice)."""
    device.refresh_from_db()
    generator = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    generator.time = time.time() + offset_steps * device.step
    return f"{generator.token():0{device.digits}d}"


def _password_step(client: Client, email: str) -> None:
    client.post("/accounts/login/", {"email": email, "password": PASSWORD})


def test_admin_without_device_is_sent_to_setup_and_blocked_until_done(
    client: Client, world
) -> None:
    _password_step(client, "issuer_admin@example.test")
    dashboard = client.get("/dashboard/")
    assert dashboard.status_code == 302 and dashboard["Location"].startswith(
        "/accounts/two-factor/"
    )
    setup = client.get("/accounts/two-factor/", follow=True)
    page = setup.content.decode()
    assert setup.redirect_chain[-1][0].startswith("/accounts/two-factor/setup/")
    assert "<svg" in page and 'aria-label="QR code for your authenticator app"' in page
    assert client.get("/orgs/bioskills/members/").status_code == 302


def test_setup_refuses_a_wrong_code_and_accepts_the_right_one(client: Client, world) -> None:
    admin = world.people["issuer_admin"]
    _password_step(client, admin.email)
    client.get("/accounts/two-factor/setup/")
    device = TOTPDevice.objects.get(user=admin, confirmed=False)
    page = client.get("/accounts/two-factor/setup/").content.decode()
    assert TOTPDevice.objects.filter(user=admin).count() == 1  # reload keeps the same secret
    secret = page.split('id="totp-secret">')[1].split("<")[0].replace(" ", "")
    assert len(secret) == 32

    wrong = client.post("/accounts/two-factor/setup/", {"code": "000000"})
    assert wrong.status_code == 400 and "That code is not right" in wrong.content.decode()

    device.refresh_from_db()
    device.throttling_failure_count = 0  # skip the wait after the wrong code
    device.save()
    right = client.post("/accounts/two-factor/setup/", {"code": code_for(device)})
    assert right.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/dashboard/").status_code == 200
    assert AuditEntry.objects.filter(action="accounts.twofactor.enabled", actor=admin).exists()


def test_later_sign_in_asks_for_the_code_before_anything_else(client: Client, world) -> None:
    admin = world.people["issuer_admin"]
    device = confirmed_totp(admin)
    client.post(
        "/accounts/login/",
        {"email": admin.email, "password": PASSWORD, "next": "/orgs/bioskills/"},
    )
    page = client.get("/accounts/two-factor/?next=/orgs/bioskills/")
    assert "Enter your sign-in code" in page.content.decode()
    assert client.get("/orgs/bioskills/").status_code == 302

    response = client.post(
        "/accounts/two-factor/", {"code": code_for(device), "next": "/orgs/bioskills/"}
    )
    assert response.status_code == 302 and response["Location"] == "/orgs/bioskills/"
    assert client.get("/orgs/bioskills/").status_code == 200


def test_wrong_codes_are_refused_then_throttled(client: Client, world) -> None:
    admin = world.people["issuer_admin"]
    device = confirmed_totp(admin)
    _password_step(client, admin.email)
    first = client.post("/accounts/two-factor/", {"code": "123456"})
    assert "That code is not right" in first.content.decode()
    second = client.post("/accounts/two-factor/", {"code": code_for(device)})
    assert "Too many wrong codes" in second.content.decode()
    assert client.get("/dashboard/").status_code == 302


def test_code_page_without_password_step_sends_to_sign_in(client: Client, db) -> None:
    response = client.get("/accounts/two-factor/")
    assert response.status_code == 302 and response["Location"] == "/accounts/login/"


def test_learner_opts_in_from_profile_and_then_needs_the_code(client: Client, world) -> None:
    learner = world.people["learner"]
    client.force_login(learner)
    assert (
        "Two-factor sign-in is <strong>off</strong>"
        in client.get("/accounts/profile/").content.decode()
    )
    client.get("/accounts/two-factor/setup/")
    device = TOTPDevice.objects.get(user=learner)
    client.post("/accounts/two-factor/setup/", {"code": code_for(device)})
    assert (
        "Two-factor sign-in is <strong>on</strong>"
        in client.get("/accounts/profile/").content.decode()
    )

    client.post("/accounts/logout/")
    _password_step(client, learner.email)
    assert client.get("/dashboard/").status_code == 302
    client.post("/accounts/two-factor/", {"code": code_for(device, offset_steps=1)})
    assert client.get("/dashboard/").status_code == 200

    off = client.post("/accounts/two-factor/disable/", follow=True)
    assert "Two-factor sign-in is off." in off.content.decode()
    assert not TOTPDevice.objects.filter(user=learner).exists()


def test_admin_cannot_switch_two_factor_off(client: Client, world) -> None:
    from tests.factories import sign_in

    sign_in(client, world.people["issuer_admin"])
    response = client.post("/accounts/two-factor/disable/", follow=True)
    assert "Admins must keep two-factor sign-in" in response.content.decode()
    assert TOTPDevice.objects.filter(user=world.people["issuer_admin"]).exists()
