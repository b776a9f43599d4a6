"""Multibase base58btc (``z`` prefix) and multicodec prefixes used by Ed25519 Multikey.

Sources: draft-multiformats-multibase §2 (``z`` = base58btc, Bitcoin alphabet);
Controlled Identifiers v1.0 §2.2.2 Multikey (``0xed01`` Ed25519 public key,
``0x8026`` Ed25519 secret key seed).
"""

from __future__ import annotations

from obcore.errors import KeyFormatError

ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_INDEX = {c: i for i, c in enumerate(ALPHABET)}
#: byte → digit value; 0xFF for every byte outside the alphabet
_DIGITS = bytes(ALPHABET.find(chr(b)) if chr(b) in ALPHABET else 0xFF for b in range(256))
_MAX_LEN = 512


_PAIRS = [a + b for a in ALPHABET for b in ALPHABET]  # two digits per division
_CHUNK = 58**10


def b58encode(data: bytes) -> str:
    """Base58 (Bitcoin alphabet) with leading zero bytes kept as ``1``."""
    zeros = len(data) - len(data.lstrip(b"\0"))
    number = int.from_bytes(data, "big")
    parts = []
    while number:  # ten digits per big-number division, then two per small one
        number, chunk = divmod(number, _CHUNK)
        for _ in range(5):
            chunk, pair = divmod(chunk, 3364)
            parts.append(_PAIRS[pair])
    return "1" * zeros + "".join(reversed(parts)).lstrip("1")


def b58decode(text: str) -> bytes:
    """Inverse of :func:`b58encode`; KeyFormatError on a character outside the alphabet."""
    if len(text) > _MAX_LEN:
        raise KeyFormatError("The base58 value is far too long to be a key or signature.")
    digits = text.encode("utf-8", "surrogatepass").translate(_DIGITS) if text.isascii() else b""
    if len(digits) != len(text) or b"\xff" in digits:
        bad = next((c for c in text if c not in _INDEX), text[:1])
        raise KeyFormatError(
            f"The value contains {bad!r}, which is not a base58btc character "
            "(0, O, I and l are never used); it is not a valid multibase value.",
        )
    number = 0
    for digit in digits:
        number = number * 58 + digit
    zeros = len(text) - len(text.lstrip("1"))
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * zeros + body


def encode(data: bytes) -> str:
    """Multibase base58btc: ``z`` + base58btc(data)."""
    return "z" + b58encode(data)


def decode(value: object, *, what: str = "value") -> bytes:
    """Decode a multibase base58btc string; KeyFormatError with a clear sentence otherwise."""
    if not isinstance(value, str) or not value:
        raise KeyFormatError(f"The {what} must be a non-empty multibase string.")
    if value[0] != "z":
        raise KeyFormatError(
            f"The {what} {value[:16]!r}… is not multibase base58btc: it must start with 'z'.",
        )
    return b58decode(value[1:])


ED25519_PUB = b"\xed\x01"
ED25519_PRIV = b"\x80\x26"
