"""Request and response shapes of the matching API."""

import datetime
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import StrictInt

from skillstack.core.schemas import MAX_ID, StrictIn

Id = Annotated[StrictInt, Field(ge=1, le=MAX_ID)]
PathId = Annotated[int, Field(ge=1, le=MAX_ID)]
Slug = Annotated[str, Field(min_length=1, max_length=80)]
Place = Annotated[str, Field(min_length=2, max_length=100)]
Money = Annotated[str, Field(pattern=r"^\d{1,7}(\.\d{1,2})?$")]
IsoDate = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]
ShiftName = Literal["day", "evening", "night", "rotating", "weekend", "flexible"]


class ConsentChoiceIn(StrictIn):
    """Who may find the learner: ``none`` (withdraw), ``all`` employers, or ``chosen`` ones."""

    discoverable_to: Literal["none", "all", "chosen"]
    employers: list[Slug] = Field(
        default_factory=list, max_length=50, description="Employer slugs, for 'chosen'"
    )


class PreferencesIn(StrictIn):
    """What work the learner wants; every field left out means "any"."""

    locations: list[Place] = Field(
        default_factory=list, max_length=10, description="Place names, e.g. 'Boston'"
    )
    remote_work: Literal["yes", "no"] = Field("yes", description="Whether remote jobs suit")
    shifts: list[ShiftName] = Field(default_factory=list, max_length=6)
    wage_floor: Money | None = Field(None, description="Lowest acceptable pay, e.g. '24.50'")
    wage_unit: Literal["hour", "year"] = "hour"
    earliest_start: IsoDate | None = Field(None, description="e.g. '2027-01-15'")


class DeclaredSkillIn(StrictIn):
    declared_skill_id: Id = Field(description="The catalog skill the learner says they have")
    level: Annotated[StrictInt, Field(ge=1, le=4)] = 1


class EmployerOut(Schema):
    slug: str
    name: str


class ConsentEventOut(Schema):
    scope: str
    employers: list[str]
    wording_version: str
    at: datetime.datetime


class ConsentOut(Schema):
    discoverable_to: str
    employers: list[EmployerOut]
    wording_version: str
    wording: str
    updated_at: datetime.datetime | None
    history: list[ConsentEventOut]


class PreferencesOut(Schema):
    locations: list[str]
    remote_work: str
    shifts: list[str]
    wage_floor: Decimal | None
    wage_unit: str
    earliest_start: datetime.date | None


class CredentialOut(Schema):
    name: str
    issuer_name: str
    earned_at: datetime.datetime
    valid_until: datetime.datetime | None
    url: str
    source: str


class VerifiedSkillOut(Schema):
    skill_id: int
    label: str
    level: int
    level_words: str
    credentials: list[CredentialOut]


class DeclaredSkillOut(Schema):
    id: int
    skill_id: int
    label: str
    level: int
    self_declared: bool = True


class CandidateProfileOut(Schema):
    consent: ConsentOut
    preferences: PreferencesOut
    verified_skills: list[VerifiedSkillOut]
    declared_skills: list[DeclaredSkillOut]


class ProofOut(Schema):
    credential_name: str
    issuer_name: str
    earned_at: datetime.datetime
    valid_until: datetime.datetime | None
    url: str
    proven_skill_id: int
    proven_skill_label: str
    relation: str
    relation_words: str
    level: int
    level_words: str
    expiring_soon: bool


class CloseWithOut(Schema):
    name: str
    issuer_name: str
    url: str
    level: str


class SkillLineOut(Schema):
    skill_id: int
    label: str
    required: bool
    min_level: int
    status: Literal["met", "partial", "missing"]
    credit: float
    proof: ProofOut | None
    self_declared: bool
    close_with: list[CloseWithOut]


class ExplanationOut(Schema):
    score: float
    missing_required: int
    skills: list[SkillLineOut]
    misfits: list[str]
    flags: list[str]


class CandidateMatchOut(Schema):
    rank: int
    candidate_id: int
    full_name: str
    earliest_start: datetime.date | None
    explanation: ExplanationOut


class OpeningMatchOut(Schema):
    rank: int
    opening_id: int
    title: str
    employer: str
    location: str
    remote: str
    url: str
    explanation: ExplanationOut
