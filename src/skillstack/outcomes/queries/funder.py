"""The funder report's aggregates, computed in the database.

The population is the distinct people enrolled in the chosen cohorts. Each outcome is a
correlated ``EXISTS`` / scalar subquery over another app's table, passed in as a queryset
(``Sources``) so the coupling is visible in one place (ADR 0010). The grouping column is the
person's consented answer to one demographic question, or "not reported".

Definitions (also on the report page):

* assessed: a recorded attempt (not awaiting a co-signature) at one of the program's
  micro-credentials; passed: a final passing attempt; passed at first try: assessed and no
  final attempt failed;
* earned a credential: a credential of one of the program's micro-credentials, not revoked;
* completed a pathway: a Certificate credential (pathway certificate), not revoked;
* applied / placed: an application created, a placement started, on or after the person's
  (earliest) cohort start;
* retained at N days: of placements started at least N days before the report date, those
  not ended before day N; promoted: a placement with a promotion date;
* days to placement: first placement start minus first program credential's issue date;
  starting wage: the first placement's wage per hour (a yearly wage / 2080).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    DecimalField,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import TruncDate

from skillstack.outcomes.demographics import DIMENSIONS, NOT_REPORTED, PREFER_NOT
from skillstack.outcomes.queries.stats import median_by

RETENTION_DAYS = (90, 180, 365)
HOURS_PER_YEAR = 2080
TOTAL = "__total__"

COUNT_METRICS = (
    "enrolled",
    "assessed",
    "passed_first",
    "passed",
    "earned",
    "pathway",
    "applied",
    "placed",
    "promoted",
    *(f"{kind}_{days}" for days in RETENTION_DAYS for kind in ("eligible", "retained")),
)
MEDIAN_METRICS = ("days_to_placement", "starting_wage")


@dataclass(frozen=True)
class Sources:
    """The other apps' tables the report reads (querysets, so tests and callers can narrow)."""

    learners: QuerySet[Any]  # accounts.User
    enrolments: QuerySet[Any]  # outcomes.CohortEnrolment
    attempts: QuerySet[Any]  # assessment.Attempt
    credentials: QuerySet[Any]  # issuing.IssuedCredential
    applications: QuerySet[Any]  # hiring.Application
    placements: QuerySet[Any]  # hiring.Placement


@dataclass(frozen=True)
class Scope:
    cohort_ids: tuple[int, ...]
    version_ids: tuple[int, ...]  # the program's micro-credential versions
    as_of: datetime.date
    dimension: str | None = None


def _group(dimension: str | None) -> Any:
    if dimension is None:
        return Value(TOTAL, output_field=CharField())
    if dimension not in DIMENSIONS:
        raise ValueError(f"Unknown demographic dimension {dimension!r}")
    field = f"outcome_demographics__{dimension}"
    return Case(
        When(
            Q(outcome_demographics__consented=True)
            & ~Q(**{f"{field}__in": ["", PREFER_NOT, NOT_REPORTED]})
            & Q(**{f"{field}__isnull": False}),
            then=F(field),
        ),
        default=Value(NOT_REPORTED),
        output_field=CharField(),
    )


def _people(src: Sources, scope: Scope) -> QuerySet[Any]:
    """Enrolled people with their earliest cohort start (``joined``) and group."""
    enrolled = src.enrolments.filter(cohort_id__in=scope.cohort_ids, learner=OuterRef("pk"))
    joined = enrolled.order_by("cohort__starts_on").values("cohort__starts_on")[:1]
    return src.learners.filter(Exists(enrolled)).annotate(
        joined=Subquery(joined), grp=_group(scope.dimension)
    )


def _placements(src: Sources) -> QuerySet[Any]:
    return src.placements.filter(
        application__candidate=OuterRef("pk"), start_date__gte=OuterRef("joined")
    )


def _retained(placements: QuerySet[Any], days: int) -> QuerySet[Any]:
    return placements.filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=F("start_date") + datetime.timedelta(days))
    )


def count_table(src: Sources, scope: Scope) -> dict[str, dict[str, int]]:
    """Group → metric → number of people (groups with nobody are absent)."""
    attempts = src.attempts.filter(
        learner=OuterRef("pk"), micro_credential_version_id__in=scope.version_ids
    ).exclude(status="awaiting_cosign")
    credentials = src.credentials.filter(recipient=OuterRef("pk")).exclude(state="revoked")
    placements = _placements(src)
    flags: dict[str, Any] = {
        "f_assessed": Exists(attempts),
        "f_passed": Exists(attempts.filter(status="final", passed=True)),
        "f_failed": Exists(attempts.filter(status="final", passed=False)),
        "f_earned": Exists(credentials.filter(micro_credential_version_id__in=scope.version_ids)),
        "f_pathway": Exists(
            credentials.filter(
                micro_credential_version__achievement_type="Certificate",
                issued_at__gte=OuterRef("joined"),
            )
        ),
        "f_applied": Exists(
            src.applications.filter(candidate=OuterRef("pk"), created_at__gte=OuterRef("joined"))
        ),
        "f_placed": Exists(placements),
        "f_promoted": Exists(placements.filter(promoted_on__isnull=False)),
    }
    for days in RETENTION_DAYS:
        eligible = placements.filter(start_date__lte=scope.as_of - datetime.timedelta(days))
        flags[f"f_eligible_{days}"] = Exists(eligible)
        flags[f"f_retained_{days}"] = Exists(_retained(eligible, days))
    aggregates: dict[str, Any] = {
        "enrolled": Count("pk"),
        "passed_first": Count("pk", filter=Q(f_assessed=True, f_failed=False)),
    }
    for metric in COUNT_METRICS:
        if metric not in aggregates:
            aggregates[metric] = Count("pk", filter=Q(**{f"f_{metric}": True}))
    rows = _people(src, scope).annotate(**flags).values("grp").annotate(**aggregates)
    return {row["grp"]: {m: int(row[m]) for m in COUNT_METRICS} for row in rows.order_by()}


def _wage_per_hour() -> Any:
    return Case(
        When(wage_unit="year", then=F("wage") / Value(Decimal(HOURS_PER_YEAR))),
        default=F("wage"),
        output_field=DecimalField(max_digits=12, decimal_places=4),
    )


def medians(src: Sources, scope: Scope) -> dict[str, dict[str, tuple[float | None, int]]]:
    """Metric → group (and TOTAL) → (median, how many people it is computed over)."""
    placements = _placements(src).order_by("start_date", "pk")
    first_credential = (
        src.credentials.filter(
            recipient=OuterRef("pk"), micro_credential_version_id__in=scope.version_ids
        )
        .exclude(state="revoked")
        .order_by("issued_at")
    )
    people = _people(src, scope).annotate(
        first_start=Subquery(placements.values("start_date")[:1]),
        first_wage=Subquery(placements.annotate(hourly=_wage_per_hour()).values("hourly")[:1]),
        first_credential=Subquery(first_credential.values("issued_at")[:1]),
    )
    days = ExpressionWrapper(
        F("first_start") - TruncDate("first_credential", output_field=DateField()),
        output_field=DurationField(),
    )
    values = {
        "days_to_placement": people.filter(
            first_start__isnull=False, first_credential__isnull=False
        ).annotate(value=days),
        "starting_wage": people.filter(first_wage__isnull=False).annotate(value=F("first_wage")),
    }
    result: dict[str, dict[str, tuple[float | None, int]]] = {}
    for metric, qs in values.items():
        by_group = median_by(qs)
        by_group[TOTAL] = median_by(qs, group=None).get(None, (None, 0))
        result[metric] = by_group
    return result
