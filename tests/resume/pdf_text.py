"""Just enough of a PDF reader to check what a PDF shows: its objects (including those packed
in object streams), its images, and the text its pages draw, decoded through the fonts'
ToUnicode maps (PDF 32000-1:2008 §7.5.7 object streams, §9.10.3 ToUnicode CMaps)."""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

_OBJ = re.compile(rb"(\d+) 0 obj\s*(.*?)endobj", re.S)
_STREAM = re.compile(rb"^(.*?)stream\r?\n(.*)\r?\nendstream", re.S)


@dataclass
class Obj:
    num: int
    head: bytes  # the dictionary (or the whole object when it has no stream)
    data: bytes  # the decoded stream, or b""


def _decode(head: bytes, raw: bytes) -> bytes:
    return zlib.decompress(raw) if b"/FlateDecode" in head else raw


def objects(pdf: bytes) -> dict[int, Obj]:
    found: dict[int, Obj] = {}
    for match in _OBJ.finditer(pdf):
        num, body = int(match.group(1)), match.group(2)
        stream = _STREAM.match(body)
        if stream is None:
            found[num] = Obj(num, body, b"")
            continue
        head = stream.group(1)
        found[num] = Obj(num, head, _decode(head, stream.group(2)))
    for obj in list(found.values()):
        if b"/ObjStm" in obj.head:
            found.update(_unpack(obj))
    return found


def _unpack(stream: Obj) -> dict[int, Obj]:
    count = int(re.search(rb"/N (\d+)", stream.head).group(1))  # type: ignore[union-attr]
    first = int(re.search(rb"/First (\d+)", stream.head).group(1))  # type: ignore[union-attr]
    numbers = [int(x) for x in stream.data[:first].split()]
    pairs = list(zip(numbers[0::2], numbers[1::2], strict=True))[:count]
    out = {}
    for i, (num, offset) in enumerate(pairs):
        end = first + pairs[i + 1][1] if i + 1 < len(pairs) else len(stream.data)
        out[num] = Obj(num, stream.data[first + offset : end], b"")
    return out


def images(pdf: bytes) -> list[Obj]:
    return [o for o in objects(pdf).values() if b"/Subtype /Image" in o.head]


def _hex_units(text: bytes) -> list[int]:
    raw = bytes.fromhex(text.decode())
    return [int.from_bytes(raw[i : i + 2], "big") for i in range(0, len(raw), 2)]


def _cmap(data: bytes) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, dst in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            start = int(dst, 16)
            for offset, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                mapping[code] = chr(start + offset)
    return mapping


def _fonts(found: dict[int, Obj]) -> dict[bytes, dict[int, str]]:
    """Font resource name (``/F1``…) → its glyph-to-text map, from every page's resources."""
    by_obj: dict[int, dict[int, str]] = {}
    for obj in found.values():
        ref = re.search(rb"/ToUnicode (\d+) 0 R", obj.head)
        if ref and int(ref.group(1)) in found:
            by_obj[obj.num] = _cmap(found[int(ref.group(1))].data)
    names: dict[bytes, dict[int, str]] = {}
    for obj in found.values():
        for name, num in re.findall(rb"/(\w+) (\d+) 0 R", obj.head):
            if int(num) in by_obj:
                names[name] = by_obj[int(num)]
    return names


_TOKENS = re.compile(rb"/(\w+) [\d.]+ Tf|<([0-9A-Fa-f]*)>|(T\*|TJ|Tj|ET)")


def text(pdf: bytes) -> str:
    """The text drawn on every page, runs joined with spaces."""
    found = objects(pdf)
    fonts = _fonts(found)
    runs: list[str] = []
    for obj in found.values():
        if not obj.data or b"BT" not in obj.data:
            continue
        mapping: dict[int, str] = {}
        for font, hexa, op in _TOKENS.findall(obj.data):
            if font:
                mapping = fonts.get(font, {})
            elif hexa:
                runs.append("".join(mapping.get(u, "?") for u in _hex_units(hexa)))
            elif op in (b"ET", b"T*"):
                runs.append(" ")
    return re.sub(r"\s+", " ", "".join(runs))
