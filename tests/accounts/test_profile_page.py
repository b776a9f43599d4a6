"""The profile page: name, password link, two-factor status."""

from __future__ import annotations

from django.test import Client

from tests.factories import sign_in


def test_profile_shows_name_roles_and_security(client: Client, world) -> None:
    sign_in(client, world.people["evaluator"])
    page = client.get("/accounts/profile/").content.decode()
    assert "evaluator@example.test" in page and "Evaluator at BioSkills Institute" in page
    assert "Change your password" in page and "Two-factor sign-in" in page


def test_name_is_changed(client: Client, world) -> None:
    sign_in(client, world.people["learner"])
    response = client.post("/accounts/profile/edit/", {"full_name": "Lea Learner"}, follow=True)
    assert "Your name is saved." in response.content.decode()
    world.people["learner"].refresh_from_db()
    assert world.people["learner"].full_name == "Lea Learner"


def test_blank_name_is_refused(client: Client, world) -> None:
    sign_in(client, world.people["learner"])
    response = client.post("/accounts/profile/edit/", {"full_name": "   "})
    assert response.status_code == 400 and "This field is required." in response.content.decode()


def test_profile_needs_sign_in(client: Client, db) -> None:
    assert client.get("/accounts/profile/")["Location"].startswith("/accounts/login/")
