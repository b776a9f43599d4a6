"""The dashboard: one section per role, links only to pages that exist."""

from __future__ import annotations

import pytest
from django.test import Client

from skillstack.core.selectors import dashboard_sections
from tests.factories import grant, make_user, sign_in


def _keys(user) -> list[str]:
    return [section.key for section in dashboard_sections(user=user)]


@pytest.mark.parametrize(
    ("persona", "keys"),
    [
        ("coalition_admin", ["coalition_admin"]),
        ("issuer_admin", ["org_admin"]),
        ("designer", ["credential_designer"]),
        ("evaluator", ["evaluator"]),
        ("recruiter", ["recruiter"]),
        ("navigator", ["career_navigator"]),
        ("funder_analyst", ["funder_analyst"]),
        ("learner", ["learner"]),
    ],
)
def test_each_persona_gets_the_section_of_their_role(world, persona, keys) -> None:
    assert _keys(world.people[persona]) == keys


def test_a_person_with_several_roles_gets_several_sections(world) -> None:
    person = world.people["evaluator"]
    grant(person, world.issuer, "credential_designer")
    assert _keys(person) == ["credential_designer", "evaluator"]


def test_every_dashboard_link_opens_for_its_persona(client: Client, world) -> None:
    personas = ("coalition_admin", "issuer_admin", "designer", "evaluator", "navigator")
    for persona in (*personas, "recruiter", "funder_analyst", "learner"):
        sign_in(client, world.people[persona])
        for section in dashboard_sections(user=world.people[persona]):
            for link in section.links:
                assert client.get(link.url).status_code == 200, (persona, link.url)


def test_a_recruiter_is_led_to_openings(world) -> None:
    [section] = dashboard_sections(user=world.people["recruiter"])
    assert any(link.label == "Openings" for link in section.links)


def test_dashboard_page_shows_the_sections(client: Client, world) -> None:
    sign_in(client, world.people["issuer_admin"])
    page = client.get("/dashboard/").content.decode()
    assert "Organization administration" in page and "BioSkills Institute" in page
    assert 'href="/orgs/bioskills/members/"' in page


def test_person_without_roles_is_told_how_to_get_one(client: Client, db) -> None:
    sign_in(client, make_user())
    assert "You have no role in any organization yet" in client.get("/dashboard/").content.decode()


def test_navigation_fits_the_role(client: Client, world) -> None:
    sign_in(client, world.people["coalition_admin"])
    assert ">Organizations</a>" in client.get("/dashboard/").content.decode()
    sign_in(client, world.people["learner"])
    page = client.get("/dashboard/").content.decode()
    assert ">Organizations</a>" not in page and ">Profile</a>" in page
