"""Input checks for obcore.credentials: each failure names the field and how to fix it.

Vocabularies (achievement types, alignment target types, result types, result statuses)
are read from the bundled OB 3.0 JSON Schema, so the builders and the shape check never
disagree. "EnumExt" vocabularies also accept an ``ext:`` term (OB 3.0 §B.2.3).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from typing import Any

from obcore.errors import CredentialError

__all__ = [
    "as_list",
    "check_number",
    "check_text",
    "check_uri",
    "check_vocabulary",
    "compact",
    "date_text",
]

_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")
_EXT_TERM = re.compile(r"ext:[A-Za-z0-9._-]+")


def check_uri(value: Any, field: str) -> str:
    """An absolute URI (VCDM 2.0 §4.4: ``id`` values are URLs, DIDs or URNs)."""
    if not isinstance(value, str) or not _URI.fullmatch(value):
        raise CredentialError(
            f"{field} must be an absolute URI such as https://…, did:… or urn:uuid:… "
            f"(got {value!r})."
        )
    return value


def check_text(value: Any, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CredentialError(f"{field} must be non-empty text.")
    return value


def check_number(value: Any, field: str) -> float | int:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise CredentialError(f"{field} must be a number of zero or more (got {value!r}).")
    return value


def date_text(value: Any, field: str) -> str:
    """An XML Schema dateTimeStamp (VCDM 2.0 §4.9): a date and time with a time zone."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise CredentialError(f"{field} needs a time zone (use an aware datetime).")
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if not isinstance(value, str):
        raise CredentialError(f"{field} must be a date-time such as 2024-05-01T09:00:00Z.")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        parsed = None
    if parsed is None or "T" not in value or parsed.tzinfo is None:
        raise CredentialError(
            f"{field} must be a date-time with a time zone, such as 2024-05-01T09:00:00Z "
            f"(got {value!r})."
        )
    return value


@cache
def _schema_defs() -> dict[str, Any]:
    text = resources.files("obcore.schemas").joinpath("achievementcredential.json").read_text()
    defs: dict[str, Any] = json.loads(text)["$defs"]
    return defs


@cache
def _terms(definition: str, prop: str) -> tuple[frozenset[str], bool]:
    spec = _schema_defs()[definition]["properties"][prop]
    branches = spec.get("oneOf", [spec])
    terms = frozenset(t for b in branches for t in b.get("enum", ()))
    return terms, len(branches) > 1


def check_vocabulary(value: Any, field: str, *, definition: str, prop: str) -> str:
    terms, extensible = _terms(definition, prop)
    if isinstance(value, str) and (value in terms or (extensible and _EXT_TERM.fullmatch(value))):
        return value
    hint = "; or an extension term such as ext:MyType" if extensible else ""
    shown = ", ".join(sorted(terms)[:12]) + (", …" if len(terms) > 12 else "")
    raise CredentialError(f"{field} {value!r} is not allowed: use one of {shown}{hint}.")


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, Mapping | str):
        return [value]
    if isinstance(value, Sequence):
        return list(value)
    return [value]


def compact(**fields: Any) -> dict[str, Any]:
    """A JSON object without the fields that were not given (None or empty)."""
    return {k: v for k, v in fields.items() if v is not None and v != [] and v != ()}
