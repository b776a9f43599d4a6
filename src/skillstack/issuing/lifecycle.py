"""Revoking, suspending and reinstating credentials through their status lists.

A credential's state lives in two places that must agree: the row (for our pages) and the
bit at its index in the published status list (for every verifier, W3C Bitstring Status
List v1.0 §3). Both change in one transaction, the list is re-signed, and an audit entry
records who did it and why. Revocation is final and published in the status list; a
suspension is a hold on the platform that can be lifted (ADR 8).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from skillstack.audit.services import audit_record
from skillstack.issuing.models import CredentialState, IssuedCredential, StatusAllocation
from skillstack.issuing.signals import credential_state_changed
from skillstack.issuing.status_lists import status_bits_set

REASON_MAX = 1000


def _clean_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say why (the learner and the audit log will see it)."})
    if len(reason) > REASON_MAX:
        raise ValidationError({"reason": f"Keep the reason under {REASON_MAX} characters."})
    return reason


def _locked(credential: IssuedCredential) -> IssuedCredential:
    return IssuedCredential.objects.select_for_update().get(pk=credential.pk)


def _change(
    credential: IssuedCredential,
    *,
    state: str,
    bits: list[tuple[StatusAllocation | None, bool]],
    actor: Any,
    reason: str,
    verb: str,
) -> IssuedCredential:
    changes = [(allocation, value) for allocation, value in bits if allocation is not None]
    status_bits_set(changes=changes, organization=credential.issuer)
    credential.state = state
    credential.state_reason = reason
    credential.state_changed_at = timezone.now()
    credential.save(update_fields=["state", "state_reason", "state_changed_at"])
    audit_record(
        action=f"issuing.credential.{verb}",
        actor=actor,
        organization=credential.issuer,
        obj=credential,
        data={"credential_id": credential.credential_id, "reason": reason},
    )
    credential_state_changed.send(sender=IssuedCredential, credential=credential)
    return credential


def credential_revoke(*, credential: IssuedCredential, actor: Any, reason: str) -> IssuedCredential:
    """Revoke for good: the revocation bit is set in the issuer's published list."""
    reason = _clean_reason(reason)
    with transaction.atomic():
        credential = _locked(credential)
        if credential.state == CredentialState.REVOKED:
            raise ValidationError({"state": "This credential is already revoked."})
        return _change(
            credential,
            state=CredentialState.REVOKED,
            bits=[(credential.revocation_index, True)],
            actor=actor,
            reason=reason,
            verb="revoked",
        )


def credential_suspend(
    *, credential: IssuedCredential, actor: Any, reason: str
) -> IssuedCredential:
    """Suspend an active credential: verifiers see it as suspended until it is reinstated."""
    reason = _clean_reason(reason)
    with transaction.atomic():
        credential = _locked(credential)
        if credential.state != CredentialState.ACTIVE:
            raise ValidationError(
                {
                    "state": f"Only an active credential can be suspended; this one is "
                    f"{credential.get_state_display().lower()}."
                }
            )
        return _change(
            credential,
            state=CredentialState.SUSPENDED,
            bits=[],  # a hold on the platform, not in the list (ADR 8)
            actor=actor,
            reason=reason,
            verb="suspended",
        )


def credential_reinstate(
    *, credential: IssuedCredential, actor: Any, reason: str
) -> IssuedCredential:
    """Lift a suspension. A revoked credential cannot be reinstated: issue a new one."""
    reason = _clean_reason(reason)
    with transaction.atomic():
        credential = _locked(credential)
        if credential.state != CredentialState.SUSPENDED:
            raise ValidationError(
                {
                    "state": "Only a suspended credential can be reinstated; "
                    f"this one is {credential.get_state_display().lower()}."
                }
            )
        return _change(
            credential,
            state=CredentialState.ACTIVE,
            bits=[],
            actor=actor,
            reason=reason,
            verb="reinstated",
        )


def credentials_revoke_bulk(
    *, credentials: Iterable[IssuedCredential], actor: Any, reason: str
) -> list[IssuedCredential]:
    """Revoke many at once (one transaction, each list re-signed once); already revoked ones
    are left as they are. Returns the credentials revoked now."""
    reason = _clean_reason(reason)
    pks = [c.pk for c in credentials]
    with transaction.atomic():
        rows = list(
            IssuedCredential.objects.select_for_update(of=("self",))
            .filter(pk__in=pks)
            .exclude(state=CredentialState.REVOKED)
            .select_related("issuer", "revocation_index")
            .order_by("pk")
        )
        by_issuer: dict[int, list[IssuedCredential]] = {}
        for row in rows:
            by_issuer.setdefault(row.issuer_id, []).append(row)
        now = timezone.now()
        for group in by_issuer.values():
            changes: list[tuple[StatusAllocation, bool]] = []
            for row in group:
                if row.revocation_index is not None:
                    changes.append((row.revocation_index, True))
            status_bits_set(changes=changes, organization=group[0].issuer)
        for row in rows:
            row.state, row.state_reason, row.state_changed_at = CredentialState.REVOKED, reason, now
            audit_record(
                action="issuing.credential.revoked",
                actor=actor,
                organization=row.issuer,
                obj=row,
                data={"credential_id": row.credential_id, "reason": reason, "bulk": True},
            )
        IssuedCredential.objects.bulk_update(rows, ["state", "state_reason", "state_changed_at"])
        for row in rows:
            credential_state_changed.send(sender=IssuedCredential, credential=row)
    return rows
