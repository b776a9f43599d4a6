"""verify() checks status through the caller's getter, and verifies the list's own proof."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

from obcore.keys import Ed25519KeyPair
from obcore.proofs import proof_add
from obcore.report import Outcome, Verdict
from obcore.status import StatusList, status_entry, status_list_credential
from obcore.verify import verify

KEY = Ed25519KeyPair.from_seed(bytes([3]) * 32)
NOW = datetime(2026, 1, 1, tzinfo=UTC)
LIST_URL = "https://issuer.example/status/1"


def _credential() -> dict[str, Any]:
    return {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": "urn:uuid:9f1c2b2e-5f0a-4c55-8f8e-6d2f1f0f3a01",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": KEY.did, "type": ["Profile"], "name": "Issuer"},
        "validFrom": "2025-01-01T00:00:00Z",
        "name": "Badge",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://example.org/a",
                "type": ["Achievement"],
                "name": "A",
                "description": "d",
                "criteria": {"narrative": "n"},
            },
        },
        "credentialStatus": status_entry(
            status_list_credential=LIST_URL, index=42, purpose="revocation"
        ),
    }


def _status_list(revoked: bool) -> dict[str, Any]:
    bits = StatusList()
    if revoked:
        bits.set(42)
    unsigned = status_list_credential(
        id=LIST_URL,
        issuer=KEY.did,
        status_list=bits,
        purpose="revocation",
        valid_from="2025-01-01T00:00:00Z",
    )
    return proof_add(unsigned, key=KEY, created="2025-01-01T00:00:00Z")


def _status(report: Any) -> list[Any]:
    return [c for c in report.checks if c.id.startswith("status")]


def test_without_a_getter_status_is_not_checked_never_valid() -> None:
    signed = proof_add(_credential(), key=KEY, created="2025-01-01T00:00:00Z")
    report = verify(signed, now=NOW)
    assert report.verdict is Verdict.NOT_CHECKED
    assert _status(report)[0].outcome is Outcome.NOT_CHECKED


def test_a_signed_list_that_says_not_revoked_passes_and_revoked_fails() -> None:
    signed = proof_add(_credential(), key=KEY, created="2025-01-01T00:00:00Z")
    good = verify(signed, now=NOW, get_status_list=lambda url: _status_list(False))
    assert good.verdict is Verdict.VALID, [c.as_dict() for c in good.checks]
    revoked = verify(signed, now=NOW, get_status_list=lambda url: _status_list(True))
    assert revoked.verdict is Verdict.INVALID
    assert _status(revoked)[0].outcome is Outcome.FAIL


def test_a_status_list_with_a_broken_proof_is_not_trusted() -> None:
    signed = proof_add(_credential(), key=KEY, created="2025-01-01T00:00:00Z")
    forged = copy.deepcopy(_status_list(True))
    forged["credentialSubject"]["encodedList"] = _status_list(False)["credentialSubject"][
        "encodedList"
    ]
    report = verify(signed, now=NOW, get_status_list=lambda url: forged)
    assert report.verdict is Verdict.INVALID
    assert "could not be verified" in _status(report)[0].message
