"""The skill graph matching walks: broader/narrower links and declared equivalences.

``provers_of(asked)`` says which held skills prove an asked skill, and how (see
``matching.rules.Relation``); ``proven_by(held)`` is the same relation seen from the held
side, so ranking candidates for an opening and openings for a candidate agree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache

from skillstack.catalog.taxonomy_selectors import equivalences, skills_for_openings
from skillstack.matching.rules import Relation


class Taxonomy:
    def __init__(self, parents: Mapping[int, int | None], pairs: Iterable[tuple[int, int]]) -> None:
        self.parent: dict[int, int] = {k: v for k, v in parents.items() if v is not None}
        self.children: dict[int, list[int]] = defaultdict(list)
        for child, parent in self.parent.items():
            self.children[parent].append(child)
        self._group: dict[int, frozenset[int]] = {}
        links: dict[int, set[int]] = defaultdict(set)
        for a, b in pairs:
            links[a].add(b)
            links[b].add(a)
        for start in links:  # equivalence is taken transitively: connected components
            if start in self._group:
                continue
            seen = {start}
            todo = [start]
            while todo:
                for other in links[todo.pop()]:
                    if other not in seen:
                        seen.add(other)
                        todo.append(other)
            component = frozenset(seen)
            for member in component:
                self._group[member] = component
        self.provers_of = lru_cache(maxsize=200_000)(self._provers_of)
        self.proven_by = lru_cache(maxsize=200_000)(self._proven_by)

    @classmethod
    def load(cls) -> Taxonomy:
        parents = dict(skills_for_openings().order_by().values_list("pk", "broader_id"))
        pairs = equivalences().order_by().values_list("skill_a_id", "skill_b_id")
        return cls(parents, list(pairs))

    def group(self, skill_id: int) -> frozenset[int]:
        return self._group.get(skill_id, frozenset((skill_id,)))

    def _groups(self, skill_ids: Iterable[int]) -> set[int]:
        found: set[int] = set()
        for skill_id in skill_ids:
            found |= self.group(skill_id)
        return found

    def _descendants(self, roots: set[int]) -> set[int]:
        found: set[int] = set()
        todo = list(roots)
        while todo:
            for child in self.children.get(todo.pop(), ()):
                if child not in found and child not in roots:
                    found.add(child)
                    todo.append(child)
        return found

    def _ancestors(self, roots: set[int]) -> set[int]:
        found: set[int] = set()
        for root in roots:
            node = self.parent.get(root)
            while node is not None and node not in found and node not in roots:
                found.add(node)
                node = self.parent.get(node)
        return found

    @staticmethod
    def _merge(target: dict[int, Relation], skills: Iterable[int], relation: Relation) -> None:
        for skill_id in skills:
            if target.get(skill_id, Relation.BROADER - 1) < relation:
                target[skill_id] = relation

    def _provers_of(self, asked: int) -> dict[int, Relation]:
        """Held skill → its relation to ``asked`` (the best one when several apply)."""
        same = self.group(asked)
        found: dict[int, Relation] = {}
        parents = {self.parent[s] for s in same if s in self.parent}
        self._merge(found, self._groups(parents), Relation.BROADER)
        self._merge(found, self._groups(self._descendants(set(same))), Relation.NARROWER)
        self._merge(found, same, Relation.EQUIVALENT)
        found[asked] = Relation.SAME
        return found

    def _proven_by(self, held: int) -> dict[int, Relation]:
        """Asked skill → the relation ``held`` has to it (inverse of ``provers_of``)."""
        same = self.group(held)
        found: dict[int, Relation] = {}
        children = [c for s in same for c in self.children.get(s, ())]
        self._merge(found, self._groups(children), Relation.BROADER)
        self._merge(found, self._groups(self._ancestors(set(same))), Relation.NARROWER)
        self._merge(found, same, Relation.EQUIVALENT)
        found[held] = Relation.SAME
        return found
