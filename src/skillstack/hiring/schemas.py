"""Request and response shapes of the hiring API."""

import datetime
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Field, Schema

from skillstack.core.schemas import MAX_ID, StrictIn

PathId = Annotated[int, Field(ge=1, le=MAX_ID)]
Note = Annotated[str, Field(max_length=2000)]

StageName = Literal[
    "applied", "screening", "interview", "offer", "hired", "not_selected", "withdrawn"
]


class ApplicationIn(StrictIn):
    note: Note = ""


class WithdrawIn(StrictIn):
    note: Note = ""


class MoveIn(StrictIn):
    stage: StageName = Field(description="The next stage; see the allowed moves in the docs.")
    note: Note = Field("", description="Shown to the candidate with the new stage.")


class PlacementIn(StrictIn):
    start_date: datetime.date
    role_title: Annotated[str, Field(min_length=1, max_length=200)]
    wage: Annotated[Decimal, Field(gt=0, lt=10_000_000, max_digits=9, decimal_places=2)]
    wage_unit: Literal["hour", "year"] = "hour"
    employment_type: Literal["full_time", "part_time", "temporary", "apprenticeship", "internship"]
    onboarding_needs: Annotated[str, Field(max_length=2000)] = ""


class CheckinAnswerIn(StrictIn):
    answer: Literal["employed", "left", "promoted"]
    reason: Annotated[str, Field(max_length=1000)] = ""


class StageChangeOut(Schema):
    stage: str
    at: datetime.datetime
    note: str


class CheckinOut(Schema):
    day: int
    respondent: str
    due_on: datetime.date
    status: str
    answer: str


class PlacementOut(Schema):
    start_date: datetime.date
    role_title: str
    wage: Decimal
    wage_unit: str
    employment_type: str
    onboarding_needs: str
    ended_on: datetime.date | None
    promoted_on: datetime.date | None
    checkins: list[CheckinOut]


class HoldingOut(Schema):
    name: str
    issuer_name: str
    level: str
    earned_at: datetime.datetime
    valid_until: datetime.datetime | None


class ApplicationOut(Schema):
    id: int
    opening_id: int
    opening_title: str
    employer: str
    source: str
    stage: str
    stage_changed_at: datetime.datetime
    created_at: datetime.datetime
    history: list[StageChangeOut]


class CandidateOut(Schema):
    id: int
    full_name: str
    email: str


class PipelineApplicationOut(ApplicationOut):
    candidate: CandidateOut
    note: str


class ApplicationDetailOut(PipelineApplicationOut):
    credentials: list[HoldingOut]
    placement: PlacementOut | None


class CaseloadRowOut(Schema):
    assignment_id: int
    learner: CandidateOut
    navigator_email: str
    credentials: int
    open_applications: int
    checkins_due: int
    checkins_missed: int
    flags: list[str]
    last_activity: datetime.datetime | None


class CheckinAnsweredOut(Schema):
    day: int
    respondent: str
    answer: str
