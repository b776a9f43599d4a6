"""API shapes of the verification app."""

from __future__ import annotations

from typing import Any

from ninja import Schema
from pydantic import Field, field_validator, model_validator

from skillstack.core.schemas import StrictIn


class VerifyIn(StrictIn):
    credential: dict[str, Any] | str | None = Field(
        default=None,
        description="The credential or presentation: a JSON object, or text (JSON or a VC-JWT)",
    )
    url: str | None = Field(
        default=None,
        max_length=2000,
        description="An https address serving the credential's JSON (allowed hosts only)",
    )

    @field_validator("credential")
    @classmethod
    def _looks_like_a_credential(cls, value: Any) -> Any:
        if isinstance(value, dict) and "type" not in value and "@context" not in value:
            raise ValueError(
                "is not a credential or presentation: the object has no type and no @context"
            )
        if isinstance(value, str) and not value:
            raise ValueError("is empty; send the credential's JSON or its VC-JWT")
        return value

    @model_validator(mode="after")
    def _exactly_one(self) -> VerifyIn:
        if (self.credential is None) == (self.url is None):
            raise ValueError("Send either `credential` or `url`, exactly one of them.")
        return self


class CheckOut(Schema):
    id: str
    outcome: str = Field(description="pass, fail, warning or not-checked")
    title: str
    message: str


class StandingOut(Schema):
    kind: str = Field(description="recognised, suspended, endorsed or unknown")
    sentence: str = Field(description="The coalition's word on the issuer, in plain words")
    recognised_since: str = Field(description="ISO date of recognition, or empty")
    endorsed_by: list[str] = Field(description="Organizations that endorse the issuer or badge")


class CredentialSummaryOut(Schema):
    name: str
    issuer: str
    issuer_known: bool = Field(description="The issuer is hosted on this platform")
    verdict: str
    state: str = Field(description="revoked, suspended, expired or empty")
    headline: str
    standing: StandingOut | None = Field(
        default=None, description="Whether the alliance recognises or endorses the issuer"
    )


class ReportOut(Schema):
    verified: bool
    verdict: str = Field(description="valid, warning, invalid or not-checked")
    headline: str
    source: str = Field(description="What was read: json, jwt, png+json, svg+jwt, …")
    checks: list[CheckOut]
    credentials: list[CredentialSummaryOut]
