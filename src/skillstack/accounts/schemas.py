"""API shapes of the accounts app."""

from __future__ import annotations

from datetime import datetime

from ninja import Schema
from pydantic import Field


class MeOut(Schema):
    email: str
    full_name: str
    is_learner: bool
    memberships: list[MembershipOut]


class OrganizationOut(Schema):
    slug: str
    name: str
    kind: str
    issuer_type: str
    website: str
    description: str


class OrganizationPatch(Schema):
    name: str | None = Field(default=None, min_length=2, max_length=200)
    website: str | None = Field(default=None, max_length=200)
    description: str | None = Field(default=None, max_length=5000)


class MembershipOut(Schema):
    id: int
    organization: str
    email: str
    full_name: str
    role: str


class InvitationIn(Schema):
    email: str = Field(min_length=3, max_length=254)
    role: str = Field(max_length=30)


class InvitationOut(Schema):
    id: int
    email: str
    role: str
    created_at: datetime
    expires_at: datetime


MeOut.model_rebuild()
