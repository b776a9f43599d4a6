"""The wallet's public key, from a proof JWT's ``kid`` (a did:key URL) or ``jwk`` header.

OpenID4VCI 1.0 Appendix F.1: ``kid`` names a key in the holder's DID document, ``jwk`` carries
the key itself; exactly one is present. did:key is derived locally (Ed25519 ``z6Mk…`` and
P-256 ``zDn…``, W3C CCG did:key v0.7); nothing the wallet names is ever fetched. A bare ``jwk``
becomes a did:jwk identifier, so the credential's subject is a DID either way.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec
from obcore.errors import ObcoreError

from obcore import _multibase
from skillstack.oid4vci.errors import ProtocolError

ED25519_PREFIX = b"\xed\x01"
P256_PREFIX = b"\x80\x24"
PRIVATE_MEMBERS = frozenset({"d", "p", "q", "dp", "dq", "qi", "oth", "k"})
MAX_DID_LENGTH = 1500


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


@dataclass(frozen=True, slots=True)
class HolderKey:
    """A public key as a JWK, and the DID that the credential will name as its subject."""

    jwk: dict[str, str]
    did: str

    @property
    def algorithm(self) -> str:
        return "EdDSA" if self.jwk.get("kty") == "OKP" else "ES256"


def _bad(description: str) -> ProtocolError:
    return ProtocolError("invalid_proof", description)


def _did_key_jwk(multibase: str) -> dict[str, str]:
    try:
        raw = _multibase.decode(multibase, what="did:key")
    except ObcoreError as err:
        raise _bad(f"The did:key in kid cannot be read: {err}") from None
    if raw[:2] == ED25519_PREFIX and len(raw) == 34:
        return {"kty": "OKP", "crv": "Ed25519", "x": b64url(raw[2:])}
    if raw[:2] == P256_PREFIX and len(raw) == 35:
        try:
            point = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw[2:])
        except ValueError:
            raise _bad("The P-256 did:key does not hold a point on the curve.") from None
        numbers = point.public_numbers()
        return {
            "kty": "EC",
            "crv": "P-256",
            "x": b64url(numbers.x.to_bytes(32, "big")),
            "y": b64url(numbers.y.to_bytes(32, "big")),
        }
    raise _bad("Only Ed25519 (z6Mk…) and P-256 (zDn…) did:key identifiers are accepted.")


def key_from_kid(kid: Any) -> HolderKey:
    """A ``did:key:X#X`` URL (or the bare DID): the key is the identifier itself."""
    if not isinstance(kid, str) or not kid.startswith("did:key:") or len(kid) > MAX_DID_LENGTH:
        raise _bad("kid must be a did:key DID URL such as did:key:z6Mk…#z6Mk….")
    did, _, fragment = kid.partition("#")
    multibase = did[len("did:key:") :]
    if fragment and fragment != multibase:
        raise _bad("kid names a key that its did:key does not contain.")
    return HolderKey(_did_key_jwk(multibase), did)


def _public_jwk(jwk: Any) -> dict[str, str]:
    if not isinstance(jwk, dict):
        raise _bad("The jwk header must be a JSON object.")
    if PRIVATE_MEMBERS & set(jwk):
        raise _bad("The jwk header contains private key material; send only the public key.")
    kty, crv = jwk.get("kty"), jwk.get("crv")
    if kty == "OKP" and crv == "Ed25519" and isinstance(jwk.get("x"), str):
        return {"kty": "OKP", "crv": "Ed25519", "x": jwk["x"]}
    if kty == "EC" and crv == "P-256" and all(isinstance(jwk.get(n), str) for n in ("x", "y")):
        return {"kty": "EC", "crv": "P-256", "x": jwk["x"], "y": jwk["y"]}
    raise _bad("The jwk must be an Ed25519 (OKP) or P-256 (EC) public key.")


def key_from_jwk(jwk: Any) -> HolderKey:
    """A public JWK; its subject is ``did:jwk:<base64url of the key's JSON>``."""
    public = _public_jwk(jwk)
    encoded = json.dumps(public, separators=(",", ":"), sort_keys=True).encode("utf-8")
    did = "did:jwk:" + b64url(encoded)
    if len(did) > MAX_DID_LENGTH:
        raise _bad("The jwk is too large.")
    return HolderKey(public, did)
