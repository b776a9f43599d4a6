"""Comprehensive Learner Record 2.0: the ``ClrCredential`` that bundles a learner's credentials.

CLR 2.0 (1EdTech, §B.1 ClrCredential, §B.2 ClrSubject) wraps already signed OB 3.0
credentials in one Verifiable Credential whose subject is the learner: each component keeps
its own issuer's proof, and the CLR's issuer signs the bundle. :func:`clr_credential`
builds the unsigned document; :func:`clr_problems` lists what keeps a document from being a
ClrCredential, in words that name the property.

Signing and verifying a CLR with obcore needs the CLR 2.0 JSON-LD context
(``CLR_CONTEXT``) among the bundled contexts (obcore never fetches one). The shared
standards folder has the 1EdTech validator's copy
(``1edtech-validator-bundled/clr-v2p0-2.0.1.json``); until it is in ``obcore/contexts``
with its hash in the manifest, :func:`clr_context_bundled` is False and signing raises
``ContextError`` rather than signing terms it cannot read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from obcore._credentials.checks import check_text, check_uri, compact, date_text
from obcore.errors import CredentialError

__all__ = [
    "CLR_CONTEXT",
    "CLR_CONTEXTS",
    "clr_context_bundled",
    "clr_credential",
    "clr_problems",
]

VC2_CONTEXT = "https://www.w3.org/ns/credentials/v2"
CLR_CONTEXT = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"
OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
CLR_CONTEXTS = (VC2_CONTEXT, CLR_CONTEXT, OB3_CONTEXT)
CLR_CONTEXT_URLS = frozenset(
    {
        CLR_CONTEXT,
        "https://purl.imsglobal.org/spec/clr/v2p0/context.json",
        "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.0.json",
    }
)
COMPONENT_TYPES = frozenset({"AchievementCredential", "OpenBadgeCredential", "ClrCredential"})
Json = dict[str, Any]


def clr_context_bundled() -> bool:
    """True when obcore can sign and verify CLRs (the CLR context is bundled and pinned)."""
    from obcore._jsonld.manifest import bundled_context_urls

    return CLR_CONTEXT in bundled_context_urls()


def _types(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _component(credential: Any, index: int) -> Json:
    where = f"verifiableCredential[{index}]"
    if not isinstance(credential, Mapping):
        raise CredentialError(f"{where} must be a signed credential (a JSON object).")
    if not COMPONENT_TYPES & set(_types(credential.get("type"))):
        raise CredentialError(f"{where} must be an AchievementCredential or OpenBadgeCredential.")
    if "proof" not in credential:
        raise CredentialError(f"{where} has no proof: bundle only credentials as signed.")
    check_uri(credential.get("id"), f"{where}.id")
    return dict(credential)


def _achievements(components: Sequence[Json]) -> list[Json]:
    """Each component's achievement once (CLR 2.0 §B.2 ClrSubject.achievement)."""
    seen: dict[str, Json] = {}
    for credential in components:
        subject = credential.get("credentialSubject")
        achievement = subject.get("achievement") if isinstance(subject, Mapping) else None
        if isinstance(achievement, Mapping) and isinstance(achievement.get("id"), str):
            seen.setdefault(achievement["id"], dict(achievement))
    return list(seen.values())


def _subject(subject: str | Sequence[Mapping[str, Any]]) -> Json:
    if isinstance(subject, str):
        return {"id": check_uri(subject, "credentialSubject.id")}
    identifiers = list(subject)
    if not identifiers or any(
        not isinstance(i, Mapping) or i.get("type") != "IdentityObject" for i in identifiers
    ):
        raise CredentialError(
            "credentialSubject must be the learner's id (a DID or URL) or IdentityObject(s)."
        )
    return {"identifier": [dict(i) for i in identifiers]}


def clr_credential(
    *,
    id: str,
    issuer: str | Mapping[str, Any],
    subject: str | Sequence[Mapping[str, Any]],
    credentials: Sequence[Mapping[str, Any]],
    valid_from: str | datetime,
    name: str,
    description: str | None = None,
    partial: bool | None = None,
    associations: Sequence[Mapping[str, Any]] = (),
    credential_status: Mapping[str, Any] | None = None,
) -> Json:
    """An unsigned ``ClrCredential`` bundling ``credentials`` (each as signed) for a learner.

    ``partial`` says the record is a selection, not everything the issuer knows (§B.1).
    """
    if not credentials:
        raise CredentialError("A CLR bundles at least one credential (verifiableCredential).")
    components = [_component(c, i) for i, c in enumerate(credentials)]
    if isinstance(issuer, str):
        issuer_value: Any = check_uri(issuer, "issuer")
    elif isinstance(issuer, Mapping):
        check_uri(issuer.get("id"), "issuer.id")
        issuer_value = dict(issuer)
    else:
        raise CredentialError("issuer must be a Profile object or its URI.")
    subject_value = {
        **_subject(subject),
        "type": ["ClrSubject"],
        "verifiableCredential": components,
        "achievement": _achievements(components),
    }
    if associations:
        subject_value["association"] = [dict(a) for a in associations]
    document = compact(
        **{"@context": list(CLR_CONTEXTS)},
        id=check_uri(id, "id"),
        type=["VerifiableCredential", "ClrCredential"],
        issuer=issuer_value,
        validFrom=date_text(valid_from, "validFrom"),
        name=check_text(name, "name"),
        description=description,
        partial=partial,
        credentialSubject=subject_value,
        credentialStatus=dict(credential_status) if credential_status else None,
    )
    problems = clr_problems(document)
    if problems:
        raise CredentialError("Not a ClrCredential: " + "; ".join(problems))
    return document


def _context_problems(document: Mapping[str, Any]) -> list[str]:
    contexts = _types(document.get("@context"))
    if not contexts or contexts[0] != VC2_CONTEXT:
        return ["@context must start with the Verifiable Credentials 2.0 context"]
    if not CLR_CONTEXT_URLS & {c for c in contexts if isinstance(c, str)}:
        return ["@context must include the CLR 2.0 context"]
    return []


def _subject_problems(subject: Any) -> list[str]:
    if not isinstance(subject, Mapping):
        return ["credentialSubject must be a ClrSubject object"]
    problems = []
    if "ClrSubject" not in _types(subject.get("type")):
        problems.append("credentialSubject.type must include ClrSubject")
    if not subject.get("id") and not subject.get("identifier"):
        problems.append("credentialSubject needs the learner's id or an identifier")
    components = subject.get("verifiableCredential")
    if not isinstance(components, list) or not components:
        problems.append("credentialSubject.verifiableCredential must list at least one credential")
        return problems
    for index, credential in enumerate(components):
        try:
            _component(credential, index)
        except CredentialError as err:
            problems.append(f"credentialSubject.{err}")
    return problems


def clr_problems(document: Any) -> list[str]:
    """What keeps ``document`` from being a CLR 2.0 ``ClrCredential`` (empty: nothing)."""
    if not isinstance(document, Mapping):
        return ["a ClrCredential is a JSON object"]
    problems = _context_problems(document)
    types = _types(document.get("type"))
    if "VerifiableCredential" not in types or "ClrCredential" not in types:
        problems.append("type must include VerifiableCredential and ClrCredential")
    for field in ("id", "issuer", "validFrom", "name"):
        if not document.get(field):
            problems.append(f"{field} is required")
    return problems + _subject_problems(document.get("credentialSubject"))
