"""Reading and writing the credential baked into an SVG (OB 3.0 §5.3.2, OB 2.0 baking).

Reading uses expat directly, hardened the way defusedxml hardens it: any entity
declaration (internal or external, general or parameter) or external entity reference
stops the parse, so "billion laughs" and XXE payloads are refused before they expand, and
no DTD is ever fetched. Writing edits the text instead of re-serialising a tree, so the
image keeps its prefixes, comments and DOCTYPE byte for byte.
"""

from __future__ import annotations

import re
from typing import Any
from xml.parsers import expat

from obcore.errors import BakingError

__all__ = ["OB2_NS", "OB3_NS", "bake", "read"]

OB3_NS = "https://purl.imsglobal.org/ob/v3p0"
OB2_NS = "http://openbadges.org"
MAX_SVG_BYTES = 10 * 1024 * 1024
_TARGETS = {f"{OB3_NS} credential": "ob3", f"{OB2_NS} assertion": "ob2"}

_ATTRS = r"""(?:"[^"]*"|'[^']*'|[^'">])*"""
_ROOT = re.compile(rf"<(?:[\w.-]+:)?svg\b{_ATTRS}>")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_CDATA_OR_TEXT = r"(?:<!\[CDATA\[.*?\]\]>|[^<])*"


class _Reader:
    """Collects the first OB 3.0 credential and OB 2.0 assertion element of an SVG."""

    def __init__(self) -> None:
        self.found: dict[str, str] = {}
        self._open: str | None = None
        self._depth = 0
        self._text: list[str] = []

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if self._open is not None:
            self._depth += 1
            return
        kind = _TARGETS.get(name)
        if kind is not None and kind not in self.found:
            self._open, self._depth, self._text = kind, 0, []
            verify = attrs.get("verify")
            if verify:
                self._text.append(verify)

    def end(self, name: str) -> None:
        if self._open is None:
            return
        if self._depth:
            self._depth -= 1
            return
        self.found[self._open] = "".join(self._text).strip()
        self._open = None

    def data(self, text: str) -> None:
        if self._open is not None and self._depth == 0:
            self._text.append(text)


def _refuse(*_: Any) -> Any:
    raise BakingError("The SVG declares XML entities; they are refused for safety.")


def read(svg: bytes) -> dict[str, str]:
    """{'ob3': text, 'ob2': text} for the baked elements present (possibly empty)."""
    if len(svg) > MAX_SVG_BYTES:
        raise BakingError("The SVG is larger than 10 MB; it is refused.")
    reader = _Reader()
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = _refuse
    parser.UnparsedEntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.data
    try:
        parser.Parse(svg, True)
    except expat.ExpatError as exc:
        raise BakingError(f"The SVG is not well-formed XML ({exc}).") from exc
    return reader.found


def _root_tag(svg: str) -> re.Match[str]:
    comments = [m.span() for m in _COMMENT.finditer(svg)]
    for match in _ROOT.finditer(svg):
        if not any(start <= match.start() < end for start, end in comments):
            return match
    raise BakingError("The SVG has no <svg> root element.")


def _prefix(root: str, namespace: str) -> tuple[str, bool]:
    """The prefix bound to ``namespace`` on the root, and whether it is declared."""
    bound = re.search(rf"""xmlns:([\w.-]+)\s*=\s*["']{re.escape(namespace)}["']""", root)
    if bound:
        return bound.group(1), True
    taken = re.search(r"""xmlns:openbadges\s*=""", root)
    fallback = "ob3" if namespace == OB3_NS else "ob2"
    return (fallback if taken else "openbadges"), False


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _attr(text: str) -> str:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    return f'"{escaped}"'


def bake(svg: str, payload: str, *, is_jwt: bool, version: int = 3) -> str:
    """``svg`` with its baked element replaced by one carrying ``payload``.

    Version 3: ``openbadges:credential`` (OB 3.0 §5.3.2). Version 2: ``openbadges:assertion``
    in ``http://openbadges.org`` whose ``verify`` attribute holds the hosted assertion's URL
    or the signed assertion (``is_jwt`` then means "goes in the attribute").
    """
    read(svg.encode("utf-8"))  # well-formed and safe before we touch it
    namespace, local = (OB3_NS, "credential") if version == 3 else (OB2_NS, "assertion")
    root_match = _root_tag(svg)
    root = root_match.group(0)
    prefix, declared = _prefix(root, namespace)
    tag = f"{prefix}:{local}"
    name = re.escape(tag)
    old = re.compile(rf"<{name}\b{_ATTRS}(?:/>|>{_CDATA_OR_TEXT}</{name}\s*>)\s*", re.DOTALL)
    head, tail = svg[: root_match.end()], svg[root_match.end() :]
    tail = old.sub("", tail)
    if is_jwt:
        element = f"<{tag} verify={_attr(payload)}></{tag}>"
    else:
        element = f"<{tag}>{_cdata(payload)}</{tag}>"
    if not declared:
        closing = 2 if root.endswith("/>") else 1
        head = head[: len(head) - closing] + f' xmlns:{prefix}="{namespace}"' + head[-closing:]
    if head.endswith("/>"):
        return head[:-2] + ">\n" + element + "\n</svg>" + tail
    return head + "\n" + element + tail
