"""Signed credentials for tests: issued by ``world.issuer`` with its real key, with revocation and
suspension entries on status lists published as the issuing app publishes them."""

from __future__ import annotations

import hashlib
import itertools
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import obcore.credentials as ob
from django.conf import settings
from django.utils import timezone
from obcore.status import StatusList as Bits
from obcore.status import status_entry, status_list_credential

from skillstack.accounts.models import Organization, User
from skillstack.issuing.dids import issuer_did
from skillstack.issuing.models import (
    CredentialState,
    IssuedCredential,
    StatusAllocation,
    StatusList,
)
from skillstack.issuing.services import issuer_sign

_index = itertools.count(7)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _list_url(organization: Organization, purpose: str) -> str:
    return f"{settings.SITE_URL}/orgs/{organization.slug}/status/{purpose}/1"


def _status_list(organization: Organization, purpose: str) -> StatusList:
    found = StatusList.objects.filter(organization=organization, purpose=purpose).first()
    if found is None:
        found = StatusList.objects.create(
            organization=organization, purpose=purpose, bits=Bits().to_bytes()
        )
        status_publish(status_list=found)
    return found


def status_publish(*, status_list: StatusList) -> None:
    """Sign and store the list's current bits, as the issuer serves it at its URL."""
    bits = Bits()
    raw = bytes(status_list.bits)
    for index in range(len(raw) * 8):
        if raw[index // 8] & (0x80 >> (index % 8)):
            bits.set(index, 1)
    organization = status_list.organization
    unsigned = status_list_credential(
        id=_list_url(organization, status_list.purpose),
        issuer=issuer_did(organization=organization),
        status_list=bits,
        purpose=status_list.purpose,
        valid_from=_iso(timezone.now() - timedelta(days=1)),
    )
    status_list.published = issuer_sign(organization=organization, document=unsigned)
    status_list.save(update_fields=["published"])


def _set_bit(status_list: StatusList, index: int) -> None:
    raw = bytearray(bytes(status_list.bits))
    raw[index // 8] |= 0x80 >> (index % 8)
    status_list.bits = bytes(raw)
    status_list.save(update_fields=["bits"])
    status_publish(status_list=status_list)


def issue(
    *,
    issuer: Organization,
    recipient: User,
    name: str = "Aseptic Technique",
    valid_from: datetime | None = None,
    valid_until: datetime | None = None,
    claim_token: str = "",
) -> IssuedCredential:
    """A credential signed by ``issuer`` for ``recipient`` with its revocation entry (ADR 8)."""
    revocation = _status_list(issuer, "revocation")
    n = next(_index)
    rev = StatusAllocation.objects.create(status_list=revocation, index=n)
    did = issuer_did(organization=issuer)
    credential_id = f"urn:uuid:{uuid.uuid4()}"
    achievement = ob.achievement(
        id=f"{settings.SITE_URL}/orgs/{issuer.slug}/achievements/{n}",
        name=name,
        description=f"Performs {name.lower()} in a cell culture lab, observed by an evaluator.",
        criteria_narrative="Perform every critical step of the checklist in front of an "
        "evaluator certified by the institute.",
        achievement_type="MicroCredential",
        alignments=[
            ob.alignment(
                target_name="Maintain aseptic conditions",
                target_url="http://data.europa.eu/esco/skill/0001",
                target_framework="ESCO",
            )
        ],
    )
    entry = status_entry(
        status_list_credential=_list_url(issuer, "revocation"), index=n, purpose="revocation"
    )
    start = valid_from or timezone.now() - timedelta(days=2)
    document = ob.achievement_credential(
        id=credential_id,
        issuer={"id": did, "type": ["Profile"], "name": issuer.name},
        subject=ob.hashed_email_identifier(email=recipient.email, salt="pepper"),
        achievement=achievement,
        valid_from=_iso(start),
        valid_until=_iso(valid_until) if valid_until else None,
        evidence=[
            ob.evidence(
                name="Performance test",
                narrative="- [x] Disinfect the work surface (critical)\n- [x] Flame the neck",
                description="Observed on 3 March 2026 at the BioSkills teaching lab.",
            )
        ],
        credential_status=entry,
    )
    signed = issuer_sign(organization=issuer, document=document)
    return IssuedCredential.objects.create(
        idempotency_key=f"test:{credential_id}",
        credential_id=credential_id,
        issuer=issuer,
        recipient=recipient,
        document=signed,
        name=name,
        issued_at=start,
        valid_until=valid_until,
        revocation_index=rev,
        claim_token_hash=hashlib.sha256(claim_token.encode()).hexdigest() if claim_token else "",
    )


def revoke(credential: IssuedCredential, reason: str = "Evaluator certification withdrawn") -> None:
    assert credential.revocation_index is not None
    _set_bit(credential.revocation_index.status_list, credential.revocation_index.index)
    _change(credential, CredentialState.REVOKED, reason)


def suspend(credential: IssuedCredential, reason: str = "Under review") -> None:
    """A hold on the platform; the status list carries revocation only (ADR 8)."""
    _change(credential, CredentialState.SUSPENDED, reason)


def _change(credential: IssuedCredential, state: str, reason: str) -> None:
    credential.state = state
    credential.state_reason = reason
    credential.state_changed_at = timezone.now()
    credential.save(update_fields=["state", "state_reason", "state_changed_at"])


def tampered(document: dict[str, Any]) -> dict[str, Any]:
    """The document with the achievement's name changed after signing."""
    changed = {**document, "name": document["name"] + " (Advanced)"}
    return changed


def _b64(raw: bytes) -> str:
    import base64

    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def did_key_jwt(*, name: str = "Pipetting") -> str:
    """A VC-JWT signed with a fresh did:key: verifiable offline, from an issuer not hosted here."""
    from obcore.keys import key_pair_generate
    from obcore.vc_jwt import issue_jwt

    pair = key_pair_generate()
    achievement = ob.achievement(
        id="https://example.org/achievements/pipetting",
        name=name,
        description="Pipettes.",
        criteria_narrative="Pipette ten volumes within tolerance.",
    )
    document = ob.achievement_credential(
        id=f"urn:uuid:{uuid.uuid4()}",
        issuer={"id": pair.did, "type": ["Profile"], "name": "Elsewhere Academy"},
        subject="did:example:learner",
        achievement=achievement,
        valid_from=_iso(timezone.now() - timedelta(days=1)),
    )
    jwk = {"kty": "OKP", "crv": "Ed25519", "x": _b64(pair.public_key), "d": _b64(pair.seed)}
    return issue_jwt(document, private_jwk=jwk, alg="EdDSA", kid=pair.verification_method)
