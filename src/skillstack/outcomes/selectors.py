"""Reads of the outcomes app. None returns an individual's demographics to anyone but the
person themself (``own_demographics``); reports only ever carry suppressed aggregates."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from skillstack.accounts.models import Organization
from skillstack.accounts.roles import OrgKind
from skillstack.assessment.models import Attempt
from skillstack.catalog.models import MicroCredentialVersion
from skillstack.hiring.models import Application, Placement
from skillstack.issuing.models import IssuedCredential
from skillstack.outcomes.models import (
    Cohort,
    CohortEnrolment,
    DemographicConsent,
    FundedProgram,
    LearnerDemographics,
    ReportSnapshot,
)
from skillstack.outcomes.queries.funder import Scope, Sources
from skillstack.outcomes.report import ReportTable, funder_report, report_parameters


def own_demographics(*, user: Any) -> LearnerDemographics | None:
    return LearnerDemographics.objects.filter(user=user).first()


def consent_history(*, user: Any) -> QuerySet[DemographicConsent]:
    return DemographicConsent.objects.filter(user=user)


def programs_visible(*, organization: Organization) -> QuerySet[FundedProgram]:
    """A funder's funded programs, a provider's programs, or every program (the coalition)."""
    programs = FundedProgram.objects.select_related("funder", "provider")
    if organization.kind == OrgKind.COALITION:
        return programs
    return programs.filter(Q(funder=organization) | Q(provider=organization))


def program_visible(*, organization: Organization, program_pk: int) -> FundedProgram:
    program = programs_visible(organization=organization).filter(pk=program_pk).first()
    if program is None:
        raise Http404("No such program")
    return program


def cohort_of(*, program: FundedProgram, cohort_pk: Any) -> Cohort | None:
    """The program's cohort by id; anything else (another program's, junk) is None."""
    try:
        pk = int(cohort_pk)
    except (TypeError, ValueError):
        return None
    return program.cohorts.filter(pk=pk).first()


def snapshot_visible(*, organization: Organization, key: str) -> ReportSnapshot:
    import uuid

    try:
        parsed = uuid.UUID(str(key))
    except ValueError:
        raise Http404("No such snapshot") from None
    snapshot = ReportSnapshot.objects.filter(key=parsed).select_related("program").first()
    visible = programs_visible(organization=organization)
    if snapshot is None or snapshot.program_id is None:
        raise Http404("No such snapshot")
    if not visible.filter(pk=snapshot.program_id).exists():
        raise Http404("No such snapshot")
    return snapshot


def snapshots_visible(*, organization: Organization) -> QuerySet[ReportSnapshot]:
    programs = programs_visible(organization=organization)
    return ReportSnapshot.objects.filter(program__in=programs).select_related("program")


def default_sources() -> Sources:
    return Sources(
        enrolments=CohortEnrolment.objects.all(),
        attempts=Attempt.objects.all(),
        credentials=IssuedCredential.objects.all(),
        applications=Application.objects.all(),
        placements=Placement.objects.all(),
    )


def program_scope(
    *,
    program: FundedProgram,
    cohort: Cohort | None,
    dimension: str | None,
    as_of: datetime.date,
) -> Scope:
    cohorts = [cohort.pk] if cohort else list(program.cohorts.values_list("pk", flat=True))
    versions = MicroCredentialVersion.objects.filter(
        micro_credential__in=program.micro_credentials.all()
    ).values_list("pk", flat=True)
    return Scope(tuple(cohorts), tuple(versions), as_of, dimension)


def program_report(
    *,
    program: FundedProgram,
    cohort: Cohort | None = None,
    dimension: str | None = None,
    as_of: datetime.date,
    limit: int | None = None,
) -> ReportTable:
    scope = program_scope(program=program, cohort=cohort, dimension=dimension, as_of=as_of)
    title = f"{program.name}" + (f" — {cohort.name}" if cohort else " — all cohorts")
    parameters = report_parameters(program=program, cohort=cohort, dimension=dimension, as_of=as_of)
    return funder_report(
        sources=default_sources(), scope=scope, title=title, parameters=parameters, limit=limit
    )
