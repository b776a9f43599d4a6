"""Reads of the wallet: a learner's own credentials, in plain words, with their live status.

Credentials are read through the issuing app's selectors; everything shown about a credential
comes from the signed document itself (what a verifier elsewhere would see), enriched with the
assessment it came from where this platform still has it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import quote, urlencode

from django.utils import timezone
from django.utils.dateparse import parse_datetime

from skillstack.issuing.models import CredentialState, IssuedCredential
from skillstack.issuing.selectors import credentials_of

FRAMEWORK_NAMES = {"esco": "ESCO", "onet": "O*NET", "o*net": "O*NET"}


def credential_state(*, credential: IssuedCredential, now: datetime | None = None) -> str:
    """active, suspended, revoked or expired (an active credential past its end date)."""
    if credential.state != CredentialState.ACTIVE:
        return str(credential.state)
    moment = now or timezone.now()
    if credential.valid_until is not None and credential.valid_until < moment:
        return "expired"
    return "active"


STATE_WORDS = {
    "active": "Active",
    "suspended": "Suspended",
    "revoked": "Revoked",
    "expired": "Expired",
}


def wallet_credentials(*, user: Any) -> list[IssuedCredential]:
    return list(credentials_of(user=user))


def wallet_credential(*, user: Any, pk: int) -> IssuedCredential | None:
    """The learner's own credential ``pk``; None for anyone else's (the page answers 404)."""
    return credentials_of(user=user).filter(pk=pk).first()


def shared_credential(*, token: str) -> IssuedCredential | None:
    """The credential whose holder shares it under ``token``; None when off or unknown."""
    if not isinstance(token, str) or not 20 <= len(token) <= 43:
        return None
    return (
        IssuedCredential.objects.select_related("issuer", "recipient")
        .filter(share_token=token, share_enabled=True)
        .first()
    )


# --- the credential in plain words ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Skill:
    name: str
    framework: str
    url: str


@dataclass(frozen=True, slots=True)
class Evidence:
    name: str
    description: str
    narrative: str


@dataclass(slots=True)
class CredentialFacts:
    name: str = ""
    description: str = ""
    achievement_type: str = ""
    criteria: str = ""
    issuer_name: str = ""
    issuer_url: str = ""
    issuer_id: str = ""
    valid_from: datetime | None = None
    valid_until: datetime | None = None
    results: list[str] = field(default_factory=list)
    skills: list[Skill] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    evaluator: str = ""
    certification: str = ""
    place: str = ""
    observed_on: datetime | None = None


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _date(value: Any) -> datetime | None:
    return parse_datetime(value) if isinstance(value, str) else None


def _skills(achievement: dict[str, Any]) -> list[Skill]:
    found = []
    for item in _as_list(achievement.get("alignment")):
        if not isinstance(item, dict):
            continue
        framework = _text(item.get("targetFramework"))
        found.append(
            Skill(
                name=_text(item.get("targetName")) or _text(item.get("targetCode")),
                framework=FRAMEWORK_NAMES.get(framework.lower(), framework),
                url=_text(item.get("targetUrl")),
            )
        )
    return [s for s in found if s.name]


def _results(subject: dict[str, Any]) -> list[str]:
    lines = []
    for item in _as_list(subject.get("result")):
        if isinstance(item, dict):
            status = _text(item.get("status"))
            value = _text(item.get("value"))
            if status == "Completed":
                lines.append("Completed: the performance test was passed.")
            elif status or value:
                lines.append(status or value)
    return lines


def _plain_lines(narrative: str) -> str:
    """Checklist lines as issuers write them (``- [x] Step``) in words: ✓ done, ✗ not observed."""
    lines = []
    for line in narrative.splitlines():
        stripped = line.strip()
        if stripped.startswith("- [x] "):
            lines.append("✓ " + stripped[6:])
        elif stripped.startswith("- [ ] "):
            lines.append("✗ Not observed: " + stripped[6:])
        elif stripped.startswith("- "):
            lines.append("• " + stripped[2:])
        else:
            lines.append(line)
    return "\n".join(lines)


def _evidence(document: dict[str, Any]) -> list[Evidence]:
    items = []
    for item in _as_list(document.get("evidence")):
        if isinstance(item, dict):
            items.append(
                Evidence(
                    name=_text(item.get("name")),
                    description=_text(item.get("description")),
                    narrative=_plain_lines(_text(item.get("narrative"))),
                )
            )
    return items


def _from_attempt(facts: CredentialFacts, credential: IssuedCredential) -> None:
    attempt = credential.attempt
    if attempt is None:
        return
    session = attempt.session
    facts.place = session.place
    facts.observed_on = attempt.observed_at
    facts.evaluator = attempt.evaluator.get_full_name() or str(attempt.evaluator)
    certification = attempt.certification
    facts.certification = (
        f"Certified by {credential.issuer.name} to evaluate this micro-credential, "
        f"valid {certification.valid_from:%d %B %Y} to {certification.valid_until:%d %B %Y}."
    )


def credential_facts(*, credential: IssuedCredential) -> CredentialFacts:
    """What the credential says, in the words its page shows."""
    document = _obj(credential.document)
    subject = _obj(next((s for s in _as_list(document.get("credentialSubject")) if s), {}))
    achievement = _obj(subject.get("achievement"))
    issuer = _obj(document.get("issuer"))
    criteria = _obj(achievement.get("criteria"))
    facts = CredentialFacts(
        name=_text(document.get("name")) or _text(achievement.get("name")) or credential.name,
        description=_text(achievement.get("description")),
        achievement_type=_text(achievement.get("achievementType")),
        criteria=_text(criteria.get("narrative")),
        issuer_name=_text(issuer.get("name")) or credential.issuer.name,
        issuer_url=_text(issuer.get("url")),
        issuer_id=_text(issuer.get("id")) or _text(document.get("issuer")),
        valid_from=_date(document.get("validFrom")) or credential.issued_at,
        valid_until=_date(document.get("validUntil")) or credential.valid_until,
        results=_results(subject),
        skills=_skills(achievement),
        evidence=_evidence(document),
    )
    _from_attempt(facts, credential)
    return facts


# --- sharing elsewhere: LinkedIn, e-mail ---------------------------------------------------

LINKEDIN_ADD_TO_PROFILE = "https://www.linkedin.com/profile/add"
LINKEDIN_SHARE = "https://www.linkedin.com/sharing/share-offsite/"


def linkedin_add_to_profile_url(
    *, credential: IssuedCredential, facts: CredentialFacts, share_url: str
) -> str:
    """LinkedIn's "Add to profile" link for a certification, prefilled from the credential.

    Parameters as LinkedIn's Add to Profile for Certifications documents them (``startTask=
    CERTIFICATION_NAME``, ``name``, ``organizationName``, ``issueYear``/``issueMonth``,
    ``expirationYear``/``expirationMonth``, ``certUrl``, ``certId``). ``certUrl`` must be a page
    anyone can open, so it is the credential's share link: offered only while sharing is on.
    """
    params: dict[str, str] = {
        "startTask": "CERTIFICATION_NAME",
        "name": facts.name,
        "organizationName": facts.issuer_name,
    }
    issued = facts.valid_from or credential.issued_at
    params["issueYear"], params["issueMonth"] = str(issued.year), str(issued.month)
    if facts.valid_until is not None:
        params["expirationYear"] = str(facts.valid_until.year)
        params["expirationMonth"] = str(facts.valid_until.month)
    params["certUrl"] = share_url
    params["certId"] = credential.credential_id
    return f"{LINKEDIN_ADD_TO_PROFILE}?{urlencode(params, quote_via=quote)}"


def linkedin_share_url(*, url: str) -> str:
    """LinkedIn's share dialog for a public page (its preview comes from the Open Graph tags)."""
    return f"{LINKEDIN_SHARE}?{urlencode({'url': url}, quote_via=quote)}"


def email_share_url(*, subject: str, body: str) -> str:
    """A mailto: link (RFC 6068) with the subject and body filled in, no recipient."""
    return f"mailto:?{urlencode({'subject': subject, 'body': body}, quote_via=quote)}"


def share_links(*, credential: IssuedCredential, facts: CredentialFacts, share_url: str) -> dict:
    """Everything the credential page offers for a shared credential, by name."""
    holder = credential.recipient.get_full_name() or "I"
    return {
        "linkedin_add": linkedin_add_to_profile_url(
            credential=credential, facts=facts, share_url=share_url
        ),
        "linkedin_share": linkedin_share_url(url=share_url),
        "email": email_share_url(
            subject=f"{facts.name} — a verified credential from {facts.issuer_name}",
            body=f"{holder} holds “{facts.name}”, issued by {facts.issuer_name}. "
            f"See it and check it is valid here: {share_url}",
        ),
    }
