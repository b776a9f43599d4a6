"""Baking (OB 3.0 §5.3): sniffing, unbaking the corpus images, round trips and hostile input."""

from __future__ import annotations

import json
import struct
import time
import zlib
from pathlib import Path
from typing import Any

import pytest

from obcore.baking import bake_png, bake_png_ob2, bake_svg, bake_svg_ob2, sniff, unbake
from obcore.errors import BakingError, InputError

OB3_NS = "https://purl.imsglobal.org/ob/v3p0"
JWT = (
    "eyJhbGciOiJFZERTQSJ9.eyJAY29udGV4dCI6WyJodHRwczovL3d3dy53My5vcmcvbnMvY3JlZGVudGlhbHMvdjIiXX0"
    ".c2lnbmF0dXJl"
)
CREDENTIAL = {"@context": ["https://www.w3.org/ns/credentials/v2"], "id": "urn:uuid:1", "x": "]]>"}


def chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def tiny_png(*extra: bytes) -> bytes:
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + b"".join(extra)
        + chunk(b"IDAT", idat)
        + chunk(b"IEND", b"")
    )


def text_chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    out, offset = [], 8
    while offset < len(png):
        (length,) = struct.unpack_from(">I", png, offset)
        kind = png[offset + 4 : offset + 8]
        out.append((kind, png[offset + 8 : offset + 8 + length]))
        offset += 12 + length
    return out


def load_json(path: Path) -> Any:
    return json.loads(path.read_text("utf-8"))


# --- sniffing -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("ob30/simple-json.png", "png"),
        ("ob30/simple-json.svg", "svg"),
        ("ob30/simple.json", "json"),
        ("ob30/simple.1ob", "json"),
        ("ob30/simple.jwt", "jwt"),
        ("clr20/simple.jwt", "jwt"),
    ],
)
def test_sniff_corpus_files(corpus: Path, name: str, kind: str) -> None:
    assert sniff((corpus / name).read_bytes()) == kind


def test_sniff_json_lines() -> None:
    assert sniff(b'{"a": 1}\n{"b": 2}\n') == "jsonl"


@pytest.mark.parametrize("data", [b"", b"hello", b"GIF89a...", b"<html><body/></html>", b"{bad"])
def test_sniff_unknown_is_an_input_error(data: bytes) -> None:
    with pytest.raises(InputError):
        sniff(data)


# --- corpus ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["ob30/simple-json.png", "ob30/simple-json.svg"])
def test_corpus_json_images_hold_the_simple_credential(corpus: Path, name: str) -> None:
    baked = json.loads(unbake((corpus / name).read_bytes()))
    plain = load_json(corpus / "ob30/simple.json")
    # The images were signed separately: same credential, its own proof value.
    baked.pop("proof")
    plain.pop("proof")
    assert baked == plain


def test_corpus_jwt_images_agree_with_each_other(corpus: Path) -> None:
    png = unbake((corpus / "ob30/simple-jwt_v1.png").read_bytes())
    svg = unbake((corpus / "ob30/simple-jwt_v1.svg").read_bytes())
    assert png == svg
    assert sniff(png.encode()) == "jwt"
    assert sniff(unbake((corpus / "ob30/simple-jwt.png").read_bytes()).encode()) == "jwt"
    assert sniff(unbake((corpus / "ob30/simple-jwt.svg").read_bytes()).encode()) == "jwt"


def test_ob20_baked_png_is_read(corpus: Path) -> None:
    assertion = json.loads(unbake((corpus / "ob20/simple-badge.png").read_bytes()))
    assert assertion["@context"] == "https://w3id.org/openbadges/v2"
    assert assertion["type"] == "Assertion"


def test_ob20_baked_svg_is_read() -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">'
        '<openbadges:assertion verify="https://example.org/assertion.json"/></svg>'
    )
    assert unbake(svg.encode()) == "https://example.org/assertion.json"


def test_plain_json_is_not_a_baked_image(corpus: Path) -> None:
    with pytest.raises(BakingError, match="PNG and SVG"):
        unbake((corpus / "ob30/simple.json").read_bytes())


