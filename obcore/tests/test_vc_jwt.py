"""VC-JWT (OB 3.0 §8.2): corpus tokens, round trips, tampering and algorithm confusion."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import warnings
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from joserfc import jws
from joserfc.jwk import OKPKey, RSAKey, import_key

from obcore.baking import unbake
from obcore.errors import JwtError
from obcore.report import Check, Outcome
from obcore.vc_jwt import issue_jwt, verify_jwt

ISSUER = "did:example:issuer"
SUBJECT = "did:example:learner"


def no_key(header: dict[str, Any], payload: dict[str, Any]) -> None:
    return None


def outcomes(checks: list[Check]) -> dict[str, Outcome]:
    return {check.id: check.outcome for check in checks}


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


@cache
def ed_key() -> dict[str, Any]:
    return dict(OKPKey.generate_key("Ed25519").as_dict(private=True))


@cache
def rsa_key() -> dict[str, Any]:
    return dict(RSAKey.generate_key(2048).as_dict(private=True))


def public(jwk: dict[str, Any]) -> dict[str, Any]:
    private = {"d", "p", "q", "dp", "dq", "qi"}
    return {k: v for k, v in jwk.items() if k not in private}


def credential(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": "urn:uuid:8f4a3e4c-1f49-4d5e-9a3b-3c6e0c1f1a11",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": ISSUER, "type": ["Profile"], "name": "Example College"},
        "validFrom": "2024-01-01T00:00:00Z",
        "credentialSubject": {"id": SUBJECT, "type": ["AchievementSubject"]},
    }
    base.update(changes)
    return base


def sign_raw(header: dict[str, Any], payload: dict[str, Any], jwk: dict[str, Any]) -> str:
    """Sign exactly these header and payload bytes (to build tokens issue_jwt never makes)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # joserfc's RFC 9864 note on the name "EdDSA"
        return jws.serialize_compact(
            header, json.dumps(payload).encode(), import_key(jwk), algorithms=["EdDSA"]
        )


def keyed(jwk: dict[str, Any]) -> Any:
    return lambda header, payload: public(jwk)


# --- corpus ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "ob30/simple-jwt.png",
        "ob30/simple-jwt.svg",
        "ob30/simple-jwt_v1.png",
        "ob30/simple-jwt_v1.svg",
    ],
)
def test_corpus_baked_jwts_verify_with_their_header_key(corpus: Path, name: str) -> None:
    token = unbake((corpus / name).read_bytes())
    found, checks = verify_jwt(token, resolve_key=no_key)
    assert outcomes(checks) == {
        "jwt.signature": Outcome.PASS,
        "jwt.claims": Outcome.PASS,
        "jwt.time": Outcome.PASS,
    }
    simple = json.loads((corpus / "ob30/simple.json").read_text("utf-8"))
    assert found["type"] == simple["type"]
    assert found["credentialSubject"] == simple["credentialSubject"]


