"""VC-JWT as Open Badges 3.0 uses it (OB 3.0 §8.2 "JSON Web Token Proof Format").

A credential is signed as a compact JWS (RFC 7515). Two payload shapes exist in the wild
and in 1EdTech's corpus:

* VCDM 1.1 style: the credential sits in the ``vc`` claim, beside the registered claims.
* VCDM 2.0 style (OB 3.0 with the ``…/ns/credentials/v2`` context): the payload *is* the
  credential, with the registered claims added at its top level.

The registered claims mirror the credential (OB 3.0 §8.2.3): ``iss`` = ``issuer.id``,
``jti`` = ``id``, ``sub`` = ``credentialSubject.id``, ``nbf`` = ``validFrom`` (1.1:
``issuanceDate``), ``exp`` = ``validUntil`` (1.1: ``expirationDate``). A verifier checks the
signature and that these agree (§8.2.6). Algorithms are an allow-list: RS256 and EdDSA
(Ed25519) only, so ``none``, HMAC and key-type confusion are refused before any crypto.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from joserfc import jws
from joserfc.errors import JoseError
from joserfc.jwk import OKPKey, RSAKey, import_key
from joserfc.jws import JWSRegistry

from obcore.errors import DidResolutionError, JwtError, ObcoreError
from obcore.report import Check, Outcome

from ._jwt import claims_for, decode_segment, fill_from_claims, mismatches, time_problem

__all__ = ["ALLOWED_ALGORITHMS", "issue_jwt", "verify_jwt"]

ALLOWED_ALGORITHMS = ("RS256", "EdDSA")
_PRIVATE_MEMBERS = frozenset({"d", "p", "q", "dp", "dq", "qi", "oth", "k"})
_MAX_TOKEN_CHARS = 1024 * 1024

# joserfc caps the header at 512 bytes; a header carrying a 2048-bit RSA ``jwk`` (as the
# 1EdTech samples do) is larger. The caps stay, at sizes that fit real credentials.
_REGISTRY = JWSRegistry(algorithms=list(ALLOWED_ALGORITHMS))
_REGISTRY.max_header_length = 8 * 1024
_REGISTRY.max_payload_length = _MAX_TOKEN_CHARS

KeyResolver = Callable[[dict[str, Any], dict[str, Any]], dict[str, Any] | None]


def _public_key(jwk: Mapping[str, Any], alg: str) -> RSAKey | OKPKey:
    """Import a public JWK that suits ``alg``; a private or mismatched key is refused.

    RFC 7515 §4.1.3: a ``jwk`` header is a *public* key; a header carrying private members
    leaks the signer's secret and is refused rather than used.
    """
    if not isinstance(jwk, Mapping):
        raise JwtError("The JWT's key is not a JSON object.")
    if _PRIVATE_MEMBERS & set(jwk):
        raise JwtError("The JWT's key contains private key material; it is refused.")
    return _key_for(jwk, alg)


def _key_for(jwk: Mapping[str, Any], alg: str) -> RSAKey | OKPKey:
    kty, crv = jwk.get("kty"), jwk.get("crv")
    if alg == "RS256" and kty != "RSA":
        raise JwtError("RS256 needs an RSA key; the key given is not one.")
    if alg == "EdDSA" and (kty != "OKP" or crv != "Ed25519"):
        raise JwtError("EdDSA needs an Ed25519 (OKP) key; the key given is not one.")
    try:
        key = import_key(dict(jwk))
    except (JoseError, ValueError, TypeError) as exc:
        raise JwtError(f"The JWT's key could not be read: {exc}") from exc
    if not isinstance(key, RSAKey | OKPKey):
        raise JwtError("The JWT's key type is not allowed.")
    if isinstance(key, RSAKey) and key.raw_value.key_size < 2048:
        raise JwtError("RSA keys shorter than 2048 bits are refused.")
    return key


def _split(token: str) -> tuple[dict[str, Any], dict[str, Any]]:
    if not isinstance(token, str) or len(token) > _MAX_TOKEN_CHARS:
        raise JwtError("The JWT is not text of a readable size.")
    parts = token.strip().split(".")
    if len(parts) != 3:
        raise JwtError("A JWT has three dot-separated parts; this text does not.")
    header = decode_segment(parts[0], "header")
    payload = decode_segment(parts[1], "payload")
    return header, payload


def _credential(payload: dict[str, Any]) -> dict[str, Any]:
    vc = payload.get("vc")
    if isinstance(vc, dict):
        return fill_from_claims(vc, payload)
    if "@context" in payload:
        return payload
    raise JwtError("The JWT does not carry a credential (no 'vc' claim, no '@context').")


def _verify_signature(token: str, key: RSAKey | OKPKey, alg: str) -> bool:
    with warnings.catch_warnings():
        # joserfc flags the name "EdDSA" as deprecated by RFC 9864; OB 3.0 and VC-JOSE use
        # it, and the key check above pins it to Ed25519, which is what RFC 9864 asks for.
        warnings.simplefilter("ignore")
        try:
            jws.deserialize_compact(token.strip(), key, algorithms=[alg], registry=_REGISTRY)
        except (JoseError, ValueError):
            return False
    return True


def _signature_check(
    token: str, header: dict[str, Any], payload: dict[str, Any], resolve_key: KeyResolver
) -> Check:
    alg = header.get("alg")
    if alg not in ALLOWED_ALGORITHMS:
        return Check(
            "jwt.signature",
            Outcome.FAIL,
            f"The JWT uses the algorithm {alg!r}; only RS256 and EdDSA are accepted.",
        )
    if "crit" in header:
        return Check("jwt.signature", Outcome.FAIL, "The JWT has critical header extensions.")
    try:
        resolved = resolve_key(header, payload)
        if resolved is not None:
            key, source = _public_key(resolved, alg), "the issuer's key"
        elif "jwk" in header:
            key, source = _public_key(header["jwk"], alg), "the key in the JWT header"
        else:
            return Check(
                "jwt.signature",
                Outcome.NOT_CHECKED,
                "Not checked: the JWT names no key that could be found (no 'jwk', "
                "and the 'kid' or issuer could not be resolved).",
            )
    except DidResolutionError as exc:
        return Check("jwt.signature", Outcome.NOT_CHECKED, f"Not checked: {exc}")
    except ObcoreError as exc:
        return Check("jwt.signature", Outcome.FAIL, str(exc))
    if not _verify_signature(token, key, alg):
        return Check(
            "jwt.signature",
            Outcome.FAIL,
            "The JWT signature does not match: the credential was altered or signed "
            "with another key.",
        )
    return Check(
        "jwt.signature", Outcome.PASS, f"The JWT signature ({alg}) verifies with {source}."
    )


def _claims_check(payload: dict[str, Any], credential: dict[str, Any]) -> Check:
    """Identity claims must agree (a mismatch could re-bind a credential); dates should.

    ``iss``/``jti``/``sub`` naming another issuer, credential or subject fails. ``nbf``/
    ``exp`` differing from the credential's dates is a warning: VC-JOSE-COSE (VCDM 2.0)
    treats them as the token's own window, which ``jwt.time`` enforces, and issuers in
    the wild set ``nbf`` to the signing time.
    """
    wrong = mismatches(payload, credential, claims=("iss", "jti", "sub"))
    if wrong:
        return Check("jwt.claims", Outcome.FAIL, " ".join(wrong))
    differ = mismatches(payload, credential, claims=("nbf", "exp"))
    if differ:
        return Check("jwt.claims", Outcome.WARNING, " ".join(differ))
    return Check("jwt.claims", Outcome.PASS, "The JWT claims agree with the credential.")


def verify_jwt(
    token: str, *, resolve_key: KeyResolver, now: datetime | None = None
) -> tuple[dict[str, Any], list[Check]]:
    """The credential inside ``token`` and the checks on it (OB 3.0 §8.2.6).

    The key is what ``resolve_key(header, payload)`` returns (e.g. by ``kid`` or the
    issuer's DID); when it returns None, a public ``jwk`` in the header is used. Raises
    ``JwtError`` only when no credential can be read at all; every other problem is a
    failed check. ``aud`` is not checked: a credential is not addressed to one verifier.
    """
    header, payload = _split(token)
    credential = _credential(payload)
    checks = [_signature_check(token, header, payload, resolve_key)]
    checks.append(_claims_check(payload, credential))
    moment = now or datetime.now(UTC)
    problem = time_problem(payload, moment)
    if problem:
        checks.append(Check("jwt.time", Outcome.FAIL, problem))
    else:
        checks.append(Check("jwt.time", Outcome.PASS, "The JWT is within its validity period."))
    return credential, checks


def issue_jwt(
    credential: dict[str, Any], *, private_jwk: dict[str, Any], alg: str, kid: str | None
) -> str:
    """Sign ``credential`` as a compact VC-JWT (OB 3.0 §8.2.3-8.2.5).

    A VCDM 2.0 credential becomes the payload with the registered claims added; a VCDM 1.1
    credential goes in the ``vc`` claim. EdDSA takes an Ed25519 OKP key, RS256 an RSA key.
    """
    if alg not in ALLOWED_ALGORITHMS:
        raise JwtError(f"The algorithm {alg!r} is not allowed; use RS256 or EdDSA.")
    if "d" not in private_jwk:
        raise JwtError("Signing needs a private key (the JWK has no 'd').")
    key = _key_for(private_jwk, alg)
    claims = claims_for(credential)
    if credential.get("@context", [None])[0] == "https://www.w3.org/2018/credentials/v1":
        payload: dict[str, Any] = {"vc": credential, **claims}
    else:
        payload = {**credential, **claims}
    header: dict[str, Any] = {"alg": alg, "typ": "JWT"}
    if kid is not None:
        header["kid"] = kid
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # see _verify_signature: "EdDSA" naming
        try:
            return jws.serialize_compact(header, body, key, algorithms=[alg], registry=_REGISTRY)
        except (JoseError, ValueError) as exc:
            raise JwtError(f"The credential could not be signed: {exc}") from exc
