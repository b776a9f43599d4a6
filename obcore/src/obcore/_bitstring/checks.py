"""Reading one ``credentialStatus`` entry into a report check (private; see obcore.status).

Bitstring Status List v1.0 §3.2 "Validate Algorithm": fetch the list credential, check its
type and purpose match the entry, expand the bitstring, read the value at
``statusListIndex * statusSize``; an index past the end is an error. StatusList2021 (the
W3C CCG draft this replaced) is read the same way. 1EdTech's Revocation List Status Method
(vcrl v1.0) publishes a JSON list of revoked credential ids at the entry's ``id``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from obcore import _bitstring
from obcore.errors import StatusError
from obcore.report import Check, Outcome

__all__ = ["check_entry"]

Getter = Callable[[str], dict[str, Any]] | None

MIN_ENTRIES = 131_072
NO_FETCHER = "the status list is online; no fetcher was allowed"
_LIST_TYPES = {
    "BitstringStatusListEntry": ("BitstringStatusListCredential", "BitstringStatusList"),
    "StatusList2021Entry": ("StatusList2021Credential", "StatusList2021"),
}
_REVOCATION_LIST = "1EdTechRevocationList"


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _parse_date(value: Any, field: str) -> datetime:
    if not isinstance(value, str):
        raise StatusError(f"The status list's {field} is not a date.")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise StatusError(f"The status list's {field} ({value!r}) is not a valid date.") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _check_validity(document: Mapping[str, Any], now: datetime) -> None:
    """A list past its ``validUntil`` says nothing current (VCDM 2.0 §4.9)."""
    until = document.get("validUntil", document.get("expirationDate"))
    if until is not None and _parse_date(until, "validUntil") < now:
        raise StatusError(f"The status list expired on {until}, so it cannot be trusted.")
    since = document.get("validFrom", document.get("issuanceDate"))
    if since is not None and _parse_date(since, "validFrom") > now:
        raise StatusError(f"The status list is not valid until {since}.")


def _fetch(url: str, get_status_list: Callable[[str], dict[str, Any]]) -> dict[str, Any]:
    try:
        document = get_status_list(url)
    except StatusError:
        raise
    except Exception as exc:  # a caller's fetcher may fail in any way; report it, never crash
        raise StatusError(f"The status list at {url} could not be retrieved: {exc}") from exc
    if not isinstance(document, dict):
        raise StatusError(f"The status list at {url} could not be retrieved.")
    return document


def _index(entry: Mapping[str, Any]) -> int:
    raw = entry.get("statusListIndex")
    if isinstance(raw, bool) or not isinstance(raw, int | str):
        raise StatusError("The status entry has no statusListIndex.")
    text = str(raw)
    if not text.isdigit() or not text.isascii():
        raise StatusError(f"The status entry's statusListIndex {raw!r} is not a whole number.")
    return int(text)


def _size(entry: Mapping[str, Any]) -> int:
    size = entry.get("statusSize", 1)
    if isinstance(size, bool) or not isinstance(size, int) or not 1 <= size <= 8:
        raise StatusError("The status entry's statusSize must be a whole number from 1 to 8.")
    return size


def _subject(document: Mapping[str, Any], list_type: str, subject_type: str) -> dict[str, Any]:
    if list_type not in _as_list(document.get("type")):
        raise StatusError(f"The status list credential is not a {list_type}.")
    subjects = _as_list(document.get("credentialSubject"))
    if len(subjects) != 1 or not isinstance(subjects[0], dict):
        raise StatusError("The status list credential must have exactly one subject.")
    subject: dict[str, Any] = subjects[0]
    if subject_type not in _as_list(subject.get("type")):
        raise StatusError(f"The status list credential's subject is not a {subject_type}.")
    return subject


def _decode(kind: str, encoded: Any) -> bytes:
    if not isinstance(encoded, str):
        raise StatusError("The status list has no encodedList text.")
    # StatusList2021 wrote plain base64url; Bitstring Status List v1.0 requires multibase.
    plain = kind == "StatusList2021Entry" and not encoded.startswith("u")
    return _bitstring.decode(encoded, multibase=not plain)


def _message(entry: Mapping[str, Any], value: int) -> str | None:
    for item in _as_list(entry.get("statusMessage")):
        if isinstance(item, dict) and isinstance(item.get("status"), str):
            try:
                if int(item["status"], 16) == value:
                    return str(item.get("message", ""))
            except ValueError:
                continue
    return None


def _outcome(purpose: str, value: int, entry: Mapping[str, Any]) -> tuple[Outcome, str]:
    """Plain sentences for the value read (§2.1 status purposes)."""
    if purpose == "revocation":
        if value:
            return Outcome.FAIL, "The issuer has revoked this credential; it is no longer valid."
        return Outcome.PASS, "The issuer's status list shows this credential is not revoked."
    if purpose == "suspension":
        if value:
            return Outcome.FAIL, "The issuer has suspended this credential; it is not valid now."
        return Outcome.PASS, "The issuer's status list shows this credential is not suspended."
    if purpose == "refresh" and value:
        return Outcome.WARNING, "The issuer has a newer version of this credential to fetch."
    text = _message(entry, value)
    if purpose == "message" and text:
        return Outcome.PASS, f"The issuer's status message for this credential: {text}"
    return Outcome.PASS, f"The issuer's {purpose} status for this credential is {value:#x}."


def _bitstring_check(
    kind: str, entry: Mapping[str, Any], get_status_list: Getter, now: datetime
) -> tuple[Outcome, str]:
    purpose = entry.get("statusPurpose")
    url = entry.get("statusListCredential")
    if not isinstance(purpose, str) or not purpose:
        raise StatusError("The status entry has no statusPurpose.")
    if not isinstance(url, str) or not url:
        raise StatusError("The status entry has no statusListCredential URL.")
    index, size = _index(entry), _size(entry)
    if get_status_list is None:
        return Outcome.NOT_CHECKED, f"Not checked: {NO_FETCHER}."
    document = _fetch(url, get_status_list)
    list_type, subject_type = _LIST_TYPES[kind]
    subject = _subject(document, list_type, subject_type)
    if purpose not in _as_list(subject.get("statusPurpose")):
        raise StatusError(
            f"The status list is for {subject.get('statusPurpose')!r}, "
            f"but the credential's entry is for {purpose!r}."
        )
    _check_validity(document, now)
    bits = _decode(kind, subject.get("encodedList"))
    if kind == "BitstringStatusListEntry" and len(bits) * 8 // size < MIN_ENTRIES:
        # §3.2 Validate Algorithm: a list under the minimum length is a
        # STATUS_LIST_LENGTH_ERROR; so small a list would let the issuer tell holders apart.
        raise StatusError(
            f"The status list has fewer than the {MIN_ENTRIES} entries Bitstring Status "
            "List v1.0 requires, so it is refused."
        )
    return _outcome(purpose, _bitstring.get_value(bits, index, size), entry)


def _revocation_list_check(
    credential: Mapping[str, Any], entry: Mapping[str, Any], get_status_list: Getter
) -> tuple[Outcome, str]:
    url = entry.get("id")
    if not isinstance(url, str) or not url:
        raise StatusError("The 1EdTech revocation list entry has no id URL.")
    if get_status_list is None:
        return Outcome.NOT_CHECKED, f"Not checked: {NO_FETCHER}."
    document = _fetch(url, get_status_list)
    revoked = document.get("revokedCredentials")
    if not isinstance(revoked, list):
        raise StatusError(f"The 1EdTech revocation list at {url} has no revokedCredentials.")
    credential_id = credential.get("id")
    for item in revoked:
        item_id = item.get("id") if isinstance(item, dict) else item
        if credential_id is not None and item_id == credential_id:
            reason = item.get("revocationReason") if isinstance(item, dict) else None
            why = f" Reason given: {reason}" if isinstance(reason, str) and reason else ""
            return Outcome.FAIL, f"The issuer has revoked this credential.{why}"
    return Outcome.PASS, "The issuer's revocation list does not list this credential."


def check_entry(
    credential: Mapping[str, Any],
    entry: Any,
    *,
    get_status_list: Getter,
    now: datetime | None = None,
) -> Check:
    """The check for one status entry; problems become a failed check with a sentence."""
    moment = now or datetime.now(UTC)
    if not isinstance(entry, dict):
        return Check("status", Outcome.FAIL, "A credentialStatus entry is not a JSON object.")
    kinds = [k for k in _as_list(entry.get("type")) if isinstance(k, str)]
    purpose = entry.get("statusPurpose")
    check_id = f"status.{purpose}" if isinstance(purpose, str) and purpose else "status"
    try:
        for kind in kinds:
            if kind in _LIST_TYPES:
                return Check(check_id, *_bitstring_check(kind, entry, get_status_list, moment))
            if kind == _REVOCATION_LIST:
                check_id = "status.revocation"
                return Check(check_id, *_revocation_list_check(credential, entry, get_status_list))
    except StatusError as exc:
        return Check(check_id, Outcome.FAIL, str(exc))
    named = ", ".join(kinds) or "no type"
    return Check(
        check_id,
        Outcome.NOT_CHECKED,
        f"Not checked: the credential's status uses {named}, which this verifier cannot read.",
    )
