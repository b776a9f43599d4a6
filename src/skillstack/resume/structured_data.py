"""Metadata that makes a shared link preview well: schema.org JSON-LD for credentials and
resumes, written so that no text inside can end the ``<script>`` element it sits in.

schema.org: EducationalOccupationalCredential (https://schema.org/EducationalOccupationalCredential)
and Person with ``hasCredential``. The JSON is escaped as Django's ``json_script`` does: ``<``,
``>`` and ``&`` become ``\\u003C`` …, so a credential named ``</script><script>…`` stays text.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from django.utils.safestring import SafeString, mark_safe

_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data: dict[str, Any]) -> SafeString:
    """``data`` as JSON safe to place inside ``<script type="application/ld+json">``."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_ESCAPES)
    # U+2028/2029 are line ends to JavaScript; escaped as well for old parsers.
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return mark_safe(text)  # noqa: S308 - every character that could end the element is escaped


def _day(moment: datetime | None) -> str | None:
    return moment.date().isoformat() if moment else None


def credential_schema(
    *,
    name: str,
    description: str,
    issuer_name: str,
    issuer_url: str,
    url: str,
    image: str,
    category: str,
    issued: datetime | None,
    valid_until: datetime | None,
) -> dict[str, Any]:
    """A schema.org ``EducationalOccupationalCredential`` of one credential."""
    issuer: dict[str, Any] = {"@type": "Organization", "name": issuer_name}
    if issuer_url:
        issuer["url"] = issuer_url
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "EducationalOccupationalCredential",
        "name": name,
        "url": url,
        "credentialCategory": category or "Micro-credential",
        "recognizedBy": issuer,
        "issuedBy": issuer,
    }
    optional = {
        "description": description,
        "image": image,
        "dateCreated": _day(issued),
        "expires": _day(valid_until),
    }
    data.update({k: v for k, v in optional.items() if v})
    return data


def person_schema(
    *, name: str, headline: str, url: str, credentials: list[dict[str, Any]], skills: list[str]
) -> dict[str, Any]:
    """A schema.org ``Person`` with the credentials (``hasCredential``) their resume shows."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": name,
        "url": url,
        "hasCredential": [{k: v for k, v in c.items() if k != "@context"} for c in credentials],
    }
    if headline:
        data["jobTitle"] = headline
    if skills:
        data["knowsAbout"] = skills
    return data
