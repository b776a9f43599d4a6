"""The OB 2.0 vocabulary: its context, its classes, and what each class requires.

OB 2.0 §"Open Badges Vocabulary" (https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html).
An object may carry the v2 context by URL, in a list with extension contexts, or inline
(the validator's own fixtures do, mapping ``obi`` to the OB namespace).
"""

from __future__ import annotations

import re
from typing import Any

OB2_CONTEXT = "https://w3id.org/openbadges/v2"
OB2_CONTEXT_ALIASES = frozenset(
    {
        OB2_CONTEXT,
        "https://openbadgespec.org/v2/context.json",
        "https://w3id.org/openbadges/v2/context.json",
    }
)
OB_NAMESPACE = "https://w3id.org/openbadges#"

CLASSES = frozenset(
    {
        "Assertion",
        "BadgeClass",
        "Issuer",
        "Profile",
        "AlignmentObject",
        "CryptographicKey",
        "Criteria",
        "Endorsement",
        "Evidence",
        "Extension",
        "IdentityObject",
        "Image",
        "RevocationList",
        "VerificationObject",
        "HostedBadge",
        "SignedBadge",
        "hosted",
        "signed",
    }
)
"""Terms the v2 context defines as classes; any other type must be a full IRI (an extension)."""

REQUIRED: dict[str, tuple[str, ...]] = {
    "Assertion": ("id", "recipient", "badge", "verification", "issuedOn"),
    "BadgeClass": ("id", "name", "description", "criteria", "issuer"),
    "Issuer": ("id", "name"),
    "Profile": ("id", "name"),
    "AlignmentObject": ("targetName", "targetUrl"),
    "CryptographicKey": ("id", "publicKeyPem"),
    "RevocationList": ("id",),
}
"""Required properties per class (OB 2.0 data classes; ``image`` of a BadgeClass is listed as
required by the spec but 1EdTech's validator accepts its absence, and so do we)."""

_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")
_TERM = re.compile(r"^(?:[A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*$")


def is_iri(value: Any) -> bool:
    return isinstance(value, str) and bool(_IRI.match(value))


def is_http(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(("https://", "http://"))


def context_problem(document: dict[str, Any]) -> str | None:
    """Why the document does not use the OB 2.0 context, as a sentence; None when it does."""
    context = document.get("@context")
    items = context if isinstance(context, list) else [context]
    for item in items:
        if isinstance(item, str) and item in OB2_CONTEXT_ALIASES:
            return None
        if isinstance(item, dict) and item.get("obi") == OB_NAMESPACE:
            return None  # the v2 context written out inline
    if context is None:
        return "The object has no @context, so it is not an Open Badges 2.0 object."
    return (
        f"The @context is not the Open Badges 2.0 context ({OB2_CONTEXT}); "
        "the object cannot be read as an Open Badge."
    )


def types_of(document: dict[str, Any]) -> list[Any]:
    value = document.get("type", document.get("@type"))
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def type_problem(document: dict[str, Any], expected: tuple[str, ...] = ()) -> str | None:
    """Why the object's type is not acceptable; None when it is.

    Each entry is a class of the vocabulary or a full IRI (an extension class); an empty
    type or an unknown bare term cannot be read (OB 2.0 "Extensions", JSON-LD §3.4).
    """
    types = types_of(document)
    if not types:
        return "The object declares no type."
    for value in types:
        if not isinstance(value, str) or not value:
            return "A type entry is not text."
        if value in CLASSES or (is_iri(value) and "/" in value):
            continue
        if _TERM.match(value):
            return f"The type “{value}” is not a class of the Open Badges 2.0 vocabulary."
        return f"The type “{value}” is neither a vocabulary class nor a full IRI."
    if expected and not any(t in expected for t in types):
        wanted = " or ".join(expected)
        return f"Expected an object of type {wanted}, found {', '.join(map(str, types))}."
    return None


def main_class(document: dict[str, Any]) -> str | None:
    """The first vocabulary class the object declares (``Profile`` reads as ``Issuer``)."""
    for value in types_of(document):
        if value in REQUIRED:
            return "Issuer" if value == "Profile" else str(value)
    return None


def missing_properties(document: dict[str, Any], cls: str) -> list[str]:
    required = REQUIRED.get(cls, ())
    return [name for name in required if document.get(name) in (None, "", [])]
