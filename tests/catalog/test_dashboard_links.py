"""Designers and issuer admins find the catalog pages on their dashboard; others do not."""

from __future__ import annotations

from skillstack.accounts.roles import Role
from skillstack.core.selectors import dashboard_sections
from tests.factories import grant, make_user


def _links(user) -> dict[str, list[str]]:
    return {s.key: [link.url for link in s.links] for s in dashboard_sections(user=user)}


def test_a_designer_gets_micro_credentials_and_skills(world) -> None:
    [section] = dashboard_sections(user=world.people["designer"])
    urls = [link.url for link in section.links]
    assert {"/orgs/bioskills/micro-credentials/", "/orgs/bioskills/skills/"} <= set(urls)
    assert section.coming == []


def test_an_issuer_admin_gets_them_too(world) -> None:
    assert "/orgs/bioskills/micro-credentials/" in _links(world.people["issuer_admin"])["org_admin"]


def test_an_employer_admin_does_not(world) -> None:
    admin = make_user()
    grant(admin, world.employer, Role.ORG_ADMIN)
    assert not any("micro-credentials" in url for url in _links(admin)["org_admin"])
