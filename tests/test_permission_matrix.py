"""Every route by every persona, generated from the URL resolver and the API's routers.

For each page and each API operation (every method) this checks, as each persona and as an
anonymous visitor, that:

* the route declares its permission (``@requires`` / ``@api_requires``) — a new route without
  one fails here, before anyone forgets it;
* a persona whom ``can()`` refuses is refused (401/403/404, or for anonymous visitors on pages a
  redirect to sign in) and that the refusal carries none of the target organization's private
  data (a marker placed in its description, a member's and an invitee's e-mail, its audit log);
* a persona whom ``can()`` allows is not refused.

The target organization is always ``world.issuer``. Other path parameters and request bodies
come from the registries in tests/api/samples.py; a new parameter or required body field
without a sample fails with a message saying where to add one.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from skillstack.accounts.models import Membership
from skillstack.core.access import PermissionSpec
from skillstack.core.permissions import Scope, can, rule_for
from tests.api.discovery import ApiOperation, PageRoute, api_operations, page_routes
from tests.api.samples import (
    MARKER,
    ROUTE_SETUP,
    Samples,
    make_samples,
    path_values,
    valid_body,
)
from tests.conftest import PERSONAS, World
from tests.factories import sign_in

ANONYMOUS = "anonymous"
REFUSED_STATUSES = {401, 403, 404}


@pytest.fixture
def samples(world: World) -> Samples:
    return make_samples(world)


def _expected_allowed(spec: PermissionSpec, persona: str, world: World) -> bool:
    if persona == ANONYMOUS:
        return rule_for(spec.action).scope is Scope.PUBLIC
    org = world.issuer if spec.org_kwarg else None
    return can(world.people[persona], spec.action, org=org)


def _client_as(persona: str, world: World) -> Client:
    client = Client()
    if persona != ANONYMOUS:
        sign_in(client, world.people[persona])
    return client


def _assert_refusal_is_clean(response: Any, label: str) -> None:
    body = response.content.decode("utf-8", errors="replace")
    assert MARKER not in body, f"{label}: the refusal leaks the organization's private data"


PAGES = page_routes()
OPERATIONS = api_operations()
WHO = (*PERSONAS, ANONYMOUS)


@pytest.mark.parametrize("route", [*PAGES, *OPERATIONS], ids=lambda r: r.label)
def test_route_declares_a_permission(route: PageRoute | ApiOperation) -> None:
    spec = route.permission
    assert isinstance(spec, PermissionSpec), (
        f"{route.label} declares no permission: decorate its view with "
        "@requires(...) (pages) or @api_requires(...) (API) from skillstack.core.access."
    )
    rule_for(spec.action)  # the action names a declared rule
    if spec.org_kwarg:
        assert spec.org_kwarg in route.params, f"{route.label}: org_kwarg is not a path parameter"


@pytest.mark.parametrize("persona", WHO)
@pytest.mark.parametrize("route", PAGES, ids=lambda r: r.label)
def test_page_access(route: PageRoute, persona: str, samples: Samples) -> None:
    spec = route.permission
    assert isinstance(spec, PermissionSpec), f"{route.label} declares no permission"
    world = samples.world
    if route.name in ROUTE_SETUP:
        ROUTE_SETUP[route.name](samples)
    url = reverse(route.name, kwargs=path_values(route.label, route.params, samples))
    response = _client_as(persona, world).get(url)
    to_sign_in = response.status_code == 302 and "/accounts/login/" in response["Location"]
    if _expected_allowed(spec, persona, world):
        assert response.status_code not in REFUSED_STATUSES, f"{route.label} refuses {persona}"
        # Allowed means served: a page that answers a valid sample with 4xx is broken, not safe.
        served = response.status_code < 400 or response.status_code == 405  # 405: POST-only step
        assert served, f"{route.label} answers {persona} {response.status_code}"
        # A public step may send a visitor to sign in (two-factor without a password step);
        # a signed-in person whom the rules allow must never be.
        assert persona == ANONYMOUS or not to_sign_in, f"{route.label} sends {persona} to sign in"
    else:
        if persona == ANONYMOUS and getattr(route.view, "bearer_token", False):
            # OAuth resource endpoints answer a missing token with 401, not a sign-in page
            assert response.status_code == 401, f"{route.label}: anonymous got {response}"
            assert "Bearer" in response["WWW-Authenticate"]
        elif persona == ANONYMOUS:
            assert to_sign_in, f"{route.label}: anonymous got {response.status_code}"
        else:
            assert response.status_code in (403, 404), f"{route.label} lets {persona} in"
        _assert_refusal_is_clean(response, route.label)


@pytest.mark.parametrize("persona", WHO)
@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda o: o.label)
def test_api_access(operation: ApiOperation, persona: str, samples: Samples) -> None:
    spec = operation.permission
    assert isinstance(spec, PermissionSpec), f"{operation.label} declares no permission"
    world = samples.world
    url = operation.url(path_values(operation.label, operation.params, samples))
    body = valid_body(operation.label, operation.body, samples) if operation.body else None
    client = _client_as(persona, world)
    response = client.generic(
        operation.method,
        url,
        data=json.dumps(body) if body is not None else "",
        content_type="application/json",
    )
    if _expected_allowed(spec, persona, world):
        assert response.status_code not in REFUSED_STATUSES, (
            f"{operation.label} refuses {persona}: {response.status_code} {response.content!r}"
        )
        assert response.status_code < 500
        if operation.method == "GET":  # a read with valid samples must succeed, not 4xx
            assert response.status_code < 400, (
                f"{operation.label} answers {persona} {response.status_code} {response.content!r}"
            )
    else:
        expected = {401} if persona == ANONYMOUS else {403, 404}
        assert response.status_code in expected, (
            f"{operation.label} answered {persona} with {response.status_code}"
        )
        assert "code" in response.json()
        _assert_refusal_is_clean(response, operation.label)


def test_matrix_covers_the_api_and_the_pages() -> None:
    """Guard against discovery silently finding nothing (which would make every test pass)."""
    labels = {o.label for o in OPERATIONS}
    assert "DELETE /api/orgs/{org_slug}/invitations/{invitation_id}" in labels
    assert "GET /api/orgs/{org_slug}/audit" in labels
    assert any(p.name == "audit:log" for p in PAGES)
    assert any(p.name == "api:openapi-json" for p in PAGES)


def test_a_refused_admin_of_another_org_sees_no_member_of_ours(samples: Samples) -> None:
    client = _client_as("outsider", samples.world)
    assert Membership.objects.filter(pk=samples.membership_id).exists()
    response = client.delete(f"/api/orgs/other/members/{samples.membership_id}")
    assert response.status_code == 404
    assert Membership.objects.filter(pk=samples.membership_id).exists()
