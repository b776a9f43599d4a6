"""Learner sign-up: strong passwords, with the failed rule spelled out."""

from __future__ import annotations

import pytest
from django.test import Client

from skillstack.accounts.models import User
from skillstack.audit.models import AuditEntry

GOOD = "a sunny meadow of skills 7"


def _signup(client: Client, **overrides: str):
    data = {
        "full_name": "Rosa Parks",
        "email": "rosa@example.test",
        "password": GOOD,
        "password_again": GOOD,
        **overrides,
    }
    return client.post("/accounts/signup/", data)


def test_learner_signs_up_and_is_signed_in(client: Client, db) -> None:
    response = _signup(client)
    assert response.status_code == 302 and response["Location"] == "/dashboard/"
    user = User.objects.get(email="rosa@example.test")
    assert hasattr(user, "learner_profile")
    assert AuditEntry.objects.filter(action="accounts.learner.registered").exists()
    assert "Your learning" in client.get("/dashboard/").content.decode()


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short 1", "too short"),
        ("password1234", "too common"),
        ("804219375520", "entirely numeric"),
        ("rosa@example.test", "too similar"),
    ],
)
def test_weak_password_says_which_rule_failed(client: Client, db, password, message) -> None:
    response = _signup(client, password=password, password_again=password)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not User.objects.filter(email="rosa@example.test").exists()


def test_passwords_must_match(client: Client, db) -> None:
    response = _signup(client, password_again=GOOD + "x")
    assert "The two passwords are not the same." in response.content.decode()


def test_address_already_in_use_is_explained_next_to_the_field(client: Client, world) -> None:
    response = _signup(client, email="learner@example.test")
    page = response.content.decode()
    assert response.status_code == 400
    assert "already exists" in page and 'aria-invalid="true"' in page


def test_missing_fields_are_named(client: Client, db) -> None:
    response = client.post("/accounts/signup/", {})
    assert response.status_code == 400
    assert response.content.decode().count("This field is required.") == 4
