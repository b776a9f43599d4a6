"""Request and response shapes of the resume API."""

import datetime
from typing import Annotated, Any, Literal

from ninja import Field, Schema
from pydantic import StrictInt

from skillstack.core.schemas import MAX_ID, StrictIn

Ref = Annotated[str, Field(min_length=1, max_length=300)]
SkillId = Annotated[StrictInt, Field(ge=1, le=MAX_ID)]
PathId = Annotated[int, Field(ge=1, le=MAX_ID)]


class ResumeIn(StrictIn):
    """Change what is given; a field left out stays as it is."""

    headline: Annotated[str, Field(max_length=150)] | None = None
    summary: Annotated[str, Field(max_length=2000)] | None = None
    search_engines: Literal["allowed", "refused"] | None = Field(
        None, description="Whether search engines may list the published page (refused at first)"
    )
    credentials: list[Ref] | None = Field(
        None,
        max_length=100,
        description="Credential ids (the `ref` of a holding) to show, in order",
    )
    hidden_skills: list[SkillId] | None = Field(None, max_length=1000)


class ExperienceIn(StrictIn):
    role: Annotated[str, Field(min_length=1, max_length=150)]
    organisation: Annotated[str, Field(min_length=1, max_length=150)]
    started_on: datetime.date
    ended_on: datetime.date | None = None
    description: Annotated[str, Field(max_length=2000)] = ""
    visibility: Literal["shown", "hidden"] = "shown"


class PublishLinkIn(StrictIn):
    expires_on: datetime.date | None = Field(
        None, description="The last day the link works; none: until revoked"
    )


class ExperienceOut(Schema):
    id: int
    role: str
    organisation: str
    started_on: datetime.date
    ended_on: datetime.date | None
    description: str
    visibility: str = Field(description="shown or hidden")


class CredentialOut(Schema):
    ref: str
    source: str
    name: str
    issuer: str
    earned_at: datetime.datetime
    valid_until: datetime.datetime | None
    skills: list[str]
    verify_url: str
    shared: bool


class SkillOut(Schema):
    id: int
    name: str
    level: str
    credentials: list[str] = Field(description="refs of the credentials that prove it")


class ResumeOut(Schema):
    headline: str
    summary: str
    search_engines: str = Field(description="allowed or refused")
    published: bool
    public_url: str | None
    expires_at: datetime.datetime | None
    checked_at: datetime.datetime
    credentials: list[CredentialOut]
    skills: list[SkillOut]
    hidden_skills: list[int]
    experiences: list[ExperienceOut] = Field(description="Every entry, shown or not")


Presentation = dict[str, Any]
