"""Every API error is JSON with a stable code, even where ninja or Django answer first."""

from __future__ import annotations

import json

from django.test import Client

from tests.conftest import World
from tests.factories import sign_in


def test_an_unknown_api_path_is_a_json_404(client: Client, world: World) -> None:
    response = client.get("/api/no-such-thing")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_an_unknown_page_is_still_a_page(client: Client, world: World) -> None:
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_a_write_without_csrf_token_is_a_json_403(world: World) -> None:
    client = Client(enforce_csrf_checks=True)
    sign_in(client, world.people["issuer_admin"])
    response = client.post(
        "/api/orgs/bioskills/invitations",
        data=json.dumps({"email": "a@example.test", "role": "evaluator"}),
        content_type="application/json",
    )
    assert response.status_code == 403
    assert response.json()["code"] == "auth.forbidden"


def test_malformed_json_says_so(client: Client, world: World) -> None:
    sign_in(client, world.people["issuer_admin"])
    response = client.patch("/api/orgs/bioskills", data="{", content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {
        "code": "input.malformed",
        "detail": "The request body is not valid JSON; send one JSON object.",
        "errors": [],
    }


def test_a_form_body_is_refused_as_unsupported(client: Client, world: World) -> None:
    sign_in(client, world.people["issuer_admin"])
    response = client.patch(
        "/api/orgs/bioskills", data="name=x", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 415
    assert response.json()["code"] == "input.unsupported_media_type"


def test_a_refused_person_gets_403_whatever_body_they_send(client: Client, world: World) -> None:
    sign_in(client, world.people["recruiter"])
    response = client.patch("/api/orgs/bioskills", data="{", content_type="application/json")
    assert response.status_code == 403


def test_openapi_documents_the_error_shape_on_every_operation(client: Client, world: World) -> None:
    schema = client.get("/api/openapi.json").json()
    assert schema["components"]["schemas"]["Error"]["required"] == ["code", "detail", "errors"]
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            assert {"401", "403", "422"} <= set(operation["responses"]), (method, path)
