"""VC-API exchanges as the Learner Credential Wallet runs them (W3C CCG VC-API, "exchanges";
VC Verifiable Presentation Request, "DIDAuthentication").

1. The wallet POSTs ``{}`` to the exchange URL; we answer a ``verifiablePresentationRequest``
   asking for DIDAuthentication with a fresh ``challenge`` and our ``domain``.
2. The wallet POSTs ``{"verifiablePresentation": vp}``: a presentation signed by its DID with
   proof purpose ``authentication`` over that challenge and domain (Data Integrity,
   eddsa-rdfc-2022, checked by obcore; the DID must resolve offline: did:key).
3. We answer ``{"verifiablePresentation": {…"verifiableCredential": [credential]}}``: the
   credential bound to that DID. The exchange is then closed.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from django.utils import timezone
from django.utils.crypto import constant_time_compare
from obcore.credentials import presentation
from obcore.dids import Resolver
from obcore.proofs import proof_set_verify

from skillstack.oid4vci.errors import OfferSpent, ProtocolError
from skillstack.oid4vci.metadata import endpoint, issuer_identifier
from skillstack.oid4vci.models import Channel, WalletOffer
from skillstack.oid4vci.services import failed_attempt_record, offer_deliver, secret_hash

MAX_ID_CHARS = 100
ACCEPTED_CRYPTOSUITES = ["eddsa-rdfc-2022"]


def exchange_domain() -> str:
    """The ``domain`` a DIDAuth proof must name: this site's host."""
    return urlsplit(issuer_identifier()).netloc


def _exchange(exchange_id: str, now: datetime) -> WalletOffer:
    offer = None
    if isinstance(exchange_id, str) and 0 < len(exchange_id) <= MAX_ID_CHARS:
        offer = (
            WalletOffer.objects.select_related("credential__issuer", "learner")
            .filter(secret_hash=secret_hash(exchange_id), channel=Channel.VCAPI)
            .first()
        )
    if offer is None:
        raise ProtocolError("unknown_exchange", "There is no such exchange.", status=404)
    if offer.completed_at is not None:
        raise ProtocolError("exchange_closed", "This exchange is finished.", status=410)
    if offer.expires_at <= now:
        raise ProtocolError("exchange_expired", "This exchange has expired.", status=410)
    return offer


def exchange_protocols(*, exchange_id: str, now: datetime | None = None) -> dict[str, Any]:
    """What an interaction URL answers to ``GET`` with ``Accept: application/json``."""
    _exchange(exchange_id, now or timezone.now())
    return {"protocols": {"vcapi": endpoint("exchange", exchange_id)}}


def _presentation_request(offer: WalletOffer, now: datetime) -> dict[str, Any]:
    """A new challenge each time: only the latest one is accepted."""
    challenge = secrets.token_urlsafe(24)
    WalletOffer.objects.filter(pk=offer.pk).update(
        challenge_hash=secret_hash(challenge), redeemed_at=offer.redeemed_at or now
    )
    return {
        "verifiablePresentationRequest": {
            "query": [
                {
                    "type": "DIDAuthentication",
                    "acceptedMethods": [{"method": "key"}],
                    "acceptedCryptosuites": [{"cryptosuite": s} for s in ACCEPTED_CRYPTOSUITES],
                }
            ],
            "challenge": challenge,
            "domain": exchange_domain(),
        }
    }


def _refuse(offer: WalletOffer, description: str) -> ProtocolError:
    failed_attempt_record(offer=offer)
    return ProtocolError("invalid_presentation", description)


def _authenticated_did(offer: WalletOffer, vp: Any, now: datetime) -> str:
    """The DID that signed ``vp`` for our challenge and domain, or a refusal saying why."""
    if not isinstance(vp, dict) or "VerifiablePresentation" not in (vp.get("type") or []):
        raise _refuse(offer, "verifiablePresentation must be a VerifiablePresentation object.")
    if not offer.challenge_hash:
        raise ProtocolError("invalid_request", "POST {} first to get the challenge.")
    results = proof_set_verify(vp, resolver=Resolver(), now=now, purpose="authentication")
    proof_value = vp.get("proof")
    proofs: list[Any] = proof_value if isinstance(proof_value, list) else [proof_value]
    for result in results:
        proof = proofs[result.index]
        if not result.verified or not isinstance(proof, dict):
            continue
        challenge = proof.get("challenge")
        if not isinstance(challenge, str) or not constant_time_compare(
            secret_hash(challenge), offer.challenge_hash
        ):
            raise _refuse(offer, "The presentation answers another challenge.")
        if proof.get("domain") != exchange_domain():
            raise _refuse(offer, f"The presentation's domain must be {exchange_domain()!r}.")
        holder = vp.get("holder")
        if holder is not None and holder != result.controller:
            raise _refuse(offer, "The presentation's holder is not the DID that signed it.")
        return str(result.controller)
    reasons = [c.message for r in results for c in r.checks if not r.verified]
    raise _refuse(
        offer,
        "The presentation has no valid authentication proof by a did:key"
        + (f": {reasons[0]}" if reasons else "."),
    )


def exchange_step(*, exchange_id: str, body: Any, now: datetime | None = None) -> dict[str, Any]:
    """One POST to the exchange: ask for DIDAuth, or check it and deliver the credential."""
    moment = now or timezone.now()
    offer = _exchange(exchange_id, moment)
    if not isinstance(body, dict):
        raise ProtocolError("invalid_request", "The body must be a JSON object.")
    if "verifiablePresentation" not in body:
        return _presentation_request(offer, moment)
    holder = _authenticated_did(offer, body["verifiablePresentation"], moment)
    try:
        issued = offer_deliver(offer=offer, holder_did=holder, now=moment)
    except OfferSpent:
        raise ProtocolError("exchange_closed", "This exchange is finished.", status=410) from None
    return {"verifiablePresentation": presentation(credentials=[issued.document])}
