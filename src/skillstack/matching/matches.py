"""Reads of matches: ranked candidates for an opening, ranked openings for a candidate,
each explained.

Ranking runs on the in-memory index (``matching.index``); only the top of the list is
explained, from the database rows, with the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Q
from django.utils import timezone

from skillstack.accounts.models import User
from skillstack.catalog.taxonomy_selectors import Prover, provers_of_skills
from skillstack.jobs.models import Opening
from skillstack.jobs.selectors import openings_open
from skillstack.matching import rules, selectors
from skillstack.matching.explain import Explanation, explain, strongest
from skillstack.matching.index import MATCHER, Ask, OpeningFacts, Ranked
from skillstack.matching.models import DeclaredSkill, JobPreferences, VerifiedSkill

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


@dataclass(frozen=True, slots=True)
class CandidateMatch:
    candidate: User
    rank: int
    explanation: Explanation
    preferences: JobPreferences


@dataclass(frozen=True, slots=True)
class OpeningMatch:
    opening: Opening
    rank: int
    explanation: Explanation


def asks_of(opening: Opening) -> list[tuple[Ask, str]]:
    """What the opening asks for, required first, as the ranking reads it."""
    return [
        (Ask(s.skill_id, s.required, s.min_level), s.skill.label)
        for s in sorted(opening.skills.all(), key=lambda s: (not s.required, s.skill_id))
    ]


def facts_of(opening: Opening) -> OpeningFacts:
    return OpeningFacts(
        employer_pk=opening.employer_id,
        shift=opening.shift,
        wage_max_hourly=rules.hourly(opening.wage_max, opening.wage_unit),
        remote=opening.remote == "remote",
        place=rules.place_key(opening.location or ""),
        relax_required=opening.relax_required,
    )


def _clamp(limit: int) -> int:
    return max(1, min(int(limit), MAX_LIMIT))


def _rows_by_candidate(pks: list[int], now: datetime) -> dict[int, list[VerifiedSkill]]:
    found: dict[int, list[VerifiedSkill]] = {pk: [] for pk in pks}
    rows = (
        VerifiedSkill.objects.filter(candidate_id__in=pks)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gt=now))
        .select_related("skill")
        .order_by("candidate_id", "skill_id", "id")
    )
    for row in rows:
        found[row.candidate_id].append(row)
    return found


def _provers(skill_ids: set[int]) -> dict[int, list[Prover]]:
    return provers_of_skills(skill_ids=skill_ids)


def ranked_candidates(
    *, opening: Opening, limit: int = DEFAULT_LIMIT, now: datetime | None = None
) -> list[Ranked]:
    """The top candidates (ids and scores) for ``opening``, without explanations."""
    moment = now or timezone.now()
    index, taxonomy = MATCHER.candidate_side(moment)
    asks = [a for a, _ in asks_of(opening)]
    return index.rank(
        asks=asks, facts=facts_of(opening), taxonomy=taxonomy, now=moment, limit=_clamp(limit)
    )


def opening_matches(
    *, opening: Opening, limit: int = DEFAULT_LIMIT, now: datetime | None = None
) -> list[CandidateMatch]:
    """Candidates discoverable by the opening's employer, best first, each explained."""
    moment = now or timezone.now()
    ranked = ranked_candidates(opening=opening, limit=limit, now=moment)
    if not ranked:
        return []
    pks = [r.pk for r in ranked]
    users = User.objects.in_bulk(pks)
    rows = _rows_by_candidate(pks, moment)
    prefs = {p.candidate_id: p for p in JobPreferences.objects.filter(candidate_id__in=pks)}
    declared: dict[int, list[Any]] = {pk: [] for pk in pks}
    for d in DeclaredSkill.objects.filter(candidate_id__in=pks):
        declared[d.candidate_id].append(d)
    asks = asks_of(opening)
    provers = _provers({a.skill_id for a, _ in asks})
    _, taxonomy = MATCHER.candidate_side(moment)
    matches = []
    for rank, item in enumerate(ranked, start=1):
        pref = prefs.get(item.pk) or JobPreferences(candidate_id=item.pk)
        matches.append(
            CandidateMatch(
                candidate=users[item.pk],
                rank=rank,
                explanation=explain(
                    asks=asks,
                    rows=rows[item.pk],
                    declared=declared[item.pk],
                    taxonomy=taxonomy,
                    provers=provers,
                    opening=opening,
                    wants=rules.wants_of(pref),
                    now=moment,
                ),
                preferences=pref,
            )
        )
    return matches


