"""Signing and verifying Data Integrity proofs: every change is caught, formatting is not."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from obcore.errors import ProofError, SafeModeError
from obcore.keys import Ed25519KeyPair
from obcore.proofs import proof_add, proof_set_verify
from obcore.report import Outcome

KEY = Ed25519KeyPair.from_seed(bytes(range(32)))
SUITES = ["eddsa-rdfc-2022", "eddsa-jcs-2022"]
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def credential() -> dict[str, Any]:
    return {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": "urn:uuid:8c7a3a52-0e45-4bd4-a6c1-8ac1b2d0c7a1",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": KEY.did, "type": ["Profile"], "name": "Skillstack Test Issuer"},
        "validFrom": "2025-01-15T09:00:00Z",
        "name": "Forklift safety",
        "credentialSubject": {
            "id": "did:example:learner",
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://example.org/achievements/forklift",
                "type": ["Achievement"],
                "name": "Forklift safety — Stufe 2",
                "criteria": {"narrative": "Passed the practical check."},
                "alignment": [
                    {
                        "type": ["Alignment"],
                        "targetName": "A",
                        "targetUrl": "https://example.org/a",
                    },
                    {
                        "type": ["Alignment"],
                        "targetName": "B",
                        "targetUrl": "https://example.org/b",
                    },
                ],
            },
        },
    }


SIGNED = {
    suite: proof_add(credential(), key=KEY, cryptosuite=suite, created="2025-01-15T09:00:00Z")
    for suite in SUITES
}


def verified(document: dict[str, Any]) -> bool:
    results = proof_set_verify(document, now=NOW)
    return bool(results) and all(r.verified for r in results)


@pytest.mark.parametrize("suite", SUITES)
def test_signed_credential_verifies(suite: str) -> None:
    assert verified(SIGNED[suite])


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = []
    if isinstance(value, dict):
        for key, child in value.items():
            if key in ("@context", "proof"):
                continue
            out.append((*prefix, key))
            out.extend(_paths(child, (*prefix, key)))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            out.append((*prefix, index))
            out.extend(_paths(child, (*prefix, index)))
    return out


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        doc = doc[part]
    return doc


LEAVES = [p for p in _paths(credential()) if isinstance(_get(credential(), p), str)]
LEAVES = [p for p in LEAVES if p[-1] != "type" and (len(p) < 2 or p[-2] != "type")]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(suite=st.sampled_from(SUITES), path=st.sampled_from(LEAVES), text=st.text(min_size=1))
def test_any_changed_value_is_rejected(suite: str, path: tuple[Any, ...], text: str) -> None:
    doc = copy.deepcopy(SIGNED[suite])
    parent = _get(doc, path[:-1])
    new = parent[path[-1]] + text
    if path[-1] in ("id", "targetUrl", "validFrom"):
        new = "https://example.org/changed/" + str(abs(hash(text)))
        if path[-1] == "validFrom":
            new = "2024-02-02T00:00:00Z"
    parent[path[-1]] = new
    assert not verified(doc)


@settings(max_examples=40, deadline=None)
@given(suite=st.sampled_from(SUITES), where=st.sampled_from(["top", "issuer", "achievement"]))
def test_an_added_field_is_rejected(suite: str, where: str) -> None:
    doc = copy.deepcopy(SIGNED[suite])
    target = {
        "top": doc,
        "issuer": doc["issuer"],
        "achievement": doc["credentialSubject"]["achievement"],
    }[where]
    target["description"] = "added later"
    assert not verified(doc)


@settings(max_examples=40, deadline=None)
@given(
    suite=st.sampled_from(SUITES),
    path=st.sampled_from(
        [p for p in _paths(credential()) if p[-1] not in ("type",) and isinstance(p[-1], str)]
    ),
)
def test_a_removed_field_is_rejected(suite: str, path: tuple[Any, ...]) -> None:
    doc = copy.deepcopy(SIGNED[suite])
    del _get(doc, path[:-1])[path[-1]]
    assert not verified(doc)


@pytest.mark.parametrize("suite", SUITES)
def test_a_renamed_key_is_rejected(suite: str) -> None:
    doc = copy.deepcopy(SIGNED[suite])
    doc["description"] = doc.pop("name")
    assert not verified(doc)


def test_reordering_an_ordered_array_is_rejected() -> None:
    # JCS signs the JSON text itself: every array's order matters
    for path in (("@context",), ("credentialSubject", "achievement", "alignment")):
        doc = copy.deepcopy(SIGNED["eddsa-jcs-2022"])
        _get(doc, path).reverse()
        assert not verified(doc)
    # In RDF, a JSON-LD array is an unordered set unless it is a @list; @context order is
    # significant, and verify() refuses a credential whose first context is not VC 2.0.
    from obcore.verify import verify

    doc = copy.deepcopy(SIGNED["eddsa-rdfc-2022"])
    doc["@context"].reverse()
    report = verify(doc, now=NOW)
    assert not report.verified
    assert [c.outcome for c in report.checks if c.id == "context"] == [Outcome.FAIL]


def test_rdfc_treats_a_json_ld_set_as_unordered() -> None:
    doc = copy.deepcopy(SIGNED["eddsa-rdfc-2022"])
    doc["credentialSubject"]["achievement"]["alignment"].reverse()
    assert verified(doc)  # same RDF dataset: the signature covers meaning, not JSON order


@settings(max_examples=40, deadline=None)
@given(
    suite=st.sampled_from(SUITES),
    option=st.sampled_from(
        [
            "created",
            "verificationMethod",
            "proofPurpose",
            "cryptosuite",
            "type",
            "proofValue",
            "extra",
            "expires",
        ]
    ),
)
def test_any_changed_proof_option_is_rejected(suite: str, option: str) -> None:
    doc = copy.deepcopy(SIGNED[suite])
    proof = doc["proof"]
    changes: dict[str, Any] = {
        "created": "2025-01-15T09:00:01Z",
        "verificationMethod": Ed25519KeyPair.from_seed(bytes(32)).verification_method,
        "proofPurpose": "authentication",
        "cryptosuite": SUITES[1 - SUITES.index(suite)],
        "type": "Ed25519Signature2020",
        "proofValue": proof["proofValue"][:-2]
        + ("AB" if proof["proofValue"][-2:] != "AB" else "CD"),
        "extra": None,
        "expires": "2030-01-01T00:00:00Z",
    }
    if option == "extra":
        proof["nonce"] = "abc"
    else:
        proof[option] = changes[option]
    assert not verified(doc)


def _shuffle_keys(value: Any, seed: int) -> Any:
    if isinstance(value, dict):
        items = list(value.items())
        items = items[seed % len(items) :] + items[: seed % len(items)] if items else items
        return {k: _shuffle_keys(v, seed + 1) for k, v in reversed(items)}
    if isinstance(value, list):
        return [_shuffle_keys(v, seed + 1) for v in value]
    return value


@settings(max_examples=30, deadline=None)
@given(suite=st.sampled_from(SUITES), seed=st.integers(0, 50), indent=st.sampled_from([None, 1, 7]))
def test_key_order_and_whitespace_are_not_changes(
    suite: str, seed: int, indent: int | None
) -> None:
    doc = json.loads(json.dumps(_shuffle_keys(SIGNED[suite], seed), indent=indent))
    assert verified(doc)


def test_signing_refuses_an_undefined_property_naming_it() -> None:
    with pytest.raises(SafeModeError, match="favouriteColour"):
        proof_add({**credential(), "favouriteColour": "blue"}, key=KEY)


def test_verification_refuses_an_undefined_property_added_after_rdfc_signing() -> None:
    doc = {**SIGNED["eddsa-rdfc-2022"], "favouriteColour": "blue"}
    (result,) = proof_set_verify(doc, now=NOW)
    assert result.checks[0].outcome is Outcome.FAIL
    assert "favouriteColour" in result.checks[0].message


def test_unknown_proof_type_and_cryptosuite_are_refused() -> None:
    doc = copy.deepcopy(SIGNED["eddsa-rdfc-2022"])
    doc["proof"]["cryptosuite"] = "ecdsa-rdfc-2019"
    (result,) = proof_set_verify(doc, now=NOW)
    assert result.checks[0].outcome is Outcome.FAIL and "not accept" in result.checks[0].message
    doc["proof"]["type"] = "RsaSignature2018"
    (result,) = proof_set_verify(doc, now=NOW)
    assert not result.verified and "RsaSignature2018" in result.checks[0].message
    with pytest.raises(ProofError):
        proof_add(credential(), key=KEY, cryptosuite="ecdsa-rdfc-2019")


def test_proof_purpose_must_be_assertion_method() -> None:
    signed = proof_add(credential(), key=KEY, proof_purpose="authentication")
    (result,) = proof_set_verify(signed, now=NOW)
    assert not result.verified and "authentication" in result.checks[0].message


def test_created_in_the_future_and_expired_proofs_fail() -> None:
    future = proof_add(credential(), key=KEY, created="2031-01-01T00:00:00Z")
    (result,) = proof_set_verify(future, now=NOW)
    assert not result.verified and "future" in result.checks[0].message
    assert proof_set_verify(future, now=datetime(2031, 1, 2, tzinfo=UTC))[0].verified
    doc = copy.deepcopy(SIGNED["eddsa-jcs-2022"])
    doc["proof"]["expires"] = "2025-06-01T00:00:00Z"
    (result,) = proof_set_verify(doc, now=NOW)
    assert not result.verified and "expired" in result.checks[0].message


def test_created_without_a_time_zone_is_refused() -> None:
    with pytest.raises(ProofError, match="time zone"):
        proof_add(credential(), key=KEY, created="2025-01-15T09:00:00")


def test_proof_set_reports_each_proof_and_a_broken_one_is_seen() -> None:
    both = proof_add(
        SIGNED["eddsa-rdfc-2022"],
        key=KEY,
        cryptosuite="eddsa-jcs-2022",
        created="2025-01-15T09:00:00Z",
    )
    assert [r.verified for r in proof_set_verify(both, now=NOW)] == [True, True]
    both["proof"][1]["proofValue"] = both["proof"][0]["proofValue"]
    assert [r.verified for r in proof_set_verify(both, now=NOW)] == [True, False]


def test_peer_sample_verifies(shared: Path) -> None:
    for suite in ("rdfc", "jcs"):
        path = shared / f"interop/peer/samples/ob3-achievement-signed-{suite}.json"
        assert verified(json.loads(path.read_text()))
        tampered = shared / f"interop/peer/samples/ob3-achievement-tampered-name-{suite}.json"
        assert not verified(json.loads(tampered.read_text()))


def test_jcs_signing_also_refuses_an_undefined_property() -> None:
    with pytest.raises(SafeModeError, match="favouriteColour"):
        proof_add(
            {**credential(), "favouriteColour": "blue"}, key=KEY, cryptosuite="eddsa-jcs-2022"
        )
