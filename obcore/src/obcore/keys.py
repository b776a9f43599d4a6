"""Ed25519 keys in Multikey form (Controlled Identifiers v1.0 §2.2.2).

``publicKeyMultibase`` = ``z`` + base58btc(0xed 0x01 ‖ 32-byte public key) → ``z6Mk…``;
``secretKeyMultibase`` = ``z`` + base58btc(0x80 0x26 ‖ 32-byte seed) → ``z3u2…``.
Signing and verification use libsodium through PyNaCl (RFC 8032 Ed25519, ``_ed25519``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from obcore import _ed25519, _multibase
from obcore.errors import KeyFormatError

__all__ = [
    "Ed25519KeyPair",
    "key_pair_from_json",
    "key_pair_generate",
    "public_key_from_multibase",
    "verify_signature",
]


@dataclass(frozen=True, slots=True)
class Ed25519KeyPair:
    """An Ed25519 key pair; ``seed`` is the 32-byte secret, ``public_key`` 32 bytes."""

    seed: bytes
    public_key: bytes

    @property
    def public_key_multibase(self) -> str:
        return _public_key_multibase(self.public_key)

    @property
    def secret_key_multibase(self) -> str:
        return _multibase.encode(_multibase.ED25519_PRIV + self.seed)

    @property
    def did(self) -> str:
        return f"did:key:{self.public_key_multibase}"

    @property
    def verification_method(self) -> str:
        return f"{self.did}#{self.public_key_multibase}"

    def sign(self, message: bytes) -> bytes:
        """Detached Ed25519 signature (64 bytes)."""
        return _ed25519.sign(message, self.seed + self.public_key)

    def as_json(self) -> dict[str, str]:
        return {
            "publicKeyMultibase": self.public_key_multibase,
            "secretKeyMultibase": self.secret_key_multibase,
        }

    @classmethod
    def from_seed(cls, seed: bytes) -> Ed25519KeyPair:
        if len(seed) != 32:
            raise KeyFormatError("An Ed25519 secret key (seed) must be exactly 32 bytes.")
        public, _ = _ed25519.seed_keypair(seed)
        return cls(seed=seed, public_key=public)


@lru_cache(maxsize=1024)
def _public_key_multibase(public_key: bytes) -> str:
    return _multibase.encode(_multibase.ED25519_PUB + public_key)


def key_pair_generate() -> Ed25519KeyPair:
    """A fresh key pair from the operating system's random source."""
    return Ed25519KeyPair.from_seed(os.urandom(32))


def public_key_from_multibase(value: object) -> bytes:
    """The 32-byte Ed25519 public key in a ``z6Mk…`` Multikey value."""
    if isinstance(value, str):
        return _public_key_cached(value)
    return _public_key(value)


@lru_cache(maxsize=1024)
def _public_key_cached(value: str) -> bytes:
    return _public_key(value)


def _public_key(value: object) -> bytes:
    raw = _multibase.decode(value, what="public key (publicKeyMultibase)")
    if raw[:2] != _multibase.ED25519_PUB or len(raw) != 34:
        raise KeyFormatError(
            "The public key is not an Ed25519 Multikey: after decoding it must be the "
            "bytes 0xed 0x01 followed by 32 key bytes (values look like 'z6Mk…').",
        )
    return raw[2:]


def _seed_from_secret_multibase(value: object) -> bytes:
    raw = _multibase.decode(value, what="secret key (secretKeyMultibase)")
    if raw[:2] == _multibase.ED25519_PRIV and len(raw) in (34, 66):
        return raw[2:34]  # 66: seed ‖ public key, as some tools write it
    raise KeyFormatError(
        "The secret key is not an Ed25519 Multikey secret: after decoding it must be the "
        "bytes 0x80 0x26 followed by the 32-byte seed (values look like 'z3u2…').",
    )


def key_pair_from_json(data: Any) -> Ed25519KeyPair:
    """Read ``{"publicKeyMultibase", "secretKeyMultibase"|"privateKeyMultibase"}``.

    The W3C vectors name the secret ``privateKeyMultibase``; both names are accepted. When
    the public key is given it must match the secret.
    """
    if not isinstance(data, dict):
        raise KeyFormatError("A key file must be a JSON object with secretKeyMultibase.")
    secret = data.get("secretKeyMultibase", data.get("privateKeyMultibase"))
    if secret is None:
        raise KeyFormatError("The key file has no secretKeyMultibase.")
    pair = Ed25519KeyPair.from_seed(_seed_from_secret_multibase(secret))
    public = data.get("publicKeyMultibase")
    if public is not None and public_key_from_multibase(public) != pair.public_key:
        raise KeyFormatError("The key file's publicKeyMultibase does not match its secret key.")
    return pair


def verify_signature(*, public_key: bytes, message: bytes, signature: bytes) -> bool:
    """True when ``signature`` is a valid Ed25519 signature of ``message``."""
    return _ed25519.verify(signature, message, public_key)
