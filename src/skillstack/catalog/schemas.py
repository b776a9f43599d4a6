"""API shapes of the catalog app.

Input is strict (see ``StrictIn``): numbers must be numbers, not strings or booleans; a skill
is named ``framework:code`` (``onet:2.A.1.f``) or just the code of one of the issuer's own.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from ninja import Schema
from pydantic import Field

from skillstack.core.schemas import StrictIn

SkillKey = Annotated[str, Field(min_length=1, max_length=130)]
Tag = Annotated[str, Field(min_length=2, max_length=40)]
SLUG = r"^[a-z0-9][a-z0-9-]*$"
CODE = r"^[A-Za-z0-9][A-Za-z0-9._:-]*$"


class SkillOut(Schema):
    id: int
    framework: str
    code: str
    uri: str
    label: str
    description: str
    broader_code: str | None
    shared: bool = Field(description="A taxonomy skill (ESCO, O*NET) shared by every issuer")


class SkillIn(StrictIn):
    code: str = Field(min_length=1, max_length=120, pattern=CODE)
    label: str = Field(min_length=1, max_length=300)
    uri: str = Field(default="", max_length=500)
    description: str = Field(default="", max_length=5000)
    broader_code: str | None = Field(default=None, min_length=1, max_length=120, pattern=CODE)


class ImportRowOut(Schema):
    row: int
    framework: str
    code: str
    label: str


class ImportReportOut(Schema):
    dry_run: bool
    applied: bool
    summary: str
    created: list[ImportRowOut]
    updated: list[ImportRowOut]
    unchanged: list[ImportRowOut]


class SkillRefOut(Schema):
    framework: str
    code: str
    label: str
    uri: str


class VersionOut(Schema):
    number: int
    name: str
    description: str
    criteria: str
    level: str
    achievement_type: str
    credits_available: float | None
    validity_months: int | None
    tags: list[str]
    performance_test: dict[str, Any]
    skills: list[SkillRefOut]
    image: str | None
    created_at: datetime
    published_at: datetime | None
    achievement_id: str | None = Field(
        description="The public URL of a published version: its OB 3.0 Achievement id"
    )


class MicroCredentialSummaryOut(Schema):
    slug: str
    status: str
    name: str
    latest_version: int
    latest_published: bool


class MicroCredentialOut(Schema):
    slug: str
    status: str
    latest: VersionOut
    versions: list[int]


class _VersionFields(StrictIn):
    level: str | None = Field(default=None, max_length=50)
    achievement_type: str | None = Field(default=None, max_length=30)
    credits_available: float | None = Field(default=None, ge=0, le=999.99, strict=True)
    validity_months: int | None = Field(default=None, ge=1, le=240, strict=True)
    tags: list[Tag] | None = Field(default=None, max_length=20)
    skills: list[SkillKey] | None = Field(default=None, max_length=50)


class MicroCredentialIn(_VersionFields):
    name: str = Field(min_length=2, max_length=200)
    slug: str | None = Field(default=None, min_length=2, max_length=80, pattern=SLUG)
    description: str = Field(min_length=1, max_length=5000)
    criteria: str = Field(min_length=1, max_length=5000)
    performance_test: dict[str, Any] = Field(description="Steps and pass rule")


class MicroCredentialPatch(_VersionFields):
    """Only the fields sent change. A draft is changed in place; a published one gets a new
    version (a draft) and stays as it was."""

    name: str | None = Field(default=None, min_length=2, max_length=200)
    description: str | None = Field(default=None, min_length=1, max_length=5000)
    criteria: str | None = Field(default=None, min_length=1, max_length=5000)
    performance_test: dict[str, Any] | None = None
