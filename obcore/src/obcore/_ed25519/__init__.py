"""Ed25519 (RFC 8032) through libsodium, as bundled by PyNaCl.

Why not ``nacl.bindings``: importing it loads every binding module (~20 ms of a
command-line verification's start-up); the three libsodium functions Ed25519 needs are
called through PyNaCl's own cffi handle instead (PyNaCl is pinned; the tests cover
sign/verify against the W3C vectors).
"""

from __future__ import annotations

from nacl._sodium import ffi, lib

if lib.sodium_init() < 0:  # pragma: no cover - libsodium refuses to start
    raise RuntimeError("libsodium could not be initialised")

SIGNATURE_BYTES = 64


def seed_keypair(seed: bytes) -> tuple[bytes, bytes]:
    """(public key 32 bytes, secret key 64 bytes = seed ‖ public key) for a 32-byte seed."""
    public = ffi.new("unsigned char[]", 32)
    secret = ffi.new("unsigned char[]", 64)
    if lib.crypto_sign_seed_keypair(public, secret, seed) != 0:  # pragma: no cover
        raise ValueError("libsodium could not derive the key pair")
    return bytes(ffi.buffer(public, 32)), bytes(ffi.buffer(secret, 64))


def sign(message: bytes, secret_key: bytes) -> bytes:
    """The 64-byte detached signature of ``message``."""
    signed = ffi.new("unsigned char[]", len(message) + SIGNATURE_BYTES)
    length = ffi.new("unsigned long long *")
    lib.crypto_sign(signed, length, message, len(message), secret_key)
    return bytes(ffi.buffer(signed, SIGNATURE_BYTES))


def verify(signature: bytes, message: bytes, public_key: bytes) -> bool:
    """True when ``signature`` is ``public_key``'s Ed25519 signature of ``message``."""
    if len(signature) != SIGNATURE_BYTES or len(public_key) != 32:
        return False
    signed = signature + message
    out = ffi.new("unsigned char[]", len(signed))
    length = ffi.new("unsigned long long *")
    return bool(lib.crypto_sign_open(out, length, signed, len(signed), public_key) == 0)
