"""Background work of the trust app: thin tasks calling the import services."""

from __future__ import annotations

from django_tasks import task

from skillstack.trust.imports import imported_credential_recheck, imported_credentials_recheck_due
from skillstack.trust.models import ImportedCredential


@task()
def recheck_imports(max_age_hours: float = 24.0) -> int:
    """Re-verify imports checked longer ago than the window (the periodic re-check)."""
    from datetime import timedelta

    return imported_credentials_recheck_due(max_age=timedelta(hours=max_age_hours))


@task()
def recheck_import(import_id: int) -> str:
    """Re-verify one import now (e.g. after its issuer announced a revocation)."""
    row = ImportedCredential.objects.get(pk=import_id)
    from datetime import timedelta

    return imported_credential_recheck(imported=row, max_age=timedelta(0)).state
