"""The funder report's aggregates, computed in the database.

The population is the distinct people enrolled in the chosen cohorts. Each outcome is one
join-and-aggregate query over another app's table (passed in as a queryset, ``Sources``, so the
coupling is visible in one place: ADR 0010), joined to the cohort enrolments and counting
distinct people per group. The grouping column is the person's consented answer to one
demographic question, or "not reported".

Definitions (also on the report page):

* assessed: a recorded attempt (not awaiting a co-signature) at one of the program's
  micro-credentials; passed: a final passing attempt; passed at first try: assessed and no
  final attempt failed;
* earned a credential: a credential of one of the program's micro-credentials, not revoked;
* completed a pathway: a Certificate credential (pathway certificate), not revoked;
* applied / placed: an application created, a placement started, on or after the start of
  (one of) the person's chosen cohorts;
* retained at N days: of placements started at least N days before the report date, those
  not ended before day N; promoted: a placement with a promotion date;
* days to placement (median over placements): the placement's start minus the person's first
  program credential's issue date; starting wage: the placement's wage per hour (a yearly
  wage / 2080).
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
    DecimalField,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)

from skillstack.outcomes.demographics import DIMENSIONS, NOT_REPORTED, PREFER_NOT
from skillstack.outcomes.queries.stats import TOTAL_KEY, DaysBetween, median_by

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


def _group(dimension: str | None, person: str) -> Any:
    """The reporting group of the person at ``person`` (a path to accounts.User, with "__")."""
    if dimension is None:
        return Value(TOTAL, output_field=CharField())
    if dimension not in DIMENSIONS:
        raise ValueError(f"Unknown demographic dimension {dimension!r}")
    record = f"{person}outcome_demographics"
    field = f"{record}__{dimension}"
    return Case(
        When(
            Q(**{f"{record}__consented": True})
            & ~Q(**{f"{field}__in": ["", PREFER_NOT, NOT_REPORTED]})
            & Q(**{f"{field}__isnull": False}),
            then=F(field),
        ),
        default=Value(NOT_REPORTED),
        output_field=CharField(),
    )


def _enrolled(qs: QuerySet[Any], scope: Scope, person: str, since: str | None = None) -> Any:
    """Rows of ``qs`` whose person is enrolled in a chosen cohort (and, given ``since``, whose
    date field is on or after that cohort's start), annotated with the person's group."""
    enrolment = f"{person}cohort_enrolments__cohort"
    conditions: dict[str, Any] = {f"{enrolment}_id__in": scope.cohort_ids}
    if since:
        conditions[f"{since}__gte"] = F(f"{enrolment}__starts_on")
    return qs.filter(**conditions).annotate(grp=_group(scope.dimension, person))


def _people(person: str, condition: Q | None = None) -> Count:
    return Count(f"{person}id", distinct=True, filter=condition)


def _merge(table: dict[str, dict[str, int]], rows: Any, metrics: tuple[str, ...]) -> None:
    for row in rows.order_by():
        counts = table.setdefault(row["grp"], dict.fromkeys(COUNT_METRICS, 0))
        for metric in metrics:
            counts[metric] = int(row[metric] or 0)


def count_table(src: Sources, scope: Scope) -> dict[str, dict[str, int]]:
    """Group → metric → number of people (groups with nobody are absent).

    One join-and-aggregate query per source table, each counting distinct people, so the
    database can use hash or index joins instead of a subquery per person."""
    table: dict[str, dict[str, int]] = {}
    enrolled = _enrolled(src.enrolments, scope, "learner__").values("grp")
    _merge(table, enrolled.annotate(enrolled=_people("learner__")), ("enrolled",))
    attempts = _enrolled(
        src.attempts.filter(micro_credential_version_id__in=scope.version_ids).exclude(
            status="awaiting_cosign"
        ),
        scope,
        "learner__",
    ).values("grp")
    final = Q(status="final")
    attempts = attempts.annotate(  # names unlike the model's fields ("passed" is one)
        n_assessed=_people("learner__"),
        n_passed=_people("learner__", final & Q(passed=True)),
        n_failed=_people("learner__", final & Q(passed=False)),
    )
    for row in attempts.order_by():
        counts = table.setdefault(row["grp"], dict.fromkeys(COUNT_METRICS, 0))
        counts["assessed"] = int(row["n_assessed"])
        counts["passed"] = int(row["n_passed"] or 0)
        # The failed are among the assessed: those left passed every first try.
        counts["passed_first"] = int(row["n_assessed"]) - int(row["n_failed"] or 0)
    credentials = _enrolled(src.credentials.exclude(state="revoked"), scope, "recipient__")
    since = F("recipient__cohort_enrolments__cohort__starts_on")
    credentials = credentials.values("grp").annotate(
        earned=_people("recipient__", Q(micro_credential_version_id__in=scope.version_ids)),
        pathway=_people(
            "recipient__",
            Q(micro_credential_version__achievement_type="Certificate", issued_at__gte=since),
        ),
    )
    _merge(table, credentials, ("earned", "pathway"))
    applications = _enrolled(src.applications, scope, "candidate__", since="created_at")
    _merge(table, applications.values("grp").annotate(applied=_people("candidate__")), ("applied",))
    person = "application__candidate__"
    placements = _enrolled(src.placements, scope, person, since="start_date")
    aggregates: dict[str, Any] = {
        "placed": _people(person),
        "promoted": _people(person, Q(promoted_on__isnull=False)),
    }
    for days in RETENTION_DAYS:
        eligible = Q(start_date__lte=scope.as_of - datetime.timedelta(days))
        kept = Q(ended_on__isnull=True) | Q(
            ended_on__gte=F("start_date") + datetime.timedelta(days)
        )
        aggregates[f"eligible_{days}"] = _people(person, eligible)
        aggregates[f"retained_{days}"] = _people(person, eligible & kept)
    _merge(table, placements.values("grp").annotate(**aggregates), tuple(aggregates))
    return table


def _wage_per_hour() -> Any:
    return Case(
        When(wage_unit="year", then=F("wage") / Value(Decimal(HOURS_PER_YEAR))),
        default=F("wage"),
        output_field=DecimalField(max_digits=12, decimal_places=4),
    )


def medians(src: Sources, scope: Scope) -> dict[str, dict[str, tuple[float | None, int]]]:
    """Metric → group (and TOTAL) → (median, how many placements it is computed over).

    Over placements started on or after the person's cohort start: the wage per hour, and
    the days from the person's first (unrevoked) program credential to the start."""
    person = "application__candidate__"
    placements = _enrolled(src.placements, scope, person, since="start_date")
    first_credential = (
        src.credentials.filter(
            recipient=OuterRef("application__candidate_id"),
            micro_credential_version_id__in=scope.version_ids,
        )
        .exclude(state="revoked")
        .order_by("issued_at")
        .values("issued_at")[:1]
    )
    days = DaysBetween(F("start_date"), F("first_credential"))
    values = {
        "days_to_placement": placements.annotate(first_credential=Subquery(first_credential))
        .filter(first_credential__isnull=False)
        .annotate(value=days),
        "starting_wage": placements.annotate(value=_wage_per_hour()),
    }
    result: dict[str, dict[str, tuple[float | None, int]]] = {}
    for metric, qs in values.items():
        by_group = median_by(qs)
        by_group[TOTAL] = by_group.pop(TOTAL_KEY, (None, 0))
        result[metric] = by_group
    return result
