"""Bitstring status lists (W3C Bitstring Status List v1.0): allocating indexes, publishing.

Every credential gets two entries, one on the issuer's revocation list and one on its
suspension list, at random indexes (§6.1 herd privacy, §5.3 correlation: an index says
nothing about when a credential was issued) that are never reused. A list holds at least
131,072 entries (§6.1); when one is full, the next number starts. The published
``BitstringStatusListCredential`` is re-signed whenever a bit changes and served at the URL
that the entries name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from obcore.status import MIN_LIST_LENGTH, allocate_index, status_entry, status_list_credential
from obcore.status import StatusList as Bitstring

from skillstack.accounts.models import Organization
from skillstack.issuing.keys import IssuerSigner, issuer_signer
from skillstack.issuing.models import StatusAllocation, StatusList, StatusPurpose

PURPOSES = (StatusPurpose.REVOCATION, StatusPurpose.SUSPENSION)
STATUS_TTL_MS = 5 * 60 * 1000
"""How long verifiers may cache a list (§2.2 ``ttl``); the page's Cache-Control says the same."""


def status_list_url(*, status_list: StatusList) -> str:
    """Where the list is served (issuing:status_list); written out, not reversed, because it
    is part of every credential and must not change with the URL configuration."""
    org, purpose, number = status_list.organization, status_list.purpose, status_list.number
    return f"{settings.SITE_URL}/orgs/{org.slug}/status/{purpose}/{number}"


def _bitstring(status_list: StatusList) -> Bitstring:
    """The list's bits as last published (``bits`` holds the same bytes, for queries)."""
    if not status_list.published:
        return Bitstring(length=status_list.length)
    encoded = status_list.published["credentialSubject"]["encodedList"]
    return Bitstring.decode(encoded)


def _publish(status_list: StatusList, bits: Bitstring, signer: IssuerSigner) -> None:
    """Sign the list with these bits; the caller saves the row."""
    url = status_list_url(status_list=status_list)
    document = status_list_credential(
        id=url,
        issuer=signer.did,
        status_list=bits,
        purpose=status_list.purpose,
        valid_from=timezone.now().strftime("%Y-%m-%dT%H:%M:%SZ"),
        ttl_ms=STATUS_TTL_MS,
        name=f"{status_list.organization.name}: {status_list.purpose} list {status_list.number}",
    )
    status_list.bits = bits.to_bytes()
    status_list.published = signer.sign(document)
    status_list.published_at = timezone.now()


def _open_list(organization: Organization, purpose: str, signer: IssuerSigner) -> StatusList:
    """The list new indexes come from, locked for this transaction; a new one when full."""
    current = (
        StatusList.objects.select_for_update()
        .filter(organization=organization, purpose=purpose)
        .order_by("-number")
        .first()
    )
    if current is not None and current.allocated < current.length:
        return current
    status_list = StatusList(
        organization=organization,
        purpose=purpose,
        number=(current.number + 1) if current else 1,
        length=MIN_LIST_LENGTH,
        bits=bytes(MIN_LIST_LENGTH // 8),
    )
    status_list.organization = organization
    _publish(status_list, Bitstring(length=status_list.length), signer)
    try:
        with transaction.atomic():
            status_list.save()
    except IntegrityError:  # another process opened this number first: use theirs
        return StatusList.objects.select_for_update().get(
            organization=organization, purpose=purpose, number=status_list.number
        )
    return status_list


@dataclass(frozen=True, slots=True)
class StatusSlots:
    """The revocation allocation of one credential, with its status entry.

    One entry only: Open Badges 3.0 allows a single ``credentialStatus`` (ADR 8).
    """

    revocation: StatusAllocation
    entry: dict[str, Any]


def _allocate(
    organization: Organization, purpose: str, count: int, signer: IssuerSigner
) -> list[tuple[StatusAllocation, str]]:
    """``count`` fresh random indexes of ``purpose``, rolling over to new lists as they fill."""
    out: list[tuple[StatusAllocation, str]] = []
    while len(out) < count:
        status_list = _open_list(organization, purpose, signer)
        used = set(
            StatusAllocation.objects.filter(status_list=status_list).values_list("index", flat=True)
        )
        take = min(count - len(out), status_list.length - len(used))
        picked: list[int] = []
        for _ in range(take):
            index = allocate_index(used=used, length=status_list.length)
            used.add(index)
            picked.append(index)
        rows = StatusAllocation.objects.bulk_create(
            [StatusAllocation(status_list=status_list, index=i) for i in picked]
        )
        StatusList.objects.filter(pk=status_list.pk).update(allocated=len(used))
        url = status_list_url(status_list=status_list)
        out.extend((row, url) for row in rows)
    return out


def status_slots_allocate(
    *, organization: Organization, count: int, signer: IssuerSigner | None = None
) -> list[StatusSlots]:
    """Allocate a revocation entry for each of ``count`` credentials.

    Must run inside the transaction that stores the credentials, so that indexes of a
    credential that is not stored are not used up. The unique constraint on
    (list, index) is what guarantees an index is used once, even across processes.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("status_slots_allocate must run inside a transaction")
    signer = signer or issuer_signer(organization=organization)
    revocations = _allocate(organization, StatusPurpose.REVOCATION, count, signer)
    return [
        StatusSlots(
            rev, status_entry(status_list_credential=url, index=rev.index, purpose="revocation")
        )
        for rev, url in revocations
    ]


def status_bits_set(
    *, changes: list[tuple[StatusAllocation, bool]], organization: Organization
) -> None:
    """Set or clear the bits of ``changes`` and re-publish each list touched, once.

    Runs inside the caller's transaction; each list row is locked while it changes.
    """
    by_list: dict[int, list[tuple[int, bool]]] = {}
    for allocation, value in changes:
        by_list.setdefault(allocation.status_list_id, []).append((allocation.index, value))
    if not by_list:
        return
    signer = issuer_signer(organization=organization)
    for status_list in StatusList.objects.select_for_update().filter(pk__in=list(by_list)):
        bits = _bitstring(status_list)
        for index, value in by_list[status_list.pk]:
            bits.set(index, value)
        _publish(status_list, bits, signer)
        status_list.save(update_fields=["bits", "published", "published_at", "updated_at"])
