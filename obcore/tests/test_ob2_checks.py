"""OB 2.0 checks worked by hand: recipient hashes, a forged signature, a foreign key."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from obcore.ob2 import OB2_CONTEXT, recipient_matches, sign_assertion, verify_ob2
from obcore.report import Verdict

NOW = datetime(2026, 1, 1, tzinfo=UTC)
ISSUER = "https://badges.example.net/issuer.json"
KEY = "https://badges.example.net/key.json"


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _documents(private: rsa.RSAPrivateKey, owner: str = ISSUER) -> dict[str, dict[str, Any]]:
    pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return {
        KEY: {
            "@context": OB2_CONTEXT,
            "id": KEY,
            "type": "CryptographicKey",
            "owner": owner,
            "publicKeyPem": pem.decode(),
        },
        ISSUER: {
            "@context": OB2_CONTEXT,
            "id": ISSUER,
            "type": "Issuer",
            "name": "Example Net",
            "url": "https://badges.example.net",
        },
    }


def _assertion(email: str = "ada@example.com") -> dict[str, Any]:
    digest = hashlib.sha256((email + "pepper").encode()).hexdigest()
    return {
        "@context": OB2_CONTEXT,
        "type": "Assertion",
        "id": "urn:uuid:0b6f6f2e-4a43-4c8e-9a59-0d3c1f7f5a10",
        "recipient": {
            "type": "email",
            "hashed": True,
            "salt": "pepper",
            "identity": f"sha256${digest}",
        },
        "issuedOn": "2025-05-01T10:00:00Z",
        "badge": {
            "type": "BadgeClass",
            "id": "https://badges.example.net/b/1",
            "name": "Pipetting",
            "description": "Accurate pipetting",
            "criteria": "https://badges.example.net/c",
            "issuer": ISSUER,
        },
        "verification": {"type": "signed", "creator": KEY},
    }


def test_hashed_recipient_matches_only_the_right_email() -> None:
    recipient = _assertion()["recipient"]
    assert recipient_matches(recipient, "ada@example.com")
    assert recipient_matches(recipient, "Ada@Example.com")
    assert not recipient_matches(recipient, "bob@example.com")


def test_plain_recipient() -> None:
    assert recipient_matches({"type": "email", "hashed": False, "identity": "a@b.org"}, "a@b.org")
    assert not recipient_matches({"type": "email", "identity": "a@b.org"}, "c@b.org")


def test_signed_badge_valid_with_embedded_badge_class() -> None:
    private = _key()
    token = sign_assertion(_assertion(), private)
    report = verify_ob2(token, now=NOW, documents=_documents(private))
    assert report.verdict is Verdict.VALID, [c.as_dict() for c in report.checks]


def test_altered_payload_fails_the_signature() -> None:
    private = _key()
    token = sign_assertion(_assertion(), private)
    other = sign_assertion(_assertion("eve@example.com"), private)
    forged = ".".join([token.split(".")[0], other.split(".")[1], token.split(".")[2]])
    report = verify_ob2(forged, now=NOW, documents=_documents(private))
    assert report.verdict is Verdict.INVALID
    assert any(c.id == "proof" and c.outcome.value == "fail" for c in report.checks)


def test_key_of_someone_else_is_refused() -> None:
    private = _key()
    token = sign_assertion(_assertion(), private)
    report = verify_ob2(token, now=NOW, documents=_documents(private, owner="https://evil.example"))
    assert report.verdict is Verdict.INVALID


def test_signed_type_given_unsigned_is_refused() -> None:
    report = verify_ob2(_assertion(), now=NOW, documents=_documents(_key()))
    assert report.verdict is Verdict.INVALID


def test_garbage_is_a_report_not_an_exception() -> None:
    for data in (b"", b"\x89PNG\r\n\x1a\nxx", "a.b.c", {"@context": 3}, b"{]"):
        assert verify_ob2(data, now=NOW).verdict is Verdict.INVALID
