"""Skills a posting's text mentions, for a recruiter to confirm (never added on their own).

Two ways of finding a skill, both explainable by the phrase they matched:

* **its names**: the label or an alternative label of the taxonomy (ESCO ``altLabels`` such as
  "GMP" for "apply good manufacturing practices"), compared on normalised, stemmed words, so
  "pipetting" finds "pipette", and generic leading verbs of ESCO labels ("apply", "use",
  "perform") do not have to appear in the text;
* **similar wording**: n-gram windows of the text compared with every name by edit distance
  (rapidfuzz), which forgives typos and small variations (a letter missing or swapped).

Short names (abbreviations such as "PCR") match only as whole words, never fuzzily: three
letters are too easy to find by accident.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from skillstack.catalog import taxonomy_selectors
from skillstack.catalog.taxonomy_selectors import SkillNames

MAX_TEXT = 20_000
MAX_SUGGESTIONS = 15
FUZZY_CUTOFF = 88
MIN_FUZZY_CHARS = 6
WORD = re.compile(r"[A-Za-z0-9]+(?:[+#][A-Za-z0-9+#]*)?")

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "or",
        "the",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "by",
        "at",
        "from",
        "as",
        "is",
        "are",
        "be",
        "this",
        "that",
        "our",
        "your",
        "you",
        "we",
        "will",
        "can",
        "must",
        "should",
        "who",
        "what",
        "which",
        "their",
        "its",
        "it",
        "all",
        "any",
        "other",
        "e",
        "g",
        "etc",
    ]
)
GENERIC_VERBS = frozenset(
    [
        "apply",
        "use",
        "perform",
        "carry",
        "out",
        "conduct",
        "manage",
        "operate",
        "follow",
        "ensure",
        "maintain",
        "undertake",
        "implement",
        "execute",
        "demonstrate",
        "work",
    ]
)
"""Leading verbs of ESCO skill labels that postings rarely repeat ("apply GMP")."""

SUFFIXES = (
    "ations",
    "ation",
    "ments",
    "ment",  # codespell:ignore ment
    "ings",
    "ing",
    "ies",
    "ied",
    "es",
    "ed",
    "s",
)


def stem(word: str) -> str:
    """A light suffix stripper: enough for "pipetting"/"pipette", "cultures"/"culture"."""
    word = word.lower()
    if len(word) <= 4:
        return word
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]  # "pipett" → "pipet"
    return word


@dataclass(frozen=True, slots=True)
class Token:
    stem: str
    start: int
    end: int


def tokens_of(text: str) -> list[Token]:
    return [Token(stem(m.group()), m.start(), m.end()) for m in WORD.finditer(text)]


def _core(name: str) -> tuple[str, ...]:
    """A name's meaningful stems: stopwords out, and generic leading verbs when more follows."""
    words = [m.group().lower() for m in WORD.finditer(name)]
    words = [w for w in words if w not in STOPWORDS]
    while len(words) > 1 and words[0] in GENERIC_VERBS:
        words = words[1:]
    return tuple(stem(w) for w in words)


@dataclass(frozen=True, slots=True)
class Suggestion:
    skill_id: int
    label: str
    framework: str
    phrase: str  # the words of the posting that matched
    matched_name: str  # the skill's name they matched (label or alternative label)
    how: str  # "label", "alternative label" or "similar wording"
    score: int  # 0..100

    @property
    def explanation(self) -> str:
        if self.how == "label":
            return f"“{self.phrase}” names this skill"
        if self.how == "alternative label":
            return f"“{self.phrase}” is another name of it: {self.matched_name}"
        return f"“{self.phrase}” is close to “{self.matched_name}” ({self.score}% alike)"


@dataclass(frozen=True, slots=True)
class _Name:
    skill: SkillNames
    name: str
    core: tuple[str, ...]
    is_label: bool


def _names(skills: Iterable[SkillNames]) -> list[_Name]:
    names = []
    for skill in skills:
        for index, name in enumerate(skill.names):
            core = _core(name)
            if core:
                names.append(_Name(skill, name, core, index == 0))
    return names


def _phrase(text: str, tokens: list[Token], start: int, length: int) -> str:
    return text[tokens[start].start : tokens[start + length - 1].end]


def _exact(text: str, tokens: list[Token], names: list[_Name]) -> dict[int, Suggestion]:
    by_first: dict[str, list[_Name]] = {}
    for name in names:
        by_first.setdefault(name.core[0], []).append(name)
    found: dict[int, Suggestion] = {}
    stems = [t.stem for t in tokens]
    for i, first in enumerate(stems):
        for name in by_first.get(first, ()):
            n = len(name.core)
            if tuple(stems[i : i + n]) != name.core:
                continue
            how = "label" if name.is_label else "alternative label"
            score = 100 if name.is_label else 97
            current = found.get(name.skill.skill_id)
            if current is None or current.score < score:
                found[name.skill.skill_id] = Suggestion(
                    name.skill.skill_id,
                    name.skill.label,
                    name.skill.framework,
                    _phrase(text, tokens, i, n),
                    name.name,
                    how,
                    score,
                )
    return found


def _fuzzy(text: str, tokens: list[Token], names: list[_Name]) -> dict[int, Suggestion]:
    found: dict[int, Suggestion] = {}
    by_length: dict[int, list[_Name]] = {}
    for name in names:
        if len(" ".join(name.core)) >= MIN_FUZZY_CHARS:
            by_length.setdefault(len(name.core), []).append(name)
    stems = [t.stem for t in tokens]
    for length, group in by_length.items():
        starts = range(0, len(stems) - length + 1)
        windows = [" ".join(stems[i : i + length]) for i in starts]
        if not windows:
            continue
        choices = [" ".join(n.core) for n in group]
        for w_index, window in enumerate(windows):
            for _choice, score, c_index in process.extract(
                window, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=5
            ):
                name = group[c_index]
                current = found.get(name.skill.skill_id)
                if current is not None and current.score >= score:
                    continue
                found[name.skill.skill_id] = Suggestion(
                    name.skill.skill_id,
                    name.skill.label,
                    name.skill.framework,
                    _phrase(text, tokens, w_index, length),
                    name.name,
                    "similar wording",
                    int(score),
                )
    return found


def suggest_skills(
    *, text: str, skills: list[SkillNames] | None = None, exclude: Iterable[int] = ()
) -> list[Suggestion]:
    """Skills ``text`` mentions, best first, each with the phrase that matched.

    ``skills`` defaults to the whole catalog; ``exclude`` leaves out skills already chosen.
    """
    text = (text or "")[:MAX_TEXT]
    tokens = tokens_of(text)
    if not tokens:
        return []
    names = _names(skills if skills is not None else taxonomy_selectors.skill_names())
    found = _fuzzy(text, tokens, names)
    found.update(_exact(text, tokens, names))  # a named match explains better than a close one
    skip = set(exclude)
    ranked = sorted(
        (s for s in found.values() if s.skill_id not in skip),
        key=lambda s: (-s.score, s.label.lower()),
    )
    return ranked[:MAX_SUGGESTIONS]
