"""Why a candidate matches an opening, in words a recruiter and a learner can check.

For every skill the opening asks: which credential proves it (name, issuer, date, link), how
(the skill itself, an equivalent, a narrower or broader one), at what level and whether it
expires soon; what is missing, and which published micro-credentials (any issuer) would close
each gap. The score here is computed with the same rules as the ranking, so the two agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from skillstack.catalog.proficiency import Proficiency
from skillstack.catalog.taxonomy_selectors import Prover
from skillstack.matching import rules
from skillstack.matching.index import Ask
from skillstack.matching.models import DeclaredSkill, VerifiedSkill
from skillstack.matching.taxonomy import Taxonomy

MET, PARTIAL, MISSING = "met", "partial", "missing"


def level_words(level: int) -> str:
    try:
        return str(Proficiency(level).label)
    except ValueError:
        return str(level)


@dataclass(frozen=True, slots=True)
class Proof:
    """The credential that proves (or partly proves) one asked skill."""

    credential_name: str
    issuer_name: str
    earned_at: datetime
    valid_until: datetime | None
    url: str
    source: str
    credential_pk: int
    proven_skill_id: int
    proven_skill_label: str
    relation: str  # rules.Relation name, lower case
    relation_words: str
    level: int
    level_words: str
    expiring_soon: bool


@dataclass(frozen=True, slots=True)
class SkillLine:
    skill_id: int
    label: str
    required: bool
    min_level: int
    min_level_words: str
    status: str  # met, partial, missing
    credit: float  # 0..1
    proof: Proof | None
    declared: bool  # the candidate declares it themself (never counts)
    close_with: tuple[Prover, ...]  # published micro-credentials that prove it


@dataclass
class Explanation:
    score: float
    missing_required: int
    lines: list[SkillLine]
    misfits: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    @property
    def met(self) -> list[SkillLine]:
        return [line for line in self.lines if line.status == MET]

    @property
    def gaps(self) -> list[SkillLine]:
        return [line for line in self.lines if line.status != MET]


def strongest(rows: list[VerifiedSkill]) -> dict[int, VerifiedSkill]:
    """Each skill's strongest credential (rules.strongest_key), from rows valid now."""
    best: dict[int, VerifiedSkill] = {}
    for row in rows:
        key = rules.strongest_key(
            row.level, rules.epoch(row.valid_until), rules.epoch(row.earned_at), row.credential_ref
        )
        held = best.get(row.skill_id)
        if held is None or key > rules.strongest_key(
            held.level,
            rules.epoch(held.valid_until),
            rules.epoch(held.earned_at),
            held.credential_ref,
        ):
            best[row.skill_id] = row
    return best


def _proof(row: VerifiedSkill, relation: rules.Relation, now: float) -> Proof:
    until = rules.epoch(row.valid_until)
    return Proof(
        credential_name=row.credential_name,
        issuer_name=row.issuer_name,
        earned_at=row.earned_at,
        valid_until=row.valid_until,
        url=row.credential_url,
        source=row.source,
        credential_pk=row.credential_pk,
        proven_skill_id=row.skill_id,
        proven_skill_label=row.skill.label,
        relation=relation.name.lower(),
        relation_words=rules.RELATION_WORDS[relation],
        level=row.level,
        level_words=level_words(row.level),
        expiring_soon=until - now < rules.EXPIRY_SOON_DAYS * rules.DAY,
    )


def _line(
    ask: Ask,
    label: str,
    held: dict[int, VerifiedSkill],
    declared: set[int],
    taxonomy: Taxonomy,
    provers: dict[int, list[Prover]],
    now: float,
) -> SkillLine:
    candidates = []
    for skill_id, relation in taxonomy.provers_of(ask.skill_id).items():
        row = held.get(skill_id)
        if row is None:
            continue
        got = rules.credit(
            relation=relation,
            level=row.level,
            min_level=ask.min_level,
            valid_until=rules.epoch(row.valid_until),
            earned_at=rules.epoch(row.earned_at),
            now=now,
        )
        if got.value > 0:
            candidates.append((got, relation, row))
    value = max((c[0].value for c in candidates), default=0.0)
    meeting = [c for c in candidates if c[0].meets]
    pick = max(
        meeting or candidates,
        key=lambda c: (c[0].value, c[1], -c[2].skill_id),
        default=None,
    )
    status = MET if meeting else (PARTIAL if value > 0 else MISSING)
    group = taxonomy.group(ask.skill_id)
    return SkillLine(
        skill_id=ask.skill_id,
        label=label,
        required=ask.required,
        min_level=ask.min_level,
        min_level_words=level_words(ask.min_level),
        status=status,
        credit=round(value, rules.SCORE_DECIMALS),
        proof=_proof(pick[2], pick[1], now) if pick else None,
        declared=bool(group & declared),
        close_with=tuple(provers.get(ask.skill_id, ())) if status != MET else (),
    )


def explain(
    *,
    asks: list[tuple[Ask, str]],
    rows: list[VerifiedSkill],
    declared: list[DeclaredSkill],
    taxonomy: Taxonomy,
    provers: dict[int, list[Prover]],
    opening: Any,
    wants: rules.Wants,
    now: datetime,
) -> Explanation:
    """The explained match of one candidate (their valid skill rows) and one opening."""
    moment = now.timestamp()
    held = strongest(rows)
    declared_ids = {d.skill_id for d in declared}
    lines = [_line(a, label, held, declared_ids, taxonomy, provers, moment) for a, label in asks]
    weighted = 0.0
    total = 0.0
    for (ask, _label), line in zip(asks, lines, strict=True):
        weight = rules.weight_of(ask.required)
        total += weight
        weighted += weight * line.credit
    missing_required = sum(1 for line in lines if line.required and line.status != MET)
    explanation = Explanation(
        score=rules.score_of(weighted, total),
        missing_required=missing_required,
        lines=sorted(lines, key=lambda x: (not x.required, x.status != MET, x.label.lower())),
        misfits=rules.misfits(wants, opening),
    )
    explanation.flags = opening_flags(opening=opening, asks=asks, provers=provers)
    if missing_required and getattr(opening, "relax_required", False):
        explanation.flags.insert(
            0,
            f"Misses {missing_required} required skill(s): shown because the employer "
            "relaxed the requirements for this opening.",
        )
    return explanation


def opening_flags(
    *, opening: Any, asks: list[tuple[Ask, str]], provers: dict[int, list[Prover]]
) -> list[str]:
    """Notes about the opening itself: a degree asked for although skills can be proven."""
    degree = getattr(opening, "degree_requirement", "none")
    flags = []
    if degree == "required":
        flags.append(
            "This opening requires a degree. Degrees are not verified on this platform, so the "
            "employer checks it; candidates are shown, never hidden, for lack of one."
        )
    every_skill_provable = bool(asks) and all(provers.get(a.skill_id) for a, _ in asks)
    if degree in ("required", "preferred") and every_skill_provable:
        flags.append(
            "Every skill this opening asks for can be proven by a published micro-credential: "
            f"the degree {'requirement' if degree == 'required' else 'preference'} may shut "
            "out skilled candidates."
        )
    return flags
