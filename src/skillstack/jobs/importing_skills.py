"""How an imported opening names its skills: ``framework:code`` (``esco:…``, ``onet:2.A.1.f``)
or a skill's name (its label or an alternative label), optionally followed by ``@level`` (1 to 4 or
the level's name: ``Aseptic technique@2``, ``onet:2.A.1.f@Advanced``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from skillstack.catalog import taxonomy_selectors
from skillstack.catalog.proficiency import Proficiency
from skillstack.jobs.services import SkillAsk

if TYPE_CHECKING:
    from skillstack.jobs.importing import Item, OpeningImportReport

LEVEL_NAMES = {label.lower(): value for value, label in Proficiency.choices}


class SkillResolver:
    """Looks skills up once per import (the catalog is read when the first item needs it)."""

    def __init__(self) -> None:
        self._by_code: dict[tuple[str, str], int] | None = None
        self._by_name: dict[str, int] = {}
        self._skills: dict[int, Any] = {}

    def _load(self) -> None:
        self._by_code = {}
        for skill in taxonomy_selectors.skills_for_openings():
            self._skills[skill.pk] = skill
            if skill.organization_id is None:
                self._by_code[(skill.framework, skill.code.lower())] = skill.pk
            self._by_name.setdefault(skill.label.strip().lower(), skill.pk)
        for names in taxonomy_selectors.skill_names():
            for name in names.names[1:]:
                self._by_name.setdefault(name.strip().lower(), names.skill_id)

    def find(self, ref: str) -> tuple[int | None, int | None]:
        """(skill id or None, level or None when the level part is not understood)."""
        if self._by_code is None:
            self._load()
        assert self._by_code is not None
        name, _, level_text = ref.rpartition("@") if "@" in ref else (ref, "", "")
        level: int | None = Proficiency.FOUNDATIONAL
        if level_text:
            level_text = level_text.strip().lower()
            level = int(level_text) if level_text in {"1", "2", "3", "4"} else None
            level = level or LEVEL_NAMES.get(level_text)
        name = name.strip()
        prefix, _, code = name.partition(":")
        if code and prefix.lower() in ("esco", "onet", "own"):
            return self._by_code.get((prefix.lower(), code.strip().lower())), level
        return self._by_name.get(name.lower()), level

    def asks(self, item: Item, report: OpeningImportReport) -> list[SkillAsk] | None:
        from skillstack.jobs.importing import ItemError

        asks: list[SkillAsk] = []
        ok = True
        seen: set[int] = set()
        for column, refs, required in (
            ("required_skills", item.required_skills, True),
            ("preferred_skills", item.preferred_skills, False),
        ):
            field = column if item.strict_skills else "skills"
            for ref in refs:
                skill_id, level = self.find(ref)
                if skill_id is None:
                    unknown = f"no skill is called '{ref[:80]}'"
                    if item.strict_skills:
                        hint = f"{unknown} (use framework:code or its name)."
                        report.errors.append(ItemError(item.where, field, hint))
                        ok = False
                    else:
                        left_out = f"{unknown} in the taxonomy; left out, add it by hand."
                        report.warnings.append(ItemError(item.where, field, left_out))
                    continue
                if level is None:
                    report.errors.append(
                        ItemError(item.where, field, f"'{ref[:80]}': the level must be 1 to 4.")
                    )
                    ok = False
                    continue
                if skill_id in seen:
                    continue
                seen.add(skill_id)
                asks.append(SkillAsk(self._skills[skill_id], required, level))
        return asks if ok else None