# --- PNG round trip -------------------------------------------------------------------


def test_png_round_trip_json_and_jwt() -> None:
    payload = json.dumps(CREDENTIAL)
    baked = bake_png(tiny_png(), payload)
    assert json.loads(unbake(baked)) == CREDENTIAL
    assert unbake(bake_png(baked, JWT)) == JWT


def test_png_baking_replaces_the_credential_chunk_before_iend() -> None:
    once = bake_png(tiny_png(), JWT)
    twice = bake_png(once, json.dumps(CREDENTIAL))
    chunks = text_chunks(twice)
    credential_chunks = [d for k, d in chunks if d.startswith(b"openbadgecredential\x00")]
    assert len(credential_chunks) == 1
    assert [k for k, _ in chunks][-2:] == [b"iTXt", b"IEND"]
    assert credential_chunks[0].startswith(b"openbadgecredential\x00\x00\x00\x00\x00{")


def test_png_baking_keeps_other_chunks(corpus: Path) -> None:
    original = (corpus / "ob30/simple-json.png").read_bytes()
    baked = bake_png(original, JWT)
    before = [c for c in text_chunks(original) if not c[1].startswith(b"openbadgecredential")]
    after = [c for c in text_chunks(baked) if not c[1].startswith(b"openbadgecredential")]
    assert before == after
    assert unbake(baked) == JWT


def test_compressed_itxt_is_read() -> None:
    text = json.dumps(CREDENTIAL).encode()
    data = b"openbadgecredential\x00\x01\x00\x00\x00" + zlib.compress(text)
    assert json.loads(unbake(tiny_png(chunk(b"iTXt", data)))) == CREDENTIAL


def test_two_credential_chunks_are_refused() -> None:
    first = b"openbadgecredential\x00\x00\x00\x00\x00" + JWT.encode()
    second = b"openbadgecredential\x00\x00\x00\x00\x00" + json.dumps(CREDENTIAL).encode()
    with pytest.raises(BakingError, match="more than one"):
        unbake(tiny_png(chunk(b"iTXt", first), chunk(b"iTXt", second)))


def test_png_without_credential_says_so() -> None:
    with pytest.raises(BakingError, match="no baked credential"):
        unbake(tiny_png())


def test_bad_crc_is_refused_with_a_sentence() -> None:
    damaged = bytearray(bake_png(tiny_png(), JWT))
    damaged[-20] ^= 0xFF  # inside the iTXt text
    with pytest.raises(BakingError, match="CRC"):
        unbake(bytes(damaged))


def test_truncated_png_is_refused() -> None:
    baked = bake_png(tiny_png(), JWT)
    with pytest.raises(BakingError, match="truncated"):
        unbake(baked[: len(baked) - 30])


def test_decompression_bomb_is_refused() -> None:
    bomb = zlib.compress(b"a" * (64 * 1024 * 1024), 9)
    data = b"openbadgecredential\x00\x01\x00\x00\x00" + bomb
    with pytest.raises(BakingError, match="expands beyond"):
        unbake(tiny_png(chunk(b"iTXt", data)))


def test_png_over_10_mb_is_refused_at_once() -> None:
    big = tiny_png() + bytes(10 * 1024 * 1024)
    started = time.perf_counter()
    with pytest.raises(BakingError, match="10 MB"):
        unbake(big)
    assert time.perf_counter() - started < 0.5


def test_a_10_mb_png_is_read_quickly() -> None:
    filler = chunk(b"tEXt", b"Comment\x00" + b"x" * (9 * 1024 * 1024))
    png = bake_png(tiny_png(filler), JWT)
    started = time.perf_counter()
    assert unbake(png) == JWT
    assert time.perf_counter() - started < 2.0


def test_only_json_or_jwt_can_be_baked() -> None:
    with pytest.raises(BakingError, match="JSON object or a compact JWT"):
        bake_png(tiny_png(), "hello")


# --- SVG ------------------------------------------------------------------------------


SVG = '<?xml version="1.0"?>\n<!-- a badge --><svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>'