def test_vcdm2_token_payload_is_the_credential(corpus: Path) -> None:
    found, _ = verify_jwt(unbake((corpus / "ob30/simple-jwt.png").read_bytes()), resolve_key=no_key)
    assert found["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert found["validFrom"] == "2010-01-01T00:00:00Z"


def test_vcdm11_token_credential_is_the_vc_claim(corpus: Path) -> None:
    found, _ = verify_jwt(
        unbake((corpus / "ob30/simple-jwt_v1.png").read_bytes()), resolve_key=no_key
    )
    assert found["@context"][0] == "https://www.w3.org/2018/credentials/v1"
    assert "vc" not in found and found["id"] == "http://example.edu/credentials/3732"


def test_clr_token_with_header_key_verifies(corpus: Path) -> None:
    found, checks = verify_jwt((corpus / "clr20/simple.jwt").read_text(), resolve_key=no_key)
    assert outcomes(checks)["jwt.signature"] is Outcome.PASS
    assert found["id"] == "http://example.edu/credentials/3732"


def test_corpus_token_without_any_key_is_not_checked(corpus: Path) -> None:
    # ob30/simple.jwt carries neither 'jwk' nor 'kid': its key must come from the issuer.
    found, checks = verify_jwt((corpus / "ob30/simple.jwt").read_text(), resolve_key=no_key)
    assert outcomes(checks)["jwt.signature"] is Outcome.NOT_CHECKED
    assert outcomes(checks)["jwt.claims"] is Outcome.PASS
    assert found["issuer"]["id"] == "https://example.edu/issuers/565049"


def test_resolver_receives_header_and_payload(corpus: Path) -> None:
    seen: list[tuple[dict[str, Any], dict[str, Any]]] = []

    def resolve(header: dict[str, Any], payload: dict[str, Any]) -> None:
        seen.append((header, payload))

    verify_jwt((corpus / "ob30/simple.jwt").read_text(), resolve_key=resolve)
    [(header, payload)] = seen
    assert header["alg"] == "RS256" and payload["iss"] == "https://example.edu/issuers/565049"


def test_tampered_corpus_token_is_rejected(corpus: Path) -> None:
    token = unbake((corpus / "ob30/simple-jwt.png").read_bytes())
    head, body, sig = token.split(".")
    payload = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    payload["name"] = "Forged Badge"
    forged = ".".join([head, b64(json.dumps(payload).encode()), sig])
    _, checks = verify_jwt(forged, resolve_key=no_key)
    assert outcomes(checks)["jwt.signature"] is Outcome.FAIL


# --- round trips ----------------------------------------------------------------------


@pytest.mark.parametrize(("alg", "make_key"), [("EdDSA", ed_key), ("RS256", rsa_key)])
def test_issue_then_verify_round_trip(alg: str, make_key: Any) -> None:
    jwk = make_key()
    token = issue_jwt(credential(), private_jwk=jwk, alg=alg, kid=f"{ISSUER}#key-1")
    header = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))
    assert header == {"alg": alg, "typ": "JWT", "kid": f"{ISSUER}#key-1"}
    found, checks = verify_jwt(token, resolve_key=keyed(jwk))
    assert all(check.outcome is Outcome.PASS for check in checks)
    assert found["iss"] == ISSUER and found["sub"] == SUBJECT
    assert found["nbf"] == int(datetime(2024, 1, 1, tzinfo=UTC).timestamp())
    assert {k: found[k] for k in credential()} == credential()


def test_vcdm11_credential_is_issued_in_the_vc_claim() -> None:
    legacy = credential()
    legacy["@context"] = ["https://www.w3.org/2018/credentials/v1"]
    token = issue_jwt(legacy, private_jwk=ed_key(), alg="EdDSA", kid=None)
    payload = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
    assert payload["vc"] == legacy and payload["jti"] == legacy["id"]
    found, _ = verify_jwt(token, resolve_key=keyed(ed_key()))
    assert found == legacy


def test_wrong_key_fails() -> None:
    token = issue_jwt(credential(), private_jwk=ed_key(), alg="EdDSA", kid=None)
    other = dict(OKPKey.generate_key("Ed25519").as_dict(private=False))
    _, checks = verify_jwt(token, resolve_key=lambda h, p: other)
    assert outcomes(checks)["jwt.signature"] is Outcome.FAIL


def test_claims_that_disagree_with_the_credential_fail() -> None:
    token = issue_jwt(credential(), private_jwk=ed_key(), alg="EdDSA", kid=None)
    body = token.split(".")[1]
    payload = json.loads(base64.urlsafe_b64decode(body + "=="))
    payload["iss"] = "did:example:someone-else"
    raw = sign_raw({"alg": "EdDSA"}, payload, ed_key())
    _, checks = verify_jwt(raw, resolve_key=keyed(ed_key()))
    result = {c.id: c for c in checks}
    assert result["jwt.signature"].outcome is Outcome.PASS
    assert result["jwt.claims"].outcome is Outcome.FAIL
    assert "'iss'" in result["jwt.claims"].message


def test_expired_token_fails_time_check() -> None:
    token = issue_jwt(
        credential(validUntil="2025-01-01T00:00:00Z"), private_jwk=ed_key(), alg="EdDSA", kid=None
    )
    _, checks = verify_jwt(token, resolve_key=keyed(ed_key()), now=datetime(2026, 1, 1, tzinfo=UTC))
    assert outcomes(checks)["jwt.time"] is Outcome.FAIL
    _, early = verify_jwt(token, resolve_key=keyed(ed_key()), now=datetime(2023, 1, 1, tzinfo=UTC))
    assert outcomes(early)["jwt.time"] is Outcome.FAIL


# --- refusals -------------------------------------------------------------------------


