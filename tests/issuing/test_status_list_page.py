"""/orgs/<slug>/status/<purpose>/<number>: the signed list every entry points at."""

from __future__ import annotations

from django.test import Client
from obcore.proofs import proof_set_verify

from skillstack.issuing.services import credential_issue_for_attempt, credential_revoke
from skillstack.issuing.verification import local_resolver
from tests.issuing.helpers import passed_attempt


def test_the_list_an_entry_names_is_served_signed_and_cacheable(world):
    credential = credential_issue_for_attempt(attempt=passed_attempt(world))
    credential_revoke(credential=credential, actor=world.people["issuer_admin"], reason="Fraud")
    url = credential.document["credentialStatus"]["statusListCredential"]
    response = Client().get(url.removeprefix("http://127.0.0.1:8000"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+ld+json"
    assert "max-age=300" in response["Cache-Control"]
    document = response.json()
    assert document["id"] == url
    assert document["credentialSubject"]["statusPurpose"] == "revocation"
    assert all(r.verified for r in proof_set_verify(document, resolver=local_resolver()))


def test_an_unknown_list_is_not_found(world):
    assert Client().get("/orgs/bioskills/status/revocation/1").status_code == 404
    credential_issue_for_attempt(attempt=passed_attempt(world))
    assert Client().get("/orgs/bioskills/status/revocation/2").status_code == 404
    assert Client().get("/orgs/bioskills/status/refresh/1").status_code == 404
    assert Client().get("/orgs/other/status/revocation/1").status_code == 404


def test_absurd_numbers_are_simply_not_found(world):
    huge = "9" * 30
    assert Client().get(f"/orgs/bioskills/status/revocation/{huge}").status_code == 404
