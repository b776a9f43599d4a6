"""API shapes of the pathways app."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from ninja import Schema
from pydantic import Field

from skillstack.core.schemas import StrictIn


class PathwayIn(StrictIn):
    title: str = Field(min_length=1, max_length=200)
    description: str = Field(min_length=1, max_length=4000)
    pathway_kind: Literal["vertical", "horizontal", "hybrid"]
    requirements: dict[str, Any] = Field(
        description="The requirement tree: groups (sequence, all, one, any with k) and "
        "requirements (credential, skill); see the pathway editor's help."
    )
    issued_by_slug: str | None = Field(
        default=None,
        max_length=80,
        pattern=r"^[-a-zA-Z0-9_]+$",
        description="Coalition pathways: the issuer whose key signs the certificates",
    )


class PathwayOut(Schema):
    id: int
    slug: str
    title: str
    description: str
    kind: str
    status: str
    requirements: dict[str, Any]
    published_at: datetime | None


class NodeOut(Schema):
    path: str
    kind: str
    label: str
    satisfied: bool
    needed: int
    met: int
    locked: bool
    via_equivalence: bool
    credential: str | None = Field(description="The id of the credential that satisfies it")
    credential_name: str | None
    children: list[NodeOut]


class ProgressOut(Schema):
    pathway_id: int
    title: str
    owner: str
    complete: bool
    certificate_id: str | None
    review_state: str | None
    tree: NodeOut
    next: list[str]


class ReviewBody(StrictIn):
    review_decision: Literal["keep", "revoke"]
    reason: str = Field(min_length=1, max_length=1000)


class ReviewOut(Schema):
    id: int
    review_state: str


class CreditLineOut(Schema):
    credits: str
    course: str
    earned_by: str


class ProgramCreditOut(Schema):
    college: str
    program: str
    program_credits: str
    cap_credits: str
    earned: str
    awarded: str
    lines: list[CreditLineOut]


class ConsentBody(StrictIn):
    college_slug: str = Field(min_length=1, max_length=80, pattern=r"^[-a-zA-Z0-9_]+$")
    share_credit: bool = Field(strict=True)


class ConsentOut(Schema):
    college_slug: str
    sharing: bool


class IncomingOut(Schema):
    learner: str
    email: str
    programs: list[ProgramCreditOut]


class ArticulatedIn(StrictIn):
    micro_credential: int | None = Field(default=None, ge=1, le=2**31 - 1, strict=True)
    pathway: int | None = Field(default=None, ge=1, le=2**31 - 1, strict=True)
    credits: float = Field(gt=0, le=200, strict=True)
    course: str = Field(default="", max_length=200)


class ArticulationIn(StrictIn):
    program_name: str = Field(min_length=1, max_length=200)
    program_credits: float = Field(gt=0, le=200, strict=True)
    cap_credits: float = Field(gt=0, le=200, strict=True)
    articulated: list[ArticulatedIn] = Field(min_length=1, max_length=100)


class ArticulationOut(Schema):
    id: int
    program: str
    program_credits: str
    cap_credits: str
    items: int


class RecommendationIn(StrictIn):
    micro_credential_id: int = Field(ge=1, le=2**31 - 1, strict=True)
    recommending_body: str = Field(min_length=1, max_length=200)
    recommended_credits: float = Field(gt=0, le=200, strict=True)
    level: str = Field(default="", max_length=100)


class RecommendationOut(Schema):
    id: int
    micro_credential_id: int
    recommending_body: str
    credits: str
