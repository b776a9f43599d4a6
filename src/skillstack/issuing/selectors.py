"""Reading issued credentials (others read them only through these)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db.models import Q, QuerySet

from skillstack.accounts.models import Organization
from skillstack.core.schemas import MAX_ID
from skillstack.issuing.documents import start_of
from skillstack.issuing.models import CredentialState, IssuedCredential, StatusList

SEARCH_MAX = 200
MAX_LIST_NUMBER = 2**31 - 1  # PositiveIntegerField on every database


def _base() -> QuerySet[IssuedCredential]:
    return IssuedCredential.objects.select_related(
        "issuer", "recipient", "micro_credential_version", "attempt"
    )


def credentials_of(*, user: Any) -> QuerySet[IssuedCredential]:
    """A person's credentials, newest first (revoked ones too: their wallet says so)."""
    return _base().filter(recipient=user)


def credential_by_id(*, credential_id: str) -> IssuedCredential | None:
    """A credential by its ``urn:uuid:…`` id, or None."""
    if not isinstance(credential_id, str) or len(credential_id) > 100:
        return None
    return _base().filter(credential_id=credential_id).first()


def credentials_issued_by(
    *, organization: Organization, state: str | None = None, search: str = ""
) -> QuerySet[IssuedCredential]:
    """An issuer's credentials; ``search`` matches the recipient's name or e-mail, the
    credential's name or its id."""
    rows = _base().filter(issuer=organization)
    if state in CredentialState.values:
        rows = rows.filter(state=state)
    search = (search or "").strip()[:SEARCH_MAX]
    if search:
        rows = rows.filter(
            Q(recipient__full_name__icontains=search)
            | Q(recipient__email__icontains=search)
            | Q(name__icontains=search)
            | Q(credential_id__icontains=search)
        )
    return rows


def credential_of_issuer(*, organization: Organization, pk: int) -> IssuedCredential | None:
    if not 0 < pk <= MAX_ID:  # a path id too large for the database is simply not found
        return None
    return _base().filter(issuer=organization, pk=pk).first()


def credentials_assessed_by(
    *, evaluator: Any, since: date | datetime, organization: Organization | None = None
) -> QuerySet[IssuedCredential]:
    """Credentials from attempts the evaluator observed (or co-signed) on or after ``since``.

    For review when an evaluator's certification is withdrawn: each can then be revoked.
    """
    moment = since if isinstance(since, datetime) else start_of(since)
    rows = _base().filter(
        Q(attempt__evaluator=evaluator) | Q(attempt__cosigned_by=evaluator),
        attempt__observed_at__gte=moment,
    )
    if organization is not None:
        rows = rows.filter(issuer=organization)
    return rows.order_by("attempt__observed_at", "pk")


def status_list_published(
    *, organization: Organization, purpose: str, number: int
) -> dict[str, Any] | None:
    if not 0 < number <= MAX_LIST_NUMBER:
        return None
    found = StatusList.objects.filter(
        organization=organization, purpose=purpose, number=number, published__isnull=False
    ).values_list("published", flat=True)
    return found.first()
