"""An employer invites only candidates who chose to be found by it; the candidate accepts
(which applies, source "employer") or declines."""

from __future__ import annotations

from typing import Any

from django.core import mail
from django.test import Client

from skillstack.hiring.models import Application, ApplicationSource, Invitation, InvitationStatus
from skillstack.matching.services import discoverability_set
from tests.conftest import World
from tests.factories import sign_in
from tests.hiring.helpers import open_opening


def _as(world: World, persona: str) -> Client:
    client = Client()
    sign_in(client, world.people[persona])
    return client


def test_an_undiscoverable_candidate_cannot_be_invited(world: World) -> None:
    opening = open_opening(world.employer)
    response = _as(world, "recruiter").post(
        "/orgs/plant/applications/invite/",
        {"opening": opening.pk, "candidate_email": "learner@example.test", "message": "Hi"},
    )
    assert response.status_code == 422
    assert "not open to invitations from your organization" in response.content.decode()
    assert not Invitation.objects.exists()


def test_invited_candidate_accepts_and_the_application_starts(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    learner = world.people["learner"]
    discoverability_set(candidate=learner, scope="all", actor=learner)
    opening = open_opening(world.employer)
    with django_capture_on_commit_callbacks(execute=True):
        response = _as(world, "recruiter").post(
            "/orgs/plant/applications/invite/",
            {"opening": opening.pk, "candidate_email": learner.email, "message": "Join us"},
        )
    assert response.status_code == 302
    assert mail.outbox[-1].to == [learner.email]
    assert "invites you to apply" in mail.outbox[-1].subject

    mine = _as(world, "learner")
    assert "Join us" in mine.get("/me/applications/").content.decode()
    invitation = Invitation.objects.get()
    accepted = mine.post(f"/me/invitations/{invitation.pk}/", {"answer": "accept"})
    application = Application.objects.get()
    assert accepted["Location"] == f"/me/applications/{application.pk}/"
    assert application.source == ApplicationSource.EMPLOYER
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED
    again = mine.post(f"/me/invitations/{invitation.pk}/", {"answer": "decline"})
    assert again.status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED


def test_declining_applies_to_nothing(world: World) -> None:
    learner = world.people["learner"]
    discoverability_set(candidate=learner, scope="all", actor=learner)
    _as(world, "recruiter").post(
        "/orgs/plant/applications/invite/",
        {"opening": open_opening(world.employer).pk, "candidate_email": learner.email},
    )
    invitation = Invitation.objects.get()
    _as(world, "learner").post(f"/me/invitations/{invitation.pk}/", {"answer": "decline"})
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.DECLINED
    assert not Application.objects.exists()


def test_an_invitation_of_someone_else_is_not_found(world: World) -> None:
    learner = world.people["learner"]
    discoverability_set(candidate=learner, scope="all", actor=learner)
    _as(world, "recruiter").post(
        "/orgs/plant/applications/invite/",
        {"opening": open_opening(world.employer).pk, "candidate_email": learner.email},
    )
    invitation = Invitation.objects.get()
    from tests.factories import make_user

    stranger = make_user(learner=True)
    client = Client()
    sign_in(client, stranger)
    assert client.post(f"/me/invitations/{invitation.pk}/", {"answer": "accept"}).status_code == 404
