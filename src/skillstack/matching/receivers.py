"""Keeping candidates' verified skills in step with their credentials (documented signals).

A handful of recipients are refreshed inside the issuing transaction, so a new credential or
a revocation changes the candidate's standing at once; a large batch (a whole session) is
refreshed by a task after the batch commits.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.db import transaction
from django.dispatch import receiver

from skillstack.accounts.models import User
from skillstack.issuing.signals import credential_issued, credential_state_changed
from skillstack.matching.services import verified_skills_refresh
from skillstack.wallet.holdings import holdings_changed

INLINE_LIMIT = 25


def refresh_candidates(user_ids: set[int]) -> None:
    if len(user_ids) <= INLINE_LIMIT:
        for user in User.objects.filter(pk__in=user_ids):
            verified_skills_refresh(candidate=user)
        return
    from skillstack.matching.tasks import verified_skills_refresh_many

    transaction.on_commit(partial(verified_skills_refresh_many.enqueue, sorted(user_ids)))


@receiver(credential_issued, dispatch_uid="matching.credential_issued")
def _on_issued(sender: Any, credentials: list[Any], **kwargs: Any) -> None:
    refresh_candidates({c.recipient_id for c in credentials if c.recipient_id})


@receiver(credential_state_changed, dispatch_uid="matching.credential_state_changed")
def _on_state_changed(sender: Any, credential: Any, **kwargs: Any) -> None:
    if credential.recipient_id:
        refresh_candidates({credential.recipient_id})


@receiver(holdings_changed, dispatch_uid="matching.holdings_changed")
def _on_holdings_changed(sender: Any, user: Any, **kwargs: Any) -> None:
    if user is not None and getattr(user, "pk", None):
        refresh_candidates({user.pk})
