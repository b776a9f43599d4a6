"""Shapes of the issuing API."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ninja import Field, Schema

from skillstack.core.schemas import StrictIn
from skillstack.issuing.lifecycle import REASON_MAX


class CredentialOut(Schema):
    id: int
    credential_id: str = Field(description="The credential's own id (urn:uuid:…)")
    name: str
    recipient_email: str
    recipient_name: str
    state: str = Field(description="active, suspended or revoked")
    state_reason: str
    issued_at: datetime
    valid_until: datetime | None
    claimed: bool


class CredentialDetailOut(CredentialOut):
    document: dict[str, Any] = Field(description="The signed OB 3.0 credential, as issued")


class ReasonIn(StrictIn):
    reason: str = Field(
        min_length=1, max_length=REASON_MAX, description="Why; shown to the holder, audited"
    )
