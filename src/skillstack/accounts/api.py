"""JSON API of the accounts app: thin wrappers around services and selectors.

Objects below an organization are always looked up *within* that organization, so an id that
belongs to another organization answers 404, exactly like an id that does not exist.
"""

# No ``from __future__ import annotations`` here: ninja reads the annotations of the
# operation at import time through the ``api_requires`` wrapper, whose globals are not ours.

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Path, Query, Router, Status
from ninja.pagination import paginate

from skillstack.accounts import selectors, services
from skillstack.accounts.models import Invitation, Membership, Organization
from skillstack.accounts.schemas import (
    InvitationAcceptIn,
    InvitationIn,
    InvitationOut,
    MembershipOut,
    MeOut,
    OrganizationIn,
    OrganizationOut,
    OrganizationPatch,
    OrganizationSummaryOut,
)
from skillstack.core.access import api_requires
from skillstack.core.permissions import is_learner
from skillstack.core.schemas import MAX_ID, Pagination

router = Router(tags=["accounts"])


def _membership_out(m: Membership) -> dict[str, Any]:
    return {
        "id": m.pk,
        "organization": m.organization.slug,
        "email": m.user.email,
        "full_name": m.user.full_name,
        "role": m.role,
    }


def _org(request: HttpRequest) -> Organization:
    """The organization ``api_requires`` resolved from the path and checked access to."""
    return request.organization  # type: ignore[attr-defined,no-any-return]


@router.get("/me", response=MeOut)
@api_requires("accounts.profile.view")
def me(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    memberships = user.memberships.select_related("organization", "user")  # type: ignore[union-attr]
    return {
        "email": user.email,  # type: ignore[union-attr]
        "full_name": user.full_name,  # type: ignore[union-attr]
        "is_learner": is_learner(user),
        "memberships": [_membership_out(m) for m in memberships],
    }


@router.get("/orgs", response=list[OrganizationSummaryOut])
@api_requires("accounts.org.list")
@paginate(Pagination)
def organization_list(request: HttpRequest, kind: str = Query("", max_length=20)) -> Any:
    return selectors.organizations_all(kind=kind)


@router.post("/orgs", response={201: OrganizationOut})
@api_requires("accounts.org.create")
def organization_create(request: HttpRequest, payload: OrganizationIn) -> Any:
    org = services.organization_create(actor=request.user, **payload.model_dump())
    return Status(201, org)


@router.get("/orgs/{org_slug}", response=OrganizationOut)
@api_requires("accounts.org.view", org_kwarg="org_slug")
def organization_detail(request: HttpRequest, org_slug: str) -> Any:
    return _org(request)


@router.patch("/orgs/{org_slug}", response=OrganizationOut)
@api_requires("accounts.org.update", org_kwarg="org_slug")
def organization_patch(request: HttpRequest, org_slug: str, payload: OrganizationPatch) -> Any:
    fields = payload.model_dump(exclude_none=True)
    return services.organization_update(organization=_org(request), actor=request.user, **fields)


@router.get("/orgs/{org_slug}/members", response=list[MembershipOut])
@api_requires("accounts.member.list", org_kwarg="org_slug")
@paginate(Pagination)
def member_list(request: HttpRequest, org_slug: str) -> list[dict[str, Any]]:
    members = selectors.members_of(organization=_org(request)).select_related("organization")
    return [_membership_out(m) for m in members]


@router.delete("/orgs/{org_slug}/members/{membership_id}", response={204: None})
@api_requires("accounts.member.remove", org_kwarg="org_slug")
def member_remove(
    request: HttpRequest, org_slug: str, membership_id: int = Path(..., ge=1, le=MAX_ID)
) -> Any:
    membership = get_object_or_404(
        Membership.objects.select_related("user", "organization"),
        pk=membership_id,
        organization=_org(request),
    )
    services.membership_revoke(membership=membership, actor=request.user)
    return Status(204, None)


@router.get("/orgs/{org_slug}/invitations", response=list[InvitationOut])
@api_requires("accounts.invitation.list", org_kwarg="org_slug")
@paginate(Pagination)
def invitation_list(request: HttpRequest, org_slug: str) -> Any:
    return selectors.pending_invitations(organization=_org(request))


@router.post("/orgs/{org_slug}/invitations", response={201: InvitationOut})
@api_requires("accounts.invitation.send", org_kwarg="org_slug")
def invitation_send(request: HttpRequest, org_slug: str, payload: InvitationIn) -> Any:
    invitation, _token = services.invitation_send(
        organization=_org(request), email=payload.email, role=payload.role, actor=request.user
    )
    return Status(201, invitation)


@router.delete("/orgs/{org_slug}/invitations/{invitation_id}", response={204: None})
@api_requires("accounts.invitation.revoke", org_kwarg="org_slug")
def invitation_revoke(
    request: HttpRequest, org_slug: str, invitation_id: int = Path(..., ge=1, le=MAX_ID)
) -> Any:
    invitation = get_object_or_404(Invitation, pk=invitation_id, organization=_org(request))
    services.invitation_revoke(invitation=invitation, actor=request.user)
    return Status(204, None)


@router.post("/invitations/accept", response=MembershipOut)
@api_requires("accounts.invitation.accept")
def invitation_accept(request: HttpRequest, payload: InvitationAcceptIn) -> dict[str, Any]:
    """The token travels in the body, not the path, so it stays out of access logs."""
    membership = services.invitation_accept(token=payload.token, user=request.user)  # type: ignore[arg-type]
    return _membership_out(membership)
