"""PNG chunk reading and writing for baked badges (PNG spec §5 "Datastream structure").

A PNG is an 8-byte signature then chunks: length (4 bytes, big-endian), type (4), data,
CRC-32 of type+data (4). Text lives in ``tEXt`` (Latin-1), ``zTXt`` (zlib) and ``iTXt``
(UTF-8, optionally zlib) chunks (PNG spec §11.3.4). Every size is capped so a hostile
file cannot make us allocate or inflate without bound.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from obcore.errors import BakingError

__all__ = ["MAX_PNG_BYTES", "SIGNATURE", "Chunk", "chunks", "itxt_chunk", "serialize", "text_of"]

SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_PNG_BYTES = 10 * 1024 * 1024
#: A baked credential is a few KB; 1 MiB leaves room for embedded images and stops bombs.
MAX_TEXT_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Chunk:
    type: bytes
    data: bytes

    def encode(self) -> bytes:
        crc = zlib.crc32(self.type + self.data) & 0xFFFFFFFF
        return struct.pack(">I", len(self.data)) + self.type + self.data + struct.pack(">I", crc)


def chunks(png: bytes) -> Iterator[Chunk]:
    """Each chunk in order, CRC-checked; stops after IEND. Raises BakingError when malformed."""
    if len(png) > MAX_PNG_BYTES:
        raise BakingError("The PNG is larger than 10 MB; it is refused.")
    if not png.startswith(SIGNATURE):
        raise BakingError("The file is not a PNG (its signature is missing).")
    offset = len(SIGNATURE)
    while True:
        if offset + 8 > len(png):
            raise BakingError("The PNG is truncated: it ends before its IEND chunk.")
        (length,) = struct.unpack_from(">I", png, offset)
        kind = png[offset + 4 : offset + 8]
        end = offset + 12 + length
        if length > 0x7FFFFFFF or end > len(png):
            raise BakingError(f"The PNG is truncated inside a {kind!r} chunk.")
        if not kind.isalpha():
            raise BakingError("The PNG has a chunk with an invalid type name.")
        data = png[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack_from(">I", png, offset + 8 + length)
        if zlib.crc32(kind + data) & 0xFFFFFFFF != crc:
            raise BakingError(f"The PNG is damaged: the {kind.decode()} chunk's CRC is wrong.")
        yield Chunk(kind, data)
        if kind == b"IEND":
            return
        offset = end


def _inflate(data: bytes) -> bytes:
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, MAX_TEXT_BYTES + 1)
    except zlib.error as exc:
        raise BakingError("A compressed PNG text chunk is not valid zlib data.") from exc
    if len(out) > MAX_TEXT_BYTES or inflater.unconsumed_tail:
        raise BakingError("A compressed PNG text chunk expands beyond 1 MiB; it is refused.")
    return out


def _split_keyword(data: bytes) -> tuple[str, bytes]:
    keyword, sep, rest = data.partition(b"\x00")
    if not sep or not 1 <= len(keyword) <= 79:
        raise BakingError("A PNG text chunk has no valid keyword.")
    return keyword.decode("latin-1"), rest


def text_of(chunk: Chunk) -> tuple[str, str] | None:
    """(keyword, text) of a tEXt/zTXt/iTXt chunk, or None for other chunk types."""
    if chunk.type == b"tEXt":
        keyword, rest = _split_keyword(chunk.data)
        return keyword, rest.decode("latin-1")
    if chunk.type == b"zTXt":
        keyword, rest = _split_keyword(chunk.data)
        if rest[:1] != b"\x00":
            raise BakingError("A zTXt chunk uses an unknown compression method.")
        return keyword, _inflate(rest[1:]).decode("latin-1")
    if chunk.type == b"iTXt":
        keyword, rest = _split_keyword(chunk.data)
        if len(rest) < 2:
            raise BakingError("An iTXt chunk is too short.")
        compressed, method, rest = rest[0], rest[1], rest[2:]
        _language, _, rest = rest.partition(b"\x00")
        _translated, _, text = rest.partition(b"\x00")
        if compressed:
            if method != 0:
                raise BakingError("An iTXt chunk uses an unknown compression method.")
            text = _inflate(text)
        try:
            return keyword, text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BakingError("An iTXt chunk's text is not UTF-8.") from exc
    return None


def itxt_chunk(keyword: str, text: str) -> Chunk:
    """An uncompressed iTXt chunk, no language tag (OB 3.0 §5.3.1 requires flag 0)."""
    data = keyword.encode("latin-1") + b"\x00\x00\x00\x00\x00" + text.encode("utf-8")
    return Chunk(b"iTXt", data)


def serialize(parts: list[Chunk]) -> bytes:
    return SIGNATURE + b"".join(chunk.encode() for chunk in parts)
