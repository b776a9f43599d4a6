"""In-memory indexes that rank 100,000 candidates for an opening in milliseconds.

``CandidateIndex``: skill → arrays (candidate slot, level, valid until, earned) of the
candidates who are discoverable, plus their consent and preferences as arrays; ranking an
opening is a few vectorised numpy operations over those postings (``rules`` gives the numbers).
``OpeningIndex``: the open openings' asked skills as arrays, for ranking openings for one
candidate the same way.

Freshness: every write that changes a candidate appends a ``CandidateChange``; before each
query the index reads the changes after the last one it saw and refreshes just those
candidates (a row with no candidate, or a history that no longer matches, rebuilds all).
Openings and the taxonomy are fingerprinted (counts, newest ids and timestamps) and rebuilt
when the fingerprint moves. Each web process keeps its own index; the database stays the
truth, so any process can rebuild from it (``skillstack matching_rebuild`` rebuilds the
derived table itself).
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import numpy as np
from django.db import connection
from django.db.models import Count, Max, Q, Sum
from django.utils import timezone

from skillstack.catalog.taxonomy_selectors import equivalences, skills_for_openings
from skillstack.jobs.models import Shift
from skillstack.jobs.selectors import openings_open
from skillstack.matching import rules
from skillstack.matching.models import (
    CandidateChange,
    Discoverability,
    DiscoveryScope,
    JobPreferences,
    VerifiedSkill,
)
from skillstack.matching.taxonomy import Taxonomy

SHIFT_BITS = {value: 1 << i for i, value in enumerate(Shift.values)}
FLEXIBLE = "flexible"
TAXONOMY_RECHECK_SECONDS = 5.0
"""How stale the skill graph may be in one process (broader links, equivalences)."""
INCREMENTAL_LIMIT = 5000
"""More changed candidates than this since the last query: rebuilding everything is faster."""


def _shift_mask(shifts: Any) -> int:
    chosen = set(shifts or ())
    if not chosen or FLEXIBLE in chosen:
        return 0  # any shift
    return sum(SHIFT_BITS.get(s, 0) for s in chosen)


def _epochs(values: Any) -> np.ndarray:
    return np.array([rules.epoch(v) for v in values], dtype=np.float64)


def credit_arrays(
    relation: rules.Relation,
    level: np.ndarray | int,
    min_level: np.ndarray | int,
    valid_until: np.ndarray | float,
    earned: np.ndarray | float,
    now: float,
) -> tuple[np.ndarray, np.ndarray]:
    """``rules.credit`` over arrays: (value, meets)."""
    with np.errstate(invalid="ignore"):
        days_left = (np.asarray(valid_until, dtype=np.float64) - now) / rules.DAY
        expiry = np.where(
            days_left <= 0,
            0.0,
            np.where(
                days_left >= rules.EXPIRY_SOON_DAYS,
                1.0,
                rules.EXPIRY_FLOOR
                + (1.0 - rules.EXPIRY_FLOOR) * days_left / rules.EXPIRY_SOON_DAYS,
            ),
        )
    years = np.maximum(0.0, (now - np.asarray(earned, dtype=np.float64)) / rules.YEAR)
    recency = np.where(
        years <= rules.RECENCY_FULL_YEARS,
        1.0,
        np.maximum(
            rules.RECENCY_FLOOR, 1.0 - rules.RECENCY_STEP * (years - rules.RECENCY_FULL_YEARS)
        ),
    )
    level_f = np.asarray(level, dtype=np.float64)
    min_f = np.asarray(min_level, dtype=np.float64)
    enough = level_f >= min_f
    level_credit = np.where(enough, 1.0, 0.5 * level_f / min_f)
    value = rules.RELATION_FACTOR[relation] * level_credit * expiry * recency
    meets = enough & (expiry > 0) & rules.RELATION_MEETS[relation]
    return value, meets


@dataclass
class Posting:
    slots: np.ndarray  # int32
    level: np.ndarray  # int8
    valid_until: np.ndarray  # float64 epoch seconds, inf: no end
    earned: np.ndarray  # float64 epoch seconds


@dataclass(frozen=True, slots=True)
class Ask:
    skill_id: int
    required: bool
    min_level: int


@dataclass(frozen=True, slots=True)
class OpeningFacts:
    """What the filters need of an opening."""

    employer_pk: int
    shift: str
    wage_max_hourly: float | None
    remote: bool
    place: str  # rules.place_key of its location
    relax_required: bool


@dataclass(frozen=True, slots=True)
class Ranked:
    pk: int  # candidate or opening id
    score: float
    missing_required: int


def _top(pks: np.ndarray, scores: np.ndarray, limit: int) -> np.ndarray:
    """Positions of the best ``limit`` (score desc, id asc), ties decided by id."""
    if len(scores) > limit:
        threshold = np.partition(scores, len(scores) - limit)[len(scores) - limit]
        keep = np.nonzero(scores >= threshold)[0]
    else:
        keep = np.arange(len(scores))
    order = np.lexsort((pks[keep], -scores[keep]))
    return keep[order[:limit]]


class CandidateIndex:
    """Discoverable candidates, their strongest credential per skill, their preferences."""

    def __init__(self) -> None:
        self.size = 0
        self.pks = np.zeros(0, dtype=np.int64)
        self.scope = np.zeros(0, dtype=np.int8)  # 0 hidden, 1 all employers, 2 chosen ones
        self.remote_ok = np.zeros(0, dtype=bool)
        self.shift_mask = np.zeros(0, dtype=np.int32)
        self.wage_floor = np.zeros(0, dtype=np.float64)  # hourly, -inf: none
        self.any_place = np.zeros(0, dtype=bool)
        self.slot: dict[int, int] = {}
        self.chosen: dict[int, set[int]] = {}  # employer → slots
        self.places: dict[str, set[int]] = {}  # place key → slots
        self.postings: dict[int, Posting] = {}
        self.held: dict[int, tuple[int, ...]] = {}  # slot → skill ids in postings
        self.cand_chosen: dict[int, frozenset[int]] = {}
        self.cand_places: dict[int, frozenset[str]] = {}
        self.next_expiry = math.inf

    # building ------------------------------------------------------------------------

    def _grow(self, n: int) -> None:
        if n <= len(self.pks):
            return
        capacity = max(n, int(len(self.pks) * 1.5) + 64)

        def grown(a: np.ndarray, fill: Any) -> np.ndarray:
            b = np.full(capacity, fill, dtype=a.dtype)
            b[: len(a)] = a
            return b

        self.pks = grown(self.pks, 0)
        self.scope = grown(self.scope, 0)
        self.remote_ok = grown(self.remote_ok, True)
        self.shift_mask = grown(self.shift_mask, 0)
        self.wage_floor = grown(self.wage_floor, -math.inf)
        self.any_place = grown(self.any_place, True)

    def _slot_for(self, pk: int) -> int:
        found = self.slot.get(pk)
        if found is None:
            found = self.size
            self._grow(found + 1)
            self.size += 1
            self.slot[pk] = found
            self.pks[found] = pk
        return found

    @classmethod
    def build(cls, now: datetime) -> CandidateIndex:
        index = cls()
        shown = Discoverability.objects.exclude(scope=DiscoveryScope.NONE).filter(
            candidate__is_active=True
        )
        scopes = list(shown.values_list("candidate_id", "scope"))
        index._grow(len(scopes))
        for pk, _scope in sorted(scopes):
            index._slot_for(pk)
        pks = [pk for pk, _ in scopes]
        index._load_consent(pks)
        index._load_preferences(pks)
        index._load_skills(pks, now)
        return index

    def _load_consent(self, pks: list[int]) -> None:
        if not pks:
            return
        rows = Discoverability.objects.filter(candidate_id__in=pks)
        for pk, scope in rows.values_list("candidate_id", "scope"):
            self.scope[self.slot[pk]] = 1 if scope == DiscoveryScope.ALL else 2
        through = Discoverability.employers.through.objects.filter(
            discoverability__candidate_id__in=pks, discoverability__scope=DiscoveryScope.CHOSEN
        )
        chosen: dict[int, set[int]] = {}
        for pk, employer in through.values_list("discoverability__candidate_id", "organization_id"):
            slot = self.slot[pk]
            self.chosen.setdefault(employer, set()).add(slot)
            chosen.setdefault(slot, set()).add(employer)
        for slot, employers in chosen.items():
            self.cand_chosen[slot] = frozenset(employers)

    def _load_preferences(self, pks: list[int]) -> None:
        rows = JobPreferences.objects.filter(candidate_id__in=pks).values_list(
            "candidate_id", "locations", "remote_ok", "shifts", "wage_floor", "wage_unit"
        )
        for pk, locations, remote_ok, shifts, floor, unit in rows:
            slot = self.slot[pk]
            places = frozenset(k for k in (rules.place_key(p) for p in locations or []) if k)
            self.remote_ok[slot] = bool(remote_ok)
            self.shift_mask[slot] = _shift_mask(shifts)
            hourly = rules.hourly(floor, unit)
            self.wage_floor[slot] = -math.inf if hourly is None else hourly
            self.any_place[slot] = not places
            self.cand_places[slot] = places
            for place in places:
                self.places.setdefault(place, set()).add(slot)

    def _load_skills(self, pks: list[int], now: datetime) -> None:
        if not pks:
            return
        rows = (
            VerifiedSkill.objects.filter(candidate_id__in=pks)
            .filter(Q(valid_until__isnull=True) | Q(valid_until__gt=now))
            .values_list("candidate_id", "skill_id", "level", "valid_until", "earned_at")
        )
        cand, skill, level, until, earned = [], [], [], [], []
        for c, s, lv, vu, ea in rows.iterator(chunk_size=20_000):
            cand.append(self.slot[c])
            skill.append(s)
            level.append(lv)
            until.append(rules.epoch(vu))
            earned.append(ea.timestamp())
        self._add_entries(
            np.array(cand, dtype=np.int32),
            np.array(skill, dtype=np.int64),
            np.array(level, dtype=np.int8),
            np.array(until, dtype=np.float64),
            np.array(earned, dtype=np.float64),
        )

    def _add_entries(
        self,
        cand: np.ndarray,
        skill: np.ndarray,
        level: np.ndarray,
        until: np.ndarray,
        earned: np.ndarray,
    ) -> None:
        """Keep each candidate's strongest entry per skill and append it to the postings."""
        if len(cand) == 0:
            return
        order = np.lexsort((earned, until, level, cand, skill))
        cand, skill, level, until, earned = (a[order] for a in (cand, skill, level, until, earned))
        last = np.ones(len(cand), dtype=bool)  # the strongest is the last of its (skill, cand)
        last[:-1] = (skill[1:] != skill[:-1]) | (cand[1:] != cand[:-1])
        cand, skill, level, until, earned = (a[last] for a in (cand, skill, level, until, earned))
        self.next_expiry = min(self.next_expiry, float(until.min()))
        bounds = np.flatnonzero(np.diff(skill)) + 1
        starts = np.concatenate(([0], bounds))
        ends = np.concatenate((bounds, [len(skill)]))
        held: dict[int, list[int]] = {}
        for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
            skill_id = int(skill[start])
            part = Posting(cand[start:end], level[start:end], until[start:end], earned[start:end])
            old = self.postings.get(skill_id)
            if old is not None:
                part = Posting(
                    np.concatenate((old.slots, part.slots)),
                    np.concatenate((old.level, part.level)),
                    np.concatenate((old.valid_until, part.valid_until)),
                    np.concatenate((old.earned, part.earned)),
                )
            self.postings[skill_id] = part
            for slot in cand[start:end].tolist():
                held.setdefault(slot, []).append(skill_id)
        for slot, skills in held.items():
            self.held[slot] = tuple(self.held.get(slot, ())) + tuple(skills)

    # incremental ---------------------------------------------------------------------

    def _forget(self, slot: int) -> None:
        for skill_id in self.held.pop(slot, ()):
            p = self.postings[skill_id]
            keep = p.slots != slot
            self.postings[skill_id] = Posting(
                p.slots[keep], p.level[keep], p.valid_until[keep], p.earned[keep]
            )
        for employer in self.cand_chosen.pop(slot, frozenset()):
            self.chosen.get(employer, set()).discard(slot)
        for place in self.cand_places.pop(slot, frozenset()):
            self.places.get(place, set()).discard(slot)
        self.scope[slot] = 0
        self.remote_ok[slot] = True
        self.shift_mask[slot] = 0
        self.wage_floor[slot] = -math.inf
        self.any_place[slot] = True

    def refresh(self, pks: set[int], now: datetime) -> None:
        """Reload these candidates from the database (consent, preferences, skills)."""
        for pk in pks:
            if pk in self.slot:
                self._forget(self.slot[pk])
        shown = set(
            Discoverability.objects.filter(candidate_id__in=pks, candidate__is_active=True)
            .exclude(scope=DiscoveryScope.NONE)
            .values_list("candidate_id", flat=True)
        )
        for pk in sorted(shown):
            self._slot_for(pk)
        todo = sorted(shown)
        self._load_consent(todo)
        self._load_preferences(todo)
        self._load_skills(todo, now)

    def expire(self, now: datetime) -> None:
        """Reload candidates whose strongest credential for a skill has just expired."""
        moment = now.timestamp()
        if moment < self.next_expiry:
            return
        stale: set[int] = set()
        for p in self.postings.values():
            stale.update(p.slots[p.valid_until <= moment].tolist())
        self.next_expiry = math.inf
        self.refresh({int(self.pks[s]) for s in stale}, now)
        for p in self.postings.values():
            if len(p.valid_until):
                self.next_expiry = min(self.next_expiry, float(p.valid_until.min()))

    # ranking -------------------------------------------------------------------------

    def eligible(self, slots: np.ndarray, facts: OpeningFacts) -> np.ndarray:
        """Which of ``slots`` the opening's employer may see and whose preferences it fits."""
        scope = self.scope[slots]
        mask = scope == 1
        chosen = self.chosen.get(facts.employer_pk)
        if chosen:
            named = np.fromiter(chosen, dtype=np.int64, count=len(chosen))
            mask |= (scope == 2) & np.isin(slots, named)
        if facts.shift != FLEXIBLE:
            bit = SHIFT_BITS.get(facts.shift, 0)
            shifts = self.shift_mask[slots]
            mask &= (shifts == 0) | ((shifts & bit) != 0)
        if facts.wage_max_hourly is not None:
            mask &= ~(self.wage_floor[slots] > facts.wage_max_hourly + 1e-9)
        if facts.remote:
            mask &= self.remote_ok[slots]
        elif facts.place:
            here = self.any_place[slots].copy()
            at_place = self.places.get(facts.place)
            if at_place:
                named = np.fromiter(at_place, dtype=np.int64, count=len(at_place))
                here |= np.isin(slots, named)
            mask &= here
        return mask

    def rank(
        self,
        *,
        asks: list[Ask],
        facts: OpeningFacts,
        taxonomy: Taxonomy,
        now: datetime,
        limit: int,
    ) -> list[Ranked]:
        """Scores only the candidates found in the asked skills' postings (everyone else
        scores 0), so the work grows with the matches, not with all candidates."""
        if not asks or self.size == 0:
            return []
        moment = now.timestamp()
        per_ask: list[list[tuple[np.ndarray, np.ndarray, np.ndarray]]] = []
        found: list[np.ndarray] = []
        for ask in asks:
            items = []
            for held, relation in taxonomy.provers_of(ask.skill_id).items():
                p = self.postings.get(held)
                if p is None or len(p.slots) == 0:
                    continue
                value, ok = credit_arrays(
                    relation, p.level, ask.min_level, p.valid_until, p.earned, moment
                )
                items.append((p.slots, value, ok))
                found.append(p.slots)
            per_ask.append(items)
        if not found:
            return []
        slots = np.unique(np.concatenate(found))
        weighted = np.zeros(len(slots), dtype=np.float64)
        missing = np.zeros(len(slots), dtype=np.int32)
        total = 0.0
        for ask, items in zip(asks, per_ask, strict=True):
            best = np.zeros(len(slots), dtype=np.float64)
            meets = np.zeros(len(slots), dtype=bool)
            for posting_slots, value, ok in items:  # a slot appears once per posting
                at = np.searchsorted(slots, posting_slots)
                best[at] = np.maximum(best[at], value)
                meets[at] |= ok
            weight = rules.weight_of(ask.required)
            weighted += weight * best
            total += weight
            if ask.required:
                missing += ~meets
        scores = np.round(100.0 * weighted / total, rules.SCORE_DECIMALS)
        mask = self.eligible(slots, facts) & (scores > 0)
        if not facts.relax_required:
            mask &= missing == 0
        chosen = np.nonzero(mask)[0]
        pks = self.pks[slots[chosen]]
        top = chosen[_top(pks, scores[chosen], limit)]
        return [
            Ranked(int(self.pks[slots[i]]), float(scores[i]), int(missing[i])) for i in top.tolist()
        ]


