"""Reads of the oid4vci app: a learner's recent offers of one credential, in plain words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils import timezone

from skillstack.oid4vci.models import WalletOffer

RECENT = 5


@dataclass(frozen=True, slots=True)
class OfferRow:
    offer: WalletOffer
    status: str  # open, received, closed, expired
    words: str

    @property
    def is_open(self) -> bool:
        return self.status == "open"


def _row(offer: WalletOffer, now: datetime) -> OfferRow:
    if offer.issued_id is not None:
        holder = offer.holder_did
        short = holder if len(holder) <= 32 else f"{holder[:20]}…{holder[-8:]}"
        return OfferRow(offer, "received", f"Received by the wallet {short}")
    if offer.completed_at is not None:
        return OfferRow(offer, "closed", "Cancelled, or closed after wrong PINs")
    if offer.expires_at <= now:
        return OfferRow(offer, "expired", "Expired unused")
    return OfferRow(offer, "open", "Open: not used yet")


def offers_of_credential(
    *, learner: Any, credential: Any, now: datetime | None = None
) -> list[OfferRow]:
    """The learner's latest offers of ``credential``, newest first, with what became of each."""
    moment = now or timezone.now()
    offers = WalletOffer.objects.filter(learner=learner, credential=credential)[:RECENT]
    return [_row(offer, moment) for offer in offers]


def offer_of_learner(*, learner: Any, credential: Any, pk: int) -> WalletOffer | None:
    return WalletOffer.objects.filter(learner=learner, credential=credential, pk=pk).first()
