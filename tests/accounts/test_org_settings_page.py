"""Organization settings: view, change, errors next to the fields."""

from __future__ import annotations

from django.test import Client

from skillstack.audit.models import AuditEntry
from tests.factories import sign_in

PAGE = "/orgs/bioskills/"


def _data(**overrides: str) -> dict[str, str]:
    return {
        "name": "BioSkills Institute",
        "website": "https://bioskills.example",
        "email": "hello@bioskills.example",
        "description": "Hands-on lab training.",
        **overrides,
    }


def test_admin_sees_and_changes_the_settings(client: Client, world) -> None:
    sign_in(client, world.people["issuer_admin"])
    assert "Save settings" in client.get(PAGE).content.decode()
    response = client.post(PAGE + "edit/", _data(name="BioSkills Academy"), follow=True)
    page = response.content.decode()
    assert "settings are saved" in page and "BioSkills Academy" in page
    world.issuer.refresh_from_db()
    assert world.issuer.email == "hello@bioskills.example"
    assert AuditEntry.objects.filter(action="accounts.organization.updated").exists()


def test_bad_values_are_explained_next_to_their_fields(client: Client, world) -> None:
    sign_in(client, world.people["issuer_admin"])
    response = client.post(PAGE + "edit/", _data(name="", website="not a url", email="nope"))
    page = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_name_error"' in page and "This field is required." in page
    assert 'id="id_website_error"' in page and "Enter a valid URL." in page
    assert 'id="id_email_error"' in page and "Enter a valid email address." in page
    world.issuer.refresh_from_db()
    assert world.issuer.name == "BioSkills Institute"


def test_settings_are_for_this_organizations_admins(client: Client, world) -> None:
    for persona in ("outsider", "evaluator", "recruiter"):
        sign_in(client, world.people[persona])
        assert client.get(PAGE).status_code == 403
        assert client.post(PAGE + "edit/", _data(name="Hacked")).status_code == 403
    world.issuer.refresh_from_db()
    assert world.issuer.name == "BioSkills Institute"


def test_unknown_organization_is_a_friendly_404(client: Client, world) -> None:
    sign_in(client, world.people["issuer_admin"])
    response = client.get("/orgs/no-such-org/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()
