"""The audit log page of an organization."""

from __future__ import annotations

from django.test import Client

from skillstack.audit.services import audit_record
from tests.factories import sign_in

PAGE = "/orgs/bioskills/audit/"


def test_admin_sees_time_actor_action_and_object(client: Client, world) -> None:
    admin = world.people["issuer_admin"]
    audit_record(
        action="accounts.organization.updated",
        actor=admin,
        organization=world.issuer,
        obj=world.issuer,
    )
    sign_in(client, admin)
    page = client.get(PAGE).content.decode()
    assert "accounts.organization.updated" in page
    assert "issuer_admin@example.test" in page and "BioSkills Institute" in page
    assert "<time datetime=" in page


def test_entries_of_other_organizations_are_not_shown(client: Client, world) -> None:
    audit_record(action="accounts.secret.thing", actor=None, organization=world.other_issuer)
    sign_in(client, world.people["issuer_admin"])
    assert "accounts.secret.thing" not in client.get(PAGE).content.decode()


def test_filter_by_action_prefix(client: Client, world) -> None:
    audit_record(action="accounts.invitation.sent", actor=None, organization=world.issuer)
    audit_record(action="accounts.membership.granted", actor=None, organization=world.issuer)
    sign_in(client, world.people["issuer_admin"])
    page = client.get(PAGE, {"action": "accounts.invitation"}).content.decode()
    assert "accounts.invitation.sent" in page and "accounts.membership.granted" not in page


def test_long_logs_are_paginated_and_bad_page_numbers_are_harmless(client: Client, world) -> None:
    for n in range(30):
        audit_record(action=f"accounts.test.event{n:02d}", actor=None, organization=world.issuer)
    sign_in(client, world.people["issuer_admin"])
    first = client.get(PAGE).content.decode()
    assert "Page 1 of 2" in first and "accounts.test.event29" in first
    assert "accounts.test.event00" not in first
    assert "accounts.test.event00" in client.get(PAGE, {"page": "2"}).content.decode()
    assert client.get(PAGE, {"page": "banana"}).status_code == 200
    assert client.get(PAGE, {"page": "999"}).status_code == 200


def test_audit_log_is_refused_to_other_roles(client: Client, world) -> None:
    for persona in ("designer", "evaluator", "learner", "outsider", "recruiter"):
        sign_in(client, world.people[persona])
        assert client.get(PAGE).status_code == 403, persona
    client.logout()
    assert client.get(PAGE)["Location"].startswith("/accounts/login/")


def test_coalition_admin_may_read_any_log(client: Client, world) -> None:
    sign_in(client, world.people["coalition_admin"])
    assert client.get(PAGE).status_code == 200
