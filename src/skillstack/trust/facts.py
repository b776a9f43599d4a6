"""What an imported credential says, read the same way for OB 3.0 and OB 2.0.

OB 3.0: ``issuer`` and ``credentialSubject.achievement`` (with ``alignment``); OB 2.0: the
assertion's ``badge`` (a BadgeClass, embedded by obcore.ob2 once verified) with its ``issuer``
and ``alignment``. Nothing here trusts the content: it only reads it after verification.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from obcore.verify import issuer_id as ob3_issuer_id


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _date(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    text = value[:-1] + "+00:00" if value.endswith("Z") else value
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else None


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


@dataclass(slots=True)
class Facts:
    ob2: bool = False
    credential_ref: str = ""
    achievement_id: str = ""
    achievement_name: str = ""
    issuer_id: str = ""
    issuer_name: str = ""
    issued_on: datetime | None = None
    valid_until: datetime | None = None
    alignments: list[dict[str, str]] = field(default_factory=list)


def _alignments(values: Any) -> list[dict[str, str]]:
    found = []
    for item in _list(values):
        if isinstance(item, dict):
            found.append(
                {
                    "name": _text(item.get("targetName")),
                    "url": _text(item.get("targetUrl")),
                    "code": _text(item.get("targetCode")),
                    "framework": _text(item.get("targetFramework")),
                }
            )
    return found


def credential_facts(credential: dict[str, Any]) -> Facts:
    if "badge" in credential and "recipient" in credential:
        badge = credential.get("badge")
        badge = badge if isinstance(badge, dict) else {"id": badge}
        issuer = badge.get("issuer")
        issuer = issuer if isinstance(issuer, dict) else {"id": issuer}
        return Facts(
            ob2=True,
            credential_ref=_text(credential.get("id")),
            achievement_id=_text(badge.get("id")),
            achievement_name=_text(badge.get("name")),
            issuer_id=_text(issuer.get("id")),
            issuer_name=_text(issuer.get("name")),
            issued_on=_date(credential.get("issuedOn")),
            valid_until=_date(credential.get("expires")),
            alignments=_alignments(badge.get("alignment")),
        )
    subjects = [s for s in _list(credential.get("credentialSubject")) if isinstance(s, dict)]
    achievement = subjects[0].get("achievement") if subjects else None
    achievement = achievement if isinstance(achievement, dict) else {}
    issuer = credential.get("issuer")
    return Facts(
        credential_ref=_text(credential.get("id")),
        achievement_id=_text(achievement.get("id")),
        achievement_name=_text(achievement.get("name")) or _text(credential.get("name")),
        issuer_id=_text(ob3_issuer_id(credential)),
        issuer_name=_text(issuer.get("name")) if isinstance(issuer, dict) else "",
        issued_on=_date(credential.get("validFrom") or credential.get("issuanceDate")),
        valid_until=_date(credential.get("validUntil") or credential.get("expirationDate")),
        alignments=_alignments(achievement.get("alignment")),
    )
