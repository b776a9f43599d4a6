"""``skillstack worker``: run background tasks from the database queue.

The same command as django-tasks-db's ``db_worker`` (all its options: ``--batch`` to drain
the queue and exit, ``--queue-name``, ``--interval``, ``--max-tasks``), under the project's
name. On PostgreSQL several workers share the queue (rows are claimed with SKIP LOCKED).
"""

from __future__ import annotations

from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand


class Command(DbWorkerCommand):
    help = "Run the background task worker (django-tasks database backend)."