@dataclass
class OpeningIndex:
    """Open openings and what they ask, as arrays (rows: one per asked skill)."""

    today: date
    pks: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    shift_bit: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    wage_max: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float64))
    remote: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    place: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    relax: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    total_weight: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float64))
    row_opening: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    row_min: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int8))
    row_required: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    row_weight: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float64))
    rows_by_skill: dict[int, np.ndarray] = field(default_factory=dict)
    place_ids: dict[str, int] = field(default_factory=dict)

    @classmethod
    def build(cls, today: date) -> OpeningIndex:
        index = cls(today)
        openings = openings_open(today=today).order_by("pk")
        facts = list(
            openings.values_list(
                "pk", "shift", "wage_max", "wage_unit", "remote", "location", "relax_required"
            )
        )
        slot = {row[0]: i for i, row in enumerate(facts)}
        index.pks = np.array([r[0] for r in facts], dtype=np.int64)
        index.shift_bit = np.array(
            [0 if r[1] == FLEXIBLE else SHIFT_BITS.get(r[1], 0) for r in facts], dtype=np.int32
        )
        wage = [rules.hourly(r[2], r[3]) for r in facts]
        index.wage_max = np.array([math.inf if w is None else w for w in wage], dtype=np.float64)
        index.remote = np.array([r[4] == "remote" for r in facts], dtype=bool)
        places = [rules.place_key(r[5] or "") for r in facts]
        for place in places:
            if place and place not in index.place_ids:
                index.place_ids[place] = len(index.place_ids)
        index.place = np.array([index.place_ids.get(p, -1) for p in places], dtype=np.int32)
        index.relax = np.array([bool(r[6]) for r in facts], dtype=bool)
        from skillstack.jobs.models import OpeningSkill

        asks = list(
            OpeningSkill.objects.filter(opening__in=openings.values("pk"))
            .order_by("opening_id", "skill_id")
            .values_list("opening_id", "skill_id", "required", "min_level")
        )
        index.row_opening = np.array([slot[a[0]] for a in asks], dtype=np.int32)
        skills = np.array([a[1] for a in asks], dtype=np.int64)
        index.row_required = np.array([a[2] for a in asks], dtype=bool)
        index.row_min = np.array([a[3] for a in asks], dtype=np.int8)
        index.row_weight = np.where(
            index.row_required, rules.REQUIRED_WEIGHT, rules.PREFERRED_WEIGHT
        ).astype(np.float64)
        index.total_weight = np.bincount(
            index.row_opening, weights=index.row_weight, minlength=len(facts)
        )
        order = np.argsort(skills, kind="stable")
        sorted_skills = skills[order]
        bounds = np.flatnonzero(np.diff(sorted_skills)) + 1
        for part in np.split(order, bounds):
            if len(part):
                index.rows_by_skill[int(skills[part[0]])] = part.astype(np.int32)
        return index

    def rank(
        self,
        *,
        held: dict[int, tuple[int, float, float]],  # skill → (level, valid until, earned)
        wants: rules.Wants,
        taxonomy: Taxonomy,
        now: datetime,
        limit: int,
        max_missing: int = 0,
    ) -> list[Ranked]:
        count = len(self.pks)
        if count == 0 or not held:
            return []
        moment = now.timestamp()
        best = np.zeros(len(self.row_opening), dtype=np.float64)
        meets = np.zeros(len(self.row_opening), dtype=bool)
        for skill_id, (level, until, earned) in held.items():
            for asked, relation in taxonomy.proven_by(skill_id).items():
                rows = self.rows_by_skill.get(asked)
                if rows is None:
                    continue
                value, ok = credit_arrays(
                    relation, level, self.row_min[rows], until, earned, moment
                )
                best[rows] = np.maximum(best[rows], value)
                meets[rows] |= ok
        weighted = np.bincount(self.row_opening, weights=self.row_weight * best, minlength=count)
        missing = np.bincount(
            self.row_opening, weights=(self.row_required & ~meets), minlength=count
        ).astype(np.int32)
        with np.errstate(invalid="ignore", divide="ignore"):
            scores = np.where(self.total_weight > 0, 100.0 * weighted / self.total_weight, 0.0)
        scores = np.round(scores, rules.SCORE_DECIMALS)
        mask = (scores > 0) & (self.relax | (missing <= max_missing))
        mask &= self._fits(wants)
        chosen = np.nonzero(mask)[0]
        top = chosen[_top(self.pks[chosen], scores[chosen], limit)]
        return [Ranked(int(self.pks[o]), float(scores[o]), int(missing[o])) for o in top.tolist()]

    def _fits(self, wants: rules.Wants) -> np.ndarray:
        mask = np.ones(len(self.pks), dtype=bool)
        shifts = _shift_mask(wants.shifts)
        if shifts:
            mask &= (self.shift_bit == 0) | ((self.shift_bit & shifts) != 0)
        if wants.wage_floor_hourly is not None:
            mask &= ~(wants.wage_floor_hourly > self.wage_max + 1e-9)
        if not wants.remote_ok:
            mask &= ~self.remote
        if wants.places:
            ids = [self.place_ids[p] for p in wants.places if p in self.place_ids]
            here = self.remote | (self.place == -1)
            if ids:
                here |= np.isin(self.place, np.array(ids, dtype=np.int32))
            mask &= here
        return mask


