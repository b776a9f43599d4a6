from django.test import Client

from tests.factories import sign_in


def test_dashboard_needs_sign_in(client: Client, world) -> None:
    response = client.get("/dashboard/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_api_me_lists_memberships(client: Client, world) -> None:
    sign_in(client, world.people["designer"])
    data = client.get("/api/me").json()
    assert data["memberships"][0]["role"] == "credential_designer"


def test_tests_run_in_the_test_environment(settings) -> None:
    assert settings.ENVIRONMENT == "test"
    assert settings.TASKS["default"]["BACKEND"].endswith("ImmediateBackend")
