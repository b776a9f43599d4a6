"""Filling a roster: one learner by e-mail, or a CSV file checked row by row, all or nothing."""

from __future__ import annotations

import re

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from skillstack.accounts.models import User
from skillstack.assessment.models import RosterEntry
from tests.factories import sign_in


def _designer(world) -> Client:
    client = Client()
    sign_in(client, world.people["designer"])
    return client


def _import(client, session, text: str, dry_run: bool):
    data = {"file": SimpleUploadedFile("roster.csv", text.encode(), content_type="text/csv")}
    if dry_run:
        data["dry_run"] = "on"
    url = f"/orgs/bioskills/sessions/{session.pk}/roster/import/"
    return client.post(url, data)


def test_an_existing_learner_is_added_by_e_mail(world, session) -> None:
    learner = User.objects.create_user(email="ana@example.test", full_name="Ana")
    response = _designer(world).post(
        f"/orgs/bioskills/sessions/{session.pk}/roster/add/",
        {"email": "ANA@example.test"},
        follow=True,
    )
    assert "ana@example.test is on the roster." in response.content.decode()
    assert session.roster.filter(learner=learner).exists()
    assert hasattr(User.objects.get(pk=learner.pk), "learner_profile")
    assert mail.outbox == []


def test_a_new_learner_gets_an_account_and_an_e_mail_to_set_a_password(
    world, session, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        _designer(world).post(
            f"/orgs/bioskills/sessions/{session.pk}/roster/add/",
            {"email": "new.learner@example.test", "full_name": "Noor Learner"},
        )
    user = User.objects.get(email="new.learner@example.test")
    assert not user.has_usable_password()
    assert hasattr(user, "learner_profile")
    [message] = mail.outbox
    assert message.to == ["new.learner@example.test"]
    link = re.search(r"https?://\S+/accounts/password/reset/\S+/\S+/", message.body).group(0)
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    page = Client().get(path, follow=True)
    assert page.status_code == 200
    assert "password" in page.content.decode().lower()
    assert "invalid" not in page.content.decode().lower()


def test_the_same_learner_twice_is_refused_with_a_sentence(world, session) -> None:
    response = _designer(world).post(
        f"/orgs/bioskills/sessions/{session.pk}/roster/add/", {"email": "learner@example.test"}
    )
    assert response.status_code == 400
    assert "already on the roster" in response.content.decode()


def test_a_dry_run_checks_the_file_and_adds_nobody(world, session) -> None:
    text = "email,full_name\nana@example.test,Ana\nben@example.test,Ben\n"
    response = _import(_designer(world), session, text, dry_run=True)
    assert "2 learners would be added" in response.content.decode()
    assert session.roster.count() == 1


def test_an_import_adds_every_row(world, session) -> None:
    text = "email,full_name\nana@example.test,Ana\nben@example.test,Ben\n"
    _import(_designer(world), session, text, dry_run=False)
    assert sorted(session.roster.values_list("learner__email", flat=True)) == [
        "ana@example.test",
        "ben@example.test",
        "learner@example.test",
    ]


def test_one_bad_row_adds_nobody_and_names_the_row_and_field(world, session) -> None:
    text = (
        "email,full_name\nana@example.test,Ana\nnot-an-email,Bo\n"
        "ana@example.test,Ana again\nlearner@example.test,Learner\n"
    )
    response = _import(_designer(world), session, text, dry_run=False)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Row 3, email: &#x27;not-an-email&#x27; is not an e-mail address." in page
    assert "Row 4, email: ana@example.test is a duplicate of row 2." in page
    assert "Row 5, email: learner@example.test is already on the roster." in page
    assert RosterEntry.objects.filter(session=session).count() == 1
    assert not User.objects.filter(email="ana@example.test").exists()


def test_a_file_without_the_columns_is_explained(world, session) -> None:
    response = _import(_designer(world), session, "name;mail\nAna;a@b.test\n", dry_run=True)
    assert "must name the columns email and full_name" in response.content.decode()


def test_a_file_that_is_not_text_is_explained(world, session) -> None:
    client = _designer(world)
    data = {"file": SimpleUploadedFile("roster.csv", b"\xff\xfe\x00\x01", "text/csv")}
    response = client.post(f"/orgs/bioskills/sessions/{session.pk}/roster/import/", data)
    assert response.status_code == 400
    assert "not UTF-8 text" in response.content.decode()


def test_an_evaluator_cannot_change_the_roster(world, session) -> None:
    client = Client()
    sign_in(client, world.people["evaluator"])
    response = client.post(
        f"/orgs/bioskills/sessions/{session.pk}/roster/add/", {"email": "x@example.test"}
    )
    assert response.status_code == 403
