"""JSON API of the accounts app: thin wrappers around services and selectors."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router

from skillstack.accounts import selectors, services
from skillstack.accounts.models import Invitation, Membership
from skillstack.accounts.schemas import (
    InvitationIn,
    InvitationOut,
    MembershipOut,
    MeOut,
    OrganizationOut,
    OrganizationPatch,
)
from skillstack.core.access import api_requires
from skillstack.core.permissions import is_learner

router = Router(tags=["accounts"])


def _membership_out(m: Membership) -> dict[str, Any]:
    return {
        "id": m.pk,
        "organization": m.organization.slug,
        "email": m.user.email,
        "full_name": m.user.full_name,
        "role": m.role,
    }


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


@router.get("/orgs/{org_slug}", response=OrganizationOut)
@api_requires("accounts.org.view", org_kwarg="org_slug")
def organization_detail(request: HttpRequest, org_slug: str) -> Any:
    return request.organization  # type: ignore[attr-defined]


@router.patch("/orgs/{org_slug}", response=OrganizationOut)
@api_requires("accounts.org.update", org_kwarg="org_slug")
def organization_patch(request: HttpRequest, org_slug: str, payload: OrganizationPatch) -> Any:
    fields = payload.model_dump(exclude_none=True)
    return services.organization_update(
        organization=request.organization,  # type: ignore[attr-defined]
        actor=request.user,
        **fields,
    )


@router.get("/orgs/{org_slug}/members", response=list[MembershipOut])
@api_requires("accounts.member.list", org_kwarg="org_slug")
def member_list(request: HttpRequest, org_slug: str) -> list[dict[str, Any]]:
    members = selectors.members_of(organization=request.organization)  # type: ignore[attr-defined]
    return [_membership_out(m) for m in members.select_related("organization")]


@router.get("/orgs/{org_slug}/invitations", response=list[InvitationOut])
@api_requires("accounts.invitation.list", org_kwarg="org_slug")
def invitation_list(request: HttpRequest, org_slug: str) -> Any:
    return selectors.pending_invitations(organization=request.organization)  # type: ignore[attr-defined]


@router.post("/orgs/{org_slug}/invitations", response={201: InvitationOut})
@api_requires("accounts.invitation.send", org_kwarg="org_slug")
def invitation_send(request: HttpRequest, org_slug: str, payload: InvitationIn) -> Any:
    invitation, _token = services.invitation_send(
        organization=request.organization,  # type: ignore[attr-defined]
        email=payload.email,
        role=payload.role,
        actor=request.user,
    )
    return 201, invitation


@router.delete("/orgs/{org_slug}/invitations/{invitation_id}", response={204: None})
@api_requires("accounts.invitation.revoke", org_kwarg="org_slug")
def invitation_revoke(request: HttpRequest, org_slug: str, invitation_id: int) -> Any:
    invitation = get_object_or_404(
        Invitation,
        pk=invitation_id,
        organization=request.organization,  # type: ignore[attr-defined]
    )
    services.invitation_revoke(invitation=invitation, actor=request.user)
    return 204, None
