"""Request and response shapes of the assessment API."""

import datetime
import uuid
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import StrictInt

from skillstack.core.schemas import MAX_ID, StrictIn

Id = Annotated[StrictInt, Field(ge=1, le=MAX_ID)]
PathId = Annotated[int, Field(ge=1, le=MAX_ID)]  # path values arrive as text
StepKey = Annotated[str, Field(min_length=1, max_length=120)]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class AttemptIn(StrictIn):
    """One observed attempt as the tablet sends it; ``client_id`` makes a retry harmless."""

    client_id: uuid.UUID
    learner_id: Id
    observed_at: datetime.datetime
    attested_at: datetime.datetime = Field(
        description="When the evaluator attested: 'I observed this attempt in person'."
    )
    elapsed_s: Annotated[StrictInt, Field(ge=0, le=7200)] | None = None
    checks_done: list[StepKey] = Field(default_factory=list, max_length=200)
    rubric_levels: dict[StepKey, Annotated[StrictInt, Field(ge=0, le=20)]] = Field(
        default_factory=dict, max_length=200
    )
    notes: dict[StepKey, Annotated[str, Field(max_length=2000)]] = Field(
        default_factory=dict, max_length=200
    )
    evidence_sha256: list[Sha256] = Field(default_factory=list, max_length=20)
    client_verdict: Literal["passed", "not_passed"] | None = Field(
        None, description="What the tablet computed; stored, never trusted."
    )


class StepOut(Schema):
    key: str
    title: str


class AttemptOut(Schema):
    id: int
    client_id: uuid.UUID
    learner_id: int
    status: str
    passed: bool
    reasons: list[str]
    to_practise: list[StepOut]


class SessionOut(Schema):
    id: int
    date: datetime.date
    place: str
    cohort: str
    micro_credential: str
    version: int
    requires_cosign: bool


class RosterOut(Schema):
    learner_id: int
    full_name: str
    email: str


class SessionDetailOut(SessionOut):
    steps: list[dict[str, object]]
    roster: list[RosterOut]


class CertificationIn(StrictIn):
    evaluator_id: Id
    micro_credential_id: Id
    valid_from: datetime.date
    valid_until: datetime.date


class WithdrawIn(StrictIn):
    withdrawal_reason: Annotated[str, Field(min_length=5, max_length=1000)]
    effective_on: datetime.date | None = None


class CertificationOut(Schema):
    id: int
    evaluator_id: int
    evaluator_email: str
    micro_credential_id: int
    valid_from: datetime.date
    valid_until: datetime.date
    withdrawn_at: datetime.datetime | None
    withdrawn_reason: str
