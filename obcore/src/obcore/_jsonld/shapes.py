"""Safe-mode verdicts remembered per document *shape*, equal to full expansion's.

Why: eddsa-jcs-2022 signs the JSON as it is, but obcore still refuses to sign a property
the contexts do not define (JSON-LD "safe mode", :mod:`obcore._jsonld.safe`). Expanding
every credential for that costs more than the rest of signing. Credentials made from one
template differ in their strings (names, dates, ids), not in what safe mode looks at.

A document's *shape* is the document with every string value replaced by a numbered
placeholder IRI, except the values that select contexts: ``@context`` (kept whole) and
``type``/``@type`` (type-scoped contexts). Keys, numbers, booleans and nulls stay. The
shape is expanded once (safe mode on); where each placeholder lands in the expanded form
tells how expansion treats that string *in this shape*:

* as a ``@value`` string: a literal. JSON-LD 1.1 API §5.3.2 (Value Expansion) decides
  that from the active property's term definition and the value being a string, never
  from the string's content, and safe mode does not look at literal strings: any string
  there gives the same verdict.
* as an ``@id``: an IRI. IRI expansion (API §5.2.2) returns a value unchanged when it
  has the form ``scheme:rest`` (no white space), and neither the value nor its scheme is
  a term of any context in play (then no term or prefix mapping can apply, and pyld's
  absolute-IRI test passes); safe mode accepts it unless it starts with the reserved
  relative-reference base. :func:`_unchanged_iri` tests exactly that, with the term names
  being every key of every bundled context and of the document's own contexts.
* anywhere else (``@type``, ``@language``, inside a JSON literal, several places or
  none): not decided here.

The active context at every point depends only on the kept parts (keys, contexts, types),
so it is the same in the document and its shape; the document passes without expansion
when its shape passed and each of its strings is a literal, or an IRI of the unchanged
kind. Otherwise — and for every failure, so the error names the property — the document
is expanded in full. ``tests/test_jsonld_shapes.py`` checks the equivalence against full
expansion on generated documents.
"""

from __future__ import annotations

import re
import threading
from typing import Any

import orjson

from obcore._jsonld.safe import RELATIVE_BASE

_PLACEHOLDER = "https://leaf.obcore.invalid/"
_KEPT_VALUES = frozenset({"@context", "type", "@type"})
_LITERAL, _IRI, _OTHER = 0, 1, 2
_IRI_FORM = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s]*")
_SHAPES_SIZE = 256


class ShapeMemo:
    """Shape → how expansion treats each placeholder (or None: always expand in full)."""

    def __init__(self, bundled_terms: frozenset[str]) -> None:
        self.bundled_terms = bundled_terms
        self.entries: dict[bytes, tuple[tuple[int, ...], frozenset[str]] | None] = {}
        self.lock = threading.Lock()
        self.hits = 0

    def passes_without_expansion(self, document: Any, expand_shape: Any) -> bool:
        """True when safe mode certainly accepts ``document``; False: expand it in full.

        ``expand_shape(shape)`` expands in safe mode and raises when safe mode refuses.
        """
        leaves: list[str] = []
        inline_terms: set[str] = set()
        try:
            shape = _shape(document, leaves, inline_terms)
            key = orjson.dumps(shape)
        except (TypeError, orjson.JSONEncodeError, RecursionError):
            return False
        if key not in self.entries:
            entry = _classify(shape, len(leaves), expand_shape, inline_terms, self.bundled_terms)
            with self.lock:
                if len(self.entries) >= _SHAPES_SIZE:
                    self.entries.pop(next(iter(self.entries)), None)
                self.entries[key] = entry
        entry = self.entries.get(key)
        if entry is None:
            return False
        classes, terms = entry
        for value, kind in zip(leaves, classes, strict=True):
            if kind == _LITERAL:
                continue
            if kind == _IRI and _unchanged_iri(value, terms):
                continue
            return False
        self.hits += 1
        return True


def _unchanged_iri(value: str, terms: frozenset[str]) -> bool:
    """IRI expansion returns ``value`` as it is, and safe mode accepts it as absolute."""
    if _IRI_FORM.fullmatch(value) is None or value.startswith(RELATIVE_BASE):
        return False
    return value not in terms and value.split(":", 1)[0] not in terms


def _shape(value: Any, leaves: list[str], inline_terms: set[str]) -> Any:
    kind = type(value)
    if kind is str:
        leaves.append(value)
        return f"{_PLACEHOLDER}{len(leaves) - 1}"
    if kind is list:
        return [_shape(item, leaves, inline_terms) for item in value]
    if kind is dict:
        out = {}
        for key, item in value.items():
            if key in _KEPT_VALUES:
                if key == "@context":
                    _collect_keys(item, inline_terms)
                out[key] = item
            else:
                out[key] = _shape(item, leaves, inline_terms)
        return out
    if value is None or kind in (bool, int, float):
        return value
    raise TypeError("not plain JSON")  # anything else: expand in full


def _collect_keys(value: Any, into: set[str]) -> None:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            into.update(k for k in item if isinstance(k, str))
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _classify(
    shape: Any,
    count: int,
    expand_shape: Any,
    inline_terms: set[str],
    bundled_terms: frozenset[str],
) -> tuple[tuple[int, ...], frozenset[str]] | None:
    try:
        expanded = expand_shape(shape)
    except Exception:  # noqa: BLE001 - the shape fails: every document of it is expanded in full
        return None
    seen: list[list[str]] = [[] for _ in range(count)]
    stack: list[tuple[Any, str]] = [(expanded, "")]
    while stack:
        node, key = stack.pop()
        if isinstance(node, str):
            if node.startswith(_PLACEHOLDER):
                index = node[len(_PLACEHOLDER) :]
                if not index.isdigit() or int(index) >= count:
                    return None
                if key == "@type":
                    return None  # a placeholder chose a type: the shape is not faithful
                seen[int(index)].append(key)
        elif isinstance(node, list):
            stack.extend((item, key) for item in node)
        elif isinstance(node, dict):
            stack.extend((item, k) for k, item in node.items())
    classes = tuple(
        _LITERAL if keys == ["@value"] else _IRI if keys == ["@id"] else _OTHER for keys in seen
    )
    return classes, bundled_terms | frozenset(inline_terms)
