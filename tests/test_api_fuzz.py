"""Schemathesis over the API's OpenAPI description: generated requests (valid and invalid
bodies, parameters and headers) to every operation, as an anonymous caller and as a signed-in
coalition admin (who may do the most), never get a server error.

The calls go through the WSGI application in-process, so they share the test's database
transaction; the admin's session and CSRF token travel as a browser's would.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from django.test import Client
from hypothesis import HealthCheck, settings

from skillstack.api import api
from skillstack.wsgi import application
from tests.factories import sign_in

schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api"))
schema.app = application

EXAMPLES = 6


@pytest.fixture
def admin_headers(world: Any) -> dict[str, str]:
    client = Client()
    sign_in(client, world.people["coalition_admin"])
    client.get("/accounts/profile/")  # a form page: it sets the CSRF cookie
    cookies = {name: morsel.value for name, morsel in client.cookies.items()}
    token = cookies.get("csrftoken", "")
    return {
        "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
        "X-CSRFToken": token,
        "Referer": "http://localhost/",
    }


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_generated_request_gets_a_server_error(case: Any, admin_headers: dict[str, str]) -> None:
    for headers in (None, admin_headers):
        response = case.call(headers=headers)
        assert response.status_code < 500, (
            f"{case.method} {case.formatted_path} answered {response.status_code}: "
            f"{response.text[:500]}"
        )
