"""Check a wallet's proof of possession: the ``jwt`` proof type of OpenID4VCI 1.0 Appendix F.1.

The header has ``typ: openid4vci-proof+jwt``, an allowed ``alg`` and the key (``kid`` or
``jwk``, never both); the payload has ``aud`` = the credential issuer identifier, ``iat``
and the ``nonce`` the issuer gave. The signature is checked with joserfc against that key, with
an algorithm allow-list (so ``none``, HMAC and key-type confusion fail before any crypto).
"""

from __future__ import annotations

import base64
import json
import warnings
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from joserfc import jws
from joserfc.errors import JoseError
from joserfc.jwk import import_key
from joserfc.jws import JWSRegistry

from skillstack.oid4vci.errors import ProtocolError
from skillstack.oid4vci.holder_keys import HolderKey, key_from_jwk, key_from_kid

PROOF_TYP = "openid4vci-proof+jwt"
ALGORITHMS = ("EdDSA", "ES256")
IAT_PAST = timedelta(minutes=5)
IAT_FUTURE = timedelta(seconds=60)
MAX_JWT_CHARS = 16 * 1024

_REGISTRY = JWSRegistry(algorithms=list(ALGORITHMS))


@dataclass(frozen=True, slots=True)
class Possession:
    """What a valid proof establishes: the holder's key (and DID) and the nonce it used."""

    key: HolderKey
    nonce: str


def _bad(description: str) -> ProtocolError:
    return ProtocolError("invalid_proof", description)


def _segment(text: str, what: str) -> dict[str, Any]:
    try:
        padded = text + "=" * (-len(text) % 4)
        value = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, UnicodeError):
        raise _bad(f"The proof JWT's {what} is not base64url-encoded JSON.") from None
    if not isinstance(value, dict):
        raise _bad(f"The proof JWT's {what} is not a JSON object.")
    return value


def _header_key(header: dict[str, Any]) -> HolderKey:
    if header.get("typ") != PROOF_TYP:
        raise _bad(f"The proof JWT's typ must be {PROOF_TYP!r}.")
    alg = header.get("alg")
    if alg not in ALGORITHMS:
        raise _bad(f"The proof JWT's alg must be one of {', '.join(ALGORITHMS)}.")
    if "x5c" in header or "trust_chain" in header:
        raise _bad("Certificate chains are not accepted; send kid (did:key) or jwk.")
    if ("kid" in header) == ("jwk" in header):
        raise _bad("The proof JWT must carry exactly one of kid (a did:key URL) or jwk.")
    key = key_from_kid(header["kid"]) if "kid" in header else key_from_jwk(header["jwk"])
    if key.algorithm != alg:
        raise _bad(f"The key is not one that signs with {alg}.")
    return key


def _check_signature(token: str, key: HolderKey) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # joserfc notes the "EdDSA" name is being renamed
        try:
            jws.deserialize_compact(
                token, import_key(dict(key.jwk)), algorithms=[key.algorithm], registry=_REGISTRY
            )
        except (JoseError, ValueError):
            raise _bad("The proof JWT's signature does not verify with the key it names.") from None


def _check_claims(payload: dict[str, Any], *, audience: str, now: datetime) -> str:
    aud = payload.get("aud")
    audiences = aud if isinstance(aud, list) else [aud]
    if audience not in audiences:
        raise _bad(f"The proof JWT's aud must be the credential issuer {audience!r}.")
    iat = payload.get("iat")
    if not isinstance(iat, (int, float)) or isinstance(iat, bool):
        raise _bad("The proof JWT needs iat, the time it was made (seconds since 1970).")
    moment = now.timestamp()
    if iat > moment + IAT_FUTURE.total_seconds() or iat < moment - IAT_PAST.total_seconds():
        raise _bad("The proof JWT's iat is too far from now; make a fresh proof.")
    nonce = payload.get("nonce")
    if not isinstance(nonce, str) or not nonce:
        raise ProtocolError(
            "invalid_nonce", "The proof JWT needs the nonce from the nonce endpoint."
        )
    return nonce


def possession_verify(*, token: Any, audience: str, now: datetime) -> Possession:
    """The holder's key and nonce if ``token`` is a valid proof for ``audience`` now."""
    if not isinstance(token, str) or not token or len(token) > MAX_JWT_CHARS:
        raise _bad("The proof must be a compact JWT string.")
    parts = token.split(".")
    if len(parts) != 3:
        raise _bad("The proof must be a compact JWT (three dot-separated parts).")
    key = _header_key(_segment(parts[0], "header"))
    _check_signature(token, key)
    nonce = _check_claims(_segment(parts[1], "payload"), audience=audience, now=now)
    return Possession(key, nonce)
