"""A task for the worker test: leaves an audit entry so the test can see it ran."""

from __future__ import annotations

from django_tasks import task

from skillstack.audit.services import audit_record


@task()
def record_ping(*, note: str) -> str:
    audit_record(action="tests.worker.ran", actor=None, data={"note": note})
    return note
