"""Writing audit entries (the only way entries are created)."""

from __future__ import annotations

from typing import Any

from django.db import models

from skillstack.audit.models import AuditEntry


def audit_record(
    *,
    action: str,
    actor: Any | None,
    organization: Any | None = None,
    obj: models.Model | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Record that ``actor`` did ``action`` (a dotted name such as ``accounts.member.invited``).

    Call it inside the service's transaction so that the entry and the change land together.
    """
    if action.count(".") < 2:
        raise ValueError(f"Audit actions are dotted app.object.verb names, not {action!r}")
    actor_user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEntry.objects.create(
        action=action,
        actor=actor_user,
        actor_label=(actor_user.email if actor_user is not None else "system"),
        organization=organization,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        data=data or {},
    )
