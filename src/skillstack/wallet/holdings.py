"""What a learner holds that verifies now: the one source for verified skills and stacking.

Job matching, pathways and credit all ask this module, never the credential tables directly,
so "verified" means the same everywhere: a credential issued here that is active and not
expired, or an imported credential whose last verification passed (imports register a
provider with :func:`holdings_provider`). Self-declared skills never appear here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Q
from django.dispatch import Signal
from django.utils import timezone

from skillstack.issuing.models import CredentialState, IssuedCredential


@dataclass(frozen=True, slots=True)
class Holding:
    """One credential that verifies now, in the terms matching and stacking need."""

    source: str  # "platform" or "imported"
    ref: str  # the credential's id (urn:uuid:… or the imported document's id)
    pk: int  # the row's primary key in its own table
    name: str
    issuer_name: str
    issuer_id: str  # the issuer's DID or URL
    achievement_id: str
    micro_credential_id: int | None  # our catalog's micro-credential, when we know it
    level: str
    skill_ids: tuple[int, ...]  # catalog.Skill primary keys the credential proves
    earned_at: datetime
    valid_until: datetime | None
    url: str  # where the holder (or a verifier, if shared) can see it


WALLET_COPY_PREFIX = "wallet-offer:"
"""Copies of a credential sent to a phone wallet (oid4vci) prove nothing new: not counted."""

Provider = Callable[[Any, datetime], list[Holding]]
_PROVIDERS: list[Provider] = []


def holdings_provider(provider: Provider) -> Provider:
    """Register another source of holdings (e.g. verified imports); used as a decorator."""
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)
    return provider


def platform_credentials_valid(*, now: datetime | None = None) -> Any:
    """Issued credentials that verify now: active and not past their end date (a queryset)."""
    moment = now or timezone.now()
    return IssuedCredential.objects.filter(state=CredentialState.ACTIVE).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gt=moment)
    )


def _platform(user: Any, now: datetime) -> list[Holding]:
    rows = (
        platform_credentials_valid(now=now)
        .filter(recipient=user, micro_credential_version__isnull=False)
        .exclude(idempotency_key__startswith=WALLET_COPY_PREFIX)
        .select_related("issuer", "micro_credential_version")
        .prefetch_related("micro_credential_version__skills")
    )
    holdings = []
    for row in rows:
        version = row.micro_credential_version
        achievement = row.document.get("credentialSubject", {}).get("achievement", {})
        issuer = row.document.get("issuer", {})
        holdings.append(
            Holding(
                source="platform",
                ref=row.credential_id,
                pk=row.pk,
                name=row.name,
                issuer_name=row.issuer.name,
                issuer_id=issuer.get("id", "") if isinstance(issuer, dict) else str(issuer),
                achievement_id=str(achievement.get("id", "")),
                micro_credential_id=version.micro_credential_id,
                level=version.level,
                skill_ids=tuple(sorted(s.pk for s in version.skills.all())),
                earned_at=row.issued_at,
                valid_until=row.valid_until,
                url=f"/wallet/credentials/{row.pk}/",
            )
        )
    return holdings


def verified_holdings(*, user: Any, now: datetime | None = None) -> list[Holding]:
    """Every credential ``user`` holds that verifies now, newest first."""
    moment = now or timezone.now()
    found = _platform(user, moment)
    for provider in _PROVIDERS:
        found.extend(provider(user, moment))
    return sorted(found, key=lambda h: (h.earned_at, h.ref), reverse=True)


holdings_changed = Signal()
"""Sent with ``user`` when a holding that is not an issued credential appears or stops
verifying (an import verified, re-checked and found revoked, removed). Issued credentials
send ``skillstack.issuing.signals`` instead; listeners usually want both."""
