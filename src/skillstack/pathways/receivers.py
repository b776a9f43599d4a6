"""Listening to credential changes (issuing signals and the wallet's ``holdings_changed``).

The signals are sent inside the writing transaction; a receiver only enqueues a per-learner
check on commit, so a certificate is never signed inside someone else's transaction and a
rolled-back change enqueues nothing.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from skillstack.issuing.models import IssuedCredential
from skillstack.pathways.certificates import KEY_PREFIX


def _enqueue(user_id: int) -> None:
    from skillstack.pathways.tasks import pathways_check_learner

    transaction.on_commit(lambda: pathways_check_learner.enqueue(user_id))


def _is_certificate(credential: IssuedCredential) -> bool:
    return credential.idempotency_key.startswith(KEY_PREFIX)


def on_credentials_issued(sender: Any, credentials: list[IssuedCredential], **kwargs: Any) -> None:
    for user_id in sorted({c.recipient_id for c in credentials if not _is_certificate(c)}):
        _enqueue(user_id)


def on_credential_state_changed(sender: Any, credential: IssuedCredential, **kwargs: Any) -> None:
    if not _is_certificate(credential):
        _enqueue(credential.recipient_id)


def on_holdings_changed(sender: Any, user: Any, **kwargs: Any) -> None:
    _enqueue(user.pk)
