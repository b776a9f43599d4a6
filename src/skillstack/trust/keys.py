"""Endorser keys: one Ed25519 key per endorsing organization, sealed like issuer keys."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from obcore.keys import Ed25519KeyPair, key_pair_generate
from obcore.proofs import proof_add

from skillstack.accounts.models import Organization
from skillstack.audit.services import audit_record
from skillstack.issuing import envelope
from skillstack.trust.models import EndorserKey


def _kek() -> bytes:
    return envelope.kek_from_text(settings.KEY_ENCRYPTION_KEY or "")


def endorser_key_ensure(*, organization: Organization) -> EndorserKey:
    """The organization's endorser key, made (and audited) on first use."""
    found = EndorserKey.objects.filter(organization=organization).first()
    if found is not None:
        return found
    pair = key_pair_generate()
    key = EndorserKey(organization=organization, public_key_multibase=pair.public_key_multibase)
    sealed = envelope.seal(kek=_kek(), secret=pair.seed, context=key.seal_context)
    key.kek_id, key.wrapped_key, key.sealed_seed = (
        sealed.kek_id,
        sealed.wrapped_key,
        sealed.ciphertext,
    )
    try:
        with transaction.atomic():
            key.save()
            audit_record(
                action="trust.endorser_key.created",
                actor=None,
                organization=organization,
                obj=key,
                data={"publicKeyMultibase": key.public_key_multibase},
            )
    except IntegrityError:  # made concurrently: use the one that won
        return EndorserKey.objects.get(organization=organization)
    return key


def _pair(key: EndorserKey) -> Ed25519KeyPair:
    sealed = envelope.Sealed(key.kek_id, bytes(key.wrapped_key), bytes(key.sealed_seed))
    seed = envelope.open_sealed(kek=_kek(), sealed=sealed, context=key.seal_context)
    pair = Ed25519KeyPair.from_seed(seed)
    if pair.public_key_multibase != key.public_key_multibase:
        raise envelope.EnvelopeError("The unsealed key does not match its public key")
    return pair


def endorser_did(*, organization: Organization) -> str:
    return f"did:key:{endorser_key_ensure(organization=organization).public_key_multibase}"


def endorser_sign(*, organization: Organization, document: dict[str, Any]) -> dict[str, Any]:
    """Sign ``document`` (whose issuer is the organization's endorser DID) with its key."""
    pair = _pair(endorser_key_ensure(organization=organization))
    return proof_add(document, key=pair, verification_method=pair.verification_method)
