"""Baking: a credential carried inside a badge image (OB 3.0 §5.3, OB 2.0 "Baking").

PNG (§5.3.1): an ``iTXt`` chunk, keyword ``openbadgecredential``, uncompressed, holding
the credential as JSON or as a compact JWS (VC-JWT); only one such chunk, so baking
replaces an existing one. SVG (§5.3.2): an ``openbadges:credential`` element in the
namespace ``https://purl.imsglobal.org/ob/v3p0``, directly in the root, holding the JSON
in a CDATA section or the JWS in its ``verify`` attribute.

OB 2.0 badges are read too (PNG keyword ``openbadges``, SVG ``openbadges:assertion`` in
``http://openbadges.org``) so the platform can import them. Inputs are size-capped and
parsed defensively: bad CRCs, truncation, decompression bombs and XML entities are
refused with a sentence, never a traceback.
"""

from __future__ import annotations

import base64
import binascii
import json
import re

from obcore._baking import png as _png
from obcore._baking import svg as _svg
from obcore.errors import BakingError, InputError

__all__ = [
    "OB2_PNG_KEYWORD",
    "OB3_PNG_KEYWORD",
    "bake_png",
    "bake_png_ob2",
    "bake_svg",
    "bake_svg_ob2",
    "sniff",
    "unbake",
]

OB3_PNG_KEYWORD = "openbadgecredential"
OB2_PNG_KEYWORD = "openbadges"
_JWS = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")
_SNIFF_WINDOW = 4096


def _is_jwt(text: str) -> bool:
    """A compact JWS whose header is a JSON object naming an ``alg`` (RFC 7515 §7.1)."""
    if not _JWS.fullmatch(text):
        return False
    head = text.split(".", 1)[0]
    try:
        header = json.loads(base64.urlsafe_b64decode(head + "=" * (-len(head) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return False
    return isinstance(header, dict) and "alg" in header


def _is_json_lines(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        return False
    try:
        return all(isinstance(json.loads(line), dict) for line in lines[:2])
    except ValueError:
        return False


def sniff(data: bytes) -> str:
    """'png', 'svg', 'json', 'jsonl' or 'jwt' for ``data``; InputError when none fits.

    Decided from content, never from a file name: a ``.1ob`` or ``.txt`` upload is judged
    by what it holds.
    """
    if data.startswith(_png.SIGNATURE):
        return "png"
    head = data[:_SNIFF_WINDOW].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        if re.search(rb"<(?:[\w.-]+:)?svg\b", data[: 64 * 1024]):
            return "svg"
        raise InputError("The file is XML or HTML but not an SVG image.")
    try:
        text = data.decode("utf-8-sig").strip()
    except UnicodeDecodeError as exc:
        raise InputError("The file is not a PNG, an SVG, JSON or a JWT.") from exc
    if text.startswith(("{", "[")):
        try:
            json.loads(text)
        except ValueError:
            if _is_json_lines(text):
                return "jsonl"
            raise InputError("The file looks like JSON but is not valid JSON.") from None
        return "json"
    if _is_jwt(text):
        return "jwt"
    raise InputError("The file is not a PNG, an SVG, JSON or a JWT.")


def _unbake_png(data: bytes) -> str:
    found: dict[str, str] = {}
    for chunk in _png.chunks(data):
        pair = _png.text_of(chunk)
        if pair and pair[0] in (OB3_PNG_KEYWORD, OB2_PNG_KEYWORD):
            if pair[0] in found:
                # §5.3.1 allows one; with two, a viewer and a verifier could read different ones.
                raise BakingError(f"The PNG carries more than one '{pair[0]}' text chunk.")
            found[pair[0]] = pair[1]
    text = found.get(OB3_PNG_KEYWORD) or found.get(OB2_PNG_KEYWORD)
    if not text or not text.strip():
        raise BakingError(
            "The PNG carries no baked credential (no 'openbadgecredential' text chunk)."
        )
    return text.strip()


def unbake(data: bytes) -> str:
    """The credential text (JSON or compact JWS) baked into a PNG or SVG image.

    OB 3.0 content wins over an OB 2.0 assertion when an image carries both.
    """
    kind = sniff(data)
    if kind == "png":
        return _unbake_png(data)
    if kind == "svg":
        found = _svg.read(data)
        text = found.get("ob3") or found.get("ob2")
        if not text:
            raise BakingError(
                "The SVG carries no baked credential (no openbadges:credential element)."
            )
        return text
    raise BakingError(f"Only PNG and SVG images carry a baked credential; this is {kind}.")


def _payload_kind(payload: str) -> bool:
    """True for a JWS, False for JSON; BakingError otherwise (§5.3: only these two)."""
    text = payload.strip()
    if _is_jwt(text):
        return True
    try:
        if isinstance(json.loads(text), dict):
            return False
    except ValueError:
        pass
    raise BakingError("Only a credential as a JSON object or a compact JWT can be baked.")


def bake_png(png: bytes, payload: str) -> bytes:
    """``png`` with one ``openbadgecredential`` iTXt chunk holding ``payload`` (§5.3.1).

    An existing credential chunk is dropped; the new one goes just before IEND.
    """
    _payload_kind(payload)
    return _bake_png(png, payload, OB3_PNG_KEYWORD)


def _ob2_payload_in_attribute(payload: str) -> bool:
    """OB 2.0 carries a hosted assertion's URL or a signed assertion (JWS) — or its JSON."""
    text = payload.strip()
    if re.fullmatch(r"https?://[^\s<>\"']+", text):
        return True
    return _payload_kind(text)


def bake_png_ob2(png: bytes, assertion: str) -> bytes:
    """``png`` baked the Open Badges 2.0 way: an iTXt ``openbadges`` chunk holding the
    hosted assertion's URL (or a signed assertion's JWS, or the assertion's JSON)."""
    _ob2_payload_in_attribute(assertion)
    return _bake_png(png, assertion, OB2_PNG_KEYWORD)


def bake_svg_ob2(svg: str, assertion: str) -> str:
    """``svg`` baked the Open Badges 2.0 way: ``<openbadges:assertion verify="…">``."""
    in_attribute = _ob2_payload_in_attribute(assertion)
    return _svg.bake(svg, assertion.strip(), is_jwt=in_attribute, version=2)


def _bake_png(png: bytes, payload: str, keyword: str) -> bytes:
    kept = []
    for chunk in _png.chunks(png):
        if chunk.type == b"IEND":
            break
        pair = _png.text_of(chunk)
        if pair is None or pair[0] != keyword:
            kept.append(chunk)
    if not kept or kept[0].type != b"IHDR":
        raise BakingError("The PNG does not start with an IHDR chunk.")
    kept.append(_png.itxt_chunk(keyword, payload.strip()))
    kept.append(_png.Chunk(b"IEND", b""))
    return _png.serialize(kept)


def bake_svg(svg: str, payload: str) -> str:
    """``svg`` with an ``openbadges:credential`` element holding ``payload`` (§5.3.2).

    JSON goes in a CDATA section; a JWT goes in the ``verify`` attribute. An existing
    credential element is replaced; the namespace is declared on the root if missing.
    """
    return _svg.bake(svg, payload.strip(), is_jwt=_payload_kind(payload))
