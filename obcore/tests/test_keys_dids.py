"""Ed25519 Multikey values, did:key documents, the resolver and the guarded fetcher."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from obcore import _multibase
from obcore._did_key import did_key_document
from obcore.dids import NetworkRequired, Resolver, SafeFetcher, did_web_url
from obcore.errors import DidResolutionError, KeyFormatError
from obcore.keys import (
    key_pair_from_json,
    key_pair_generate,
    public_key_from_multibase,
    verify_signature,
)

W3C_DID = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"


def test_keygen_makes_multikey_values_that_round_trip() -> None:
    pair = key_pair_generate()
    data = pair.as_json()
    assert data["publicKeyMultibase"].startswith("z6Mk")
    assert data["secretKeyMultibase"].startswith("z3u2")
    again = key_pair_from_json(data)
    assert again == pair
    signature = pair.sign(b"message")
    assert verify_signature(public_key=pair.public_key, message=b"message", signature=signature)
    assert not verify_signature(public_key=pair.public_key, message=b"other", signature=signature)


def test_w3c_key_pair_file_is_read(shared: Path) -> None:
    path = shared / "standards/vectors/vc-di-eddsa/TestVectors/keyPair.json"
    pair = key_pair_from_json(json.loads(path.read_text()))
    assert pair.did == W3C_DID


@pytest.mark.parametrize(
    ("value", "sentence"),
    [
        ("z6Mk0OIl", "not a base58btc character"),
        ("u6Mkabc", "must start with 'z'"),
        ("", "non-empty"),
        ("z" + _multibase.b58encode(b"\x12\x34" + bytes(32)), "not an Ed25519 Multikey"),
        ("z" + "2" * 600, "far too long"),
    ],
)
def test_garbage_multibase_is_a_key_format_error_with_a_sentence(value: str, sentence: str) -> None:
    with pytest.raises(KeyFormatError, match=sentence):
        public_key_from_multibase(value)


def test_key_file_with_mismatched_public_key_is_refused() -> None:
    one, two = key_pair_generate(), key_pair_generate()
    data = {
        "publicKeyMultibase": two.public_key_multibase,
        "secretKeyMultibase": one.secret_key_multibase,
    }
    with pytest.raises(KeyFormatError, match="does not match"):
        key_pair_from_json(data)


def test_did_key_document_has_the_reference_shape() -> None:
    document = did_key_document(W3C_DID)
    vm = f"{W3C_DID}#{W3C_DID.rsplit(':', 1)[1]}"
    assert document["@context"] == [
        "https://www.w3.org/ns/did/v1",
        "https://w3id.org/security/multikey/v1",
    ]
    assert document["verificationMethod"][0]["id"] == vm
    assert document["verificationMethod"][0]["type"] == "Multikey"
    assert document["assertionMethod"] == [vm]
    assert "keyAgreement" not in document


def test_resolver_finds_a_did_key_method_and_a_bare_did_key() -> None:
    resolver = Resolver()
    fragment = W3C_DID.rsplit(":", 1)[1]
    assert resolver.verification_method(f"{W3C_DID}#{fragment}")["controller"] == W3C_DID
    assert resolver.verification_method(W3C_DID)["controller"] == W3C_DID


def test_did_web_and_https_need_a_fetcher_the_caller_passes() -> None:
    with pytest.raises(NetworkRequired):
        Resolver().verification_method("did:web:example.com#key-1")
    with pytest.raises(NetworkRequired):
        Resolver().verification_method("https://example.com/issuer#key-1")


def test_controller_document_must_list_the_key_for_assertion(shared: Path) -> None:
    controller = json.loads(
        (shared / "interop/peer/vectors/1edtech-ob3/controller.json").read_text()
    )
    vm = controller["verificationMethod"][0]["id"]
    fetched: list[str] = []

    def fetcher(url: str) -> dict[str, object]:
        fetched.append(url)
        return controller

    assert Resolver(fetcher=fetcher).verification_method(vm)["publicKeyMultibase"]
    assert fetched == [controller["id"]]
    no_assertion = {**controller, "assertionMethod": []}
    with pytest.raises(DidResolutionError, match="not authorised for assertionMethod"):
        Resolver(fetcher=lambda url: no_assertion).verification_method(vm)
    wrong_id = {**controller, "id": "https://other.example/issuer"}
    with pytest.raises(DidResolutionError, match="different id"):
        Resolver(fetcher=lambda url: wrong_id).verification_method(vm)


@pytest.mark.parametrize(
    ("vm", "sentence"),
    [
        ("did:example:123#k", "DID method 'example' is not supported"),
        ("xxx:z6Mk", "unsupported scheme 'xxx'"),
        ("z6MkrvfzkMnvCroEUP2DVc9SHPE48CRsvHiVSusHioxTYu1x", "not a URL or DID"),
        (f"{W3C_DID}#wrong", "not listed"),
    ],
)
def test_unusable_verification_methods_fail_with_a_reason(vm: str, sentence: str) -> None:
    with pytest.raises(DidResolutionError, match=sentence):
        Resolver().verification_method(vm)


def test_did_web_urls_follow_the_did_web_spec() -> None:
    assert did_web_url("did:web:example.com") == "https://example.com/.well-known/did.json"
    assert (
        did_web_url("did:web:example.com:user:alice") == "https://example.com/user/alice/did.json"
    )
    assert (
        did_web_url("did:web:example.com%3A8443") == "https://example.com:8443/.well-known/did.json"
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/did.json",
        "https://localhost/did.json",
        "https://169.254.169.254/latest/meta-data",
        "https://10.0.0.1/x",
        "https://[::1]/x",
        "https://0.0.0.0/x",
        "https://224.0.0.1/x",
        "http://example.com/did.json",
    ],
)
def test_safe_fetcher_refuses_private_or_plain_http_before_connecting(url: str) -> None:
    with pytest.raises(DidResolutionError, match=r"private or reserved|Only https"):
        SafeFetcher(timeout=1)(url)
