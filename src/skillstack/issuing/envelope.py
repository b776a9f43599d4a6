"""Envelope encryption of issuer private keys.

Each secret is sealed with its own random data key (AES-256-GCM); the data key is sealed with
the key-encryption key from the environment (``SKILLSTACK_KEY_ENCRYPTION_KEY`` or its ``_FILE``),
never stored in the database. The row's identity is bound in as associated data, so a sealed
secret copied onto another row does not open. ``kek_id`` names which key-encryption key sealed
it, so the operator can rotate that key and re-wrap (see ``rewrap``).
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM


class EnvelopeError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Sealed:
    kek_id: str
    wrapped_key: bytes  # nonce ‖ AES-GCM(data key)
    ciphertext: bytes  # nonce ‖ AES-GCM(secret)


def kek_from_text(text: str) -> bytes:
    """Read a key-encryption key written as base64 (standard or URL-safe) of 32 bytes."""
    try:
        raw = base64.urlsafe_b64decode(text.strip().replace("+", "-").replace("/", "_") + "==")
    except ValueError as exc:
        raise EnvelopeError("The key-encryption key is not valid base64") from exc
    if len(raw) != 32:
        raise EnvelopeError("The key-encryption key must be 32 bytes (base64 of 32 random bytes)")
    return raw


def kek_id(kek: bytes) -> str:
    return hashlib.sha256(b"skillstack-kek" + kek).hexdigest()[:16]


def _seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def _open(key: bytes, sealed: bytes, aad: bytes) -> bytes:
    try:
        return AESGCM(key).decrypt(sealed[:12], sealed[12:], aad)
    except InvalidTag as exc:
        raise EnvelopeError(
            "The sealed secret does not open with this key or for this row"
        ) from exc


def seal(*, kek: bytes, secret: bytes, context: str) -> Sealed:
    data_key = AESGCM.generate_key(bit_length=256)
    aad = context.encode()
    return Sealed(kek_id(kek), _seal(kek, data_key, aad), _seal(data_key, secret, aad))


def open_sealed(*, kek: bytes, sealed: Sealed, context: str) -> bytes:
    if sealed.kek_id != kek_id(kek):
        raise EnvelopeError(
            f"This secret was sealed with key-encryption key {sealed.kek_id}, "
            f"but the configured key is {kek_id(kek)}"
        )
    aad = context.encode()
    return _open(_open(kek, sealed.wrapped_key, aad), sealed.ciphertext, aad)


def rewrap(*, old_kek: bytes, new_kek: bytes, sealed: Sealed, context: str) -> Sealed:
    """Re-seal the data key under a new key-encryption key; the secret itself is unchanged."""
    if sealed.kek_id != kek_id(old_kek):
        raise EnvelopeError("The old key-encryption key is not the one that sealed this secret")
    aad = context.encode()
    data_key = _open(old_kek, sealed.wrapped_key, aad)
    return Sealed(kek_id(new_kek), _seal(new_kek, data_key, aad), sealed.ciphertext)
