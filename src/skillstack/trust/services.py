"""Writes of the trust app: the coalition's issuer registry and endorsements.

Imports of external credentials live in :mod:`skillstack.trust.imports`.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

import obcore.credentials as ob
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from skillstack.accounts.models import Organization
from skillstack.accounts.roles import OrgKind
from skillstack.audit.services import audit_record
from skillstack.issuing.dids import issuer_did
from skillstack.trust.keys import endorser_did, endorser_sign
from skillstack.trust.models import (
    Endorsement,
    EndorsementKind,
    RegistryEntry,
    RegistryStatus,
)
from skillstack.trust.selectors import coalition_name

_DID = re.compile(r"^did:[a-z0-9]+:[A-Za-z0-9._:%-]+$")


def _issuer_id_check(issuer_id: str) -> str:
    value = issuer_id.strip()
    if len(value) > 300:
        raise ValidationError({"issuer_id": "An issuer DID or URL is at most 300 characters."})
    if _DID.match(value) or value.startswith("https://"):
        return value
    raise ValidationError(
        {"issuer_id": "Give the issuer's DID (did:web:… or did:key:…) or its https address."}
    )


def _notify(entry: RegistryEntry, subject: str, body: str) -> None:
    if entry.contact_email:
        transaction.on_commit(
            lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [entry.contact_email])
        )


def registry_apply(
    *,
    actor: Any,
    issuer_id: str,
    name: str,
    contact_email: str,
    website: str = "",
    statement: str = "",
    organization: Organization | None = None,
) -> RegistryEntry:
    """An issuer asks the coalition to be recognised; the same issuer twice is one entry."""
    issuer_id = _issuer_id_check(issuer_id)
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Give the issuer's name as its credentials show it."})
    if "@" not in contact_email:
        raise ValidationError({"contact_email": "Give an e-mail address for the review's answer."})
    with transaction.atomic():
        entry, created = RegistryEntry.objects.get_or_create(
            issuer_id=issuer_id,
            defaults={
                "name": name[:200],
                "contact_email": contact_email.strip(),
                "website": website.strip(),
                "statement": statement.strip(),
                "organization": organization,
                "applied_by": actor,
            },
        )
        if not created:
            if entry.status in (RegistryStatus.RECOGNISED, RegistryStatus.PENDING):
                return entry
            raise ValidationError(
                {
                    "issuer_id": "This issuer is already in the registry "
                    f"({entry.get_status_display()})."
                }
            )
        audit_record(
            action="trust.registry.applied",
            actor=actor,
            organization=organization,
            obj=entry,
            data={"issuer_id": issuer_id},
        )
        _notify(
            entry,
            f"{coalition_name()}: application received",
            f"We received {name}'s application to the issuer registry; coalition admins review it.",
        )
    return entry


def registry_apply_platform(*, actor: Any, organization: Organization) -> RegistryEntry:
    """A platform issuer applies with its did:web."""
    if organization.kind != OrgKind.ISSUER:
        raise ValidationError({"organization": "Only issuing organizations apply to the registry."})
    return registry_apply(
        actor=actor,
        issuer_id=issuer_did(organization=organization),
        name=organization.name,
        contact_email=organization.email or getattr(actor, "email", ""),
        website=organization.website,
        organization=organization,
    )


def _decide(entry: RegistryEntry, actor: Any, status: str, reason: str, verb: str) -> RegistryEntry:
    with transaction.atomic():
        row = RegistryEntry.objects.select_for_update().get(pk=entry.pk)
        before = row.status
        row.status = status
        row.status_reason = reason
        row.decided_at = timezone.now()
        if status == RegistryStatus.RECOGNISED and row.recognised_since is None:
            row.recognised_since = row.decided_at
        row.save()
        audit_record(
            action=f"trust.registry.{verb}",
            actor=actor,
            organization=row.organization,
            obj=row,
            data={"from": before, "to": status, "reason": reason},
        )
        words = {"approved": "recognised", "suspended": "suspended", "declined": "declined"}[verb]
        because = f"\n\nReason: {reason}" if reason else ""
        _notify(
            row,
            f"{coalition_name()}: {row.name} {words}",
            f"The coalition has {words} {row.name} in its issuer registry.{because}",
        )
    return row


def _reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Say why, in a sentence: the issuer receives it."})
    return reason[:1000]


def registry_approve(*, actor: Any, entry: RegistryEntry) -> RegistryEntry:
    if entry.status == RegistryStatus.RECOGNISED:
        return entry
    return _decide(entry, actor, RegistryStatus.RECOGNISED, "", "approved")


def registry_suspend(*, actor: Any, entry: RegistryEntry, reason: str) -> RegistryEntry:
    if entry.status != RegistryStatus.RECOGNISED:
        raise ValidationError({"decision": "Only a recognised issuer can be suspended."})
    return _decide(entry, actor, RegistryStatus.SUSPENDED, _reason(reason), "suspended")


def registry_decline(*, actor: Any, entry: RegistryEntry, reason: str) -> RegistryEntry:
    if entry.status != RegistryStatus.PENDING:
        raise ValidationError(
            {"decision": "Only an application waiting for review can be declined."}
        )
    return _decide(entry, actor, RegistryStatus.DECLINED, _reason(reason), "declined")


def registry_decide(
    *, actor: Any, entry: RegistryEntry, decision: str, reason: str = ""
) -> RegistryEntry:
    """approve / suspend / decline, as the review page and the API name them."""
    if decision == "approve":
        return registry_approve(actor=actor, entry=entry)
    if decision == "suspend":
        return registry_suspend(actor=actor, entry=entry, reason=reason)
    if decision == "decline":
        return registry_decline(actor=actor, entry=entry, reason=reason)
    raise ValidationError({"decision": "Choose approve, suspend or decline."})


ENDORSER_KINDS = (OrgKind.COALITION, OrgKind.EMPLOYER)


def endorsement_issue(
    *,
    actor: Any,
    endorser: Organization,
    kind: str,
    subject_id: str,
    subject_name: str,
    comment: str = "",
) -> Endorsement:
    """Sign an OB 3.0 EndorsementCredential (§B.1.8) by ``endorser`` about an issuer or badge.

    Signed with the endorser's own key (a did:key, see :mod:`skillstack.trust.keys`), so anyone
    can verify it offline. One live endorsement per subject.
    """
    if endorser.kind not in ENDORSER_KINDS:
        raise ValidationError(
            {"endorser": "Endorsements are made by the coalition or an employer."}
        )
    if kind not in EndorsementKind.values:
        raise ValidationError({"kind": "Endorse an issuer or a micro-credential."})
    subject_id = subject_id.strip()
    if not (subject_id.startswith(("https://", "http://", "did:")) and len(subject_id) <= 500):
        raise ValidationError(
            {"subject_id": "Give the issuer's DID or the micro-credential's URL."}
        )
    subject_name = subject_name.strip()[:300] or subject_id
    live = Endorsement.objects.filter(
        endorser=endorser, subject_id=subject_id, withdrawn_at__isnull=True
    ).first()
    if live is not None:
        return live
    credential_id = f"urn:uuid:{uuid.uuid4()}"
    now = timezone.now().replace(microsecond=0)
    unsigned = ob.endorsement_credential(
        id=credential_id,
        issuer={
            "id": endorser_did(organization=endorser),
            "type": ["Profile"],
            "name": endorser.name,
        },
        endorsed_id=subject_id,
        valid_from=now.isoformat().replace("+00:00", "Z"),
        name=f"{endorser.name} endorses {subject_name}",
        endorsement_comment=comment.strip() or None,
    )
    document = endorser_sign(organization=endorser, document=unsigned)
    with transaction.atomic():
        endorsement = Endorsement.objects.create(
            credential_id=credential_id,
            endorser=endorser,
            kind=kind,
            subject_id=subject_id,
            subject_name=subject_name,
            comment=comment.strip(),
            document=document,
            created_by=actor,
        )
        audit_record(
            action="trust.endorsement.issued",
            actor=actor,
            organization=endorser,
            obj=endorsement,
            data={"subject": subject_id, "credential_id": credential_id},
        )
    return endorsement


def endorsement_withdraw(*, actor: Any, endorsement: Endorsement) -> Endorsement:
    if endorsement.withdrawn_at is not None:
        return endorsement
    with transaction.atomic():
        endorsement.withdrawn_at = timezone.now()
        endorsement.save(update_fields=["withdrawn_at"])
        audit_record(
            action="trust.endorsement.withdrawn",
            actor=actor,
            organization=endorsement.endorser,
            obj=endorsement,
            data={"subject": endorsement.subject_id},
        )
    return endorsement
