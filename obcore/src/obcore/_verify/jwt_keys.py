"""Finding the public key of a VC-JWT: did:key locally, others through the resolver."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

from obcore.dids import Resolver
from obcore.errors import ObcoreError
from obcore.keys import public_key_from_multibase


def _jwk_of(method: dict[str, Any]) -> dict[str, Any] | None:
    jwk = method.get("publicKeyJwk")
    if isinstance(jwk, dict):
        return jwk
    if "publicKeyMultibase" in method:
        raw = public_key_from_multibase(method["publicKeyMultibase"])
        x = base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")
        return {"kty": "OKP", "crv": "Ed25519", "x": x}
    return None


def key_resolver(resolver: Resolver) -> Callable[[dict[str, Any], dict[str, Any]], Any]:
    """``resolve_key(header, payload)`` for :func:`obcore.vc_jwt.verify_jwt`.

    The ``kid`` names a verification method (absolute, or a fragment of the issuer); it
    must be authorised for assertionMethod by its controller. Returns None when the key
    cannot be found offline, which the JWT check reports as not checked.
    """

    def resolve(header: dict[str, Any], payload: dict[str, Any]) -> Any:
        kid = header.get("kid")
        issuer = payload.get("iss")
        if isinstance(kid, str) and kid.startswith("#") and isinstance(issuer, str):
            kid = issuer + kid
        if not isinstance(kid, str):
            return None
        try:
            method = resolver.verification_method(kid)
        except ObcoreError:
            return None
        return _jwk_of(method)

    return resolve
