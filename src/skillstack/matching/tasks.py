"""Background work of matching: thin tasks that take primary keys and call a service."""

from __future__ import annotations

from django_tasks import task

from skillstack.accounts.models import User
from skillstack.matching.services import verified_skills_refresh


@task()
def verified_skills_refresh_many(user_ids: list[int]) -> int:
    """Refresh each candidate's verified skills (idempotent: unchanged ones write nothing)."""
    changed = 0
    for user in User.objects.filter(pk__in=user_ids).order_by("pk"):
        changed += verified_skills_refresh(candidate=user)
    return changed
