"""The accounts API: behaviour of each operation, as the people who use it."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from skillstack.accounts import services
from skillstack.accounts.models import Invitation, Membership, Organization
from skillstack.audit.models import AuditEntry
from tests.conftest import World
from tests.factories import grant, make_user, sign_in


def _post(client: Client, url: str, body: Any, method: str = "post") -> Any:
    return getattr(client, method)(url, data=json.dumps(body), content_type="application/json")


def test_me_says_who_i_am_and_where_i_work(client: Client, world: World) -> None:
    sign_in(client, world.people["evaluator"])
    data = client.get("/api/me").json()
    assert data["email"] == "evaluator@example.test"
    assert data["is_learner"] is False
    assert [(m["organization"], m["role"]) for m in data["memberships"]] == [
        ("bioskills", "evaluator")
    ]


def test_coalition_admin_lists_every_organization_by_page(client: Client, world: World) -> None:
    sign_in(client, world.people["coalition_admin"])
    page = client.get("/api/orgs?limit=2&offset=0").json()
    assert page["count"] == 5
    assert len(page["items"]) == 2
    issuers = client.get("/api/orgs?kind=issuer").json()
    assert {o["slug"] for o in issuers["items"]} == {"bioskills", "other"}


def test_issuer_admin_cannot_list_every_organization(client: Client, world: World) -> None:
    sign_in(client, world.people["issuer_admin"])
    response = client.get("/api/orgs")
    assert response.status_code == 403
    assert response.json()["code"] == "auth.forbidden"


def test_coalition_admin_creates_an_organization_and_it_is_audited(
    client: Client, world: World
) -> None:
    sign_in(client, world.people["coalition_admin"])
    body = {"name": "Harbor Community College", "kind": "issuer", "issuer_type": "college"}
    response = _post(client, "/api/orgs", body)
    assert response.status_code == 201, response.content
    assert response.json()["slug"] == "harbor-community-college"
    org = Organization.objects.get(slug="harbor-community-college")
    assert AuditEntry.objects.filter(action="accounts.organization.created", organization=org)


def test_creating_an_issuer_without_its_type_names_the_field(client: Client, world: World) -> None:
    sign_in(client, world.people["coalition_admin"])
    response = _post(client, "/api/orgs", {"name": "Nameless", "kind": "issuer"})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "issuer_type", "message": "Say what kind of issuer this is"}
    ]


def test_duplicate_slug_is_an_input_error_not_a_crash(client: Client, world: World) -> None:
    sign_in(client, world.people["coalition_admin"])
    body = {"name": "Again", "kind": "funder", "slug": "fund"}
    response = _post(client, "/api/orgs", body)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "slug"


def test_org_admin_reads_and_patches_settings(client: Client, world: World) -> None:
    sign_in(client, world.people["issuer_admin"])
    response = _post(
        client, "/api/orgs/bioskills", {"description": "Hands-on GMP training"}, "patch"
    )
    assert response.status_code == 200
    assert client.get("/api/orgs/bioskills").json()["description"] == "Hands-on GMP training"


def test_patch_refuses_unknown_fields(client: Client, world: World) -> None:
    sign_in(client, world.people["issuer_admin"])
    response = _post(client, "/api/orgs/bioskills", {"kind": "funder"}, "patch")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "kind"


def test_members_are_listed_by_page(client: Client, world: World) -> None:
    sign_in(client, world.people["issuer_admin"])
    data = client.get("/api/orgs/bioskills/members").json()
    assert data["count"] == 4
    assert {m["role"] for m in data["items"]} == {
        "org_admin",
        "credential_designer",
        "evaluator",
        "career_navigator",
    }


def test_admin_removes_a_member(client: Client, world: World) -> None:
    sign_in(client, world.people["issuer_admin"])
    membership = Membership.objects.get(user=world.people["evaluator"])
    response = client.delete(f"/api/orgs/bioskills/members/{membership.pk}")
    assert response.status_code == 204
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_the_last_admin_cannot_be_removed(client: Client, world: World) -> None:
    sign_in(client, world.people["issuer_admin"])
    membership = Membership.objects.get(user=world.people["issuer_admin"])
    response = client.delete(f"/api/orgs/bioskills/members/{membership.pk}")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "role"


def test_a_member_of_another_org_is_not_found(client: Client, world: World) -> None:
    sign_in(client, world.people["issuer_admin"])
    theirs = Membership.objects.get(user=world.people["outsider"])
    response = client.delete(f"/api/orgs/bioskills/members/{theirs.pk}")
    assert response.status_code == 404
    assert Membership.objects.filter(pk=theirs.pk).exists()


def test_invitations_are_sent_listed_and_revoked(client: Client, world: World) -> None:
    sign_in(client, world.people["issuer_admin"])
    sent = _post(
        client,
        "/api/orgs/bioskills/invitations",
        {"email": "Ana@Example.test", "role": "evaluator"},
    )
    assert sent.status_code == 201
    invitation_id = sent.json()["id"]
    listed = client.get("/api/orgs/bioskills/invitations").json()
    assert [i["email"] for i in listed["items"]] == ["ana@example.test"]
    assert client.delete(f"/api/orgs/bioskills/invitations/{invitation_id}").status_code == 204
    assert client.get("/api/orgs/bioskills/invitations").json()["count"] == 0
    again = client.delete(f"/api/orgs/bioskills/invitations/{invitation_id}")
    assert again.status_code == 422


def test_an_evaluator_cannot_be_invited_to_an_employer(client: Client, world: World) -> None:
    sign_in(client, world.people["coalition_admin"])
    response = _post(
        client, "/api/orgs/plant/invitations", {"email": "x@example.test", "role": "evaluator"}
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "role"


def test_revoking_another_orgs_invitation_is_not_found(client: Client, world: World) -> None:
    theirs, _ = services.invitation_send(
        organization=world.other_issuer,
        email="someone@example.test",
        role="evaluator",
        actor=world.people["outsider"],
    )
    sign_in(client, world.people["issuer_admin"])
    response = client.delete(f"/api/orgs/bioskills/invitations/{theirs.pk}")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    theirs.refresh_from_db()
    assert theirs.revoked_at is None


def test_invitation_is_accepted_once_by_the_invited_person(client: Client, world: World) -> None:
    newcomer = make_user(email="newcomer@example.test")
    _, token = services.invitation_send(
        organization=world.issuer,
        email=newcomer.email,
        role="evaluator",
        actor=world.people["issuer_admin"],
    )
    sign_in(client, newcomer)
    response = _post(client, "/api/invitations/accept", {"token": token})
    assert response.status_code == 200, response.content
    assert response.json()["role"] == "evaluator"
    again = _post(client, "/api/invitations/accept", {"token": token})
    assert again.status_code == 422
    assert again.json()["errors"][0]["field"] == "token"


def test_invitation_for_someone_else_is_refused(client: Client, world: World) -> None:
    _, token = services.invitation_send(
        organization=world.issuer,
        email="intended@example.test",
        role="evaluator",
        actor=world.people["issuer_admin"],
    )
    sign_in(client, world.people["learner"])
    response = _post(client, "/api/invitations/accept", {"token": token})
    assert response.status_code == 422
    assert "intended@example.test" in response.json()["detail"]
    assert not Invitation.objects.filter(accepted_at__isnull=False).exists()


def test_anonymous_api_calls_answer_401_json(client: Client, world: World) -> None:
    response = client.get("/api/me")
    assert response.status_code == 401
    assert response.json() == {"code": "auth.required", "detail": "Sign in first.", "errors": []}


def test_admin_without_second_factor_is_stopped(client: Client, world: World) -> None:
    client.force_login(world.people["issuer_admin"])
    response = client.get("/api/orgs/bioskills")
    assert response.status_code == 403
    assert response.json()["code"] == "auth.second_factor_required"


def test_wrong_method_answers_json_405(client: Client, world: World) -> None:
    sign_in(client, world.people["designer"])
    response = client.put("/api/me")
    assert response.status_code == 405
    assert response.json()["code"] == "http.method_not_allowed"
    assert "GET" in response["Allow"]


def test_openapi_schema_lists_every_operation(client: Client, world: World) -> None:
    schema = client.get("/api/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    assert "/api/orgs/{org_slug}/members/{membership_id}" in schema["paths"]
    assert client.get("/api/docs").status_code == 200


def test_a_second_org_admin_can_be_added_then_removed(client: Client, world: World) -> None:
    second = make_user(email="second.admin@example.test")
    membership = grant(second, world.issuer, "org_admin")
    sign_in(client, world.people["issuer_admin"])
    assert client.delete(f"/api/orgs/bioskills/members/{membership.pk}").status_code == 204
