"""Error pages speak to people: no tracebacks, a way back."""

from __future__ import annotations

from django.test import Client

from tests.factories import sign_in


def test_404_page(client: Client, db) -> None:
    response = client.get("/no/such/page/")
    page = response.content.decode()
    assert response.status_code == 404 and "We could not find that page" in page
    assert "Traceback" not in page and 'lang="en"' in page


def test_403_page(client: Client, world) -> None:
    sign_in(client, world.people["learner"])
    response = client.get("/orgs/")
    page = response.content.decode()
    assert response.status_code == 403 and "You are not allowed to see this page" in page


def test_500_page_renders_without_a_request_context() -> None:
    from django.template.loader import render_to_string

    page = render_to_string("500.html")
    assert "Something went wrong on our side" in page


def test_home_page_for_visitors(client: Client, db) -> None:
    page = client.get("/").content.decode()
    assert "Create a learner account" in page and "<h1>" in page