def candidate_for_opening(
    *, opening: Opening, candidate_pk: int | str, now: datetime | None = None
) -> CandidateMatch | None:
    """One candidate's explained match, or None unless they let this employer find them."""
    try:
        number = int(candidate_pk)
    except (TypeError, ValueError):
        return None
    if not 0 < number < 2**63:
        return None
    candidate = User.objects.filter(pk=number, is_active=True).first()
    if candidate is None or not selectors.candidate_is_discoverable_by(
        user=candidate, employer=opening.employer
    ):
        return None
    moment = now or timezone.now()
    _, taxonomy = MATCHER.candidate_side(moment)
    asks = asks_of(opening)
    pref = selectors.job_preferences_of(candidate=candidate)
    explanation = explain(
        asks=asks,
        rows=selectors.verified_skill_rows(candidate=candidate, now=moment),
        declared=list(selectors.declared_skills_of(candidate=candidate)),
        taxonomy=taxonomy,
        provers=_provers({a.skill_id for a, _ in asks}),
        opening=opening,
        wants=rules.wants_of(pref),
        now=moment,
    )
    ranked = ranked_candidates(opening=opening, limit=MAX_LIMIT, now=moment)
    rank = next((i for i, r in enumerate(ranked, start=1) if r.pk == candidate.pk), 0)
    return CandidateMatch(candidate, rank, explanation, pref)


def _held(rows: list[VerifiedSkill]) -> dict[int, tuple[int, float, float]]:
    return {
        skill_id: (row.level, rules.epoch(row.valid_until), rules.epoch(row.earned_at))
        for skill_id, row in strongest(rows).items()
    }


def ranked_openings(
    *,
    candidate: Any,
    limit: int = DEFAULT_LIMIT,
    now: datetime | None = None,
    max_missing: int = 0,
    rows: list[VerifiedSkill] | None = None,
) -> list[Ranked]:
    """Open openings (ids and scores) for one candidate, best first, their preferences met."""
    moment = now or timezone.now()
    if rows is None:
        rows = selectors.verified_skill_rows(candidate=candidate, now=moment)
    index, taxonomy = MATCHER.opening_side(moment)
    return index.rank(
        held=_held(rows),
        wants=rules.wants_of(selectors.job_preferences_of(candidate=candidate)),
        taxonomy=taxonomy,
        now=moment,
        limit=_clamp(limit),
        max_missing=max_missing,
    )


def candidate_openings(
    *,
    candidate: Any,
    limit: int = DEFAULT_LIMIT,
    now: datetime | None = None,
    one_skill_away: bool = False,
) -> list[OpeningMatch]:
    """Open openings for the candidate, explained; ``one_skill_away``: those missing exactly
    one required skill (what to learn next), instead of the matches."""
    moment = now or timezone.now()
    rows = selectors.verified_skill_rows(candidate=candidate, now=moment)
    ranked = ranked_openings(
        candidate=candidate,
        limit=MAX_LIMIT if one_skill_away else limit,
        now=moment,
        max_missing=1 if one_skill_away else 0,
        rows=rows,
    )
    if one_skill_away:
        ranked = [r for r in ranked if r.missing_required == 1][: _clamp(limit)]
    if not ranked:
        return []
    openings = {
        o.pk: o
        for o in openings_open(today=timezone.localdate(moment)).filter(
            pk__in=[r.pk for r in ranked]
        )
    }
    ranked = [r for r in ranked if r.pk in openings]
    return _explained_openings(candidate, ranked, openings, rows, moment)


def _explained_openings(
    candidate: Any,
    ranked: list[Ranked],
    openings: dict[int, Opening],
    rows: list[VerifiedSkill],
    moment: datetime,
) -> list[OpeningMatch]:
    _, taxonomy = MATCHER.opening_side(moment)
    asks = {pk: asks_of(o) for pk, o in openings.items()}
    provers = _provers({a.skill_id for items in asks.values() for a, _ in items})
    declared = list(selectors.declared_skills_of(candidate=candidate))
    wants = rules.wants_of(selectors.job_preferences_of(candidate=candidate))
    return [
        OpeningMatch(
            opening=openings[r.pk],
            rank=rank,
            explanation=explain(
                asks=asks[r.pk],
                rows=rows,
                declared=declared,
                taxonomy=taxonomy,
                provers=provers,
                opening=openings[r.pk],
                wants=wants,
                now=moment,
            ),
        )
        for rank, r in enumerate(ranked, start=1)
    ]


def opening_for_candidate(
    *, candidate: Any, opening: Opening, now: datetime | None = None
) -> Explanation:
    """How the candidate stands against one open opening (whether it ranks or not)."""
    moment = now or timezone.now()
    _, taxonomy = MATCHER.opening_side(moment)
    asks = asks_of(opening)
    return explain(
        asks=asks,
        rows=selectors.verified_skill_rows(candidate=candidate, now=moment),
        declared=list(selectors.declared_skills_of(candidate=candidate)),
        taxonomy=taxonomy,
        provers=_provers({a.skill_id for a, _ in asks}),
        opening=opening,
        wants=rules.wants_of(selectors.job_preferences_of(candidate=candidate)),
        now=moment,
    )
