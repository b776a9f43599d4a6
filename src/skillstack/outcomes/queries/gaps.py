"""Curriculum gaps of a training provider, computed in the database.

Demand: each skill of the chosen openings (open now, or published within the window),
weighted by the opening's positions and its recency (published within 3 months x1, 6 x0.75,
12 x0.5, older x0.25) and by need (required x1, preferred x0.5).
Coverage: the skills of the provider's published micro-credentials (published versions),
and skills declared equivalent to them (catalog.SkillEquivalence).
Near misses: the provider's learners (holding an active credential it issued) who hold, through
any active, unexpired credential, at least half but not all of an opening's required skills
(openings asking two or more); the skills they miss are counted per learner.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import (
    Case,
    Count,
    F,
    FloatField,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import TruncMonth


@dataclass(frozen=True)
class GapSources:
    openings: QuerySet[Any]  # jobs.Opening
    opening_skills: QuerySet[Any]  # jobs.OpeningSkill
    versions: QuerySet[Any]  # catalog.MicroCredentialVersion
    equivalences: QuerySet[Any]  # catalog.SkillEquivalence
    credentials: QuerySet[Any]  # issuing.IssuedCredential


def demanded_openings(
    src: GapSources,
    *,
    now: datetime.datetime,
    months: int,
    location: str = "",
    occupation: str = "",
) -> QuerySet[Any]:
    since = now - datetime.timedelta(days=round(months * 30.44))
    openings = src.openings.filter(
        Q(status="open") | Q(published_at__gte=since), published_at__isnull=False
    )
    if location:
        openings = openings.filter(location__icontains=location)
    if occupation:
        openings = openings.filter(occupation_code__startswith=occupation)
    return openings


def covered_skill_ids(src: GapSources, *, provider_id: int | None) -> set[int]:
    versions = src.versions.filter(published_at__isnull=False, micro_credential__status="published")
    if provider_id is not None:
        versions = versions.filter(micro_credential__issuer_id=provider_id)
    direct = set(versions.values_list("skills", flat=True).distinct()) - {None}
    pairs = src.equivalences.filter(Q(skill_a__in=direct) | Q(skill_b__in=direct))
    for a, b in pairs.values_list("skill_a_id", "skill_b_id"):
        direct |= {a, b}
    return direct


def _weight(now: datetime.datetime) -> Any:
    def ago(days: int) -> datetime.datetime:
        return now - datetime.timedelta(days=days)

    recency = Case(
        When(opening__published_at__gte=ago(91), then=Value(1.0)),
        When(opening__published_at__gte=ago(183), then=Value(0.75)),
        When(opening__published_at__gte=ago(365), then=Value(0.5)),
        default=Value(0.25),
        output_field=FloatField(),
    )
    need = Case(When(required=True, then=Value(1.0)), default=Value(0.5), output_field=FloatField())
    return F("opening__positions") * recency * need


def skill_demand(
    src: GapSources, *, openings: QuerySet[Any], now: datetime.datetime
) -> list[dict[str, Any]]:
    """Skill id, label, weighted demand, openings and positions, most demanded first."""
    rows = (
        src.opening_skills.filter(opening__in=openings.values("pk"))
        .values("skill_id", "skill__label")
        .annotate(
            demand=Sum(_weight(now), output_field=FloatField()),
            openings=Count("opening", distinct=True),
            positions=Sum("opening__positions"),
        )
        .order_by("-demand", "skill__label")
    )
    return list(rows)


def openings_behind(
    src: GapSources, *, openings: QuerySet[Any], skill_ids: list[int], per_skill: int = 5
) -> dict[int, list[dict[str, Any]]]:
    rows = (
        src.opening_skills.filter(opening__in=openings.values("pk"), skill_id__in=skill_ids)
        .order_by("skill_id", "-opening__published_at")
        .values(
            "skill_id",
            "opening__title",
            "opening__employer__name",
            "opening__location",
            "opening__positions",
        )
    )
    found: dict[int, list[dict[str, Any]]] = {}
    for row in rows.iterator():
        if len(found.setdefault(row["skill_id"], [])) < per_skill:
            found[row["skill_id"]].append(row)
    return found


def monthly_demand(
    src: GapSources, *, openings: QuerySet[Any], skill_ids: list[int]
) -> list[dict[str, Any]]:
    return list(
        src.opening_skills.filter(opening__in=openings.values("pk"), skill_id__in=skill_ids)
        .annotate(month=TruncMonth("opening__published_at"))
        .values("month", "skill_id")
        .annotate(positions=Sum("opening__positions"))
        .order_by("month", "skill_id")
    )


def near_miss_missing(
    src: GapSources,
    *,
    provider_id: int,
    openings: QuerySet[Any],
    now: datetime.datetime,
    limit: int = 10,
) -> list[tuple[int, int]]:
    """(skill id, learners missing it) among the provider's near-miss learners."""
    cred = src.credentials.model._meta.db_table
    opening_skill = src.opening_skills.model._meta.db_table
    through = src.versions.model.skills.through._meta.db_table
    opening_sql, opening_params = openings.values("pk").query.sql_with_params()
    valid = "c.state = 'active' AND (c.valid_until IS NULL OR c.valid_until > %s)"
    sql = f"""
        WITH learners AS (
            SELECT DISTINCT c.recipient_id AS learner_id FROM {cred} c
            WHERE c.issuer_id = %s AND {valid}
        ),
        held AS (
            SELECT DISTINCT c.recipient_id AS learner_id, t.skill_id
            FROM {cred} c
            JOIN {through} t ON t.microcredentialversion_id = c.micro_credential_version_id
            JOIN learners l ON l.learner_id = c.recipient_id
            WHERE {valid}
        ),
        req AS (
            SELECT os.opening_id, os.skill_id FROM {opening_skill} os
            WHERE os.required AND os.opening_id IN ({opening_sql})
        ),
        need AS (
            SELECT opening_id, COUNT(*) AS n FROM req GROUP BY opening_id HAVING COUNT(*) >= 2
        ),
        pairs AS (
            SELECT h.learner_id, r.opening_id, COUNT(*) AS matched
            FROM held h JOIN req r ON r.skill_id = h.skill_id
            GROUP BY h.learner_id, r.opening_id
        ),
        near AS (
            SELECT p.learner_id, p.opening_id FROM pairs p
            JOIN need n ON n.opening_id = p.opening_id
            WHERE p.matched < n.n AND 2 * p.matched >= n.n
        )
        SELECT r.skill_id, COUNT(DISTINCT near.learner_id) AS learners
        FROM near JOIN req r ON r.opening_id = near.opening_id
        WHERE NOT EXISTS (
            SELECT 1 FROM held h WHERE h.learner_id = near.learner_id AND h.skill_id = r.skill_id
        )
        GROUP BY r.skill_id ORDER BY learners DESC, r.skill_id LIMIT %s
    """  # noqa: S608 - table names come from the models, values are parameters
    params = [provider_id, now, now, *opening_params, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(int(skill), int(n)) for skill, n in cursor.fetchall()]
