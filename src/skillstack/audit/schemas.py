"""API shapes of the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ninja import Field, Schema


class AuditEntryOut(Schema):
    id: int
    action: str
    actor_label: str
    object_type: str
    object_id: str
    object_repr: str
    data: dict[str, Any]
    created_at: datetime


class AuditFilter(Schema):
    """Query filters of the audit list; every one optional, all combined with AND."""

    action: str = Field("", max_length=120, pattern=r"^[a-z0-9_.]*$", description="Prefix")
    actor: str = Field("", max_length=254, pattern=r"^[^\x00]*$", description="Actor e-mail")
    since: datetime | None = Field(None, description="Entries at or after this instant")
    until: datetime | None = Field(None, description="Entries before this instant")
