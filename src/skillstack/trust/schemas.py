"""API shapes of the trust app."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from ninja import Schema
from pydantic import Field, model_validator

from skillstack.core.schemas import StrictIn


class CredentialImportIn(StrictIn):
    credential: dict[str, Any] | str | None = Field(
        default=None, description="The credential: JSON object, or text (JSON, VC-JWT, OB 2.0 JWS)"
    )
    url: str | None = Field(
        default=None, max_length=2000, description="An https address on an allowed host"
    )

    @model_validator(mode="after")
    def _exactly_one(self) -> CredentialImportIn:
        if (self.credential is None) == (self.url is None):
            raise ValueError("Send either `credential` or `url`, exactly one of them.")
        if isinstance(self.credential, str) and not self.credential:
            raise ValueError("`credential` is empty; send the credential's JSON or its JWT.")
        return self


class StandingOut(Schema):
    kind: str
    sentence: str
    recognised_since: str
    endorsed_by: list[str]


class ImportOut(Schema):
    id: int
    state: str = Field(description="verified, failed, revoked or expired")
    format: str
    achievement_id: str
    achievement_name: str
    issuer_id: str
    issuer_name: str
    skill_ids: list[int]
    issued_on: datetime | None
    valid_until: datetime | None
    checked_at: datetime
    standing: StandingOut
    report: dict[str, Any]


class RegistryIssuerOut(Schema):
    id: str
    name: str
    status: str
    since: str | None
    url: str | None


class RegistryOut(Schema):
    registry: str
    maintainer: str
    issuers: list[RegistryIssuerOut]


class DecisionIn(StrictIn):
    decision: Literal["approve", "suspend", "decline"]
    reason: str = Field(default="", max_length=1000)


class RegistryEntryOut(Schema):
    id: int
    issuer_id: str
    name: str
    status: str
    status_reason: str
    recognised_since: datetime | None
