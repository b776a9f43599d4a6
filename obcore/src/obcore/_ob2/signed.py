"""Signed OB 2.0 badges: a compact JWS (RFC 7515) whose payload is the assertion.

OB 2.0 §"SignedBadge": the header's ``alg`` is RS256; the key is the CryptographicKey the
assertion's ``verification.creator`` names, whose ``publicKeyPem`` verifies the signature
and whose ``owner`` is the issuer.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from obcore.errors import InputError, JwtError

ALGORITHMS = frozenset({"RS256"})
"""Only the algorithm OB 2.0 names; anything else (``none`` above all) is refused."""


def _b64(segment: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
    except (binascii.Error, ValueError):
        raise InputError("The signed badge is not valid base64url.") from None


def split(token: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The header and payload (the assertion) of a compact JWS; InputError if unreadable."""
    parts = token.strip().split(".")
    if len(parts) != 3:
        raise InputError("A signed badge has three parts separated by dots; this has not.")
    try:
        header = json.loads(_b64(parts[0]))
        payload = json.loads(_b64(parts[1]))
    except (ValueError, UnicodeDecodeError):
        raise InputError("The signed badge's header or payload is not JSON.") from None
    if not isinstance(header, dict) or not isinstance(payload, dict):
        raise InputError("The signed badge's header and payload must be JSON objects.")
    return header, payload


def signature_valid(token: str, public_key_pem: str) -> bool:
    """True when the JWS verifies with the PEM key; JwtError for a key or alg we refuse."""
    header, _ = split(token)
    alg = header.get("alg")
    if alg not in ALGORITHMS:
        raise JwtError(f"The signature algorithm “{alg}” is not allowed; OB 2.0 uses RS256.")
    try:
        key = serialization.load_pem_public_key(public_key_pem.encode("ascii"))
    except (ValueError, UnicodeEncodeError, TypeError):
        raise JwtError("The issuer's public key (publicKeyPem) cannot be read.") from None
    if not isinstance(key, rsa.RSAPublicKey) or key.key_size < 2048:
        raise JwtError("The issuer's public key is not an RSA key of at least 2048 bits.")
    head, body, signature = token.strip().split(".")
    try:
        key.verify(
            _b64(signature),
            f"{head}.{body}".encode("ascii"),
            padding.PKCS1v15(),
            hashes.SHA256(),
        )
    except InvalidSignature:
        return False
    return True


def sign(assertion: dict[str, Any], private_key: rsa.RSAPrivateKey) -> str:
    """A compact JWS of ``assertion`` (RS256): for tests and demos that need a signed badge."""

    def enc(value: bytes) -> str:
        return base64.urlsafe_b64encode(value).rstrip(b"=").decode("ascii")

    head = enc(json.dumps({"alg": "RS256", "typ": "JWT"}).encode())
    body = enc(json.dumps(assertion, separators=(",", ":")).encode())
    signature = private_key.sign(f"{head}.{body}".encode(), padding.PKCS1v15(), hashes.SHA256())
    return f"{head}.{body}.{enc(signature)}"
