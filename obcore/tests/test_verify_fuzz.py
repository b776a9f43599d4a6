"""Whatever JSON arrives, verify() answers with a report (never an exception)."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from obcore.keys import Ed25519KeyPair
from obcore.proofs import proof_add
from obcore.report import Verdict
from obcore.verify import verify

KEY = Ed25519KeyPair.from_seed(bytes([5]) * 32)
NOW = datetime(2026, 1, 1, tzinfo=UTC)
BASE = proof_add(
    {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": "urn:uuid:3f2a9c1e-6b8d-4e2f-9a1c-5d7e8f9a0b1c",
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
    },
    key=KEY,
    created="2025-01-01T00:00:00Z",
)

_json: Any = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda kids: (
        st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=8), kids, max_size=3)
    ),
    max_leaves=8,
)


def _containers(value: Any) -> list[Any]:
    out = [value]
    for child in (
        value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    ):
        if isinstance(child, (dict, list)):
            out += _containers(child)
    return out


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), replacement=_json)
def test_any_mutation_gives_a_report_and_never_valid_unless_unchanged(
    data: st.DataObject, replacement: Any
) -> None:
    document = copy.deepcopy(BASE)
    target = data.draw(st.sampled_from(_containers(document)))
    if isinstance(target, dict):
        key = data.draw(st.sampled_from([*target.keys(), "extra"]))
        target[key] = replacement
    elif target:
        target[data.draw(st.integers(0, len(target) - 1))] = replacement
    report = verify(json.dumps(document).encode(), now=NOW)
    assert report.checks and report.verdict in set(Verdict)
    # (JSON-LD ignores null and empty values: those can leave the signed meaning unchanged)
    if document != BASE and replacement not in (None, [], {}):
        assert report.verdict is not Verdict.VALID


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_give_a_report(raw: bytes) -> None:
    report = verify(raw, now=NOW)
    assert report.verdict is not Verdict.VALID
