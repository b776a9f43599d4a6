"""Invitations: send, e-mail, accept (right and wrong person, expired, reused), withdraw."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from skillstack.accounts.models import Invitation, Membership, User
from skillstack.audit.models import AuditEntry
from tests.factories import PASSWORD, make_user, sign_in

PAGE = "/orgs/bioskills/invitations/"


@pytest.fixture
def send(client: Client, django_capture_on_commit_callbacks):
    """Post the invitation form; the mail task runs on commit, as after a real request."""

    def _send(email: str = "new.evaluator@example.test", role: str = "evaluator"):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(PAGE + "send/", {"email": email, "role": role})

    return _send


def _link_from_mail() -> str:
    match = re.search(r"https?://[^/\s]+(/accounts/invitations/[^/\s]+/)", mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(1)


def test_admin_sends_an_invitation_and_it_is_mailed(client: Client, world, send) -> None:
    sign_in(client, world.people["issuer_admin"])
    response = send()
    assert response.status_code == 302
    page = client.get(PAGE).content.decode()
    assert "Invitation sent to new.evaluator@example.test." in page
    assert "new.evaluator@example.test" in page.split("Waiting for an answer")[1]
    assert mail.outbox[-1].to == ["new.evaluator@example.test"]
    assert "BioSkills Institute" in mail.outbox[-1].subject
    assert AuditEntry.objects.filter(action="accounts.invitation.sent").exists()


def test_only_roles_of_the_organization_kind_are_offered(client: Client, world, send) -> None:
    sign_in(client, world.people["issuer_admin"])
    page = client.get(PAGE).content.decode()
    assert 'value="evaluator"' in page and 'value="recruiter"' not in page
    refused = send(role="recruiter")
    assert refused.status_code == 400 and "Select a valid choice" in refused.content.decode()
    assert not Invitation.objects.exists()


def test_htmx_send_swaps_only_the_panel(client: Client, world, send) -> None:
    sign_in(client, world.people["issuer_admin"])
    response = client.post(
        PAGE + "send/", {"email": "x@example.test", "role": "evaluator"}, HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert page.startswith('<div id="invitations-panel">') and "<html" not in page
    assert "Invitation sent to x@example.test." in page


def test_invited_person_with_an_account_accepts(client: Client, world, send) -> None:
    sign_in(client, world.people["issuer_admin"])
    send(email="designer2@example.test", role="credential_designer")
    link = _link_from_mail()
    invitee = make_user(email="designer2@example.test")
    client.logout()

    anonymous = client.get(link).content.decode()
    assert "Sign in" in anonymous and "Create an account" in anonymous
    client.post("/accounts/login/", {"email": invitee.email, "password": PASSWORD, "next": link})
    assert "Accept the invitation" in client.get(link).content.decode()
    response = client.post(link + "accept/")
    assert response.status_code == 302 and response["Location"] == "/dashboard/"
    assert Membership.objects.filter(user=invitee, role="credential_designer").exists()
    assert AuditEntry.objects.filter(action="accounts.invitation.accepted").exists()

    reused = client.get(link)
    assert reused.status_code == 410 and "does not work any more" in reused.content.decode()


def test_new_person_creates_an_account_from_the_invitation(client: Client, world, send) -> None:
    sign_in(client, world.people["issuer_admin"])
    send()
    link = _link_from_mail()
    client.logout()
    response = client.post(
        link + "signup/",
        {"full_name": "Eve Valuator", "password": PASSWORD, "password_again": PASSWORD},
    )
    assert response["Location"] == "/dashboard/"
    user = User.objects.get(email="new.evaluator@example.test")
    assert not hasattr(user, "learner_profile")
    assert Membership.objects.filter(user=user, role="evaluator").exists()
    assert "Evaluation" in client.get("/dashboard/").content.decode()


def test_someone_else_signed_in_is_told_whose_invitation_it_is(client: Client, world, send) -> None:
    sign_in(client, world.people["issuer_admin"])
    send()
    link = _link_from_mail()
    sign_in(client, world.people["learner"])
    page = client.get(link).content.decode()
    assert "but this invitation is for" in page and "new.evaluator@example.test" in page
    client.post(link + "accept/")
    assert not Membership.objects.filter(user=world.people["learner"], role="evaluator").exists()


def test_expired_invitation_is_refused(client: Client, world, send) -> None:
    sign_in(client, world.people["issuer_admin"])
    send()
    link = _link_from_mail()
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    assert client.get(link).status_code == 410
    assert client.get("/accounts/invitations/made-up-token/").status_code == 410


def test_admin_withdraws_an_invitation(client: Client, world, send) -> None:
    sign_in(client, world.people["issuer_admin"])
    send()
    link = _link_from_mail()
    invitation = Invitation.objects.get()
    response = client.post(f"{PAGE}{invitation.pk}/withdraw/", follow=True)
    assert "is withdrawn" in response.content.decode()
    assert client.get(link).status_code == 410
    assert AuditEntry.objects.filter(action="accounts.invitation.revoked").exists()


def test_other_roles_cannot_see_or_send_invitations(client: Client, world, send) -> None:
    sign_in(client, world.people["evaluator"])
    assert client.get(PAGE).status_code == 403
    assert send().status_code == 403
    sign_in(client, world.people["outsider"])
    assert client.get(PAGE).status_code == 403
