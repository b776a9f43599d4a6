"""Browser tests: Playwright (sync API) driving Debian's chromium against pytest-django's
live server. Never ``playwright install``: the browser comes from the system.

Without /usr/bin/chromium the tests fail (``make test`` installs it first), so a missing
browser can never turn the build green by accident.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import World, world  # noqa: F401  (the personas, shared with tests/)
from tests.factories import PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TABLET = {"width": 820, "height": 1180}


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: install Debian's chromium (scripts/ensure-chromium.sh)"
        pytest.fail(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any, live_server: Any, transactional_db: None) -> Iterator[Any]:
    context = browser.new_context(viewport=TABLET, base_url=live_server.url)
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def totp_code(device: TOTPDevice) -> str:
    device.refresh_from_db()
    generator = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    generator.time = time.time()
    return f"{generator.token():0{device.digits}d}"


def sign_in(page: Any, email: str, *, device: TOTPDevice | None = None) -> None:
    """Sign in through the form like a person; enter the TOTP code when one is asked for."""
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    if device is not None:
        page.wait_for_url("**/accounts/two-factor/**")
        page.get_by_label("Six-digit code from your authenticator app").fill(totp_code(device))
        page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/dashboard/")


def screenshot(page: Any, name: str) -> None:
    """Screenshots for looking at the pages during development (E2E_SCREENSHOTS=dir)."""
    target = os.environ.get("E2E_SCREENSHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(target) / f"{name}.png"), full_page=True)
