"""The evaluator's tablet checklist, its photo upload and its service worker."""

from __future__ import annotations

import hashlib
import io
import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from skillstack.assessment.models import Evidence
from skillstack.assessment.services.certifications import certification_withdraw
from tests.factories import sign_in


def _evaluator(world) -> Client:
    client = Client()
    sign_in(client, world.people["evaluator"])
    return client


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_the_checklist_shows_each_step_in_order_with_the_roster(world, session) -> None:
    response = _evaluator(world).get(f"/orgs/bioskills/sessions/{session.pk}/checklist/")
    page = response.content.decode()
    assert response.status_code == 200
    titles = ["Fit a fresh tip", "Pre-wet the tip", "Hold the pipette vertical", "Volume accuracy"]
    positions = [page.index(t) for t in titles]
    assert positions == sorted(positions)
    assert "I observed this attempt in person" in page
    assert 'capture="environment"' in page
    config = json.loads(
        page.split('id="checklist-config" type="application/json">')[1].split("<")[0]
    )
    assert config["roster"] == [{"id": world.people["learner"].pk, "name": "Learner"}]
    assert config["syncUrl"] == f"/api/orgs/bioskills/sessions/{session.pk}/attempts"


def test_a_withdrawn_evaluator_is_told_why_there_is_no_checklist(world, session) -> None:
    certification_withdraw(
        certification=world.people["evaluator"].evaluator_certifications.get(),
        reason="Skipped the critical step twice.",
        actor=world.people["issuer_admin"],
    )
    response = _evaluator(world).get(f"/orgs/bioskills/sessions/{session.pk}/checklist/")
    assert response.status_code == 403
    assert "not currently certified" in response.content.decode()
    assert "Record the result" not in response.content.decode()


def test_a_photo_is_stored_once_by_its_hash(world, session) -> None:
    data = _png()
    digest = hashlib.sha256(data).hexdigest()
    url = f"/orgs/bioskills/sessions/{session.pk}/evidence/"
    client = _evaluator(world)
    first = client.post(url, {"photo": SimpleUploadedFile("p.png", data), "sha256": digest})
    again = client.post(url, {"photo": SimpleUploadedFile("p.png", data), "sha256": digest})
    assert (first.status_code, again.status_code) == (201, 200)
    evidence = Evidence.objects.get()
    assert evidence.sha256 == digest and evidence.content_type == "image/png"
    assert evidence.file.read() == data


def test_a_file_that_is_not_an_image_is_refused(world, session) -> None:
    url = f"/orgs/bioskills/sessions/{session.pk}/evidence/"
    fake = SimpleUploadedFile("p.jpg", b"MZ\x90\x00 not a photo", content_type="image/jpeg")
    response = _evaluator(world).post(url, {"photo": fake})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "photo"
    assert not Evidence.objects.exists()


def test_a_damaged_photo_is_refused_by_its_hash(world, session) -> None:
    url = f"/orgs/bioskills/sessions/{session.pk}/evidence/"
    response = _evaluator(world).post(
        url, {"photo": SimpleUploadedFile("p.png", _png()), "sha256": "0" * 64}
    )
    assert response.status_code == 422
    assert "damaged" in response.json()["detail"]


def test_a_photo_over_ten_megabytes_is_refused(world, session) -> None:
    url = f"/orgs/bioskills/sessions/{session.pk}/evidence/"
    big = SimpleUploadedFile("p.png", _png() + b"\x00" * (10 * 1024 * 1024))
    response = _evaluator(world).post(url, {"photo": big})
    assert response.status_code == 413
    assert not Evidence.objects.exists()


def test_the_service_worker_covers_the_sessions_folder(world) -> None:
    response = Client().get("/orgs/bioskills/sessions/sw.js")
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/orgs/bioskills/sessions/"
    assert "/static/vendor/idb/umd.js" in response.content.decode()
