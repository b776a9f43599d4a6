"""How assessment hands work to the issuing app: its tasks, enqueued once the change commits.

The issuing app owns issuance (``skillstack.issuing.tasks``); assessment only names the task and
the primary key, after its own transaction commits, so a rolled-back result never issues.
"""

from __future__ import annotations

from django.db import transaction


def _enqueue_now(task_name: str, pk: int) -> None:
    from skillstack.issuing import tasks  # looked up at call time: tests replace the tasks

    getattr(tasks, task_name).enqueue(pk)


def enqueue_issuing(task_name: str, pk: int) -> None:
    """Enqueue ``skillstack.issuing.tasks.<task_name>(pk)`` when the current transaction commits."""
    transaction.on_commit(lambda: _enqueue_now(task_name, pk))
