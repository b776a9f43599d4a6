"""Bitstring Status List v1.0: lists, entries, allocation and reading a credential's status."""

from __future__ import annotations

import base64
import gzip
import json
import random
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from obcore.errors import StatusError
from obcore.report import Outcome
from obcore.status import (
    MIN_LIST_LENGTH,
    StatusList,
    allocate_index,
    check_status,
    status_entry,
    status_list_credential,
)

LIST_URL = "https://issuer.example/status/1"
# Bitstring Status List v1.0, example "BitstringStatusListCredential": an all-clear list.
SPEC_EXAMPLE = "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"


def list_credential(status_list: StatusList, purpose: str = "revocation") -> dict[str, Any]:
    return status_list_credential(
        id=LIST_URL, issuer="did:example:issuer", status_list=status_list, purpose=purpose
    )


def credential_with(*entries: dict[str, Any]) -> dict[str, Any]:
    return {"id": "urn:uuid:1", "credentialStatus": list(entries)}


def test_new_list_has_the_minimum_size_and_is_clear() -> None:
    status_list = StatusList()
    assert status_list.length == MIN_LIST_LENGTH == 131_072
    assert len(status_list.to_bytes()) == 16 * 1024
    assert status_list.get(0) == 0
    assert status_list.get(MIN_LIST_LENGTH - 1) == 0


def test_list_smaller_than_the_herd_privacy_minimum_is_refused() -> None:
    with pytest.raises(StatusError, match="at least 131072"):
        StatusList(length=1024)


@pytest.mark.parametrize("index", [0, 1, 7, 8, MIN_LIST_LENGTH - 1])
def test_set_bit_reads_back_at_the_edges(index: int) -> None:
    status_list = StatusList()
    status_list.set(index)
    assert status_list.get(index) == 1
    again = StatusList.decode(status_list.encode())
    assert again.get(index) == 1
    assert sum((b).bit_count() for b in again.to_bytes()) == 1
    status_list.set(index, False)
    assert status_list.get(index) == 0


def test_first_index_is_the_leftmost_bit() -> None:
    status_list = StatusList()
    status_list.set(0)
    assert status_list.to_bytes()[0] == 0b1000_0000


def test_index_past_the_end_is_refused() -> None:
    with pytest.raises(StatusError, match="outside the list"):
        StatusList().get(MIN_LIST_LENGTH)
    with pytest.raises(StatusError, match="outside the list"):
        StatusList().set(-1)


def test_encoding_is_multibase_base64url_of_gzip() -> None:
    encoded = StatusList().encode()
    assert encoded.startswith("u")
    assert "=" not in encoded and "+" not in encoded and "/" not in encoded
    raw = base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4))
    assert gzip.decompress(raw) == bytes(16 * 1024)


def test_spec_example_decodes_to_a_clear_list_of_the_minimum_size() -> None:
    status_list = StatusList.decode(SPEC_EXAMPLE)
    assert status_list.length == MIN_LIST_LENGTH
    assert not any(status_list.to_bytes())


def test_encoded_list_without_multibase_prefix_is_refused() -> None:
    with pytest.raises(StatusError, match="multibase"):
        StatusList.decode(SPEC_EXAMPLE[1:])


def test_gzip_bomb_is_refused_quickly() -> None:
    bomb = gzip.compress(bytes(64 * 1024 * 1024))
    encoded = "u" + base64.urlsafe_b64encode(bomb).decode().rstrip("=")
    with pytest.raises(StatusError, match="allowed size"):
        StatusList.decode(encoded)


def test_garbage_is_a_status_error() -> None:
    with pytest.raises(StatusError, match="GZIP"):
        StatusList.decode("uAAAA")


def test_multi_bit_status_values() -> None:
    status_list = StatusList(status_size=2)
    status_list.set(5, 3)
    status_list.set(6, 2)
    assert [status_list.get(i) for i in (4, 5, 6, 7)] == [0, 3, 2, 0]
    with pytest.raises(StatusError, match="does not fit"):
        status_list.set(1, 4)


