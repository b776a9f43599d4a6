"""Offers of a learner's own credential to a mobile wallet, and the one delivery they lead to.

An offer is made by the learner (their credential page), lives ``OFFER_LIFETIME`` and is spent
by one delivery: a copy of the credential bound to the DID the wallet proved it controls,
issued once per offer (idempotency key ``wallet-offer:<pk>``) through
``skillstack.issuing.issuance.credential_issue_one``. The protocols (``protocol.py`` for
OpenID4VCI, ``exchanges.py`` for VC-API) only decide *which* DID; this module issues.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from skillstack.audit.services import audit_record
from skillstack.issuing.issuance import CredentialDraft, credential_issue_one
from skillstack.issuing.models import CredentialState, IssuedCredential
from skillstack.oid4vci.copies import wallet_copy
from skillstack.oid4vci.errors import OfferSpent, ProtocolError
from skillstack.oid4vci.metadata import (
    CONFIGURATION_ID,
    PRE_AUTHORIZED_GRANT,
    endpoint,
    issuer_identifier,
)
from skillstack.oid4vci.models import Channel, WalletOffer

OFFER_LIFETIME = timedelta(minutes=10)
TX_CODE_LENGTH = 6
MAX_FAILED_ATTEMPTS = 5
LCW_REQUEST_PAGE = "https://lcw.app/request.html"


def secret_hash(secret: str) -> str:
    """SHA-256 of a 256-bit random secret: enough to find it, useless to redeem it."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def tx_code_hash(*, offer_secret_hash: str, tx_code: str) -> str:
    """A keyed hash of the 6-digit PIN: a database reader cannot try the million PINs offline."""
    value = f"{offer_secret_hash}:{tx_code}"
    return salted_hmac("skillstack.oid4vci.tx_code", value, algorithm="sha256").hexdigest()


def pre_authorized_code(*, handle: str) -> str:
    """The code an offer URI's handle stands for, derived so that it never appears in a URL
    (or an access log) and is stored only as a hash."""
    return salted_hmac(
        "skillstack.oid4vci.pre_authorized_code", handle, algorithm="sha256"
    ).hexdigest()


@dataclass(frozen=True, slots=True)
class CreatedOffer:
    """A new offer and its secrets, shown once to the learner and never stored in clear."""

    offer: WalletOffer
    secret: str  # the offer URI's handle (OpenID4VCI) or the exchange id (VC-API)
    tx_code: str
    link: str  # what the QR code holds: the deep link a wallet app opens

    @property
    def expires_at(self) -> datetime:
        return self.offer.expires_at

    @property
    def pre_authorized_code(self) -> str:
        return pre_authorized_code(handle=self.secret)


def offer_document(*, pre_authorized_code: str) -> dict[str, Any]:
    """The Credential Offer (OpenID4VCI 1.0 §4.1.1), sent by value: nothing to fetch."""
    return {
        "credential_issuer": issuer_identifier(),
        "credential_configuration_ids": [CONFIGURATION_ID],
        "grants": {
            PRE_AUTHORIZED_GRANT: {
                "pre-authorized_code": pre_authorized_code,
                "tx_code": {
                    "input_mode": "numeric",
                    "length": TX_CODE_LENGTH,
                    "description": "The 6-digit PIN shown beside the QR code on Skillstack",
                },
            }
        },
    }


def offer_link(*, handle: str) -> str:
    """§4.1.3: the offer by reference, so that the QR code stays small enough for any camera."""
    return "openid-credential-offer://?credential_offer_uri=" + quote(
        endpoint("offer", handle), safe=""
    )


def exchange_link(*, exchange_id: str) -> str:
    """The Learner Credential Wallet's request link, naming our VC-API exchange URL."""
    request = {
        "credentialRequestOrigin": issuer_identifier(),
        "protocols": {"vcapi": endpoint("exchange", exchange_id)},
    }
    return f"{LCW_REQUEST_PAGE}?request=" + quote(json.dumps(request, separators=(",", ":")))


def _offer_problem(credential: IssuedCredential, now: datetime) -> str | None:
    if credential.state != CredentialState.ACTIVE:
        return f"This credential is {credential.get_state_display().lower()}; it cannot be sent."
    if credential.valid_until is not None and credential.valid_until <= now:
        return "This credential has expired; it cannot be sent to a wallet."
    return None


