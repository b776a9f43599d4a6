"""``skillstack worker`` drains the database queue (``--batch`` runs what is there and exits)."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from skillstack.audit.models import AuditEntry
from tests.core.worker_tasks import record_ping

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True)  # the worker commits and reconnects like a real one
@override_settings(TASKS=DATABASE_TASKS)
def test_worker_runs_a_queued_task_and_exits_in_batch_mode() -> None:
    result = record_ping.enqueue(note="hello from the queue")
    assert DBTaskResult.objects.filter(id=result.id, status="READY").exists()
    assert not AuditEntry.objects.filter(action="tests.worker.ran").exists()

    call_command("worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    entry = AuditEntry.objects.get(action="tests.worker.ran")
    assert entry.data == {"note": "hello from the queue"}
    assert DBTaskResult.objects.get(id=result.id).status == "SUCCESSFUL"


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_worker_with_an_empty_queue_exits_at_once() -> None:
    call_command("worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert not AuditEntry.objects.exists()
