"""Curriculum gaps, employer ROI and the alliance view, assembled from the DB queries."""

from __future__ import annotations

import datetime
from typing import Any

from skillstack.catalog.models import MicroCredentialVersion, Skill, SkillEquivalence
from skillstack.hiring.models import Application, Placement
from skillstack.issuing.models import IssuedCredential
from skillstack.jobs.models import Opening, OpeningSkill
from skillstack.outcomes.models import EmployerBaseline
from skillstack.outcomes.queries import employer as employer_q
from skillstack.outcomes.queries import gaps as gaps_q
from skillstack.outcomes.queries.funder import RETENTION_DAYS
from skillstack.outcomes.report import marker, threshold


def gap_sources() -> gaps_q.GapSources:
    return gaps_q.GapSources(
        openings=Opening.objects.all(),
        opening_skills=OpeningSkill.objects.all(),
        versions=MicroCredentialVersion.objects.all(),
        equivalences=SkillEquivalence.objects.all(),
        credentials=IssuedCredential.objects.all(),
    )


def hiring_sources() -> employer_q.HiringSources:
    return employer_q.HiringSources(
        openings=Opening.objects.all(),
        applications=Application.objects.all(),
        placements=Placement.objects.all(),
        opening_skills=OpeningSkill.objects.all(),
    )


def gap_report(
    *,
    provider_id: int | None,
    now: datetime.datetime,
    months: int = 12,
    location: str = "",
    occupation: str = "",
    top: int = 15,
) -> dict[str, Any]:
    """Ranked uncovered skills with the openings behind them, near-miss gaps, monthly trend."""
    src = gap_sources()
    openings = gaps_q.demanded_openings(
        src, now=now, months=months, location=location, occupation=occupation
    )
    covered = gaps_q.covered_skill_ids(src, provider_id=provider_id)
    demand = gaps_q.skill_demand(src, openings=openings, now=now)
    gaps = [row for row in demand if row["skill_id"] not in covered][:top]
    gap_ids = [row["skill_id"] for row in gaps]
    behind = gaps_q.openings_behind(src, openings=openings, skill_ids=gap_ids)
    for row in gaps:
        row["behind"] = behind.get(row["skill_id"], [])
    near: list[dict[str, Any]] = []
    if provider_id is not None:
        missing = gaps_q.near_miss_missing(src, provider_id=provider_id, openings=openings, now=now)
        labels = dict(
            Skill.objects.filter(pk__in=[s for s, _ in missing]).values_list("pk", "label")
        )
        near = [
            {"skill_id": s, "label": labels.get(s, "?"), "learners": n, "covered": s in covered}
            for s, n in missing
        ]
    trend_ids = gap_ids[:5]
    months_rows = gaps_q.monthly_demand(src, openings=openings, skill_ids=trend_ids)
    month_keys = sorted({r["month"] for r in months_rows if r["month"] is not None})
    by = {(r["month"], r["skill_id"]): r["positions"] for r in months_rows}
    trend = {
        "skills": [(row["skill_id"], row["skill__label"]) for row in gaps[:5]],
        "rows": [(m, [by.get((m, s), 0) for s in trend_ids]) for m in month_keys],
    }
    return {
        "gaps": gaps,
        "covered_demanded": [row for row in demand if row["skill_id"] in covered][:top],
        "near": near,
        "trend": trend,
        "openings": openings.count(),
    }


def _rate(num: int, base: int) -> float | None:
    return 100.0 * num / base if base else None


def roi_report(*, employer_id: int, as_of: datetime.date) -> dict[str, Any]:
    """The employer's alliance hires beside its baseline; the consented no-degree share is a
    demographic figure, so it is hidden when it rests on fewer people than the threshold."""
    figures = employer_q.employer_roi(hiring_sources(), employer_id=employer_id, as_of=as_of)
    baseline = EmployerBaseline.objects.filter(employer_id=employer_id).first()
    limit = threshold()
    rows = []
    for days in RETENTION_DAYS:
        rows.append(
            {
                "label": f"Retention at {days} days",
                "alliance": _rate(figures[f"retained_{days}"], figures[f"eligible_{days}"]),
                "base": figures[f"eligible_{days}"],
                "baseline": getattr(baseline, f"retention_{days}", None),
                "unit": "%",
            }
        )
    rows.append(
        {
            "label": "Time to fill (median days, posting to first start)",
            "alliance": figures["time_to_fill_days"],
            "base": figures["filled_openings"],
            "baseline": baseline.time_to_fill_days if baseline else None,
            "unit": "days",
        }
    )
    rows.append(
        {
            "label": "Hires into jobs that ask no degree",
            "alliance": _rate(figures["no_degree_openings"], figures["hires"]),
            "base": figures["hires"],
            "baseline": baseline.no_degree_share if baseline else None,
            "unit": "%",
        }
    )
    answered = figures["consented_answered"]
    hidden = answered < limit
    rows.append(
        {
            "label": "Hires with no college degree (self-declared, with consent)",
            "alliance": None if hidden else _rate(figures["consented_no_degree"], answered),
            "base": None if hidden else answered,
            "baseline": baseline.no_degree_share if baseline else None,
            "unit": "%",
            "suppressed": marker(limit) if hidden else "",
        }
    )
    return {"figures": figures, "rows": rows, "baseline": baseline}


def alliance_report(*, as_of: datetime.date) -> dict[str, Any]:
    src = hiring_sources()
    pipe = employer_q.pipeline(src, as_of=as_of)
    kept = pipe["retention"]
    pipe["retention_rows"] = [
        (days, kept[f"eligible_{days}"], _rate(kept[f"retained_{days}"], kept[f"eligible_{days}"]))
        for days in RETENTION_DAYS
    ]
    covered = gaps_q.covered_skill_ids(gap_sources(), provider_id=None)
    return {"pipeline": pipe, "occupations": employer_q.ripe_occupations(src, covered=covered)}
