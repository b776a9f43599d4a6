"""A learner applies from an opening's page; the employer's view of them is their verified
credentials; the application and its first stage are recorded, audited and e-mailed."""

from __future__ import annotations

from typing import Any

from django.core import mail
from django.test import Client

from skillstack.audit.models import AuditEntry
from skillstack.hiring.models import Application, ApplicationSource, Stage
from skillstack.jobs.models import OpeningStatus
from tests.conftest import World
from tests.factories import sign_in
from tests.hiring.helpers import open_opening


def test_learner_applies_with_a_note_and_sees_the_stage(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    opening = open_opening(world.employer)
    learner = world.people["learner"]
    client = Client()
    sign_in(client, learner)

    page = client.get(f"/jobs/{opening.pk}/apply/")
    assert page.status_code == 200
    assert "What the employer sees" in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/jobs/{opening.pk}/apply/", {"note": "I can start Monday."})
    application = Application.objects.get(opening=opening, candidate=learner)
    assert response.status_code == 302
    assert response["Location"] == f"/me/applications/{application.pk}/"
    assert application.stage == Stage.APPLIED
    assert application.source == ApplicationSource.CANDIDATE
    assert application.note == "I can start Monday."
    assert list(application.stage_changes.values_list("stage", flat=True)) == ["applied"]
    assert AuditEntry.objects.filter(action="hiring.application.created").count() == 1
    assert [m.to for m in mail.outbox] == [[learner.email]]
    assert "You applied to Bioprocess Technician I" in mail.outbox[0].body

    listing = client.get("/me/applications/").content.decode()
    assert "Bioprocess Technician I" in listing and "Applied" in listing


def test_applying_twice_keeps_one_application(world: World) -> None:
    opening = open_opening(world.employer)
    client = Client()
    sign_in(client, world.people["learner"])
    client.post(f"/jobs/{opening.pk}/apply/", {"note": ""})
    again = client.post(f"/jobs/{opening.pk}/apply/", {"note": "again"})
    assert again.status_code == 200
    assert "You already have an application here" in again.content.decode()
    assert Application.objects.filter(opening=opening).count() == 1


def test_a_closed_or_draft_opening_is_not_found(world: World) -> None:
    opening = open_opening(world.employer)
    opening.status = OpeningStatus.DRAFT
    opening.save()
    client = Client()
    sign_in(client, world.people["learner"])
    assert client.post(f"/jobs/{opening.pk}/apply/", {"note": ""}).status_code == 404
    assert not Application.objects.exists()


def test_a_note_too_long_is_refused_on_the_field(world: World) -> None:
    opening = open_opening(world.employer)
    client = Client()
    sign_in(client, world.people["learner"])
    response = client.post(f"/jobs/{opening.pk}/apply/", {"note": "x" * 2001})
    assert response.status_code == 422
    assert "at most 2000 characters" in response.content.decode()
    assert not Application.objects.exists()


def test_staff_who_are_not_learners_cannot_apply(world: World) -> None:
    opening = open_opening(world.employer)
    client = Client()
    sign_in(client, world.people["recruiter"])
    assert client.post(f"/jobs/{opening.pk}/apply/", {"note": ""}).status_code == 403
    assert not Application.objects.exists()
