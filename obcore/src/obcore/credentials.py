"""Builders for Open Badges 3.0 credentials and Verifiable Presentations (VCDM 2.0).

Each builder is a keyword-only function returning the JSON-LD object the OB 3.0 data
model (§B "Data Models") describes, with bad input refused as a ``CredentialError`` that
names the field. ``achievement_credential`` and ``endorsement_credential`` finish by
checking the result against the bundled 1EdTech JSON Schema, so what they return always
has the shape a conforming verifier expects. They return *unsigned* credentials: the
caller adds a Data Integrity proof (obcore.proofs) or wraps it in a VC-JWT
(obcore.vc_jwt).

Recipients are named by ``id`` (a DID or URL) or, to keep an e-mail address private, by
a salted SHA-256 ``IdentityObject`` (OB 3.0 §B.1.14 IdentityObject, IdentityHash).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from obcore._credentials.checks import as_list, check_text, check_uri, compact, date_text
from obcore._credentials.identity import hashed_email_identifier, identifier_matches
from obcore._credentials.parts import (
    achievement,
    alignment,
    evidence,
    profile,
    result,
    result_description,
    rubric_level,
)
from obcore.errors import CredentialError
from obcore.schema import schema_errors

__all__ = [
    "OB3_CONTEXT",
    "VC2_CONTEXT",
    "achievement",
    "achievement_credential",
    "alignment",
    "endorsement_credential",
    "evidence",
    "hashed_email_identifier",
    "identifier_matches",
    "open_badge_credential",
    "presentation",
    "profile",
    "result",
    "result_description",
    "rubric_level",
]

VC2_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
CONTEXTS = [VC2_CONTEXT, OB3_CONTEXT]
Json = dict[str, Any]
DateLike = str | datetime


# --- credentials ----------------------------------------------------------------------


def _issuer(issuer: str | Mapping[str, Any]) -> Json | str:
    if isinstance(issuer, str):
        return check_uri(issuer, "issuer")
    if not isinstance(issuer, Mapping):
        raise CredentialError("issuer must be a Profile object or its URI.")
    check_uri(issuer.get("id"), "issuer.id")
    return dict(issuer)


def _subject(subject: str | Mapping[str, Any] | Sequence[Mapping[str, Any]]) -> Json:
    """An ``AchievementSubject`` naming the recipient by ``id`` or ``identifier``."""
    if isinstance(subject, str):
        return {"id": check_uri(subject, "credentialSubject.id")}
    identifiers = as_list(subject)
    if not identifiers or any(
        not isinstance(i, Mapping) or i.get("type") != "IdentityObject" for i in identifiers
    ):
        raise CredentialError(
            "credentialSubject must be the recipient's id (a DID or URL) or IdentityObject(s), "
            "e.g. from hashed_email_identifier()."
        )
    return {"identifier": [dict(i) for i in identifiers]}


def _dates(valid_from: DateLike, valid_until: DateLike | None) -> Json:
    dates = {"validFrom": date_text(valid_from, "validFrom")}
    if valid_until is not None:
        dates["validUntil"] = date_text(valid_until, "validUntil")
        start = datetime.fromisoformat(dates["validFrom"])
        if datetime.fromisoformat(dates["validUntil"]) <= start:
            raise CredentialError("validUntil must be later than validFrom.")
    return dates


def _checked(credential: Json) -> Json:
    errors = schema_errors(credential)
    if errors:
        raise CredentialError("The credential does not fit the OB 3.0 schema: " + "; ".join(errors))
    return credential


def _status(credential_status: Json | Sequence[Json] | None) -> Any:
    entries = as_list(credential_status)
    for entry in entries:
        if not isinstance(entry, Mapping) or "type" not in entry:
            raise CredentialError("credentialStatus entries must be objects with a type.")
    if not entries:
        return None
    return dict(entries[0]) if len(entries) == 1 else [dict(e) for e in entries]


def achievement_credential(
    *,
    id: str,
    issuer: str | Mapping[str, Any],
    subject: str | Mapping[str, Any] | Sequence[Mapping[str, Any]],
    achievement: Mapping[str, Any],
    valid_from: DateLike,
    valid_until: DateLike | None = None,
    result: Json | Sequence[Json] | None = None,
    evidence: Sequence[Json] = (),
    credential_status: Json | Sequence[Json] | None = None,
    credential_schema: Sequence[Json] = (),
    name: str | None = None,
    description: str | None = None,
    credential_type: str = "OpenBadgeCredential",
) -> Json:
    """An unsigned ``OpenBadgeCredential``/``AchievementCredential`` (OB 3.0 §B.1.2).

    ``subject`` is the recipient's id (DID/URL) or IdentityObject(s); ``name`` defaults
    to the achievement's name (OB 3.0 asks every credential to have one).
    """
    if credential_type not in ("OpenBadgeCredential", "AchievementCredential"):
        raise CredentialError(
            "credential_type must be OpenBadgeCredential or AchievementCredential."
        )
    if not isinstance(achievement, Mapping) or "id" not in achievement:
        raise CredentialError("achievement must be an Achievement object, e.g. from achievement().")
    credential_subject = {
        **_subject(subject),
        "type": ["AchievementSubject"],
        "achievement": dict(achievement),
    }
    results = [dict(r) for r in as_list(result)]
    if results:
        credential_subject["result"] = results
    credential = compact(
        **{"@context": list(CONTEXTS)},
        id=check_uri(id, "id"),
        type=["VerifiableCredential", credential_type],
        issuer=_issuer(issuer),
        **_dates(valid_from, valid_until),
        name=check_text(name if name is not None else achievement.get("name"), "name"),
        description=description,
        credentialSubject=credential_subject,
        evidence=[dict(e) for e in evidence],
        credentialStatus=_status(credential_status),
        credentialSchema=[dict(s) for s in credential_schema],
    )
    return _checked(credential)


open_badge_credential = achievement_credential


def endorsement_credential(
    *,
    id: str,
    issuer: str | Mapping[str, Any],
    endorsed_id: str,
    valid_from: DateLike,
    name: str,
    endorsement_comment: str | None = None,
    valid_until: DateLike | None = None,
    credential_status: Json | Sequence[Json] | None = None,
) -> Json:
    """An unsigned ``EndorsementCredential`` (OB 3.0 §B.1.8) of a profile or achievement."""
    credential = compact(
        **{"@context": list(CONTEXTS)},
        id=check_uri(id, "id"),
        type=["VerifiableCredential", "EndorsementCredential"],
        issuer=_issuer(issuer),
        **_dates(valid_from, valid_until),
        name=check_text(name, "name"),
        credentialSubject=compact(
            id=check_uri(endorsed_id, "credentialSubject.id"),
            type=["EndorsementSubject"],
            endorsementComment=endorsement_comment,
        ),
        credentialStatus=_status(credential_status),
    )
    return _checked(credential)


def presentation(
    *,
    credentials: Sequence[Json | str],
    holder: str | None = None,
    id: str | None = None,
) -> Json:
    """An unsigned ``VerifiablePresentation`` (VCDM 2.0 §4.13) wrapping credentials.

    A credential given as a VC-JWT string is enveloped as VCDM 2.0 §4.13.1 describes:
    an ``EnvelopedVerifiableCredential`` whose id is a ``data:application/vc+jwt`` URL.
    """
    if not credentials:
        raise CredentialError("credentials must hold at least one credential.")
    wrapped: list[Json] = []
    for index, item in enumerate(credentials):
        if isinstance(item, str):
            wrapped.append(
                {
                    "@context": VC2_CONTEXT,
                    "id": "data:application/vc+jwt," + item.strip(),
                    "type": "EnvelopedVerifiableCredential",
                }
            )
        elif isinstance(item, Mapping) and "VerifiableCredential" in as_list(item.get("type")):
            wrapped.append(dict(item))
        else:
            raise CredentialError(
                f"credentials[{index}] must be a credential object or a VC-JWT string."
            )
    return compact(
        **{"@context": [VC2_CONTEXT]},
        id=None if id is None else check_uri(id, "id"),
        type=["VerifiablePresentation"],
        holder=None if holder is None else check_uri(holder, "holder"),
        verifiableCredential=wrapped,
    )
