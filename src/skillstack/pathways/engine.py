"""The pathway evaluation engine: a requirement tree and a learner's holdings in, progress out.

Pure and deterministic (no database, no Django, no clock of its own): the caller passes the
holdings that verify now (``skillstack.wallet.holdings``, converted with ``Held.of``) and
``now``. The same inputs always give the same answer, so the learner's page, the certificate
task and the periodic re-check agree.

The tree (validated by :mod:`skillstack.pathways.definition`) has groups and leaves:

* ``{"kind": "all" | "sequence" | "one" | "any", "k": n, "items": [...]}``: every item,
  every level in order (each level counts only once the one before is met), one of the
  items, or any ``k`` of them;
* ``{"kind": "credential", "micro_credential": pk}`` or ``{"kind": "credential",
  "achievement_id": url, "issuer_id": did}`` with optional ``accepts`` (accepted equivalents,
  e.g. another provider's credential) and ``within_years`` (recency);
* ``{"kind": "skill", "skill": pk, "min_level": 1..4}`` with optional ``within_years``.

Each holding satisfies at most one requirement of a pathway: one badge cannot count twice
toward "any 3 of 5". Holdings are assigned to requirements by a maximum bipartite matching
(requirements in tree order, candidates newest first, augmenting paths), so a holding that
could serve two requirements goes where it lets the most requirements be met. For nested
"any k" groups a maximum matching is not always the one that completes the most groups;
every tree the editors build in practice (levels, k-of-a-set, groups of those) is flat
enough that it is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

GROUP_KINDS = ("all", "sequence", "one", "any")
LEAF_KINDS = ("credential", "skill")
DAYS_PER_YEAR = 365.25


@dataclass(frozen=True, slots=True)
class Held:
    """One holding in the terms the engine needs (see ``wallet.holdings.Holding``)."""

    ref: str
    name: str
    issuer_name: str
    issuer_id: str
    achievement_id: str
    micro_credential_id: int | None
    proficiency: int
    skill_ids: frozenset[int]
    earned_at: datetime
    url: str = ""
    source: str = "platform"
    pk: int = 0


@dataclass(frozen=True, slots=True)
class NodeResult:
    """One requirement or group, satisfied or not, and the holding that satisfies a leaf."""

    path: str
    kind: str
    label: str
    satisfied: bool
    needed: int
    met: int
    holding: Held | None = None
    via_equivalence: bool = False
    locked: bool = False  # a level of a sequence waiting for the level before it
    children: tuple[NodeResult, ...] = ()
    requirement: Mapping[str, Any] = field(default_factory=dict)

    @property
    def is_leaf(self) -> bool:
        return self.kind in LEAF_KINDS


@dataclass(frozen=True, slots=True)
class Progress:
    root: NodeResult
    complete: bool
    used: tuple[Held, ...]  # the holdings that satisfy requirements, in tree order
    next_steps: tuple[NodeResult, ...]  # open requirements worth working on now
    touched: bool  # at least one requirement could be met by something the learner holds


def _years_ago(now: datetime, years: int) -> datetime:
    return now - timedelta(days=years * DAYS_PER_YEAR)


def _recent(leaf: Mapping[str, Any], held: Held, now: datetime) -> bool:
    years = leaf.get("within_years")
    return not years or held.earned_at >= _years_ago(now, int(years))


def _names(target: Mapping[str, Any], held: Held) -> bool:
    """A credential reference (our micro-credential, or an achievement id and issuer)."""
    mc = target.get("micro_credential")
    if mc is not None:
        return held.micro_credential_id == int(mc)
    achievement = target.get("achievement_id")
    if not achievement or held.achievement_id != achievement:
        return False
    issuer = target.get("issuer_id")
    return not issuer or held.issuer_id == issuer


def leaf_match(
    leaf: Mapping[str, Any],
    held: Held,
    now: datetime,
    skill_aliases: Mapping[int, frozenset[int]] | None = None,
) -> tuple[bool, bool]:
    """(matches, through an accepted equivalent) for one requirement and one holding."""
    if not _recent(leaf, held, now):
        return False, False
    if leaf.get("kind") == "skill":
        skill = int(leaf["skill"])
        accepted = {skill, *(skill_aliases or {}).get(skill, frozenset())}
        level_ok = held.proficiency >= int(leaf.get("min_level", 1))
        if not level_ok or not accepted & held.skill_ids:
            return False, False
        return True, skill not in held.skill_ids
    if _names(leaf, held):
        return True, False
    if any(_names(alt, held) for alt in leaf.get("accepts", ())):
        return True, True
    return False, False


def _leaves(node: Mapping[str, Any], path: str, out: list[tuple[str, Mapping[str, Any]]]) -> None:
    if node.get("kind") in LEAF_KINDS:
        out.append((path, node))
        return
    for index, child in enumerate(node.get("items", ())):
        _leaves(child, f"{path}.{index}", out)


def _ordered(holdings: Sequence[Held]) -> list[Held]:
    return sorted(holdings, key=lambda h: (-h.earned_at.timestamp(), h.ref))


def _match(candidates: list[list[int]], holdings_count: int) -> dict[int, int]:
    """Maximum bipartite matching (Kuhn): leaf index → holding index."""
    owner: list[int | None] = [None] * holdings_count

    def augment(leaf: int, seen: set[int]) -> bool:
        for holding in candidates[leaf]:
            if holding in seen:
                continue
            seen.add(holding)
            current = owner[holding]
            if current is None or augment(current, seen):
                owner[holding] = leaf
                return True
        return False

    for leaf in range(len(candidates)):
        augment(leaf, set())
    return {leaf: h for h, leaf in enumerate(owner) if leaf is not None}


def _needed(node: Mapping[str, Any]) -> int:
    kind = node.get("kind")
    items = node.get("items", ())
    if kind == "any":
        return int(node.get("k", 1))
    if kind == "one":
        return 1
    return len(items)


def _label(node: Mapping[str, Any]) -> str:
    return str(node.get("label") or "")


def _build(
    node: Mapping[str, Any],
    path: str,
    assigned: Mapping[str, tuple[Held, bool]],
    locked: bool,
) -> NodeResult:
    kind = str(node.get("kind"))
    if kind in LEAF_KINDS:
        hit = assigned.get(path)
        return NodeResult(
            path=path,
            kind=kind,
            label=_label(node),
            satisfied=hit is not None,
            needed=1,
            met=1 if hit else 0,
            holding=hit[0] if hit else None,
            via_equivalence=hit[1] if hit else False,
            locked=locked,
            requirement=node,
        )
    children: list[NodeResult] = []
    blocked = locked
    for index, child in enumerate(node.get("items", ())):
        result = _build(child, f"{path}.{index}", assigned, blocked)
        if kind == "sequence" and not result.satisfied:
            blocked = True  # every later level waits for this one
        children.append(result)
    if kind == "sequence":
        met = 0  # a level counts only once every level before it is met
        while met < len(children) and children[met].satisfied:
            met += 1
    else:
        met = sum(1 for child in children if child.satisfied)
    needed = _needed(node)
    return NodeResult(
        path=path,
        kind=kind,
        label=_label(node),
        satisfied=met >= needed,
        needed=needed,
        met=met,
        locked=locked,
        children=tuple(children),
        requirement=node,
    )


def _open_leaves(result: NodeResult, out: list[NodeResult]) -> None:
    """Requirements to work on now: unmet, not locked, in a group still short."""
    if result.satisfied:
        return
    if result.is_leaf:
        if not result.locked:
            out.append(result)
        return
    for child in result.children:
        _open_leaves(child, out)
        if result.kind == "sequence" and not child.satisfied:
            break  # the next level only


def _used(result: NodeResult, out: list[Held]) -> None:
    if result.holding is not None:
        out.append(result.holding)
    for child in result.children:
        _used(child, out)


def evaluate(
    tree: Mapping[str, Any],
    holdings: Sequence[Held],
    *,
    now: datetime,
    skill_aliases: Mapping[int, frozenset[int]] | None = None,
) -> Progress:
    """How far ``holdings`` go toward ``tree`` at ``now``; deterministic."""
    leaves: list[tuple[str, Mapping[str, Any]]] = []
    _leaves(tree, "0", leaves)
    ordered = _ordered(holdings)
    candidates: list[list[int]] = []
    equivalence: dict[tuple[int, int], bool] = {}
    for li, (_path, leaf) in enumerate(leaves):
        row = []
        for hi, held in enumerate(ordered):
            ok, via = leaf_match(leaf, held, now, skill_aliases)
            if ok:
                row.append(hi)
                equivalence[(li, hi)] = via
        candidates.append(row)
    matching = _match(candidates, len(ordered))
    assigned = {leaves[li][0]: (ordered[hi], equivalence[(li, hi)]) for li, hi in matching.items()}
    root = _build(tree, "0", assigned, False)
    used: list[Held] = []
    _used(root, used)
    steps: list[NodeResult] = []
    _open_leaves(root, steps)
    return Progress(
        root=root,
        complete=root.satisfied,
        used=tuple(used),
        next_steps=tuple(steps),
        touched=any(candidates),
    )


def leaf_micro_credentials(tree: Mapping[str, Any]) -> set[int]:
    """Every micro-credential a tree names (required or accepted)."""
    leaves: list[tuple[str, Mapping[str, Any]]] = []
    _leaves(tree, "0", leaves)
    found: set[int] = set()
    for _path, leaf in leaves:
        for target in (leaf, *leaf.get("accepts", ())):
            if target.get("micro_credential") is not None:
                found.add(int(target["micro_credential"]))
    return found
