"""Who a cohort enrols: the learners on the rosters of the provider's sessions (assessment
app) of the program's micro-credentials, dated within the cohort's dates."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from skillstack.assessment.models import RosterEntry


def roster_learner_ids(*, cohort: Any, rosters: QuerySet[Any] | None = None) -> QuerySet[Any]:
    program = cohort.program
    entries = rosters if rosters is not None else RosterEntry.objects.all()
    return (
        entries.filter(
            session__training_program_id=program.provider_id,
            session__micro_credential_version__micro_credential__funded_programs=program,
            session__date__gte=cohort.starts_on,
            session__date__lte=cohort.ends_on,
        )
        .values_list("learner_id", flat=True)
        .distinct()
    )