# Keeping the indexes fresh -------------------------------------------------------------


def _taxonomy_fingerprint() -> tuple[Any, ...]:
    skills = (
        skills_for_openings()
        .order_by()
        .aggregate(n=Count("pk"), top=Max("pk"), links=Sum("broader_id"), linked=Count("broader"))
    )
    pairs = equivalences().order_by().aggregate(n=Count("pk"), top=Max("pk"))
    return (*skills.values(), *pairs.values())


def _openings_fingerprint(today: date) -> tuple[Any, ...]:
    from skillstack.jobs.models import Opening, OpeningSkill

    openings = Opening.objects.order_by().aggregate(
        n=Count("pk"), top=Max("pk"), changed=Max("updated_at")
    )
    asks = OpeningSkill.objects.order_by().aggregate(n=Count("pk"), top=Max("pk"))
    return (today, *openings.values(), *asks.values())


class Matcher:
    """The process's indexes, brought up to date before each query."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.candidates: CandidateIndex | None = None
        self.openings: OpeningIndex | None = None
        self.openings_fp: tuple[Any, ...] | None = None
        self.taxonomy: Taxonomy | None = None
        self.taxonomy_fp: tuple[Any, ...] | None = None
        self.taxonomy_checked = 0.0
        self.last_seq = 0
        self.last_at: Any = None

    def reset(self) -> None:
        with self.lock:
            self.__init__()  # type: ignore[misc]

    def _sync_taxonomy(self, *, force: bool = False) -> Taxonomy:
        """Reload the skill graph when it changed; checked at most every few seconds (the
        catalog sends no signal, and one check costs more than a whole ranking)."""
        moment = time.monotonic()
        if (
            self.taxonomy is not None
            and not force
            and moment < self.taxonomy_checked + (TAXONOMY_RECHECK_SECONDS)
        ):
            return self.taxonomy
        fp = _taxonomy_fingerprint()
        self.taxonomy_checked = moment
        if self.taxonomy is None or fp != self.taxonomy_fp:
            self.taxonomy = Taxonomy.load()
            self.taxonomy_fp = fp
        return self.taxonomy

    def _log_state(self) -> tuple[int, Any]:
        """The newest change's id, and the stored time of the last one we applied, in one
        round trip (raw SQL on our own table: the ORM's overhead dominated this check)."""
        table = connection.ops.quote_name(CandidateChange._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT (SELECT MAX(id) FROM {table}), "  # noqa: S608 - our own table name
                f"(SELECT at FROM {table} WHERE id = %s)",
                [self.last_seq],
            )
            newest, anchor = cursor.fetchone()
        return newest or 0, anchor

    def _sync_candidates(self, now: datetime) -> CandidateIndex:
        newest, anchor = self._log_state()
        rolled_back = self.last_seq != 0 and anchor != self.last_at
        if self.candidates is None or rolled_back or newest < self.last_seq:
            return self._rebuild(now)
        if newest > self.last_seq:
            changes = list(
                CandidateChange.objects.filter(pk__gt=self.last_seq, pk__lte=newest)
                .order_by("pk")
                .values_list("pk", "candidate_pk")
            )
            touched = {c[1] for c in changes}
            if None in touched or len(touched) > INCREMENTAL_LIMIT:
                return self._rebuild(now)
            self.candidates.refresh({int(pk) for pk in touched if pk is not None}, now)
            self.last_seq, self.last_at = self._anchor(newest)
        self.candidates.expire(now)
        return self.candidates

    def _anchor(self, seq: int) -> tuple[int, Any]:
        table = connection.ops.quote_name(CandidateChange._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id, at FROM {table} WHERE id = %s", [seq])  # noqa: S608
            row = cursor.fetchone()
        return (row[0], row[1]) if row else (0, None)

    def _rebuild(self, now: datetime) -> CandidateIndex:
        newest, _ = self._log_state()
        self.last_seq, self.last_at = self._anchor(newest) if newest else (0, None)
        self.candidates = CandidateIndex.build(now)
        self._sync_taxonomy(force=True)
        return self.candidates

    def candidate_side(self, now: datetime) -> tuple[CandidateIndex, Taxonomy]:
        with self.lock:
            return self._sync_candidates(now), self._sync_taxonomy()

    def opening_side(self, now: datetime) -> tuple[OpeningIndex, Taxonomy]:
        with self.lock:
            today = timezone.localdate(now)
            fp = _openings_fingerprint(today)
            if self.openings is None or fp != self.openings_fp:
                self.openings = OpeningIndex.build(today)
                self.openings_fp = fp
            return self.openings, self._sync_taxonomy()


MATCHER = Matcher()
"""One per process; tests reset it (``MATCHER.reset()``) when they swap databases."""
