"""Reads for people, organizations and memberships."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from skillstack.accounts.models import Invitation, Membership, Organization
from skillstack.core.permissions import is_coalition_admin


def organizations_of(*, user: Any) -> QuerySet[Organization]:
    """Organizations where the person holds any role (all of them for a coalition admin)."""
    if is_coalition_admin(user):
        return Organization.objects.all()
    return Organization.objects.filter(memberships__user=user).distinct()


def members_of(*, organization: Organization) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(organization=organization)
        .select_related("user")
        .order_by("user__full_name", "role")
    )


def pending_invitations(*, organization: Organization) -> QuerySet[Invitation]:
    return Invitation.objects.filter(
        organization=organization,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).select_related("invited_by")


def organizations_all(*, kind: str = "") -> QuerySet[Organization]:
    """Every organization on the platform (the coalition's view), optionally of one kind."""
    organizations = Organization.objects.order_by("name", "pk")
    if kind:
        organizations = organizations.filter(kind=kind)
    return organizations
