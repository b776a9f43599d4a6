"""Credential status: W3C Bitstring Status List v1.0, plus readers for older list types.

Issuing side (Bitstring Status List v1.0, https://www.w3.org/TR/vc-bitstring-status-list/):
``StatusList`` holds the bits; ``status_list_credential`` builds the unsigned
``BitstringStatusListCredential`` (§2.2) the caller signs and publishes;
``status_entry`` builds the ``BitstringStatusListEntry`` (§2.1) put in a credential;
``allocate_index`` picks a random unused index (§6.1 "Herd privacy" and §5.3 advise random,
never reused, indexes).

Verifying side: ``check_status`` reads every ``credentialStatus`` entry of a credential and
returns report checks. It never fetches anything itself: the caller passes
``get_status_list(url)``, which returns the list document *already verified* (proof and
issuer checked by the caller), or None to refuse online checks. Readers: Bitstring Status
List v1.0, the older ``StatusList2021Entry``, and 1EdTech's ``1EdTechRevocationList``
(https://www.imsglobal.org/spec/vcrl/v1p0/).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import datetime
from typing import Any

from obcore import _bitstring
from obcore._bitstring.checks import check_entry
from obcore.errors import StatusError
from obcore.report import Check

__all__ = [
    "MIN_LIST_LENGTH",
    "STATUS_PURPOSES",
    "StatusList",
    "allocate_index",
    "check_status",
    "status_entry",
    "status_list_credential",
]

#: §6.1: a list SHOULD be at least 16 KB (131,072 one-bit entries) so a verifier fetching it
#: learns nothing about which credential it is checking.
MIN_LIST_LENGTH = 131_072
STATUS_PURPOSES = ("revocation", "suspension", "refresh", "message")
VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2"


class StatusList:
    """A bitstring of ``length`` entries of ``status_size`` bits each, all clear at start."""

    __slots__ = ("_bits", "length", "status_size")

    def __init__(
        self,
        *,
        length: int = MIN_LIST_LENGTH,
        status_size: int = 1,
        allow_small: bool = False,
    ) -> None:
        if status_size < 1:
            raise StatusError("statusSize must be at least 1.")
        if length < 1 or (length * status_size) % 8:
            raise StatusError("A status list must hold a whole number of bytes of entries.")
        if length < MIN_LIST_LENGTH and not allow_small:
            raise StatusError(
                f"A status list needs at least {MIN_LIST_LENGTH} entries for herd privacy "
                f"(Bitstring Status List §6.1); {length} were asked for."
            )
        self.length = length
        self.status_size = status_size
        self._bits = bytearray(length * status_size // 8)

    @classmethod
    def decode(cls, encoded: str, *, status_size: int = 1) -> StatusList:
        """Read an ``encodedList`` (multibase base64url of GZIP, §3.4)."""
        bits = _bitstring.decode(encoded)
        if status_size < 1 or (len(bits) * 8) % status_size:
            raise StatusError("The status list's size is not a multiple of its statusSize.")
        made = cls(length=len(bits) * 8 // status_size, status_size=status_size, allow_small=True)
        made._bits[:] = bits
        return made

    def encode(self) -> str:
        """The ``encodedList`` value: GZIP, then multibase base64url without padding (§3.3)."""
        return _bitstring.encode(bytes(self._bits))

    def get(self, index: int) -> int:
        """The status value at ``index`` (0 = clear)."""
        return _bitstring.get_value(self._bits, index, self.status_size)

    def set(self, index: int, value: int | bool = 1) -> None:
        """Set the status value at ``index`` (``True``/1 sets, ``False``/0 clears)."""
        _bitstring.set_value(self._bits, index, int(value), self.status_size)

    def to_bytes(self) -> bytes:
        return bytes(self._bits)


def _check_purpose(purpose: str) -> None:
    if purpose not in STATUS_PURPOSES:
        raise StatusError(f"statusPurpose {purpose!r} is not one of {', '.join(STATUS_PURPOSES)}.")


def status_list_credential(
    *,
    id: str,
    issuer: str | Mapping[str, Any],
    status_list: StatusList,
    purpose: str,
    valid_from: str | None = None,
    valid_until: str | None = None,
    ttl_ms: int | None = None,
    name: str | None = None,
) -> dict[str, Any]:
    """An unsigned ``BitstringStatusListCredential`` (§2.2); the caller adds the proof.

    The subject's ``id`` is ``<id>#list`` as in the spec's examples; ``ttl`` (milliseconds)
    tells verifiers how long they may cache it.
    """
    _check_purpose(purpose)
    subject: dict[str, Any] = {
        "id": f"{id}#list",
        "type": "BitstringStatusList",
        "statusPurpose": purpose,
        "encodedList": status_list.encode(),
    }
    if ttl_ms is not None:
        subject["ttl"] = ttl_ms
    credential: dict[str, Any] = {
        "@context": [VC_V2_CONTEXT],
        "id": id,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": dict(issuer) if isinstance(issuer, Mapping) else issuer,
    }
    if name is not None:
        credential["name"] = name
    if valid_from is not None:
        credential["validFrom"] = valid_from
    if valid_until is not None:
        credential["validUntil"] = valid_until
    credential["credentialSubject"] = subject
    return credential


def status_entry(
    *,
    status_list_credential: str,
    index: int,
    purpose: str,
    status_size: int = 1,
    messages: Sequence[Mapping[str, str]] | None = None,
) -> dict[str, Any]:
    """A ``BitstringStatusListEntry`` (§2.1) pointing at entry ``index`` of a list.

    ``statusListIndex`` is written as a string, as the spec's data model says. With a
    ``statusSize`` above 1, ``messages`` (``{"status": "0x0", "message": "…"}`` items, §2.1)
    say what each value means.
    """
    _check_purpose(purpose)
    if index < 0:
        raise StatusError("statusListIndex must not be negative.")
    entry: dict[str, Any] = {
        "id": f"{status_list_credential}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": purpose,
        "statusListIndex": str(index),
        "statusListCredential": status_list_credential,
    }
    if status_size != 1:
        entry["statusSize"] = status_size
    if messages is not None:
        entry["statusMessage"] = [dict(m) for m in messages]
    return entry


def allocate_index(
    *,
    used: Collection[int],
    length: int = MIN_LIST_LENGTH,
    randbelow: Callable[[int], int] | None = None,
) -> int:
    """A random index in ``[0, length)`` that is not in ``used``.

    §6.1 (herd privacy) and §5.3 (correlation) ask issuers to assign indexes at random so an
    index reveals nothing about issue order, and never to reuse one. A few random draws
    almost always succeed; after that a scan from a random start keeps the time bounded
    even for a nearly full list. ``randbelow`` defaults to ``secrets.randbelow``.
    """
    draw = randbelow or secrets.randbelow
    if len(used) >= length:
        raise StatusError(f"The status list is full: all {length} indexes are in use.")
    for _ in range(32):
        candidate = draw(length)
        if candidate not in used:
            return candidate
    start = draw(length)
    for offset in range(length):
        candidate = (start + offset) % length
        if candidate not in used:
            return candidate
    raise StatusError(f"The status list is full: all {length} indexes are in use.")


def _entries(credential: Mapping[str, Any]) -> list[Any]:
    status = credential.get("credentialStatus")
    if status is None:
        return []
    return list(status) if isinstance(status, list) else [status]


def check_status(
    credential: dict[str, Any],
    *,
    get_status_list: Callable[[str], dict[str, Any]] | None,
    now: datetime | None = None,
) -> list[Check]:
    """One check per ``credentialStatus`` entry ([] when the credential has none).

    ``get_status_list(url)`` returns the status list credential (or 1EdTech revocation
    list) *already verified* by the caller; when it is None the status is not checked,
    which a report never counts as a pass. ``now`` (an aware ``datetime``) is for tests.
    """
    return [
        check_entry(credential, entry, get_status_list=get_status_list, now=now)
        for entry in _entries(credential)
    ]