def test_alg_none_is_refused() -> None:
    header = b64(json.dumps({"alg": "none"}).encode())
    token = f"{header}.{b64(json.dumps(credential()).encode())}."
    _, checks = verify_jwt(token, resolve_key=keyed(ed_key()))
    assert outcomes(checks)["jwt.signature"] is Outcome.FAIL


def test_hmac_with_the_public_key_as_secret_is_refused() -> None:
    """Classic confusion: HS256 "signed" with the RSA public key a verifier already has."""
    jwk = public(rsa_key())
    header = b64(json.dumps({"alg": "HS256", "jwk": jwk}).encode())
    body = b64(json.dumps(credential()).encode())
    secret = json.dumps(jwk).encode()
    sig = b64(hmac.new(secret, f"{header}.{body}".encode(), hashlib.sha256).digest())
    _, checks = verify_jwt(f"{header}.{body}.{sig}", resolve_key=lambda h, p: jwk)
    assert outcomes(checks)["jwt.signature"] is Outcome.FAIL


def test_rs256_header_with_an_ed25519_key_is_refused() -> None:
    token = issue_jwt(credential(), private_jwk=ed_key(), alg="EdDSA", kid=None)
    _, body, sig = token.split(".")
    header = b64(json.dumps({"alg": "RS256"}).encode())
    _, checks = verify_jwt(f"{header}.{body}.{sig}", resolve_key=keyed(ed_key()))
    signature = next(c for c in checks if c.id == "jwt.signature")
    assert signature.outcome is Outcome.FAIL and "RSA" in signature.message


def test_header_jwk_with_private_members_is_refused() -> None:
    jwk = ed_key()
    token = sign_raw({"alg": "EdDSA", "jwk": jwk}, credential(), jwk)
    _, checks = verify_jwt(token, resolve_key=no_key)
    signature = next(c for c in checks if c.id == "jwt.signature")
    assert signature.outcome is Outcome.FAIL and "private" in signature.message


@pytest.mark.parametrize("alg", ["HS256", "none", "ES256", "PS256"])
def test_issuing_with_other_algorithms_is_refused(alg: str) -> None:
    with pytest.raises(JwtError, match="not allowed"):
        issue_jwt(credential(), private_jwk=ed_key(), alg=alg, kid=None)


def test_issuing_needs_a_private_key() -> None:
    with pytest.raises(JwtError, match="private"):
        issue_jwt(credential(), private_jwk=public(ed_key()), alg="EdDSA", kid=None)


@pytest.mark.parametrize(
    "token",
    ["not a jwt", "a.b", "a.b.c.d", "e30.bm90IGpzb24.", b64(b'{"alg":"EdDSA"}') + ".e30.x"],
)
def test_unreadable_tokens_raise_jwt_error(token: str) -> None:
    with pytest.raises(JwtError):
        verify_jwt(token, resolve_key=no_key)


def test_vcdm11_fields_moved_into_claims_are_put_back() -> None:
    vc = {
        "@context": ["https://www.w3.org/2018/credentials/v1"],
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "credentialSubject": {"type": ["AchievementSubject"]},
    }
    payload = {"vc": vc, "iss": ISSUER, "jti": "urn:uuid:7", "sub": SUBJECT, "nbf": 1262304000}
    found, checks = verify_jwt(
        sign_raw({"alg": "EdDSA"}, payload, ed_key()), resolve_key=keyed(ed_key())
    )
    assert found["issuer"] == ISSUER and found["id"] == "urn:uuid:7"
    assert found["credentialSubject"]["id"] == SUBJECT
    assert found["issuanceDate"] == "2010-01-01T00:00:00Z"
    assert all(check.outcome is Outcome.PASS for check in checks)


def test_resolver_refusal_is_not_checked_and_other_errors_fail() -> None:
    from obcore.errors import DidResolutionError, KeyFormatError

    token = issue_jwt(credential(), private_jwk=ed_key(), alg="EdDSA", kid="did:web:x#1")

    def offline(header: dict[str, Any], payload: dict[str, Any]) -> None:
        raise DidResolutionError("resolving did:web needs the network, which is not allowed")

    def broken(header: dict[str, Any], payload: dict[str, Any]) -> None:
        raise KeyFormatError("the key is not valid multibase")

    assert outcomes(verify_jwt(token, resolve_key=offline)[1])["jwt.signature"] is (
        Outcome.NOT_CHECKED
    )
    assert outcomes(verify_jwt(token, resolve_key=broken)[1])["jwt.signature"] is Outcome.FAIL
