"""Password reset by e-mail, end to end, and password change."""

from __future__ import annotations

import re

from django.core import mail
from django.test import Client

from tests.factories import PASSWORD, sign_in

NEW = "another long passphrase 99"


def _reset_link(body: str) -> str:
    match = re.search(r"https?://[^/\s]+(/accounts/password/reset/\S+/)", body)
    assert match, body
    return match.group(1)


def test_reset_mail_link_sets_a_new_password(client: Client, world) -> None:
    response = client.post("/accounts/password/reset/", {"email": "learner@example.test"})
    assert response.status_code == 302 and response["Location"] == "/accounts/password/reset/sent/"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["learner@example.test"]
    assert mail.outbox[0].subject == "Reset your Skillstack password"

    link = _reset_link(mail.outbox[0].body)
    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": NEW, "new_password2": NEW}, follow=True)
    assert "Your new password is saved" in done.content.decode()

    assert client.login(email="learner@example.test", password=NEW)
    assert not client.login(email="learner@example.test", password=PASSWORD)
    client.logout()
    again = client.get(link, follow=True)
    assert "does not work any more" in again.content.decode()


def test_reset_for_unknown_address_looks_the_same_and_sends_nothing(client: Client, db) -> None:
    response = client.post("/accounts/password/reset/", {"email": "nobody@example.test"})
    assert response["Location"] == "/accounts/password/reset/sent/"
    assert mail.outbox == []


def test_weak_new_password_is_refused_with_reason(client: Client, world) -> None:
    client.post("/accounts/password/reset/", {"email": "learner@example.test"})
    form_page = client.get(_reset_link(mail.outbox[0].body), follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": "abc", "new_password2": "abc"}
    )
    assert "too short" in response.content.decode()


def test_password_change_from_profile(client: Client, world) -> None:
    sign_in(client, world.people["learner"])
    response = client.post(
        "/accounts/password/change/",
        {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW},
        follow=True,
    )
    assert "Your password is changed." in response.content.decode()
    client.logout()
    assert client.login(email="learner@example.test", password=NEW)


def test_password_change_needs_the_old_password(client: Client, world) -> None:
    sign_in(client, world.people["learner"])
    response = client.post(
        "/accounts/password/change/",
        {"old_password": "wrong", "new_password1": NEW, "new_password2": NEW},
    )
    assert "old password was entered incorrectly" in response.content.decode()
