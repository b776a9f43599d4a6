"""Coalition admins: the list of all organizations and adding one."""

from __future__ import annotations

from django.test import Client

from skillstack.accounts.models import Organization
from tests.factories import sign_in


def test_coalition_admin_sees_every_organization(client: Client, world) -> None:
    sign_in(client, world.people["coalition_admin"])
    page = client.get("/orgs/").content.decode()
    for name in ("BioSkills Institute", "Amgen Test Plant", "Workforce Fund", "Other Institute"):
        assert name in page


def test_coalition_admin_adds_an_issuer(client: Client, world) -> None:
    sign_in(client, world.people["coalition_admin"])
    response = client.post(
        "/orgs/new/",
        {"name": "Valley College", "kind": "issuer", "issuer_type": "college"},
    )
    org = Organization.objects.get(name="Valley College")
    assert response["Location"] == f"/orgs/{org.slug}/invitations/"
    assert 'value="org_admin"' in client.get(response["Location"]).content.decode()


def test_issuer_without_type_is_refused_next_to_the_field(client: Client, world) -> None:
    sign_in(client, world.people["coalition_admin"])
    response = client.post("/orgs/new/", {"name": "Valley College", "kind": "issuer"})
    page = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_issuer_type_error"' in page and "Say what kind of issuer" in page


def test_only_coalition_admins_list_and_add(client: Client, world) -> None:
    sign_in(client, world.people["issuer_admin"])
    assert client.get("/orgs/").status_code == 403
    assert client.post("/orgs/new/", {"name": "X", "kind": "funder"}).status_code == 403


def test_an_organization_named_new_does_not_hide_behind_the_create_page(world) -> None:
    from skillstack.accounts.services import organization_create

    org = organization_create(name="New", kind="employer", actor=world.people["coalition_admin"])
    assert org.slug != "new"
