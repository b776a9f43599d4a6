"""Signing in works with the keyboard alone, and the skip link comes first."""

from __future__ import annotations

import pytest

from e2e.conftest import screenshot
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def _focused(page) -> dict[str, str]:
    return page.evaluate(
        "() => ({name: document.activeElement.name || '',"
        " text: (document.activeElement.innerText || '').trim()})"
    )


def test_keyboard_only_sign_in(page, world) -> None:
    page.goto("/accounts/login/")
    screenshot(page, "sign-in")
    page.keyboard.press("Tab")
    assert _focused(page)["text"] == "Skip to main content"
    for _ in range(10):
        if _focused(page)["name"] == "email":
            break
        page.keyboard.press("Tab")
    assert _focused(page)["name"] == "email"
    page.keyboard.type("learner@example.test")
    page.keyboard.press("Tab")
    assert _focused(page)["name"] == "password"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/dashboard/")
    assert page.get_by_role("heading", name="Your learning").is_visible()


def test_skip_link_moves_focus_to_the_main_content(page, world) -> None:
    page.goto("/accounts/login/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
    assert page.evaluate("() => document.activeElement.id") == "main"


def test_focus_is_visible(page, world) -> None:
    page.goto("/accounts/login/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
