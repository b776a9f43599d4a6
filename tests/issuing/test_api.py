"""The issuing API: list, detail, revoke, suspend, reinstate — JSON errors that say why."""

from __future__ import annotations

import pytest
from django.test import Client

from skillstack.issuing.services import credential_issue_for_attempt
from tests.factories import sign_in
from tests.issuing.helpers import passed_attempt

BASE = "/api/orgs/bioskills/credentials"


@pytest.fixture
def admin(world):
    client = Client()
    sign_in(client, world.people["issuer_admin"])
    return client


@pytest.fixture
def credential(world):
    return credential_issue_for_attempt(attempt=passed_attempt(world))


def _post(client: Client, url: str, body: dict) -> dict:
    response = client.post(url, body, content_type="application/json")
    return {"status": response.status_code, **response.json()}


def test_list_and_search(admin, credential):
    body = admin.get(BASE).json()
    assert body["count"] == 2  # the learner's, and the evaluator's certification
    found = admin.get(BASE + "?search=learner@").json()
    assert [c["credential_id"] for c in found["items"]] == [credential.credential_id]
    assert admin.get(BASE + "?search=nobody").json()["count"] == 0
    assert admin.get(BASE + "?state=revoked").json()["count"] == 0


def test_a_wrong_state_filter_is_named(admin, credential):
    response = admin.get(BASE + "?state=lost")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "state"


def test_detail_carries_the_signed_document(admin, credential):
    body = admin.get(f"{BASE}/{credential.pk}").json()
    assert body["document"]["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
    assert body["recipient_email"] == "learner@example.test"


def test_suspend_reinstate_revoke(admin, credential):
    url = f"{BASE}/{credential.pk}"
    assert _post(admin, url + "/suspend", {"reason": "Checking"})["state"] == "suspended"
    assert _post(admin, url + "/reinstate", {"reason": "Checked"})["state"] == "active"
    revoked = _post(admin, url + "/revoke", {"reason": "Fraud"})
    assert (revoked["state"], revoked["state_reason"]) == ("revoked", "Fraud")
    again = _post(admin, url + "/reinstate", {"reason": "Oops"})
    assert again["status"] == 422 and again["code"] == "input.invalid"
    assert "Only a suspended credential" in again["detail"]


def test_a_missing_reason_is_a_field_error(admin, credential):
    body = _post(admin, f"{BASE}/{credential.pk}/revoke", {})
    assert body["status"] == 422 and body["errors"][0]["field"] == "reason"


def test_another_issuers_credential_is_not_found(world, credential):
    client = Client()
    sign_in(client, world.people["outsider"])
    response = client.get(f"/api/orgs/other/credentials/{credential.pk}")
    assert response.status_code == 404
