"""Employer ROI and the alliance pipeline, computed in the database.

ROI counts an employer's placements (hires through the alliance): retention at N days of
placements started at least N days ago (not ended before day N), time to fill (first hire's
start minus the opening's publication, median over filled openings), hires into openings that
ask no degree, and, only among hires who consented to report their demographics and
answered, those with no college degree.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Count,
    DateField,
    F,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)

from skillstack.outcomes.queries.funder import RETENTION_DAYS
from skillstack.outcomes.queries.stats import TOTAL_KEY, DaysBetween, median_by


@dataclass(frozen=True)
class HiringSources:
    openings: QuerySet[Any]  # jobs.Opening
    applications: QuerySet[Any]  # hiring.Application
    placements: QuerySet[Any]  # hiring.Placement
    opening_skills: QuerySet[Any]  # jobs.OpeningSkill


def retention(placements: QuerySet[Any], *, as_of: datetime.date) -> dict[str, int]:
    """eligible_N / retained_N counts for each N in 90, 180, 365, and hires in all."""
    aggregates: dict[str, Any] = {"hires": Count("pk")}
    for days in RETENTION_DAYS:
        eligible = Q(start_date__lte=as_of - datetime.timedelta(days))
        kept = Q(ended_on__isnull=True) | Q(
            ended_on__gte=F("start_date") + datetime.timedelta(days)
        )
        aggregates[f"eligible_{days}"] = Count("pk", filter=eligible)
        aggregates[f"retained_{days}"] = Count("pk", filter=eligible & kept)
    return {k: int(v or 0) for k, v in placements.aggregate(**aggregates).items()}


def employer_roi(src: HiringSources, *, employer_id: int, as_of: datetime.date) -> dict[str, Any]:
    placements = src.placements.filter(application__opening__employer_id=employer_id)
    figures: dict[str, Any] = retention(placements, as_of=as_of)
    figures.update(
        placements.aggregate(
            no_degree_openings=Count(
                "pk", filter=Q(application__opening__degree_requirement="none")
            ),
            consented_answered=Count(
                "pk",
                filter=Q(
                    application__candidate__outcome_demographics__consented=True,
                    application__candidate__outcome_demographics__prior_degree__in=[
                        "none",
                        "associate",
                        "bachelor",
                        "graduate",
                    ],
                ),
            ),
            consented_no_degree=Count(
                "pk",
                filter=Q(
                    application__candidate__outcome_demographics__consented=True,
                    application__candidate__outcome_demographics__prior_degree="none",
                ),
            ),
            promoted=Count("pk", filter=Q(promoted_on__isnull=False)),
        )
    )
    first_start = (
        src.placements.filter(application__opening=OuterRef("pk"))
        .order_by("start_date")
        .values("start_date")[:1]
    )
    filled = (
        src.openings.filter(employer_id=employer_id, published_at__isnull=False)
        .annotate(first_start=Subquery(first_start, output_field=DateField()))
        .filter(first_start__isnull=False)
        .annotate(value=DaysBetween(F("first_start"), F("published_at")))
    )
    median, n = median_by(filled, group=None).get(TOTAL_KEY, (None, 0))
    figures["time_to_fill_days"] = median
    figures["filled_openings"] = n
    return figures


def pipeline(src: HiringSources, *, as_of: datetime.date) -> dict[str, Any]:
    """Openings by status (and open positions), applications by stage, placements, retention."""
    openings = {
        row["status"]: row
        for row in src.openings.values("status").annotate(n=Count("pk"), positions=Sum("positions"))
    }
    stages = dict(src.applications.values_list("stage").annotate(n=Count("pk")))
    return {
        "openings": openings,
        "stages": stages,
        "candidates": src.applications.aggregate(n=Count("candidate", distinct=True))["n"],
        "retention": retention(src.placements, as_of=as_of),
    }


def ripe_occupations(src: HiringSources, *, covered: set[int]) -> list[dict[str, Any]]:
    """Occupations of open openings, with how many of their required skills are covered by
    published micro-credentials; 'ripe' when all are, most interesting where openings still
    ask for a degree."""
    open_openings = src.openings.filter(status="open").exclude(occupation_code="")
    skills = (
        src.opening_skills.filter(opening__in=open_openings.values("pk"), required=True)
        .values("opening__occupation_scheme", "opening__occupation_code")
        .annotate(
            required=Count("skill", distinct=True),
            covered=Count("skill", distinct=True, filter=Q(skill_id__in=covered)),
        )
    )
    key = ("opening__occupation_scheme", "opening__occupation_code")
    by_occupation = {(r[key[0]], r[key[1]]): r for r in skills}
    rows = []
    counts = open_openings.values("occupation_scheme", "occupation_code").annotate(
        openings=Count("pk"),
        positions=Sum("positions"),
        degree=Count("pk", filter=~Q(degree_requirement="none")),
        title=Min("title"),
    )
    for row in counts:
        skill_row = by_occupation.get((row["occupation_scheme"], row["occupation_code"]))
        required = skill_row["required"] if skill_row else 0
        covered_n = skill_row["covered"] if skill_row else 0
        rows.append(
            {
                **row,
                "required": required,
                "covered": covered_n,
                "ripe": required > 0 and covered_n == required,
            }
        )
    rows.sort(key=lambda r: (not r["ripe"], -r["degree"], -(r["positions"] or 0)))
    return rows
