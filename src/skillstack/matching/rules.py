"""How much a credential counts towards a skill an opening asks for, in one place.

The ranking (vectorised, ``matching.index``) and the explanation (``matching.explain``) both
use these numbers, so what a recruiter reads is what ranked the candidate. Decisions
(docs/decisions/ ADR "matching rules", summarised here):

* **Relation of the proven skill to the asked skill** — the same skill, or one declared
  equivalent (``SkillEquivalence``, taken transitively), counts fully and meets the skill.
  A *narrower* skill (any depth below the asked one) proves its broader skill **partly (0.8)
  but meets it**: holding "use micropipettes" shows one can do "laboratory techniques".
  A *broader* skill (the asked skill's direct parent) proves the narrower one **only partly
  (0.5) and never meets it**: a general credential does not show the specific skill.
* **Level** — at or above the opening's minimum counts fully; below it counts half of the
  share of the minimum reached (a level 1 against a minimum of 2 counts 0.25) and does not
  meet the skill.
* **Expiry** — an expired credential never counts. One expiring within 180 days counts less,
  linearly from 1.0 down to 0.5 on its last day.
* **Recency** — earned within two years counts fully; then 0.1 less per year, never below 0.7.
* **Score** — required skills weigh 2, preferred 1; the score is the weighted share of the
  best credit per asked skill, 0-100. A candidate missing a required skill is not ranked
  unless the opening relaxes its requirements (then they are ranked and flagged).
* **Ties** — equal scores (to four decimals) are ordered by the candidate's (or opening's)
  id, so a ranking never changes between two identical queries.
* Each candidate's **strongest credential per skill** is the one used: highest level, then the
  one valid longest, then the newest.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import IntEnum

EXPIRY_SOON_DAYS = 180.0
EXPIRY_FLOOR = 0.5
RECENCY_FULL_YEARS = 2.0
RECENCY_STEP = 0.1
RECENCY_FLOOR = 0.7
REQUIRED_WEIGHT = 2.0
PREFERRED_WEIGHT = 1.0
DAY = 86400.0
YEAR = 365.25 * DAY
HOURS_PER_YEAR = 2080
SCORE_DECIMALS = 4


class Relation(IntEnum):
    """How a held skill relates to an asked one (higher is better)."""

    BROADER = 1  # the held skill is the asked skill's broader one
    NARROWER = 2  # the held skill is narrower than the asked one
    EQUIVALENT = 3  # declared equivalent
    SAME = 4


RELATION_FACTOR = {
    Relation.SAME: 1.0,
    Relation.EQUIVALENT: 1.0,
    Relation.NARROWER: 0.8,
    Relation.BROADER: 0.5,
}
RELATION_MEETS = {
    Relation.SAME: True,
    Relation.EQUIVALENT: True,
    Relation.NARROWER: True,
    Relation.BROADER: False,
}
RELATION_WORDS = {
    Relation.SAME: "proves it",
    Relation.EQUIVALENT: "proves an equivalent skill",
    Relation.NARROWER: "proves a narrower skill (counts 80 %)",
    Relation.BROADER: "proves only the broader skill (counts 50 %)",
}


def weight_of(required: bool) -> float:
    return REQUIRED_WEIGHT if required else PREFERRED_WEIGHT


def epoch(moment: datetime | None) -> float:
    """Seconds since the epoch; no end date is infinitely far away."""
    return math.inf if moment is None else moment.timestamp()


def expiry_weight(valid_until: float, now: float) -> float:
    """1.0 far from expiry, down to 0.5 on the last day, 0 once expired."""
    if valid_until <= now:
        return 0.0
    days_left = (valid_until - now) / DAY
    if days_left >= EXPIRY_SOON_DAYS:
        return 1.0
    return EXPIRY_FLOOR + (1.0 - EXPIRY_FLOOR) * days_left / EXPIRY_SOON_DAYS


def recency_weight(earned_at: float, now: float) -> float:
    years = max(0.0, (now - earned_at) / YEAR)
    if years <= RECENCY_FULL_YEARS:
        return 1.0
    return max(RECENCY_FLOOR, 1.0 - RECENCY_STEP * (years - RECENCY_FULL_YEARS))


def level_credit(level: int, min_level: int) -> float:
    if level >= min_level:
        return 1.0
    return 0.5 * level / min_level


@dataclass(frozen=True, slots=True)
class Credit:
    value: float  # 0..1
    meets: bool  # counts as having the skill at the minimum level


def credit(
    *,
    relation: Relation,
    level: int,
    min_level: int,
    valid_until: float,
    earned_at: float,
    now: float,
) -> Credit:
    """What one held skill is worth towards one asked skill at ``now``."""
    expiry = expiry_weight(valid_until, now)
    if expiry == 0.0:
        return Credit(0.0, False)
    value = (
        RELATION_FACTOR[relation]
        * level_credit(level, min_level)
        * expiry
        * recency_weight(earned_at, now)
    )
    return Credit(value, RELATION_MEETS[relation] and level >= min_level)


def strongest_key(level: int, valid_until: float, earned_at: float, ref: str) -> tuple:
    """Sort key picking a candidate's strongest credential for one skill (max wins)."""
    return (level, valid_until, earned_at, ref)


