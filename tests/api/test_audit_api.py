"""The audit API: an organization's own log, filtered and paginated."""

from __future__ import annotations

from django.test import Client

from skillstack.accounts import services
from skillstack.audit.services import audit_record
from tests.conftest import World
from tests.factories import sign_in


def _some_history(world: World) -> None:
    admin = world.people["issuer_admin"]
    services.organization_update(organization=world.issuer, actor=admin, description="GMP")
    for n in range(3):
        services.invitation_send(
            organization=world.issuer, email=f"p{n}@example.test", role="evaluator", actor=admin
        )
    audit_record(action="accounts.organization.updated", actor=None, organization=world.funder)


def test_admin_reads_own_log_newest_first_by_page(client: Client, world: World) -> None:
    _some_history(world)
    sign_in(client, world.people["issuer_admin"])
    page = client.get("/api/orgs/bioskills/audit?limit=2").json()
    assert page["count"] == 4
    assert [e["action"] for e in page["items"]] == ["accounts.invitation.sent"] * 2
    rest = client.get("/api/orgs/bioskills/audit?limit=2&offset=2").json()
    assert rest["items"][-1]["action"] == "accounts.organization.updated"


def test_log_filters_by_action_prefix_and_actor(client: Client, world: World) -> None:
    _some_history(world)
    sign_in(client, world.people["issuer_admin"])
    updated = client.get("/api/orgs/bioskills/audit?action=accounts.organization").json()
    assert updated["count"] == 1
    mine = client.get("/api/orgs/bioskills/audit?actor=ISSUER_ADMIN@example.test").json()
    assert mine["count"] == 4
    nobody = client.get("/api/orgs/bioskills/audit?actor=nobody@example.test").json()
    assert nobody["count"] == 0


def test_log_filters_by_time_window(client: Client, world: World) -> None:
    _some_history(world)
    sign_in(client, world.people["issuer_admin"])
    future = client.get("/api/orgs/bioskills/audit?since=2999-01-01T00:00:00Z").json()
    assert future["count"] == 0
    past = client.get("/api/orgs/bioskills/audit?until=2999-01-01T00:00:00Z").json()
    assert past["count"] == 4


def test_bad_filters_and_pages_are_input_errors(client: Client, world: World) -> None:
    sign_in(client, world.people["issuer_admin"])
    for query in (
        "limit=0",
        "limit=100000",
        "offset=-1",
        "offset=99999999999999999999",
        "since=yesterday",
        "action=DROP%20TABLE",
        "actor=%00",
    ):
        response = client.get(f"/api/orgs/bioskills/audit?{query}")
        assert response.status_code == 422, query
        assert response.json()["code"] == "input.invalid"


def test_another_orgs_log_is_refused(client: Client, world: World) -> None:
    _some_history(world)
    sign_in(client, world.people["outsider"])
    response = client.get("/api/orgs/bioskills/audit")
    assert response.status_code == 403
    assert "p0@example.test" not in response.content.decode()
