"""API shapes of the outcomes app: reports as shown (suppressed cells carry the marker)."""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from ninja import Schema
from pydantic import Field

from skillstack.core.schemas import StrictIn
from skillstack.outcomes.demographics import AgeBand, Ethnicity, PriorDegree, Race, Sex, YesNo

MAX_ID = 2**63 - 1
PathId = Annotated[int, Field(ge=1, le=MAX_ID)]
Dimension = Literal[
    "race_ethnicity", "sex", "age_band", "veteran", "disability", "first_generation",
    "prior_degree",
]  # fmt: skip


class CellOut(Schema):
    column: str
    text: str = Field(description="What the page shows: a figure, or the suppression marker")
    suppressed: bool


class RowOut(Schema):
    group: str
    label: str
    cells: list[CellOut]


class ReportOut(Schema):
    title: str
    parameters: dict[str, object]
    threshold: int
    content_hash: str
    rows: list[RowOut]


class ProgramOut(Schema):
    id: int
    name: str
    funder: str
    provider: str
    starts_on: datetime.date
    ends_on: datetime.date
    cohorts: list[dict[str, object]]


class DemographicsIn(StrictIn):
    ethnicity: Ethnicity | Literal[""] = ""
    races: list[Race] = Field(default_factory=list, max_length=5)
    sex: Sex | Literal[""] = ""
    age_band: AgeBand | Literal[""] = ""
    veteran: YesNo | Literal[""] = ""
    disability: YesNo | Literal[""] = ""
    first_generation: YesNo | Literal[""] = ""
    prior_degree: PriorDegree | Literal[""] = ""


class ConsentChoice(StrictIn):
    granted: bool


class ConsentOut(Schema):
    granted: bool
    wording_version: str
    at: datetime.datetime
