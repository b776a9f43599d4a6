"""JSON API of the issuing app: an issuer's credentials, and their state changes.

Credentials are looked up within the organization in the path, so another issuer's id answers
404 exactly like an id that does not exist.
"""

# No ``from __future__ import annotations``: ninja reads the operations' annotations.

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import Path, Query, Router
from ninja.pagination import paginate

from skillstack.accounts.models import Organization
from skillstack.core.access import api_requires
from skillstack.core.schemas import MAX_ID, Pagination, SafeText
from skillstack.issuing import selectors
from skillstack.issuing.lifecycle import (
    credential_reinstate,
    credential_revoke,
    credential_suspend,
)
from skillstack.issuing.models import CredentialState, IssuedCredential
from skillstack.issuing.schemas import CredentialDetailOut, CredentialOut, ReasonIn

router = Router(tags=["issuing"])
STATE_QUERY = Query("", description="active, suspended or revoked; empty for all")
SEARCH_QUERY = Query("", description="Holder's name or e-mail, credential name or its id")


def _org(request: HttpRequest) -> Organization:
    return request.organization  # type: ignore[attr-defined,no-any-return]


def _out(credential: IssuedCredential) -> dict[str, Any]:
    return {
        "id": credential.pk,
        "credential_id": credential.credential_id,
        "name": credential.name,
        "recipient_email": credential.recipient.email,
        "recipient_name": credential.recipient.full_name,
        "state": credential.state,
        "state_reason": credential.state_reason,
        "issued_at": credential.issued_at,
        "valid_until": credential.valid_until,
        "claimed": credential.claimed_at is not None,
    }


def _detail(credential: IssuedCredential) -> dict[str, Any]:
    return {**_out(credential), "document": credential.document}


def _credential(request: HttpRequest, credential_pk: int) -> IssuedCredential:
    found = selectors.credential_of_issuer(organization=_org(request), pk=credential_pk)
    if found is None:
        raise Http404("No such credential was issued by this organization")
    return found


@router.get("/orgs/{org_slug}/credentials", response=list[CredentialOut])
@api_requires("issuing.credential.view", org_kwarg="org_slug")
@paginate(Pagination)
def credential_list(
    request: HttpRequest,
    org_slug: str,
    state: SafeText = STATE_QUERY,
    search: SafeText = SEARCH_QUERY,
) -> list[dict[str, Any]]:
    if state and state not in CredentialState.values:
        raise ValidationError({"state": "Use active, suspended or revoked (or leave it empty)."})
    rows = selectors.credentials_issued_by(
        organization=_org(request), state=state or None, search=search
    )
    return [_out(c) for c in rows]


@router.get("/orgs/{org_slug}/credentials/{credential_pk}", response=CredentialDetailOut)
@api_requires("issuing.credential.view", org_kwarg="org_slug")
def credential_detail(
    request: HttpRequest, org_slug: str, credential_pk: int = Path(..., ge=1, le=MAX_ID)
) -> dict[str, Any]:
    return _detail(_credential(request, credential_pk))


@router.post("/orgs/{org_slug}/credentials/{credential_pk}/revoke", response=CredentialDetailOut)
@api_requires("issuing.credential.change", org_kwarg="org_slug")
def credential_revoke_op(
    request: HttpRequest,
    org_slug: str,
    payload: ReasonIn,
    credential_pk: int = Path(..., ge=1, le=MAX_ID),
) -> dict[str, Any]:
    credential = _credential(request, credential_pk)
    return _detail(
        credential_revoke(credential=credential, actor=request.user, reason=payload.reason)
    )


@router.post("/orgs/{org_slug}/credentials/{credential_pk}/suspend", response=CredentialDetailOut)
@api_requires("issuing.credential.change", org_kwarg="org_slug")
def credential_suspend_op(
    request: HttpRequest,
    org_slug: str,
    payload: ReasonIn,
    credential_pk: int = Path(..., ge=1, le=MAX_ID),
) -> dict[str, Any]:
    credential = _credential(request, credential_pk)
    return _detail(
        credential_suspend(credential=credential, actor=request.user, reason=payload.reason)
    )


@router.post("/orgs/{org_slug}/credentials/{credential_pk}/reinstate", response=CredentialDetailOut)
@api_requires("issuing.credential.change", org_kwarg="org_slug")
def credential_reinstate_op(
    request: HttpRequest,
    org_slug: str,
    payload: ReasonIn,
    credential_pk: int = Path(..., ge=1, le=MAX_ID),
) -> dict[str, Any]:
    credential = _credential(request, credential_pk)
    return _detail(
        credential_reinstate(credential=credential, actor=request.user, reason=payload.reason)
    )
