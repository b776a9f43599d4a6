"""Bitstring encoding for W3C Bitstring Status List v1.0 (private; use ``obcore.status``).

Spec: https://www.w3.org/TR/vc-bitstring-status-list/ §3.3 "Bitstring Generation
Algorithm" and §3.4 "Bitstring Expansion Algorithm": the list is a bitstring whose first
index is the left-most (most significant) bit of the first byte, GZIP-compressed
(RFC 1952) and written as multibase base64url without padding (prefix ``u``).
"""

from __future__ import annotations

import base64
import gzip
import zlib

from obcore.errors import StatusError

__all__ = ["decode", "decode_base64url", "encode", "get_value", "set_value"]

MULTIBASE_BASE64URL = "u"
# A 16 MiB bitstring holds 134 million one-bit entries: far beyond any real list, and small
# enough that a hostile "zip bomb" list cannot exhaust memory.
MAX_BITSTRING_BYTES = 16 * 1024 * 1024
MAX_ENCODED_CHARS = 4 * 1024 * 1024


def encode(bits: bytes) -> str:
    """GZIP then multibase base64url (no padding), as §3.3 step 3-4 require."""
    compressed = gzip.compress(bytes(bits), compresslevel=9, mtime=0)
    text = base64.urlsafe_b64encode(compressed).decode("ascii").rstrip("=")
    return MULTIBASE_BASE64URL + text


def decode_base64url(text: str) -> bytes:
    """base64url with or without padding; a sentence on failure."""
    if len(text) > MAX_ENCODED_CHARS:
        raise StatusError("The encoded status list is too large to read.")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, TypeError) as exc:
        raise StatusError("The status list is not valid base64url text.") from exc


def _gunzip(data: bytes) -> bytes:
    """Decompress GZIP with an output cap, so a tiny input cannot expand without bound."""
    inflater = zlib.decompressobj(wbits=31)  # 31: GZIP header and trailer required
    try:
        out = inflater.decompress(data, MAX_BITSTRING_BYTES + 1)
    except zlib.error as exc:
        raise StatusError("The status list is not valid GZIP data.") from exc
    if len(out) > MAX_BITSTRING_BYTES or inflater.unconsumed_tail:
        raise StatusError("The status list expands beyond the allowed size (16 MiB).")
    if not inflater.eof:
        raise StatusError("The status list's GZIP data is truncated.")
    return out


def decode(encoded: str, *, multibase: bool = True) -> bytes:
    """The uncompressed bitstring of an ``encodedList`` (§3.4).

    ``multibase=False`` reads the older StatusList2021 form (plain base64url, no prefix).
    """
    if not isinstance(encoded, str) or not encoded:
        raise StatusError("The status list has no encodedList text.")
    if multibase:
        if encoded[0] != MULTIBASE_BASE64URL:
            raise StatusError(
                "The status list's encodedList must be multibase base64url (start with 'u')."
            )
        encoded = encoded[1:]
    return _gunzip(decode_base64url(encoded))


def _check_range(bits: bytes | bytearray, index: int, size: int) -> None:
    if size < 1:
        raise StatusError("A status entry's statusSize must be at least 1.")
    if index < 0 or (index + 1) * size > len(bits) * 8:
        entries = len(bits) * 8 // size
        raise StatusError(f"Status index {index} is outside the list, which has {entries} entries.")


def get_value(bits: bytes | bytearray, index: int, size: int = 1) -> int:
    """The ``size``-bit status value at entry ``index`` (most significant bit first)."""
    _check_range(bits, index, size)
    value = 0
    for position in range(index * size, (index + 1) * size):
        bit = (bits[position // 8] >> (7 - position % 8)) & 1
        value = (value << 1) | bit
    return value


def set_value(bits: bytearray, index: int, value: int, size: int = 1) -> None:
    """Write the ``size``-bit status ``value`` at entry ``index`` in place."""
    _check_range(bits, index, size)
    if value < 0 or value >= 1 << size:
        raise StatusError(f"Status value {value} does not fit in {size} bit(s).")
    for offset in range(size):
        position = index * size + offset
        mask = 1 << (7 - position % 8)
        if (value >> (size - 1 - offset)) & 1:
            bits[position // 8] |= mask
        else:
            bits[position // 8] &= ~mask & 0xFF
