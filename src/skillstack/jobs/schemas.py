"""API shapes of the jobs app (input strict, see ``StrictIn``)."""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Literal

from ninja import Schema
from pydantic import BeforeValidator, Field, StrictInt

from skillstack.core.schemas import MAX_ID, StrictIn

Remote = Literal["on_site", "hybrid", "remote"]
ShiftName = Literal["day", "evening", "night", "rotating", "weekend", "flexible"]
Degree = Literal["none", "preferred", "required"]
Scheme = Literal["onet", "esco"]
Wage = Annotated[
    str,
    Field(
        pattern=r"^\d{1,7}(\.\d{1,2})?$",
        description='An amount as a decimal string, such as "18.50" (exact, never a float)',
    ),
]


def _iso_date_only(value: Any) -> Any:
    """A date is "YYYY-MM-DD" text: a bare number would be read as a Unix timestamp."""
    if isinstance(value, str | datetime.date):
        return value
    raise ValueError("must be a date such as 2026-12-31")


IsoDate = Annotated[datetime.date, BeforeValidator(_iso_date_only)]
Id = Annotated[StrictInt, Field(ge=1, le=MAX_ID)]


class SkillAskIn(StrictIn):
    skill_id: Id
    required: bool = Field(True, strict=True)
    min_level: int = Field(1, ge=1, le=4, strict=True, description="1 Foundational … 4 Expert")


class OpeningPatch(StrictIn):
    """Every field optional: only those sent change; ``skills`` replaces the whole list."""

    title: str | None = Field(None, min_length=1, max_length=200)
    description: str | None = Field(None, max_length=20_000)
    occupation_scheme: Scheme | None = None
    occupation_code: str | None = Field(None, max_length=40)
    location: str | None = Field(None, max_length=200)
    remote: Remote | None = None
    shift: ShiftName | None = None
    wage_min: Wage | None = None
    wage_max: Wage | None = None
    wage_unit: Literal["hour", "year"] | None = None
    positions: int | None = Field(None, ge=1, le=10_000, strict=True)
    degree_requirement: Degree | None = None
    closing_date: IsoDate | None = None
    missing_required: Literal["exclude", "flag"] | None = Field(
        None,
        description=(
            "Candidates who miss a required skill: left out of the ranking (exclude), or "
            "ranked too and flagged (flag)"
        ),
    )
    skills: list[SkillAskIn] | None = Field(None, max_length=40)


class OpeningIn(OpeningPatch):
    title: str = Field(min_length=1, max_length=200)  # type: ignore[assignment]
    employer: str | None = Field(
        None,
        max_length=80,
        pattern=r"^[-a-zA-Z0-9_]+$",
        description="The employer's slug; only the alliance posts for another organization",
    )
    source_key: str = Field("", max_length=200, description="Your own identifier of the job")


class SkillAskOut(Schema):
    skill_id: int
    label: str
    framework: str
    code: str
    required: bool
    min_level: int
    min_level_label: str


class ProverOut(Schema):
    name: str
    issuer_name: str
    issuer_slug: str
    slug: str
    level: str


class PublicSkillOut(SkillAskOut):
    proven_by: list[ProverOut]


class OpeningOut(Schema):
    id: int
    employer: str
    employer_name: str
    title: str
    description: str
    occupation_scheme: str
    occupation_code: str
    location: str
    remote: str
    shift: str
    wage_min: str | None
    wage_max: str | None
    wage_unit: str
    positions: int
    degree_requirement: str
    closing_date: datetime.date | None
    relax_required: bool
    status: str
    source_key: str
    published_at: datetime.datetime | None
    skills: list[SkillAskOut]


class PublicOpeningOut(Schema):
    id: int
    employer_name: str
    title: str
    description: str
    location: str
    remote: str
    shift: str
    wage_min: str | None
    wage_max: str | None
    wage_unit: str
    positions: int
    degree_requirement: str
    closing_date: datetime.date | None
    skills: list[PublicSkillOut]
    url: str


class SkillSuggestIn(StrictIn):
    posting_text: str = Field(max_length=20_000)
    exclude: list[Id] = Field(default_factory=list, max_length=100)


class SuggestionOut(Schema):
    skill_id: int
    label: str
    framework: str
    phrase: str = Field(description="The words of the text that matched")
    matched_name: str = Field(description="The skill's label or alternative label they matched")
    how: str = Field(description="label, alternative label or similar wording")
    score: int
    explanation: str


class ImportItemOut(Schema):
    where: str
    source_key: str
    title: str
    employer: str


class OpeningImportOut(Schema):
    dry_run: bool
    applied: bool
    format: str
    summary: str
    created: list[ImportItemOut]
    updated: list[ImportItemOut]
    unchanged: list[ImportItemOut]
    warnings: list[str]


class EquivalenceIn(StrictIn):
    skill_a_id: Id
    skill_b_id: Id
    note: str = Field("", max_length=2000)


class EquivalenceOut(Schema):
    id: int
    skill_a_id: int
    skill_a_label: str
    skill_b_id: int
    skill_b_label: str
    declared_by: str
    note: str
