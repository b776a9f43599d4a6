"""Bad input never raises: it becomes a failed check with a sentence, in bounded time."""

from __future__ import annotations

import json
import struct
import time
import zlib
from datetime import UTC, datetime
from typing import Any

import pytest

from obcore.keys import Ed25519KeyPair
from obcore.proofs import proof_add
from obcore.report import Outcome, Verdict
from obcore.verify import supported_formats, verify

KEY = Ed25519KeyPair.from_seed(bytes([7]) * 32)
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def credential(**extra: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": "urn:uuid:1b7c0f0e-7b7e-4f5a-9d0e-3c9f3c1d2a10",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": KEY.did, "type": ["Profile"], "name": "Issuer"},
        "validFrom": "2025-01-01T00:00:00Z",
        "name": "Badge",
        "credentialSubject": {
            "id": "did:example:learner",
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://example.org/a/1",
                "type": ["Achievement"],
                "name": "A",
                "description": "An achievement.",
                "criteria": {"narrative": "Did it."},
            },
        },
    }
    doc.update(extra)
    return doc


def _fails_at(data: Any, check_id: str, words: str) -> None:
    start = time.perf_counter()
    report = verify(data, now=NOW)
    assert time.perf_counter() - start < 2.0
    assert report.verdict is Verdict.INVALID
    failed = [c for c in report.checks if c.outcome is Outcome.FAIL]
    assert failed and failed[0].id == check_id, [c.as_dict() for c in report.checks]
    assert words in failed[0].message


def test_valid_signed_credential_is_valid_from_dict_text_and_bytes() -> None:
    signed = proof_add(credential(), key=KEY, created="2025-01-01T00:00:00Z")
    for data in (signed, json.dumps(signed), json.dumps(signed).encode()):
        report = verify(data, now=NOW)
        assert report.verdict is Verdict.VALID, [c.as_dict() for c in report.checks]
        assert [c.id for c in report.checks] == [
            "parse",
            "context",
            "type",
            "schema",
            "validity",
            "proof[0]",
            "issuer",
        ]


def test_invalid_json_is_reported() -> None:
    _fails_at(b'{"@context": [', "parse", "not valid JSON")


def test_json_that_is_not_an_object_is_reported() -> None:
    _fails_at(b"[1, 2, 3]", "parse", "not an object")


def test_deeply_nested_json_is_refused() -> None:
    _fails_at(b'{"a":' * 200 + b"1" + b"}" * 200, "parse", "nested more than")
    deep: Any = 1
    for _ in range(500):
        deep = {"a": deep}
    _fails_at(deep, "parse", "nested more than")


def test_huge_json_is_refused_quickly() -> None:
    big = json.dumps(credential(description="x" * (3 * 1024 * 1024))).encode()
    _fails_at(big, "parse", "KiB")


def _png(size: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    header = chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
    filler = chunk(b"tEXt", b"Comment\0" + b"x" * size)
    return b"\x89PNG\r\n\x1a\n" + header + filler + chunk(b"IEND", b"")


def test_a_10_mb_png_is_refused_quickly() -> None:
    _fails_at(_png(10 * 1024 * 1024), "parse", "KiB")


def test_a_png_without_a_credential_is_reported() -> None:
    report = verify(_png(100), now=NOW)
    assert report.verdict is Verdict.INVALID
    assert report.checks[0].outcome is Outcome.FAIL


def test_wrong_types_are_reported_not_raised() -> None:
    for value in (
        credential(type="VerifiableCredential"),
        credential(issuer=42),
        credential(validFrom=12),
        credential(proof="nope"),
        credential(credentialSubject=[1, 2]),
        credential(**{"@context": 5}),
    ):
        report = verify(value, now=NOW)
        assert report.verdict is Verdict.INVALID, value
    report = verify(12345, now=NOW)  # type: ignore[arg-type]
    assert report.verdict is Verdict.INVALID


def test_unknown_proof_type_only_is_not_valid() -> None:
    report = verify(
        credential(
            proof={"type": "RsaSignature2018", "proofPurpose": "assertionMethod", "jws": "x"}
        ),
        now=NOW,
    )
    assert report.verdict is not Verdict.VALID


def test_garbage_multibase_in_proof_value_is_a_sentence() -> None:
    signed = proof_add(credential(), key=KEY, created="2025-01-01T00:00:00Z")
    signed["proof"]["proofValue"] = "z0OIl"
    _fails_at(signed, "proof[0]", "not a base58btc character")


def test_missing_proof_unknown_context_expired_and_not_yet_valid() -> None:
    _fails_at(credential(), "proof", "no proof")
    unknown = credential()
    unknown["@context"].append("https://example.org/my-context.json")
    _fails_at(unknown, "context", "my-context.json")
    expired = proof_add(credential(validUntil="2025-06-01T00:00:00Z"), key=KEY)
    _fails_at(expired, "validity", "expired")
    future = proof_add(credential(validFrom="2030-01-01T00:00:00Z"), key=KEY)
    _fails_at(future, "validity", "not valid yet")


def test_outdated_contexts_are_warnings() -> None:
    doc = credential()
    doc["@context"][1] = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json"
    signed = proof_add(doc, key=KEY, created="2025-01-01T00:00:00Z")
    report = verify(signed, now=NOW)
    assert report.verdict is Verdict.WARNING
    assert "older Open Badges 3.0 context" in report.checks[1].message


def test_issuer_must_control_the_signing_key() -> None:
    other = Ed25519KeyPair.from_seed(bytes([9]) * 32)
    signed = proof_add(credential(), key=other, created="2025-01-01T00:00:00Z")
    _fails_at(signed, "issuer", "controlled by")


def test_did_web_key_without_resolver_is_not_checked_never_valid() -> None:
    doc = credential()
    doc["issuer"]["id"] = "did:web:issuer.example"
    signed = proof_add(
        doc,
        key=KEY,
        verification_method="did:web:issuer.example#key-1",
        created="2025-01-01T00:00:00Z",
    )
    report = verify(signed, now=NOW)
    assert report.verdict is Verdict.NOT_CHECKED
    assert any("network" in c.message for c in report.checks)


def test_presentation_is_verified_credential_by_credential() -> None:
    good = proof_add(credential(), key=KEY, created="2025-01-01T00:00:00Z")
    bad = json.loads(json.dumps(good))
    bad["name"] = "Changed"
    presentation = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiablePresentation"],
        "verifiableCredential": [good, bad],
    }
    report = verify(presentation, now=NOW)
    assert report.verdict is Verdict.INVALID
    outcomes = {c.id: c.outcome for c in report.checks}
    assert outcomes["credential[0].proof[0]"] is Outcome.PASS
    assert outcomes["credential[1].proof[0]"] is Outcome.FAIL


def test_supported_formats_are_listed() -> None:
    assert set(supported_formats()) >= {"json", "jsonl", "jwt", "png", "svg"}


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"\x00\x01\x02",
        b"eyJ.bad.jwt",
        b"<svg></svg>",
        "\ud800".encode("utf-8", "surrogatepass"),
    ],
)
def test_garbage_never_raises(garbage: bytes) -> None:
    report = verify(garbage, now=NOW)
    assert report.verdict is Verdict.INVALID
