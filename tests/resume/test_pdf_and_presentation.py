"""The resume's PDF (a real PDF with the learner's name and a QR code to the live page) and its
Verifiable Presentation, which the public verification API checks credential by credential."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from skillstack.issuing.services import credential_revoke
from skillstack.resume.models import Resume
from tests.conftest import World
from tests.factories import sign_in
from tests.resume import pdf_text
from tests.resume.helpers import choose, held_credential

pytestmark = pytest.mark.django_db


def _published(client: Client, world: World) -> tuple[str, list[Any]]:
    credentials = [
        held_credential(world, name="Aseptic Technique", skills=["Aseptic"]),
        held_credential(world, name="Accurate Pipetting", skills=["Pipetting"]),
    ]
    sign_in(client, world.people["learner"])
    client.post("/me/resume/profile/", {"headline": "Upstream technician", "summary": ""})
    choose(client, [c.credential_id for c in credentials], share=True)
    assert client.post("/me/resume/publish/").status_code == 302
    return Resume.objects.get().public_token, credentials


def _verify(presentation: dict[str, Any]) -> dict[str, Any]:
    response = Client().post(
        "/api/verify", json.dumps({"credential": presentation}), content_type="application/json"
    )
    assert response.status_code == 200, response.content
    return response.json()  # type: ignore[no-any-return]


def test_the_pdf_is_a_real_pdf_with_the_name_and_a_qr_code(client: Client, world: World) -> None:
    token, _ = _published(client, world)
    response = Client().get(f"/r/{token}/resume.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="learner-resume.pdf"'
    body = response.content
    assert body.startswith(b"%PDF-") and body.rstrip().endswith(b"%%EOF")
    text = pdf_text.text(body)
    assert "Learner" in text and "Upstream technician" in text
    assert "Aseptic Technique" in text and "Accurate Pipetting" in text
    assert f"http://testserver/r/{token}/" in text  # the live page, also under the QR code
    (qr,) = pdf_text.images(body)
    assert b"/Width" in qr.head and b"/Height" in qr.head


def test_the_owners_pdf_before_publishing_has_no_qr_code(client: Client, world: World) -> None:
    credential = held_credential(world)
    sign_in(client, world.people["learner"])
    choose(client, [credential.credential_id])
    body = client.get("/me/resume/resume.pdf").content
    assert body.startswith(b"%PDF-")
    assert pdf_text.images(body) == []
    assert "Aseptic Technique" in pdf_text.text(body)


def test_a_revoked_credential_leaves_the_pdf(client: Client, world: World) -> None:
    token, credentials = _published(client, world)
    credential_revoke(credential=credentials[1], actor=world.people["issuer_admin"], reason="x")
    text = pdf_text.text(Client().get(f"/r/{token}/resume.pdf").content)
    assert "Aseptic Technique" in text and "Accurate Pipetting" not in text


def test_the_presentation_verifies_credential_by_credential(client: Client, world: World) -> None:
    token, credentials = _published(client, world)
    response = Client().get(f"/r/{token}/presentation.json")
    assert response["Content-Type"].startswith("application/json")
    presentation = json.loads(response.content)
    assert presentation["@context"] == ["https://www.w3.org/ns/credentials/v2"]
    assert presentation["type"] == ["VerifiablePresentation"]
    assert "proof" not in presentation and "holder" not in presentation
    assert [c["id"] for c in presentation["verifiableCredential"]] == [
        c.credential_id for c in credentials
    ]
    report = _verify(presentation)
    assert report["verified"] is True and report["verdict"] == "valid"
    assert [c["name"] for c in report["credentials"]] == ["Aseptic Technique", "Accurate Pipetting"]
    assert all(c["verdict"] == "valid" and c["issuer_known"] for c in report["credentials"])
    for index in (0, 1):
        proof = f"credential[{index}].proof[0]"
        assert any(c["id"] == proof and c["outcome"] == "pass" for c in report["checks"])


def test_a_presentation_kept_after_a_revocation_reports_that_credential_revoked(
    client: Client, world: World
) -> None:
    token, credentials = _published(client, world)
    kept = json.loads(Client().get(f"/r/{token}/presentation.json").content)
    credential_revoke(credential=credentials[0], actor=world.people["issuer_admin"], reason="x")
    report = _verify(kept)
    assert report["verified"] is False
    assert [c["state"] for c in report["credentials"]] == ["revoked", ""]
    fresh = json.loads(Client().get(f"/r/{token}/presentation.json").content)
    assert [c["id"] for c in fresh["verifiableCredential"]] == [credentials[1].credential_id]
    assert _verify(fresh)["verified"] is True


def test_a_tampered_credential_in_the_presentation_fails_its_signature(
    client: Client, world: World
) -> None:
    token, _ = _published(client, world)
    presentation = json.loads(Client().get(f"/r/{token}/presentation.json").content)
    presentation["verifiableCredential"][1]["name"] = "Expert Pipetting"
    report = _verify(presentation)
    assert [c["verdict"] for c in report["credentials"]] == ["valid", "invalid"]
