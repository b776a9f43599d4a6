"""OpenID for Verifiable Credential Issuance 1.0, pre-authorized code flow: token, nonce and
credential endpoints. Every refusal is a ``ProtocolError`` with the code the spec names.

* Token endpoint (§6): ``pre-authorized_code`` + ``tx_code`` → a 5-minute Bearer token, once.
* Nonce endpoint (§7): a signed, timestamped ``c_nonce`` (nothing stored until it is used;
  spending it stores its hash, so it works once and for 5 minutes).
* Credential endpoint (§8): the token, one ``jwt`` proof (Appendix F.1) → the credential bound
  to the proving key's DID. The token is spent with the offer: reusing it is ``invalid_token``.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from skillstack.oid4vci.errors import OfferSpent, ProtocolError, invalid_token
from skillstack.oid4vci.metadata import CONFIGURATION_ID, PRE_AUTHORIZED_GRANT, issuer_identifier
from skillstack.oid4vci.models import Channel, SpentNonce, WalletOffer
from skillstack.oid4vci.proof_jwt import possession_verify
from skillstack.oid4vci.services import (
    failed_attempt_record,
    offer_deliver,
    offer_document,
    pre_authorized_code,
    secret_hash,
    tx_code_hash,
)

TOKEN_LIFETIME = timedelta(minutes=5)
NONCE_LIFETIME = timedelta(minutes=5)
_NONCE_SALT = "skillstack.oid4vci.c_nonce"
MAX_SECRET_CHARS = 200


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and 0 < len(value) <= MAX_SECRET_CHARS else None


def _live_offer(code: str, now: datetime) -> WalletOffer:
    offer = (
        WalletOffer.objects.select_related("credential__issuer", "learner")
        .filter(code_hash=secret_hash(code), channel=Channel.OID4VCI)
        .first()
    )
    if offer is None or offer.expires_at <= now:
        raise ProtocolError("invalid_grant", "The pre-authorized code is unknown or expired.")
    if offer.redeemed_at is not None or offer.completed_at is not None:
        raise ProtocolError("invalid_grant", "The pre-authorized code was already used.")
    return offer


def credential_offer(*, handle: Any, now: datetime | None = None) -> dict[str, Any]:
    """§4.1.3: the Credential Offer an offer URI names, while the offer can still be redeemed."""
    moment = now or timezone.now()
    text = _text(handle)
    offer = None
    if text is not None:
        offer = WalletOffer.objects.filter(
            secret_hash=secret_hash(text),
            channel=Channel.OID4VCI,
            expires_at__gt=moment,
            redeemed_at__isnull=True,
            completed_at__isnull=True,
        ).first()
    if offer is None or text is None:
        raise ProtocolError(
            "invalid_request", "This offer is unknown, used or expired.", status=404
        )
    return offer_document(pre_authorized_code=pre_authorized_code(handle=text))


def _check_tx_code(offer: WalletOffer, tx_code: Any) -> None:
    if not offer.tx_code_hash:
        return
    if _text(tx_code) is None:
        raise ProtocolError("invalid_request", "Send tx_code: the PIN shown with the QR code.")
    expected = tx_code_hash(offer_secret_hash=offer.secret_hash, tx_code=tx_code)
    if not constant_time_compare(expected, offer.tx_code_hash):
        failed_attempt_record(offer=offer)
        raise ProtocolError("invalid_grant", "The PIN (tx_code) is wrong.")


def access_token_grant(
    *, grant_type: Any, code: Any, tx_code: Any, now: datetime | None = None
) -> dict[str, Any]:
    """§6.1-6.2: exchange a pre-authorized code (and its PIN) for a Bearer token, once."""
    moment = now or timezone.now()
    if grant_type != PRE_AUTHORIZED_GRANT:
        raise ProtocolError(
            "unsupported_grant_type", f"Only the grant type {PRE_AUTHORIZED_GRANT} is supported."
        )
    text = _text(code)
    if text is None:
        raise ProtocolError("invalid_request", "Send pre-authorized_code from the offer.")
    offer = _live_offer(text, moment)
    _check_tx_code(offer, tx_code)
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        redeemed = WalletOffer.objects.filter(
            pk=offer.pk, redeemed_at__isnull=True, completed_at__isnull=True
        ).update(
            redeemed_at=moment,
            token_hash=secret_hash(token),
            token_expires_at=moment + TOKEN_LIFETIME,
        )
    if redeemed != 1:
        raise ProtocolError("invalid_grant", "The pre-authorized code was already used.")
    return {
        "access_token": token,
        "token_type": "Bearer",
        "expires_in": int(TOKEN_LIFETIME.total_seconds()),
    }


def nonce_issue() -> dict[str, Any]:
    """§7.2: a fresh ``c_nonce``, signed with its time so that no row is written per request."""
    nonce = signing.TimestampSigner(salt=_NONCE_SALT).sign(secrets.token_urlsafe(16))
    return {"c_nonce": nonce}


def _nonce_spend(nonce: str, now: datetime) -> None:
    try:
        signing.TimestampSigner(salt=_NONCE_SALT).unsign(nonce, max_age=NONCE_LIFETIME)
    except signing.SignatureExpired:
        raise ProtocolError("invalid_nonce", "The nonce has expired; get a new one.") from None
    except signing.BadSignature:
        raise ProtocolError("invalid_nonce", "The nonce was not issued by this server.") from None
    SpentNonce.objects.filter(spent_at__lt=now - 2 * NONCE_LIFETIME).delete()
    try:
        with transaction.atomic():
            SpentNonce.objects.create(nonce_hash=secret_hash(nonce))
    except IntegrityError:
        raise ProtocolError("invalid_nonce", "The nonce was already used; get a new one.") from None


def _bearer_offer(authorization: Any, now: datetime) -> WalletOffer:
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or _text(token.strip()) is None:
        raise invalid_token("Send the access token as 'Authorization: Bearer <token>'.")
    offer = (
        WalletOffer.objects.select_related("credential__issuer", "learner")
        .filter(token_hash=secret_hash(token.strip()), channel=Channel.OID4VCI)
        .first()
    )
    if offer is None or offer.token_expires_at is None or offer.token_expires_at <= now:
        raise invalid_token("The access token is unknown or expired.")
    if offer.completed_at is not None:
        raise invalid_token("The access token was already used for its credential.")
    return offer


def _one_jwt_proof(body: dict[str, Any]) -> Any:
    """``proofs: {"jwt": [one]}`` (§8.2); the draft-era ``proof`` object is still read."""
    proofs, proof = body.get("proofs"), body.get("proof")
    if proofs is not None and proof is not None:
        raise ProtocolError("invalid_credential_request", "Send proofs or proof, not both.")
    if isinstance(proof, dict):
        if proof.get("proof_type") != "jwt":
            raise ProtocolError("invalid_proof", "Only the jwt proof type is supported.")
        return proof.get("jwt")
    if not isinstance(proofs, dict) or not proofs:
        raise ProtocolError("invalid_proof", "Send a proof of possession: proofs.jwt.")
    if set(proofs) != {"jwt"}:
        raise ProtocolError("invalid_proof", "Only the jwt proof type is supported.")
    jwts = proofs["jwt"]
    if not isinstance(jwts, list) or len(jwts) != 1:
        raise ProtocolError("invalid_proof", "Send exactly one proof in proofs.jwt.")
    return jwts[0]


def _check_request(body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise ProtocolError("invalid_credential_request", "The body must be a JSON object.")
    if "credential_identifier" in body:
        raise ProtocolError(
            "unknown_credential_identifier", "This issuer does not use credential identifiers."
        )
    configuration = body.get("credential_configuration_id")
    if configuration is None:
        raise ProtocolError("invalid_credential_request", "Send credential_configuration_id.")
    if configuration != CONFIGURATION_ID:
        raise ProtocolError(
            "unknown_credential_configuration",
            f"This offer is for the configuration {CONFIGURATION_ID!r}.",
        )
    if "credential_response_encryption" in body:
        raise ProtocolError(
            "invalid_encryption_parameters", "Encrypted credential responses are not supported."
        )
    return body


def credential_request(
    *, authorization: Any, body: Any, now: datetime | None = None
) -> dict[str, Any]:
    """§8: check token, request and proof, then deliver the credential bound to the key's DID."""
    moment = now or timezone.now()
    offer = _bearer_offer(authorization, moment)
    request = _check_request(body)
    possession = possession_verify(
        token=_one_jwt_proof(request), audience=issuer_identifier(), now=moment
    )
    _nonce_spend(possession.nonce, moment)
    try:
        issued = offer_deliver(offer=offer, holder_did=possession.key.did, now=moment)
    except OfferSpent:
        raise invalid_token("The access token was already used for its credential.") from None
    return {"credentials": [{"credential": issued.document}]}
