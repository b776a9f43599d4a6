"""POST /api/verify and /api/verify/upload: public, JSON reports, input errors as sentences."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from obcore.baking import bake_png

from skillstack.wallet.badge import badge_drawn
from tests.conftest import World
from tests.verification.credentials import issue, revoke, tampered

pytestmark = pytest.mark.django_db


def _post(client: Client, body: Any) -> Any:
    return client.post("/api/verify", json.dumps(body), content_type="application/json")


def test_anonymous_verifies_a_credential(client: Client, world: World, no_connection: None) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"])
    response = _post(client, {"credential": credential.document})
    assert response.status_code == 200
    answer = response.json()
    assert answer["verified"] is True
    assert answer["credentials"][0]["issuer"] == "Issued on this platform by BioSkills Institute."
    assert all(c["message"] for c in answer["checks"])


def test_tampered_and_revoked_are_reported(client: Client, world: World) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"])
    answer = _post(client, {"credential": tampered(credential.document)}).json()
    assert answer["verdict"] == "invalid"
    revoke(credential)
    answer = _post(client, {"credential": json.dumps(credential.document)}).json()
    assert answer["credentials"][0]["state"] == "revoked"
    assert answer["headline"].startswith("REVOKED")


def test_unreadable_input_is_a_422_with_a_sentence(client: Client) -> None:
    response = _post(client, {"credential": "certainly not a credential"})
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert error["field"] == "credential"
    assert error["message"].startswith("The credential could not be read")


def test_a_refused_url_names_the_field(client: Client, no_connection: None) -> None:
    response = _post(client, {"url": "https://elsewhere.example/c.json"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "url"
    assert "does not contact other sites" in response.json()["detail"]


def test_exactly_one_of_credential_and_url(client: Client) -> None:
    response = _post(client, {})
    assert response.status_code == 422
    assert "exactly one" in response.json()["errors"][0]["message"]


def test_an_uploaded_baked_png_verifies(client: Client, world: World) -> None:
    credential = issue(issuer=world.issuer, recipient=world.people["learner"])
    png = bake_png(badge_drawn(name="A", issuer="B"), json.dumps(credential.document))
    response = client.post("/api/verify/upload", {"file": SimpleUploadedFile("b.png", png)})
    assert response.status_code == 200
    assert response.json()["verified"] is True
    assert response.json()["source"] == "png+json"


def test_an_upload_over_10_mb_is_413(client: Client) -> None:
    big = SimpleUploadedFile("big.png", b"0" * (10 * 1024 * 1024 + 1))
    response = client.post("/api/verify/upload", {"file": big})
    assert response.status_code == 413
    assert response.json()["code"] == "input.too_large"


def test_a_garbage_upload_is_a_422(client: Client) -> None:
    response = client.post("/api/verify/upload", {"file": SimpleUploadedFile("x.bin", b"\x00zz")})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "file"


def test_ob2_signed_badge_offline_is_not_checked_never_valid(
    client: Client, world: World, no_connection: None
) -> None:
    """1EdTech's OB 2.0 signed sample: its key lives at example.org, which is not fetched."""
    from pathlib import Path

    shared = Path(__file__).resolve().parents[2].parent / "shared"
    sample = shared / "standards/corpus/1edtech/ob20/simple.jwt"
    answer = _post(client, {"credential": sample.read_text().strip()})
    assert answer.status_code == 200
    body = answer.json()
    assert body["source"] == "ob2+jws"
    assert body["verdict"] == "not-checked"
    messages = " ".join(c["message"] for c in body["checks"])
    assert "does not contact other sites" in messages
