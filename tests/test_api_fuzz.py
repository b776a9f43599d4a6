"""Schemathesis over the API's OpenAPI description: generated requests (valid and invalid
bodies, parameters and headers) to every operation, as an anonymous caller and as a signed-in
coalition admin (who may do the most), never get a server error.

Schemathesis generates the cases; Django's test Client sends them, so each call shares the
test's database transaction (a raw WSGI call would close the connection at the end of each
request, as a real server does, and end the transaction on PostgreSQL).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import pytest
import schemathesis
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.core import NotSet

from skillstack.api import api
from tests.factories import sign_in

schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api"))

EXAMPLES = 6


@pytest.fixture
def clients(world: Any) -> list[Client]:
    admin = Client()
    sign_in(admin, world.people["coalition_admin"])
    return [Client(), admin]


def _send(client: Client, case: Any) -> Any:
    path = case.formatted_path
    query = case.query if not isinstance(case.query, NotSet) and case.query else {}
    url = f"{path}?{urlencode(query, doseq=True)}" if query else path
    content_type = "application/json"
    if isinstance(case.body, NotSet):
        body = b""
    elif isinstance(case.body, bytes | str):  # files and raw bodies go as generated
        body = case.body if isinstance(case.body, bytes) else case.body.encode()
        content_type = case.media_type or "application/octet-stream"
    else:
        body = json.dumps(case.body, default=str).encode()
    headers = {
        k: v for k, v in (case.headers or {}).items() if k.lower() not in ("content-type", "host")
    }
    return client.generic(case.method, url, data=body, content_type=content_type, headers=headers)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_generated_request_gets_a_server_error(case: Any, clients: list[Client]) -> None:
    for client in clients:
        response = _send(client, case)
        assert response.status_code < 500, (
            f"{case.method} {case.formatted_path} answered {response.status_code}: "
            f"{response.content[:500]!r}"
        )
