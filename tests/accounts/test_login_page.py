"""The sign-in and sign-out pages."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import PASSWORD, confirmed_totp

GENERIC = "do not match an account"


def _post(client: Client, email: str, password: str, **extra: str):
    return client.post("/accounts/login/", {"email": email, "password": password, **extra})


def test_sign_in_page_has_labelled_fields(client: Client, db) -> None:
    page = client.get("/accounts/login/").content.decode()
    assert '<label for="id_email">' in page and '<label for="id_password">' in page
    assert 'lang="en"' in page and "Skip to main content" in page


def test_learner_signs_in_and_lands_on_dashboard(client: Client, world) -> None:
    before = client.session.session_key
    response = _post(client, "learner@example.test", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/dashboard/"
    assert client.session.session_key != before  # session rotated on sign-in
    assert client.get("/dashboard/").status_code == 200


def test_sign_in_ignores_case_of_email(client: Client, world) -> None:
    assert _post(client, "Learner@Example.TEST", PASSWORD).status_code == 302


def test_sign_in_goes_to_next_page_on_this_site_only(client: Client, world) -> None:
    ok = _post(client, "learner@example.test", PASSWORD, next="/accounts/profile/")
    assert ok["Location"] == "/accounts/profile/"
    client.logout()
    evil = _post(client, "learner@example.test", PASSWORD, next="https://evil.example/")
    assert evil["Location"] == "/dashboard/"


def test_wrong_password_and_unknown_email_get_the_same_message(client: Client, world) -> None:
    wrong = _post(client, "learner@example.test", "not the password at all")
    unknown = _post(client, "nobody@example.test", "not the password at all")
    assert wrong.status_code == unknown.status_code == 400
    assert GENERIC in wrong.content.decode() and GENERIC in unknown.content.decode()
    assert "_auth_user_id" not in client.session


def test_after_too_many_failures_even_the_right_password_is_refused(
    client: Client, world, settings
) -> None:
    settings.LOGIN_THROTTLE_LIMIT = 3
    for _ in range(3):
        _post(client, "learner@example.test", "wrong password here")
    response = _post(client, "learner@example.test", PASSWORD)
    assert response.status_code == 400
    assert "Too many failed sign-ins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_sign_out_needs_a_post(client: Client, world) -> None:
    _post(client, "learner@example.test", PASSWORD)
    assert client.get("/accounts/logout/").status_code == 405
    response = client.post("/accounts/logout/", follow=True)
    assert "You are signed out." in response.content.decode()
    assert client.get("/dashboard/").status_code == 302


@pytest.mark.parametrize("persona", ["learner", "recruiter"])
def test_opted_in_person_is_not_signed_in_before_the_code(client: Client, world, persona) -> None:
    confirmed_totp(world.people[persona])
    response = _post(client, f"{persona}@example.test", PASSWORD)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/two-factor/")
    assert "_auth_user_id" not in client.session
    assert client.get("/dashboard/").status_code == 302
