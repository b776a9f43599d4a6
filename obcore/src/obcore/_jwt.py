"""Helpers for obcore.vc_jwt: segment decoding and the claim <-> credential mapping.

The mapping is OB 3.0 §8.2.3 (JWT payload) and VC-JWT for VCDM 1.1 §6.3.1:
``iss``/issuer.id, ``jti``/id, ``sub``/credentialSubject.id, ``nbf``/validFrom
(issuanceDate), ``exp``/validUntil (expirationDate). Times are NumericDate seconds
(RFC 7519 §2).
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from obcore.errors import JwtError

__all__ = ["claims_for", "decode_segment", "fill_from_claims", "mismatches", "time_problem"]

_CLOCK_SKEW_SECONDS = 60


def decode_segment(segment: str, part: str) -> dict[str, Any]:
    """A base64url JSON object segment of a compact JWS (RFC 7515 §7.1)."""
    try:
        raw = base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
        value = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise JwtError(f"The JWT {part} is not base64url-encoded JSON.") from exc
    if not isinstance(value, dict):
        raise JwtError(f"The JWT {part} is not a JSON object.")
    return value


def _issuer_id(credential: Mapping[str, Any]) -> Any:
    issuer = credential.get("issuer")
    return issuer.get("id") if isinstance(issuer, Mapping) else issuer


def _subject_id(credential: Mapping[str, Any]) -> Any:
    subject = credential.get("credentialSubject")
    if isinstance(subject, list) and len(subject) == 1:
        subject = subject[0]
    return subject.get("id") if isinstance(subject, Mapping) else None


def _seconds(value: Any) -> int | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return int((moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp())


def _start(credential: Mapping[str, Any]) -> Any:
    return credential.get("validFrom", credential.get("issuanceDate"))


def _end(credential: Mapping[str, Any]) -> Any:
    return credential.get("validUntil", credential.get("expirationDate"))


def claims_for(credential: Mapping[str, Any]) -> dict[str, Any]:
    """The registered claims that mirror ``credential`` (only those it has values for)."""
    claims: dict[str, Any] = {}
    for name, value in (
        ("iss", _issuer_id(credential)),
        ("jti", credential.get("id")),
        ("sub", _subject_id(credential)),
        ("nbf", _seconds(_start(credential))),
        ("exp", _seconds(_end(credential))),
    ):
        if value is not None:
            claims[name] = value
    return claims


def mismatches(
    payload: Mapping[str, Any], credential: Mapping[str, Any], *, claims: tuple[str, ...]
) -> list[str]:
    """Sentences for each of ``claims`` present in both that disagrees with the credential."""
    expected = claims_for(credential)
    labels = {
        "iss": "the issuer id",
        "jti": "the credential id",
        "sub": "the subject id",
        "nbf": "the credential's start date",
        "exp": "the credential's end date",
    }
    problems = []
    for claim in claims:
        label = labels[claim]
        if claim in payload and claim in expected and payload[claim] != expected[claim]:
            problems.append(
                f"The JWT claim '{claim}' ({payload[claim]!r}) does not match {label} "
                f"({expected[claim]!r})."
            )
    return problems


def _date(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def time_problem(payload: Mapping[str, Any], now: datetime) -> str | None:
    """Why the JWT is outside its ``nbf``/``exp`` window (RFC 7519 §4.1.4-4.1.5), or None."""
    current = now.timestamp()
    for claim in ("nbf", "exp"):
        value = payload.get(claim)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            return f"The JWT claim '{claim}' is not a number of seconds."
    nbf, exp = payload.get("nbf"), payload.get("exp")
    if nbf is not None and nbf > current + _CLOCK_SKEW_SECONDS:
        return f"The JWT is not valid before {_date(nbf)}."
    if exp is not None and exp < current - _CLOCK_SKEW_SECONDS:
        return f"The JWT expired on {_date(exp)}."
    return None


def fill_from_claims(vc: Mapping[str, Any], payload: Mapping[str, Any]) -> dict[str, Any]:
    """A VCDM 1.1 ``vc`` claim completed from the registered claims it may leave out.

    VC Data Model 1.1 §6.3.1 lets an issuer move ``id``, ``issuer``, ``issuanceDate``,
    ``expirationDate`` and ``credentialSubject.id`` into ``jti``, ``iss``, ``nbf``, ``exp``
    and ``sub``; decoding puts them back. Values already in the credential are kept (a
    disagreement is reported by ``mismatches``).
    """
    credential = dict(vc)
    for claim, field in (("jti", "id"), ("iss", "issuer")):
        if field not in credential and isinstance(payload.get(claim), str):
            credential[field] = payload[claim]
    for claim, field, newer in (
        ("nbf", "issuanceDate", "validFrom"),
        ("exp", "expirationDate", "validUntil"),
    ):
        value = payload.get(claim)
        if (
            field not in credential
            and newer not in credential
            and isinstance(value, int | float)
            and not isinstance(value, bool)
        ):
            credential[field] = _date(value)
    subject = credential.get("credentialSubject")
    if isinstance(subject, Mapping) and "id" not in subject and isinstance(payload.get("sub"), str):
        credential["credentialSubject"] = {**subject, "id": payload["sub"]}
    return credential
