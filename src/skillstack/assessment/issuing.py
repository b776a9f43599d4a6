"""How assessment hands work to the issuing app: its tasks, enqueued once the change commits.

The issuing app owns issuance (``skillstack.issuing.tasks``); assessment only names the task and
the primary key, after its own transaction commits, so a rolled-back result never issues.
"""

from __future__ import annotations

import importlib
import logging

from django.db import transaction

logger = logging.getLogger(__name__)

ISSUING_TASKS = "skillstack.issuing.tasks"


def _enqueue_now(task_name: str, pk: int) -> None:
    try:
        tasks = importlib.import_module(ISSUING_TASKS)
    except ModuleNotFoundError as exc:
        if exc.name != ISSUING_TASKS:
            raise
        logger.error("Cannot enqueue %s(%s): the issuing tasks are not installed", task_name, pk)
        return
    getattr(tasks, task_name).enqueue(pk)


def enqueue_issuing(task_name: str, pk: int) -> None:
    """Enqueue ``skillstack.issuing.tasks.<task_name>(pk)`` when the current transaction commits."""
    transaction.on_commit(lambda: _enqueue_now(task_name, pk))
