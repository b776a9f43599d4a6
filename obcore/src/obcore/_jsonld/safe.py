"""JSON-LD "safe mode": refuse data that expansion would drop or leave relative.

Why: an RDF-canonicalised signature only covers what JSON-LD expansion keeps. A property
with no term definition (VC 2.0 has no ``@vocab``) is dropped silently, and a relative IRI
is skipped by toRdf (JSON-LD 1.1 API §8.2), so the signature would not cover them and a
holder could change them freely. The W3C Data Integrity reference implementation
(jsonld.js ``safe: true``) makes such documents fail; so do we, naming the property.
"""

from __future__ import annotations

import re
from typing import Any

from obcore.errors import SafeModeError

_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_IRI_VALUED_KEYS = ("@id", "@type")
#: Expansion runs with this document base. pyld resolves relative references against a
#: base (its own default is http://example.org/base/, which would hide them); with this
#: reserved (RFC 2606 ``.invalid``) base every relative reference stays recognisable.
RELATIVE_BASE = "https://relative-reference.obcore.invalid/"


_NESTING_KEYS = frozenset({"@list", "@set", "@graph", "@included", "@reverse"})
_COMMON_SCHEMES = ("https://", "http://", "urn:", "did:", "_:")


def _is_absolute(value: str) -> bool:
    if value.startswith(_COMMON_SCHEMES):  # fast path for nearly every IRI
        return not value.startswith(RELATIVE_BASE)
    return bool(_ABSOLUTE_IRI.match(value))


def _original(value: str) -> str:
    return value.removeprefix(RELATIVE_BASE)


def _short(iri: str) -> str:
    """The last segment of an expanded property IRI (usually the JSON term)."""
    for sep in ("#", "/", ":"):
        if sep in iri:
            iri = iri.rsplit(sep, 1)[1] or iri
    return iri


def refuse_dropped(dropped: list[str]) -> None:
    """Fail when pyld reported properties it dropped during expansion."""
    if dropped:
        names = ", ".join(sorted({repr(d) for d in dropped}))
        raise SafeModeError(
            f"The property {names} is not defined by any of the document's JSON-LD "
            "contexts, so a signature would not cover it. Define it in a context (or "
            "remove it) before signing; a verifier refuses it.",
        )


def check_expanded(expanded: Any) -> None:
    """Walk expanded JSON-LD and refuse relative IRIs in ``@id``, ``@type`` or properties."""
    stack: list[tuple[Any, str]] = [(expanded, "document")]
    while stack:
        node, prop = stack.pop()
        if isinstance(node, list):
            stack.extend((item, prop) for item in node)
            continue
        if not isinstance(node, dict):
            continue
        if "@direction" in node:
            raise SafeModeError(
                f"The value of property {_short(prop)!r} has a text direction (@direction), "
                "which Data Integrity signatures cannot represent without an rdfDirection "
                "mode; remove the direction or the value.",
            )
        for key, value in node.items():
            if key in _IRI_VALUED_KEYS:
                _check_iris(key, value, prop, in_value="@value" in node)
            elif key[0] == "@":
                if key in _NESTING_KEYS:
                    stack.append((value, prop))
                elif key == "@context":  # never in expanded form: refuse, do not pass on
                    raise SafeModeError("The expanded document still has an @context.")
            elif not _is_absolute(key):
                raise SafeModeError(
                    f"The property {_original(key)!r} does not expand to an absolute IRI, so a "
                    "signature would not cover it.",
                )
            elif type(value) is list:
                stack.append((value, key))


def _check_iris(key: str, value: Any, prop: str, *, in_value: bool) -> None:
    values = value if isinstance(value, list) else [value]
    for item in values:
        if isinstance(item, str) and not item.startswith("@") and not _is_absolute(item):
            what = "datatype" if in_value else ("identifier" if key == "@id" else "type")
            raise SafeModeError(
                f"The {what} {_original(item)!r} of property {_short(prop)!r} is a relative "
                "reference, not an absolute IRI, so a signature would not cover it. "
                "Use a full URL (or define the term in a context).",
            )
