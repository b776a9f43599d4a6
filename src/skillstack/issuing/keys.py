"""Issuer keys: create, rotate, sign. The private key is opened only inside ``issuer_sign``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from obcore.keys import Ed25519KeyPair, key_pair_generate
from obcore.proofs import proof_add

from skillstack.accounts.models import Organization
from skillstack.accounts.roles import OrgKind
from skillstack.audit.services import audit_record
from skillstack.issuing import envelope
from skillstack.issuing.dids import issuer_did
from skillstack.issuing.models import IssuerKey


def _kek() -> bytes:
    return envelope.kek_from_text(settings.KEY_ENCRYPTION_KEY or "")


def _next_key_id(organization: Organization) -> str:
    return f"key-{IssuerKey.objects.filter(organization=organization).count() + 1}"


def issuer_key_rotate(*, organization: Organization, actor: Any | None) -> IssuerKey:
    """A new active signing key; the previous one is retired but stays in the DID document."""
    if organization.kind != OrgKind.ISSUER:
        raise ValidationError({"organization": "Only issuers have signing keys"})
    pair = key_pair_generate()
    with transaction.atomic():
        IssuerKey.objects.select_for_update().filter(
            organization=organization, retired_at__isnull=True
        ).update(retired_at=timezone.now())
        key = IssuerKey(
            organization=organization,
            key_id=_next_key_id(organization),
            public_key_multibase=pair.public_key_multibase,
        )
        sealed = envelope.seal(kek=_kek(), secret=pair.seed, context=key.seal_context)
        key.kek_id, key.wrapped_key, key.sealed_seed = (
            sealed.kek_id,
            sealed.wrapped_key,
            sealed.ciphertext,
        )
        try:
            key.save()
        except IntegrityError as exc:  # a concurrent rotation won
            raise ValidationError({"organization": "Another key rotation is in progress"}) from exc
        audit_record(
            action="issuing.key.rotated",
            actor=actor,
            organization=organization,
            obj=key,
            data={"key_id": key.key_id, "publicKeyMultibase": key.public_key_multibase},
        )
    return key


def issuer_key_active(*, organization: Organization) -> IssuerKey:
    """The active key, created on first use."""
    key = IssuerKey.objects.filter(organization=organization, retired_at__isnull=True).first()
    return key or issuer_key_rotate(organization=organization, actor=None)


def _unseal(key: IssuerKey) -> Ed25519KeyPair:
    sealed = envelope.Sealed(key.kek_id, bytes(key.wrapped_key), bytes(key.sealed_seed))
    seed = envelope.open_sealed(kek=_kek(), sealed=sealed, context=key.seal_context)
    pair = Ed25519KeyPair.from_seed(seed)
    if pair.public_key_multibase != key.public_key_multibase:
        raise envelope.EnvelopeError("The unsealed key does not match its public key")
    return pair


@dataclass(frozen=True, slots=True)
class IssuerSigner:
    """An organization's active key, unsealed once, for signing a batch of documents.

    Every signature Skillstack makes goes through ``sign``: one credential or ten thousand,
    the same checks and the same proof.
    """

    did: str
    verification_method: str
    pair: Ed25519KeyPair = field(repr=False)

    def sign(
        self, document: dict[str, Any], *, cryptosuite: str = "eddsa-rdfc-2022"
    ) -> dict[str, Any]:
        issuer = document.get("issuer")
        issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
        if issuer_id != self.did:
            raise ValidationError({"issuer": f"The credential's issuer must be {self.did}"})
        return proof_add(
            document,
            key=self.pair,
            cryptosuite=cryptosuite,
            verification_method=self.verification_method,
        )


def issuer_signer(*, organization: Organization) -> IssuerSigner:
    """The organization's active key, unsealed (created on first use)."""
    key = issuer_key_active(organization=organization)
    did = issuer_did(organization=organization)
    return IssuerSigner(did, f"{did}#{key.key_id}", _unseal(key))


def issuer_sign(
    *, organization: Organization, document: dict[str, Any], cryptosuite: str = "eddsa-rdfc-2022"
) -> dict[str, Any]:
    """Sign ``document`` (whose issuer must be this organization's DID) with the active key."""
    signer = issuer_signer(organization=organization)
    return signer.sign(document, cryptosuite=cryptosuite)