def score_of(weighted: float, total_weight: float) -> float:
    """The 0-100 score, rounded so float noise never decides a tie."""
    if total_weight <= 0:
        return 0.0
    return round(100.0 * weighted / total_weight, SCORE_DECIMALS)


# Preference filters --------------------------------------------------------------------


def place_key(text: str) -> str:
    """ "Boston, MA" and "boston" name the same place for matching (the part before a comma)."""
    return " ".join(text.split(",")[0].split()).casefold()


def hourly(amount: Decimal | float | None, unit: str) -> float | None:
    if amount is None:
        return None
    value = float(amount)
    return value / HOURS_PER_YEAR if unit == "year" else value


@dataclass(frozen=True, slots=True)
class Wants:
    """A candidate's preferences in the terms the filters need (empty means any)."""

    places: frozenset[str]  # place_key() of each location
    remote_ok: bool
    shifts: frozenset[str]  # empty or containing "flexible": any shift
    wage_floor_hourly: float | None


def wants_of(prefs: object | None) -> Wants:
    if prefs is None:
        return Wants(frozenset(), True, frozenset(), None)
    return Wants(
        frozenset(place_key(p) for p in getattr(prefs, "locations", []) or [] if place_key(p)),
        bool(getattr(prefs, "remote_ok", True)),
        frozenset(getattr(prefs, "shifts", []) or []),
        hourly(getattr(prefs, "wage_floor", None), getattr(prefs, "wage_unit", "hour")),
    )


def misfits(wants: Wants, opening: object) -> list[str]:
    """Why an opening does not fit the candidate's preferences (empty: it fits)."""
    reasons = []
    shift = getattr(opening, "shift", "")
    any_shift = not wants.shifts or "flexible" in wants.shifts or shift == "flexible"
    if not any_shift and shift not in wants.shifts:
        reasons.append(f"works the {shift} shift, not one the candidate chose")
    wage_max = hourly(getattr(opening, "wage_max", None), getattr(opening, "wage_unit", "hour"))
    floor = wants.wage_floor_hourly
    if floor is not None and wage_max is not None and floor > wage_max + 1e-9:
        reasons.append("pays at most less than the candidate's lowest acceptable pay")
    remote = getattr(opening, "remote", "on_site")
    if remote == "remote":
        if not wants.remote_ok:
            reasons.append("is remote work, which the candidate does not want")
    elif wants.places:
        place = place_key(getattr(opening, "location", "") or "")
        if place and place not in wants.places:
            reasons.append("is in a place the candidate did not choose")
    return reasons
