"""An automated accessibility smoke check of every main page: one h1, lang set, a main
landmark, every form control labelled, images with alt text, no empty links or buttons."""

from __future__ import annotations

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from e2e.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser

CHECK = """() => {
  const problems = [];
  const h1s = document.querySelectorAll('h1');
  if (h1s.length !== 1) problems.push(`expected one h1, found ${h1s.length}`);
  if (!document.documentElement.lang) problems.push('html has no lang');
  if (!document.querySelector('main')) problems.push('no main landmark');
  if (!document.title.trim()) problems.push('no title');
  for (const el of document.querySelectorAll('input, select, textarea')) {
    if (el.type === 'hidden' || el.type === 'submit' || el.type === 'button') continue;
    const named = (el.labels && el.labels.length) || el.getAttribute('aria-label')
      || el.getAttribute('aria-labelledby');
    if (!named) problems.push(`unlabelled ${el.tagName} name=${el.name}`);
  }
  for (const img of document.querySelectorAll('img')) {
    if (!img.hasAttribute('alt')) problems.push(`img without alt: ${img.src}`);
  }
  for (const svg of document.querySelectorAll('svg[role="img"]')) {
    if (!svg.getAttribute('aria-label')) problems.push('svg image without a name');
  }
  for (const el of document.querySelectorAll('a, button')) {
    const name = (el.innerText || '').trim() || el.getAttribute('aria-label');
    if (!name) problems.push(`${el.tagName} without an accessible name`);
  }
  const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
  const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (dupes.length) problems.push(`duplicate ids: ${dupes}`);
  return problems;
}"""

PUBLIC_PAGES = ["/", "/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]
ADMIN_PAGES = [
    "/dashboard/",
    "/accounts/profile/",
    "/accounts/password/change/",
    "/orgs/",
    "/orgs/new/",
    "/orgs/bioskills/",
    "/orgs/bioskills/members/",
    "/orgs/bioskills/invitations/",
    "/orgs/bioskills/audit/",
    "/accounts/two-factor/setup/",
    "/no-such-page/",
]


def _assert_clean(page, path: str) -> None:
    page.goto(path)
    problems = page.evaluate(CHECK)
    assert problems == [], f"{path}: {problems}"


def test_public_pages_pass_the_smoke_check(page, world) -> None:
    for path in PUBLIC_PAGES:
        _assert_clean(page, path)


def test_signed_in_pages_pass_the_smoke_check(page, world) -> None:
    admin = world.people["coalition_admin"]
    sign_in(page, admin.email, device=TOTPDevice.objects.create(user=admin, confirmed=True))
    for path in ADMIN_PAGES:
        _assert_clean(page, path)
    screenshot(page, "two-factor-setup-again")


def test_forbidden_page_passes_the_smoke_check(page, world) -> None:
    sign_in(page, world.people["learner"].email)
    _assert_clean(page, "/orgs/")
    assert page.get_by_role("heading", name="You are not allowed to see this page").is_visible()


def test_error_messages_are_tied_to_their_fields(page, world) -> None:
    page.goto("/accounts/signup/")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_selector("[aria-invalid='true']")
    described = page.evaluate(
        "() => [...document.querySelectorAll('[aria-invalid=true]')].every(el =>"
        " (el.getAttribute('aria-describedby') || '').split(' ').some(id =>"
        " document.getElementById(id) && document.getElementById(id).className === 'field-error'))"
    )
    assert described
    screenshot(page, "signup-errors")