@settings(max_examples=40, deadline=None)
@given(st.sets(st.integers(min_value=0, max_value=MIN_LIST_LENGTH - 1), max_size=40))
def test_set_bits_read_back_and_all_others_stay_clear(indexes: set[int]) -> None:
    status_list = StatusList()
    for index in indexes:
        status_list.set(index)
    again = StatusList.decode(status_list.encode())
    bits = again.to_bytes()
    set_positions = {i for i in range(MIN_LIST_LENGTH) if bits[i // 8] >> (7 - i % 8) & 1}
    assert set_positions == indexes


def test_status_list_credential_shape() -> None:
    credential = list_credential(StatusList(), purpose="suspension")
    assert credential["@context"] == ["https://www.w3.org/ns/credentials/v2"]
    assert credential["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    subject = credential["credentialSubject"]
    assert subject["id"] == LIST_URL + "#list"
    assert subject["type"] == "BitstringStatusList"
    assert subject["statusPurpose"] == "suspension"
    assert "proof" not in credential


def test_status_entry_shape() -> None:
    entry = status_entry(status_list_credential=LIST_URL, index=94567, purpose="revocation")
    assert entry == {
        "id": LIST_URL + "#94567",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "94567",
        "statusListCredential": LIST_URL,
    }


def test_unknown_purpose_is_refused() -> None:
    with pytest.raises(StatusError, match="statusPurpose"):
        status_entry(status_list_credential=LIST_URL, index=1, purpose="deleted")


def test_allocation_never_reuses_an_index() -> None:
    rng = random.Random(7)
    used: set[int] = set()
    for _ in range(200):
        index = allocate_index(used=used, length=256, randbelow=rng.randrange)
        assert index not in used
        used.add(index)
    assert len(used) == 200


def test_allocation_finds_the_last_free_index_and_then_reports_full() -> None:
    used = set(range(1024)) - {613}
    assert allocate_index(used=used, length=1024, randbelow=lambda n: 0) == 613
    with pytest.raises(StatusError, match="full"):
        allocate_index(used=set(range(1024)), length=1024)


def test_revoked_credential_fails_with_a_sentence() -> None:
    status_list = StatusList()
    status_list.set(42)
    lists = {LIST_URL: list_credential(status_list)}
    entry = status_entry(status_list_credential=LIST_URL, index=42, purpose="revocation")
    [check] = check_status(credential_with(entry), get_status_list=lists.__getitem__)
    assert check.outcome is Outcome.FAIL
    assert "revoked" in check.message


def test_clear_bit_passes() -> None:
    lists = {LIST_URL: list_credential(StatusList())}
    entry = status_entry(status_list_credential=LIST_URL, index=42, purpose="revocation")
    [check] = check_status(credential_with(entry), get_status_list=lists.__getitem__)
    assert check.outcome is Outcome.PASS


def test_suspended_credential_fails() -> None:
    status_list = StatusList()
    status_list.set(3)
    lists = {LIST_URL: list_credential(status_list, purpose="suspension")}
    entry = status_entry(status_list_credential=LIST_URL, index=3, purpose="suspension")
    [check] = check_status(credential_with(entry), get_status_list=lists.__getitem__)
    assert check.outcome is Outcome.FAIL
    assert "suspended" in check.message


def test_no_fetcher_means_not_checked() -> None:
    entry = status_entry(status_list_credential=LIST_URL, index=3, purpose="revocation")
    [check] = check_status(credential_with(entry), get_status_list=None)
    assert check.outcome is Outcome.NOT_CHECKED
    assert "the status list is online; no fetcher was allowed" in check.message


def test_credential_without_status_has_no_checks() -> None:
    assert check_status({"id": "urn:uuid:1"}, get_status_list=None) == []


def test_purpose_mismatch_fails() -> None:
    lists = {LIST_URL: list_credential(StatusList(), purpose="suspension")}
    entry = status_entry(status_list_credential=LIST_URL, index=3, purpose="revocation")
    [check] = check_status(credential_with(entry), get_status_list=lists.__getitem__)
    assert check.outcome is Outcome.FAIL
    assert "'suspension'" in check.message


def test_index_outside_the_list_fails() -> None:
    lists = {LIST_URL: list_credential(StatusList())}
    entry = status_entry(
        status_list_credential=LIST_URL, index=MIN_LIST_LENGTH, purpose="revocation"
    )
    [check] = check_status(credential_with(entry), get_status_list=lists.__getitem__)
    assert check.outcome is Outcome.FAIL
    assert "outside the list" in check.message


def test_expired_status_list_fails() -> None:
    document = list_credential(StatusList())
    document["validUntil"] = "2020-01-01T00:00:00Z"
    entry = status_entry(status_list_credential=LIST_URL, index=1, purpose="revocation")
    [check] = check_status(credential_with(entry), get_status_list=lambda url: document)
    assert check.outcome is Outcome.FAIL
    assert "expired" in check.message


def test_wrong_list_type_fails() -> None:
    document = list_credential(StatusList())
    document["type"] = ["VerifiableCredential"]
    entry = status_entry(status_list_credential=LIST_URL, index=1, purpose="revocation")
    [check] = check_status(credential_with(entry), get_status_list=lambda url: document)
    assert check.outcome is Outcome.FAIL
    assert "BitstringStatusListCredential" in check.message


def test_fetcher_error_becomes_a_failed_check() -> None:
    def broken(url: str) -> dict[str, Any]:
        raise TimeoutError("timed out after 5 s")

    entry = status_entry(status_list_credential=LIST_URL, index=1, purpose="revocation")
    [check] = check_status(credential_with(entry), get_status_list=broken)
    assert check.outcome is Outcome.FAIL
    assert "timed out" in check.message


def test_unknown_status_type_is_not_checked() -> None:
    entry = {"id": "https://x.example/s", "type": "SomeFutureStatus"}
    [check] = check_status(credential_with(entry), get_status_list=lambda url: {})
    assert check.outcome is Outcome.NOT_CHECKED


def test_status_list_2021_is_read() -> None:
    status_list = StatusList()
    status_list.set(9)
    plain = status_list.encode()[1:]  # StatusList2021 wrote base64url without multibase
    document = {
        "type": ["VerifiableCredential", "StatusList2021Credential"],
        "credentialSubject": {
            "type": "StatusList2021",
            "statusPurpose": "revocation",
            "encodedList": plain,
        },
    }
    entry = {
        "type": "StatusList2021Entry",
        "statusPurpose": "revocation",
        "statusListIndex": "9",
        "statusListCredential": LIST_URL,
    }
    [check] = check_status(credential_with(entry), get_status_list=lambda url: document)
    assert check.outcome is Outcome.FAIL


# --- 1EdTech corpus -------------------------------------------------------------------


def corpus_json(corpus: Path, name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((corpus / name).read_text("utf-8"))
    return data


def test_corpus_test_list_has_only_index_23_set(corpus: Path) -> None:
    document = corpus_json(corpus, "ob30/bit-string-list/testlist")
    status_list = StatusList.decode(document["credentialSubject"]["encodedList"])
    assert status_list.length == MIN_LIST_LENGTH
    bits = status_list.to_bytes()
    assert [i for i in range(status_list.length) if bits[i // 8] >> (7 - i % 8) & 1] == [23]


@pytest.mark.parametrize(
    "name",
    [
        "ob30/bit-string-list/credential-status-revoked.json",
        "ob30/bit-string-list/credential-status-revoked-blank-nodes.json",
    ],
)
def test_corpus_bitstring_samples_are_revoked(corpus: Path, name: str) -> None:
    credential = corpus_json(corpus, name)
    testlist = corpus_json(corpus, "ob30/bit-string-list/testlist")
    url = credential["credentialStatus"]["statusListCredential"]
    seen: list[str] = []

    def get(requested: str) -> dict[str, Any]:
        seen.append(requested)
        return testlist

    [check] = check_status(credential, get_status_list=get)
    assert seen == [url]
    assert check.id == "status.revocation"
    assert check.outcome is Outcome.FAIL
    assert "revoked" in check.message


def test_corpus_bitstring_sample_other_index_is_not_revoked(corpus: Path) -> None:
    credential = corpus_json(corpus, "ob30/bit-string-list/credential-status-revoked.json")
    credential["credentialStatus"]["statusListIndex"] = 22
    testlist = corpus_json(corpus, "ob30/bit-string-list/testlist")
    [check] = check_status(credential, get_status_list=lambda url: testlist)
    assert check.outcome is Outcome.PASS


def test_corpus_1edtech_revocation_list_is_read(corpus: Path) -> None:
    credential = corpus_json(corpus, "ob30/credential-status-revoked.json")
    url = credential["credentialStatus"]["id"]
    revocations = {
        url: {
            "id": url,
            "revokedCredentials": [
                {"id": credential["id"], "revocationReason": "Issued in error."}
            ],
        }
    }
    [check] = check_status(credential, get_status_list=revocations.__getitem__)
    assert check.outcome is Outcome.FAIL
    assert "revoked" in check.message and "Issued in error." in check.message
    [offline] = check_status(credential, get_status_list=None)
    assert offline.outcome is Outcome.NOT_CHECKED
    empty = {url: {"id": url, "revokedCredentials": []}}
    [clear] = check_status(credential, get_status_list=empty.__getitem__)
    assert clear.outcome is Outcome.PASS


def test_now_is_honoured_for_list_validity() -> None:
    document = list_credential(StatusList())
    document["validUntil"] = "2030-01-01T00:00:00Z"
    entry = status_entry(status_list_credential=LIST_URL, index=1, purpose="revocation")
    later = datetime(2031, 1, 1, tzinfo=UTC)
    [check] = check_status(credential_with(entry), get_status_list=lambda url: document, now=later)
    assert check.outcome is Outcome.FAIL


def test_bitstring_list_below_the_minimum_length_fails() -> None:
    small = StatusList(length=1024, allow_small=True)
    document = list_credential(small)
    entry = status_entry(status_list_credential=LIST_URL, index=1, purpose="revocation")
    [check] = check_status(credential_with(entry), get_status_list=lambda url: document)
    assert check.outcome is Outcome.FAIL
    assert "131072 entries" in check.message
