"""API operations of the trust app: a learner's imports, the registry, decisions."""

# No ``from __future__ import annotations``: ninja reads the operation's annotations.

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Path, Router, Status
from ninja.errors import HttpError

from skillstack.core.access import api_requires
from skillstack.core.schemas import MAX_ID
from skillstack.trust import imports, selectors, services
from skillstack.trust.models import ImportedCredential, RegistryEntry
from skillstack.trust.schemas import (
    CredentialImportIn,
    DecisionIn,
    ImportOut,
    RegistryEntryOut,
    RegistryOut,
)

router = Router(tags=["trust"])


def _out(row: ImportedCredential) -> dict[str, Any]:
    standing = selectors.issuer_standing(
        issuer_id=row.issuer_id,
        achievement_id=row.achievement_id,
        signature_valid=row.state == "verified",
    )
    return {
        "id": row.pk,
        "state": row.state,
        "format": row.format,
        "achievement_id": row.achievement_id,
        "achievement_name": row.achievement_name,
        "issuer_id": row.issuer_id,
        "issuer_name": row.issuer_name,
        "skill_ids": row.skill_ids,
        "issued_on": row.issued_on,
        "valid_until": row.valid_until,
        "checked_at": row.checked_at,
        "standing": standing.as_dict(),
        "report": row.report,
    }


def _own(request: HttpRequest, import_pk: int) -> ImportedCredential:
    row = selectors.import_of(user=request.user, pk=import_pk)
    if row is None:
        raise HttpError(404, "No such imported credential in your wallet.")
    return row


@router.get("/wallet/imports", response=list[ImportOut])
@api_requires("trust.import.list")
def import_list(request: HttpRequest) -> list[dict[str, Any]]:
    """Your credentials from elsewhere, with their last verification."""
    return [_out(r) for r in selectors.imports_of(user=request.user)]


@router.post("/wallet/imports", response={201: ImportOut})
@api_requires("trust.import.add")
def import_add(request: HttpRequest, payload: CredentialImportIn) -> Status:
    """Verify a credential issued to you elsewhere and add it (the same one twice is one)."""
    if payload.url is not None:
        row = imports.imported_credential_add_from_url(actor=request.user, url=payload.url)
    else:
        assert payload.credential is not None
        row = imports.imported_credential_add(actor=request.user, data=payload.credential)
    return Status(201, _out(row))


@router.get("/wallet/imports/{import_pk}", response=ImportOut)
@api_requires("trust.import.view")
def import_detail(
    request: HttpRequest, import_pk: int = Path(..., ge=1, le=MAX_ID)
) -> dict[str, Any]:
    """One import, re-checked first when its last check is stale."""
    row = imports.imported_credential_recheck(imported=_own(request, import_pk))
    return _out(row)


@router.delete("/wallet/imports/{import_pk}", response={204: None})
@api_requires("trust.import.remove")
def import_remove(request: HttpRequest, import_pk: int = Path(..., ge=1, le=MAX_ID)) -> Status:
    imports.imported_credential_remove(actor=request.user, imported=_own(request, import_pk))
    return Status(204, None)


@router.get("/registry/issuers", response=RegistryOut, auth=None)
@api_requires("trust.registry.view")
def registry(request: HttpRequest) -> dict[str, Any]:
    """Recognised (and suspended) issuers, as /registry/issuers.json publishes them."""
    return selectors.registry_as_json(site_url=settings.SITE_URL)


@router.post("/registry/entries/{entry_pk}/decision", response=RegistryEntryOut)
@api_requires("trust.registry.review")
def registry_decide(
    request: HttpRequest, payload: DecisionIn, entry_pk: int = Path(..., ge=1, le=MAX_ID)
) -> RegistryEntry:
    """Recognise, suspend or decline an issuer (coalition admins); a reason for the last two."""
    entry = get_object_or_404(RegistryEntry, pk=entry_pk)
    return services.registry_decide(
        actor=request.user, entry=entry, decision=payload.decision, reason=payload.reason
    )
