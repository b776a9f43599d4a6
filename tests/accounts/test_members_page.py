"""The members page: roles listed, a role removed, the last admin kept."""

from __future__ import annotations

from django.test import Client

from skillstack.accounts.models import Membership
from skillstack.audit.models import AuditEntry
from tests.factories import grant, make_user, sign_in

PAGE = "/orgs/bioskills/members/"


def test_members_are_listed_with_their_roles(client: Client, world) -> None:
    sign_in(client, world.people["issuer_admin"])
    page = client.get(PAGE).content.decode()
    for email in ("designer@example.test", "evaluator@example.test", "navigator@example.test"):
        assert email in page
    assert "Credential designer" in page and "Career navigator" in page
    assert "recruiter@example.test" not in page


def test_admin_removes_a_role(client: Client, world) -> None:
    sign_in(client, world.people["issuer_admin"])
    membership = Membership.objects.get(user=world.people["evaluator"])
    response = client.post(f"{PAGE}{membership.pk}/remove/", follow=True)
    assert "Removed the role of Evaluator (Evaluator)." in response.content.decode()
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert AuditEntry.objects.filter(action="accounts.membership.revoked").exists()


def test_removing_the_last_admin_is_refused_with_a_clear_message(client: Client, world) -> None:
    sign_in(client, world.people["issuer_admin"])
    membership = Membership.objects.get(user=world.people["issuer_admin"])
    response = client.post(f"{PAGE}{membership.pk}/remove/", follow=True)
    page = response.content.decode()
    assert "must keep at least one admin" in page and "Give someone else the admin role" in page
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_an_admin_can_be_removed_when_another_remains(client: Client, world) -> None:
    second = make_user()
    grant(second, world.issuer, "org_admin")
    sign_in(client, world.people["issuer_admin"])
    membership = Membership.objects.get(user=world.people["issuer_admin"])
    client.post(f"{PAGE}{membership.pk}/remove/")
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_membership_of_another_organization_is_not_found(client: Client, world) -> None:
    sign_in(client, world.people["issuer_admin"])
    foreign = Membership.objects.get(user=world.people["recruiter"])
    assert client.post(f"{PAGE}{foreign.pk}/remove/").status_code == 404
    assert Membership.objects.filter(pk=foreign.pk).exists()


def test_members_page_is_for_admins_only(client: Client, world) -> None:
    for persona in ("designer", "learner", "outsider"):
        sign_in(client, world.people[persona])
        assert client.get(PAGE).status_code == 403
    client.logout()
    assert client.get(PAGE)["Location"].startswith("/accounts/login/")


def test_remove_is_a_post(client: Client, world) -> None:
    sign_in(client, world.people["issuer_admin"])
    membership = Membership.objects.get(user=world.people["evaluator"])
    assert client.get(f"{PAGE}{membership.pk}/remove/").status_code == 405