def test_svg_round_trip_json_in_cdata() -> None:
    baked = bake_svg(SVG, json.dumps(CREDENTIAL))
    assert f'xmlns:openbadges="{OB3_NS}"' in baked
    assert "<openbadges:credential><![CDATA[" in baked
    assert json.loads(unbake(baked.encode())) == CREDENTIAL  # survives "]]>" in the JSON


def test_svg_round_trip_jwt_in_verify_attribute() -> None:
    baked = bake_svg(SVG, JWT)
    assert f'<openbadges:credential verify="{JWT}">' in baked
    assert unbake(baked.encode()) == JWT


def test_svg_rebaking_replaces_the_element(corpus: Path) -> None:
    original = (corpus / "ob30/simple-json.svg").read_text("utf-8")
    baked = bake_svg(original, JWT)
    assert baked.count("openbadges:credential") == 2  # one start tag, one end tag
    assert unbake(baked.encode()) == JWT
    assert baked.startswith('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE svg')


def test_self_closing_svg_root_is_baked() -> None:
    baked = bake_svg('<svg xmlns="http://www.w3.org/2000/svg"/>', JWT)
    assert unbake(baked.encode()) == JWT


def test_svg_without_credential_says_so() -> None:
    with pytest.raises(BakingError, match="no baked credential"):
        unbake(SVG.encode())


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE svg [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">
<openbadges:credential>&lol9;</openbadges:credential></svg>"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">
<openbadges:credential>&xxe;</openbadges:credential></svg>"""


@pytest.mark.parametrize("svg", [BILLION_LAUGHS, XXE])
def test_xml_entities_are_refused(svg: str) -> None:
    started = time.perf_counter()
    with pytest.raises(BakingError, match="entities"):
        unbake(svg.encode())
    with pytest.raises(BakingError, match="entities"):
        bake_svg(svg, JWT)
    assert time.perf_counter() - started < 0.5


def test_malformed_svg_is_refused() -> None:
    with pytest.raises(BakingError, match="well-formed"):
        unbake(b"<svg xmlns='http://www.w3.org/2000/svg'><g></svg>")


# --- Open Badges 2.0 baking: a hosted assertion URL, or a signed assertion ------------

OB2_URL = "https://skillstack.example/ob2/assertions/0b9a6f4e-3c1d-4e7a-9f52-000000000001"
SVG_PLAIN = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="4"/></svg>'


def test_png_carries_the_hosted_assertion_url_in_an_openbadges_chunk() -> None:
    baked = bake_png_ob2(tiny_png(), OB2_URL)
    assert unbake(baked) == OB2_URL
    keywords = [data.split(b"\0", 1)[0] for kind, data in text_chunks(baked) if kind == b"iTXt"]
    assert keywords == [b"openbadges"]


def test_baking_again_replaces_the_assertion() -> None:
    once = bake_png_ob2(tiny_png(), OB2_URL)
    twice = bake_png_ob2(once, OB2_URL + "2")
    assert unbake(twice) == OB2_URL + "2"


def test_svg_carries_it_in_the_verify_attribute_of_an_openbadges_assertion() -> None:
    baked = bake_svg_ob2(SVG_PLAIN, OB2_URL)
    assert 'xmlns:openbadges="http://openbadges.org"' in baked
    assert f'<openbadges:assertion verify="{OB2_URL}">' in baked
    assert unbake(baked.encode()) == OB2_URL
    assert unbake(bake_svg_ob2(baked, OB2_URL + "9").encode()) == OB2_URL + "9"


def test_an_ob3_credential_beside_it_wins() -> None:
    credential = '{"type": ["VerifiableCredential", "OpenBadgeCredential"]}'
    both = bake_png(bake_png_ob2(tiny_png(), OB2_URL), credential)
    assert unbake(both) == credential
    svg_both = bake_svg(bake_svg_ob2(SVG_PLAIN, OB2_URL), credential)
    assert unbake(svg_both.encode()) == credential


@pytest.mark.parametrize("payload", ["not a url", "ftp://x.example/a", 'https://x.example/"><x'])
def test_only_a_url_json_or_jws_can_be_baked(payload: str) -> None:
    with pytest.raises(BakingError):
        bake_png_ob2(tiny_png(), payload)
