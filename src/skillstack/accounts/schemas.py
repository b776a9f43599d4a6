"""API shapes of the accounts app.

Input shapes derive from ``StrictIn`` (unknown fields and NUL characters are refused); the
services still validate the rules (role fits the organization, e-mail syntax, unique slug).
"""

from __future__ import annotations

from datetime import datetime

from ninja import Schema
from pydantic import Field

from skillstack.core.schemas import StrictIn


class MembershipOut(Schema):
    id: int
    organization: str
    email: str
    full_name: str
    role: str


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
    email: str


class OrganizationSummaryOut(Schema):
    """One row of the coalition's organization list (no private settings)."""

    slug: str
    name: str
    kind: str
    issuer_type: str
    created_at: datetime


class OrganizationIn(StrictIn):
    name: str = Field(min_length=2, max_length=200)
    kind: str = Field(max_length=20, description="coalition, issuer, employer or funder")
    issuer_type: str = Field(
        default="",
        max_length=30,
        description="For issuers: training_provider, college or certifying_institute",
    )
    slug: str | None = Field(default=None, min_length=2, max_length=80)
    website: str = Field(default="", max_length=200)
    description: str = Field(default="", max_length=5000)


class OrganizationPatch(StrictIn):
    name: str | None = Field(default=None, min_length=2, max_length=200)
    website: str | None = Field(default=None, max_length=200)
    description: str | None = Field(default=None, max_length=5000)
    email: str | None = Field(default=None, max_length=254)


class InvitationIn(StrictIn):
    email: str = Field(min_length=3, max_length=254)
    role: str = Field(max_length=30)


class InvitationOut(Schema):
    id: int
    email: str
    role: str
    created_at: datetime
    expires_at: datetime


class InvitationAcceptIn(StrictIn):
    token: str = Field(min_length=10, max_length=200)