def wallet_offer_create(
    *, actor: Any, credential: IssuedCredential, channel: str, now: datetime | None = None
) -> CreatedOffer:
    """A single-use offer of ``actor``'s own ``credential`` to a wallet, valid 10 minutes."""
    moment = now or timezone.now()
    if channel not in Channel.values:
        raise ValidationError({"channel": "Choose an OpenID4VCI wallet or a VC-API wallet."})
    if credential.recipient_id != actor.pk:
        raise ValidationError({"credential": "You can only send your own credentials."})
    problem = _offer_problem(credential, moment)
    if problem:
        raise ValidationError({"credential": problem})
    secret = secrets.token_urlsafe(32)
    hashed = secret_hash(secret)
    tx_code = ""
    if channel == Channel.OID4VCI:
        tx_code = f"{secrets.randbelow(10**TX_CODE_LENGTH):0{TX_CODE_LENGTH}d}"
    with transaction.atomic():
        offer = WalletOffer.objects.create(
            channel=channel,
            learner=actor,
            credential=credential,
            secret_hash=hashed,
            code_hash=(
                secret_hash(pre_authorized_code(handle=secret))
                if channel == Channel.OID4VCI
                else None
            ),
            tx_code_hash=tx_code_hash(offer_secret_hash=hashed, tx_code=tx_code) if tx_code else "",
            expires_at=moment + OFFER_LIFETIME,
        )
        audit_record(
            action="oid4vci.offer.created",
            actor=actor,
            organization=credential.issuer,
            obj=offer,
            data={"channel": channel, "credential_id": credential.credential_id},
        )
    if channel == Channel.OID4VCI:
        link = offer_link(handle=secret)
    else:
        link = exchange_link(exchange_id=secret)
    return CreatedOffer(offer, secret, tx_code, link)


def wallet_offer_cancel(
    *, actor: Any, offer: WalletOffer, now: datetime | None = None
) -> WalletOffer:
    """Close an open offer at once (a QR code seen by someone else): nothing can redeem it."""
    moment = now or timezone.now()
    if offer.learner_id != actor.pk:
        raise ValidationError({"offer": "You can only cancel your own offers."})
    with transaction.atomic():
        closed = WalletOffer.objects.filter(
            pk=offer.pk, completed_at__isnull=True, expires_at__gt=moment
        ).update(completed_at=moment)
        if closed != 1:
            raise ValidationError({"offer": "This offer was already used, cancelled or expired."})
        audit_record(
            action="oid4vci.offer.cancelled",
            actor=actor,
            organization=offer.credential.issuer,
            obj=offer,
            data={"channel": offer.channel},
        )
    offer.refresh_from_db()
    return offer


def _deny_if_no_longer_valid(offer: WalletOffer, now: datetime) -> None:
    problem = _offer_problem(offer.credential, now)
    if problem:
        raise ProtocolError("credential_request_denied", problem)


def offer_deliver(*, offer: WalletOffer, holder_did: str, now: datetime) -> IssuedCredential:
    """Spend ``offer`` and issue its credential to ``holder_did``; a spent offer issues nothing.

    The conditional update is the claim: of two requests racing with one offer, one wins and
    the other learns the offer is spent. Issuing happens in the same transaction, so a failure
    leaves the offer unspent.
    """
    _deny_if_no_longer_valid(offer, now)
    original = offer.credential

    def build(draft: CredentialDraft) -> dict[str, Any]:
        return wallet_copy(original=original.document, draft=draft)

    with transaction.atomic():
        claimed = WalletOffer.objects.filter(pk=offer.pk, completed_at__isnull=True).update(
            completed_at=now, holder_did=holder_did
        )
        if claimed != 1:
            raise OfferSpent()
        issued = credential_issue_one(
            organization=original.issuer,
            recipient=offer.learner,
            idempotency_key=f"wallet-offer:{offer.pk}",
            build=build,
            source=f"wallet-{offer.channel}",
            micro_credential_version=original.micro_credential_version,
            subject=holder_did,
        )
        WalletOffer.objects.filter(pk=offer.pk).update(issued=issued)
        audit_record(
            action="oid4vci.credential.delivered",
            actor=offer.learner,
            organization=original.issuer,
            obj=offer,
            data={
                "channel": offer.channel,
                "holder": holder_did,
                "original": original.credential_id,
                "copy": issued.credential_id,
            },
        )
    return issued


def failed_attempt_record(*, offer: WalletOffer) -> None:
    """Count a wrong PIN or presentation; the fifth closes the offer."""
    WalletOffer.objects.filter(pk=offer.pk).update(failed_attempts=F("failed_attempts") + 1)
    WalletOffer.objects.filter(
        pk=offer.pk, completed_at__isnull=True, failed_attempts__gte=MAX_FAILED_ATTEMPTS
    ).update(completed_at=timezone.now())
