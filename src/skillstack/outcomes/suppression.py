"""Small-cell suppression with complementary suppression, as a pure function over a table.

Primary suppression hides every count below the threshold (zero included: an empty cell
says as much about a small group as a tiny one). Complementary suppression then makes sure no
hidden value can be worked out by subtraction: for every *additive group* (cells whose sum
is published as a total, e.g. the demographic rows of one column and their Total row; the
total itself is a member of the group), if exactly one member is hidden, the smallest
visible member is hidden too (components before the total). This repeats until nothing
changes (a fixed point): one new hidden cell can expose a cell in a crossing group.

Derived cells (rates and medians) are hidden when their base counts fewer people than the
threshold or when any count they are computed from is hidden (a rate and its visible base
would give the hidden numerator back).

This follows the practice described in the U.S. Department of Education's PTAC guidance
"Frequently Asked Questions — Disclosure Avoidance" (2012) and NCES Statistical Standard 4-2.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

Key = Any  # a cell's key: any hashable value (a name, a (row, column) pair)


@dataclass(frozen=True)
class AdditiveGroup:
    components: tuple[Key, ...]
    total: Key | None = None  # a published total (None: the parts alone are published)

    def members(self) -> tuple[Key, ...]:
        return (*self.components, self.total) if self.total is not None else self.components


@dataclass(frozen=True)
class Derived:
    """A rate or median: hidden with any count it uses, or when its base is too small."""

    base_size: int  # how many people the figure is computed over
    depends_on: tuple[Key, ...] = ()


@dataclass
class Suppression:
    hidden: set[Key] = field(default_factory=set)
    primary: set[Key] = field(default_factory=set)

    def is_hidden(self, key: Key) -> bool:
        return key in self.hidden


def suppress(
    counts: Mapping[Key, int],
    *,
    threshold: int,
    groups: Iterable[AdditiveGroup] = (),
    derived: Mapping[Key, Derived] | None = None,
) -> Suppression:
    """Which cells to hide: counts < threshold, their complements, and derived figures."""
    if threshold < 1:
        raise ValueError("The suppression threshold must be at least 1")
    groups = list(groups)
    for group in groups:
        for key in group.members():
            if key not in counts:
                raise KeyError(f"Additive group names an unknown cell {key!r}")
    primary = {key for key, value in counts.items() if value < threshold}
    hidden = set(primary)
    changed = True
    while changed:
        changed = False
        for group in groups:
            members = group.members()
            if sum(1 for key in members if key in hidden) != 1:
                continue
            victim = _next_smallest(group, counts, hidden)
            if victim is not None:
                hidden.add(victim)
                changed = True
    for key, spec in (derived or {}).items():
        if spec.base_size < threshold or any(dep in hidden for dep in spec.depends_on):
            hidden.add(key)
    return Suppression(hidden=hidden, primary=primary)


def _next_smallest(group: AdditiveGroup, counts: Mapping[Key, int], hidden: set[Key]) -> Key:
    visible = [key for key in group.components if key not in hidden]
    if visible:
        # Smallest value first; ties broken by position so the result is deterministic.
        order = {key: i for i, key in enumerate(group.components)}
        return min(visible, key=lambda key: (counts[key], order[key]))
    return group.total if group.total is not None and group.total not in hidden else None
