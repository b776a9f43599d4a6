"""The public /verify/ page: paste, upload or give an address; the report in plain words."""

from __future__ import annotations

import json
import socket
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from obcore.baking import bake_png, bake_svg

from skillstack.wallet.badge import badge_drawn
from tests.conftest import World
from tests.verification.credentials import did_key_jwt, issue, revoke, suspend, tampered

pytestmark = pytest.mark.django_db
URL = "/verify/"


def _text(response: Any) -> str:
    return response.content.decode()


def test_anyone_sees_the_form(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 200
    assert "Paste the credential" in _text(response)
    assert "Or upload a file" in _text(response)


def test_pasted_credential_is_valid(client: Client, world: World, no_connection: None) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"])
    response = client.post(URL, {"text": json.dumps(credential.document)})
    assert response.status_code == 200
    page = _text(response)
    assert "Valid" in page and "Not valid" not in page
    assert "Issued on this platform by BioSkills Institute." in page


def test_tampered_credential_is_not_valid(client: Client, world: World) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"])
    response = client.post(URL, {"text": json.dumps(tampered(credential.document))})
    assert "Not valid: at least one check failed" in _text(response)


def test_revoked_and_suspended_credentials_say_so(client: Client, world: World) -> None:
    revoked = issue(issuer=world.issuer, recipient=world.people["learner"])
    revoke(revoked)
    suspended = issue(issuer=world.issuer, recipient=world.people["learner"])
    suspend(suspended)
    page = _text(client.post(URL, {"text": json.dumps(revoked.document)}))
    assert "REVOKED: the issuer has withdrawn this credential" in page
    page = _text(client.post(URL, {"text": json.dumps(suspended.document)}))
    assert "SUSPENDED" in page


def test_uploaded_baked_png_svg_and_jwt_are_read(client: Client, world: World) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"])
    text = json.dumps(credential.document)
    png = bake_png(badge_drawn(name="Aseptic Technique", issuer="BioSkills"), text)
    svg = bake_svg('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>', text)
    for name, data in (
        ("badge.png", png),
        ("badge.svg", svg.encode()),
        ("cred.jwt", did_key_jwt().encode()),
    ):
        upload = SimpleUploadedFile(name, data, content_type="application/octet-stream")
        page = _text(client.post(URL, {"file": upload}))
        assert "Valid" in page and "Not valid" not in page, name


def test_a_file_over_10_mb_is_refused(client: Client) -> None:
    upload = SimpleUploadedFile("big.png", b"\x89PNG" + b"0" * (10 * 1024 * 1024))
    response = client.post(URL, {"file": upload})
    assert response.status_code == 400
    assert "files up to 10 MB can be checked" in _text(response)


def test_garbage_gets_a_sentence(client: Client) -> None:
    upload = SimpleUploadedFile("notes.txt", b"hello, this is not a badge")
    response = client.post(URL, {"file": upload})
    assert response.status_code == 200
    page = _text(response)
    assert "Not valid" in page
    assert "Reading" in page and "The input is not valid JSON" in page


def test_nothing_or_two_things_at_once_are_explained(client: Client) -> None:
    assert "Give a credential: paste it" in _text(client.post(URL, {}))
    both = {"text": "{}", "url": "https://example.org/c.json"}
    assert "Give only one credential at a time" in _text(client.post(URL, both))


def test_a_url_is_refused_offline_without_any_connection(
    client: Client, no_connection: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_lookup(*args: object, **kwargs: object) -> None:
        raise AssertionError("looked up a host that is not allowed")

    monkeypatch.setattr(socket, "getaddrinfo", no_lookup)
    response = client.post(URL, {"url": "https://badges.example.org/c/1.json"})
    assert response.status_code == 400
    assert "does not contact other sites (badges.example.org)" in _text(response)


def test_a_url_of_a_host_not_on_the_list_is_refused(
    client: Client, settings: Any, no_connection: None
) -> None:
    settings.VERIFY_FETCH_ALLOWED_HOSTS = ["badges.example.org"]
    response = client.post(URL, {"url": "https://evil.example.net/c.json"})
    assert "only fetches from badges.example.org" in _text(response)
    response = client.post(URL, {"url": "http://badges.example.org/c.json"})
    assert "Only https addresses are fetched" in _text(response)


def test_an_allowed_host_with_a_private_address_is_refused(
    client: Client, settings: Any, no_connection: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.VERIFY_FETCH_ALLOWED_HOSTS = ["intranet.example.org"]
    private = [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.5", 443))]
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: private)
    response = client.post(URL, {"url": "https://intranet.example.org/c.json"})
    assert response.status_code == 400
    assert "private or reserved address (10.0.0.5)" in _text(response)
