"""Offline verification helpers: our DIDs and status lists from the database, nothing else."""

from __future__ import annotations

import pytest
from obcore.dids import NetworkRequired
from obcore.errors import StatusError

from skillstack.issuing.models import StatusList
from skillstack.issuing.services import credential_issue_for_attempt, issuer_key_rotate
from skillstack.issuing.verification import local_resolver, local_status_list_getter
from tests.issuing.helpers import passed_attempt


def test_our_did_web_resolves_from_the_database_and_keeps_retired_keys(world):
    first = issuer_key_rotate(organization=world.issuer, actor=None)
    issuer_key_rotate(organization=world.issuer, actor=None)
    did = "did:web:127.0.0.1%3A8000:orgs:bioskills"
    method = local_resolver().verification_method(f"{did}#{first.key_id}")
    assert method["publicKeyMultibase"] == first.public_key_multibase


def test_other_did_web_identifiers_need_the_network(world):
    with pytest.raises(NetworkRequired):
        local_resolver().controller_document("did:web:example.com")


def test_unknown_status_list_urls_are_refused(world):
    get = local_status_list_getter()
    for url in (
        "https://example.com/orgs/bioskills/status/revocation/1",
        "http://127.0.0.1:8000/orgs/bioskills/status/revocation/1",
        "http://127.0.0.1:8000/orgs/bioskills/did.json",
    ):
        with pytest.raises(StatusError):
            get(url)


def test_a_tampered_list_is_refused(world):
    credential = credential_issue_for_attempt(attempt=passed_attempt(world))
    url = credential.document["credentialStatus"]["statusListCredential"]
    assert local_status_list_getter()(url)["id"] == url
    status_list = StatusList.objects.get(organization=world.issuer, purpose="revocation")
    status_list.published["credentialSubject"]["encodedList"] = "uH4sIAAAAAAAAA"
    status_list.save()
    with pytest.raises(StatusError, match="valid proof"):
        local_status_list_getter()(url)
