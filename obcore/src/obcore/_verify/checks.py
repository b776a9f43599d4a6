"""Credential-level checks: context, type, validity period, issuer binding.

Rules come from VC Data Model 2.0 (§4.3 contexts, §4.4 types, §4.7 issuer, §4.9
validity) and Open Badges 3.0 (§8.1 required contexts and types); VC Data Model 1.1
credentials are read with a warning, as the 1EdTech validator does.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from obcore._timeutil import CLOCK_SKEW, parse_datetime
from obcore.report import Check, Outcome

VC2 = "https://www.w3.org/ns/credentials/v2"
VC1 = "https://www.w3.org/2018/credentials/v1"
OB_PREFIX = "https://purl.imsglobal.org/spec/ob/v3p0/context"
OB_CURRENT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
#: pre-release URLs some issuers used for the OB 3.0 context (not bundled: no JSON-LD).
OB_PRERELEASE = frozenset(
    {
        "https://imsglobal.github.io/openbadges-specification/context.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context/ob_v3p0.jsonld",
    }
)
OB_TYPES = (
    "OpenBadgeCredential",
    "AchievementCredential",
    "EndorsementCredential",
    "ClrCredential",
)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def context_check(credential: dict[str, Any], *, known: frozenset[str]) -> Check:
    """Base context first, an OB 3.0 context present, every URL bundled."""
    contexts = _as_list(credential.get("@context"))
    if not contexts or contexts[0] not in (VC2, VC1):
        return Check(
            "context",
            Outcome.FAIL,
            "The credential does not start with the "
            "Verifiable Credentials context (@context), which every credential "
            "must have first.",
        )
    urls = [c for c in contexts if isinstance(c, str)]
    unknown = [u for u in urls if u not in known and u not in OB_PRERELEASE]
    if unknown:
        return Check(
            "context",
            Outcome.FAIL,
            f"The context {unknown[0]!r} is not one obcore "
            "knows, so the credential's terms cannot be read safely (contexts are "
            "never fetched from the network).",
        )
    ob = [u for u in urls if u.startswith(OB_PREFIX) or u in OB_PRERELEASE]
    types = _as_list(credential.get("type"))
    if any(t in OB_TYPES for t in types) and not ob:
        return Check("context", Outcome.FAIL, "The Open Badges 3.0 context is missing.")
    notes = []
    if contexts[0] == VC1:
        notes.append("it uses the outdated Verifiable Credentials 1.1 context")
    if ob and OB_CURRENT not in ob:
        notes.append(f"it uses an older Open Badges 3.0 context version ({ob[0]})")
    if notes:
        return Check("context", Outcome.WARNING, "Accepted, but " + " and ".join(notes) + ".")
    return Check("context", Outcome.PASS, "The credential uses current, known contexts.")


def type_check(credential: dict[str, Any]) -> Check:
    types = _as_list(credential.get("type"))
    if "VerifiableCredential" not in types:
        return Check(
            "type", Outcome.FAIL, "The credential's type does not include VerifiableCredential."
        )
    found = [t for t in types if t in OB_TYPES]
    if not found:
        return Check(
            "type",
            Outcome.FAIL,
            "The credential is not an Open Badge: its type "
            "has none of OpenBadgeCredential, AchievementCredential, "
            "EndorsementCredential or ClrCredential (CLR 2.0).",
        )
    return Check("type", Outcome.PASS, f"The credential is an {found[0]}.")


def validity_check(credential: dict[str, Any], *, now: datetime) -> Check:
    """validFrom/validUntil (VCDM 2.0 §4.9) or issuanceDate/expirationDate (VCDM 1.1)."""
    start_key = "validFrom" if "validFrom" in credential else "issuanceDate"
    end_key = "validUntil" if "validUntil" in credential else "expirationDate"
    start, end = credential.get(start_key), credential.get(end_key)
    for key, value in ((start_key, start), (end_key, end)):
        if value is not None and parse_datetime(value) is None:
            return Check("validity", Outcome.FAIL, f"{key} ({value!r}) is not a date and time.")
    begins, ends = parse_datetime(start), parse_datetime(end)
    if begins is not None and begins > now + CLOCK_SKEW:
        return Check(
            "validity",
            Outcome.FAIL,
            f"The credential is not valid yet: it becomes valid on {start}.",
        )
    if ends is not None and ends < now - CLOCK_SKEW:
        return Check(
            "validity", Outcome.FAIL, f"The credential has expired: it was valid until {end}."
        )
    if begins is not None and ends is not None and ends < begins:
        return Check("validity", Outcome.FAIL, "The credential ends before it begins.")
    return Check("validity", Outcome.PASS, "The credential is within its validity period.")


def issuer_id(credential: dict[str, Any]) -> str | None:
    issuer = credential.get("issuer")
    if isinstance(issuer, dict):
        issuer = issuer.get("id")
    return issuer if isinstance(issuer, str) else None


def issuer_check(credential: dict[str, Any], signers: list[tuple[str | None, bool]]) -> Check:
    """The issuer must control a key that made a valid proof (``signers`` holds each
    proof's key controller and whether it verified). Otherwise anyone could sign in
    another issuer's name; the VC reference verifier binds issuer to controller likewise.
    """
    issuer = issuer_id(credential)
    if issuer is None:
        return Check("issuer", Outcome.FAIL, "The credential names no issuer id.")
    resolved = [c for c, _ in signers if c is not None]
    if not resolved:
        return Check(
            "issuer",
            Outcome.NOT_CHECKED,
            "Not checked: the signing key could not "
            "be looked up, so it is unknown whether the issuer signed.",
        )
    if any(c == issuer for c, ok in signers if ok) or (
        issuer in resolved and not any(ok for _, ok in signers)
    ):
        return Check("issuer", Outcome.PASS, f"The issuer {issuer!r} controls the signing key.")
    return Check(
        "issuer",
        Outcome.FAIL,
        f"The credential claims the issuer {issuer!r} "
        f"but was signed with a key controlled by {resolved[0]!r}.",
    )
