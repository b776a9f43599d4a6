"""Performance tests: the ordered steps an evaluator checks, and the rule that decides a pass.

Pure Python (no database): the definition is stored as JSON on a micro-credential version, parsed
here into frozen dataclasses, validated with messages that name the step, and evaluated against
an evaluator's observations on the server — the client's own verdict is never trusted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

StepKind = Literal["check", "rubric"]


class DefinitionError(ValueError):
    """A performance test definition is malformed; ``errors`` maps a field path to a reason."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{path}: {reason}" for path, reason in errors.items()))
        self.errors = errors


@dataclass(frozen=True, slots=True)
class Step:
    key: str
    title: str
    kind: StepKind = "check"
    critical: bool = False
    levels: tuple[str, ...] = ()  # rubric: level labels, lowest first (level 1 = levels[0])
    min_level: int = 0  # rubric: the lowest level that passes (1-based); 0 = any level


@dataclass(frozen=True, slots=True)
class PassRule:
    min_other_checks: int = 0  # non-critical checks that must be done (all critical always are)
    time_limit_s: int | None = None


@dataclass(frozen=True, slots=True)
class PerformanceTest:
    steps: tuple[Step, ...]
    rule: PassRule = field(default_factory=PassRule)

    @property
    def critical_keys(self) -> frozenset[str]:
        return frozenset(s.key for s in self.steps if s.kind == "check" and s.critical)


@dataclass(frozen=True, slots=True)
class Evaluation:
    passed: bool
    reasons: tuple[str, ...]  # why it failed, one sentence per unmet requirement
    to_practise: tuple[str, ...]  # keys of the steps the learner should practise


def _parse_step(index: int, raw: Any, errors: dict[str, str]) -> Step | None:
    where = f"steps[{index}]"
    if not isinstance(raw, Mapping):
        errors[where] = "must be an object with key, title and kind"
        return None
    key, title, kind = raw.get("key"), raw.get("title"), raw.get("kind", "check")
    if not isinstance(key, str) or not key.strip():
        errors[f"{where}.key"] = "is required (a short identifier such as 'label-tube')"
    if not isinstance(title, str) or not title.strip():
        errors[f"{where}.title"] = "is required (what the learner must do)"
    if kind not in ("check", "rubric"):
        errors[f"{where}.kind"] = "must be 'check' or 'rubric'"
    levels = raw.get("levels", [])
    min_level = raw.get("min_level", 0)
    if kind == "rubric":
        if (
            not isinstance(levels, list)
            or len(levels) < 2
            or not all(isinstance(x, str) and x.strip() for x in levels)
        ):
            errors[f"{where}.levels"] = "a rubric criterion needs at least two named levels"
            levels = []
        if not isinstance(min_level, int) or not 0 <= min_level <= len(levels):
            errors[f"{where}.min_level"] = f"must be between 0 and {len(levels)}"
    if raw.get("critical") and kind != "check":
        errors[f"{where}.critical"] = "only checks can be critical; rubric criteria use min_level"
    if errors.keys() & {f"{where}.{f}" for f in ("key", "title", "kind", "levels", "min_level")}:
        return None
    return Step(
        key=str(key).strip(),
        title=str(title).strip(),
        kind=kind,
        critical=bool(raw.get("critical", False)),
        levels=tuple(levels) if kind == "rubric" else (),
        min_level=int(min_level) if kind == "rubric" else 0,
    )


def parse_definition(raw: Any) -> PerformanceTest:
    """Parse and validate a stored definition; raises DefinitionError naming every bad field."""
    errors: dict[str, str] = {}
    if not isinstance(raw, Mapping):
        raise DefinitionError({"definition": "must be an object with steps and rule"})
    raw_steps = raw.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        raise DefinitionError({"steps": "a performance test needs at least one step"})
    parsed = [(i, _parse_step(i, r, errors)) for i, r in enumerate(raw_steps)]
    steps = [step for _, step in parsed if step is not None]
    seen: set[str] = set()
    for i, step in parsed:
        if step is not None and step.key in seen:
            errors[f"steps[{i}].key"] = f"'{step.key}' is used twice; keys must be unique"
        if step is not None:
            seen.add(step.key)
    raw_rule = raw.get("rule", {}) or {}
    others = sum(1 for s in steps if s.kind == "check" and not s.critical)
    min_other = raw_rule.get("min_other_checks", others) if isinstance(raw_rule, Mapping) else -1
    if not isinstance(min_other, int) or not 0 <= min_other <= others:
        errors["rule.min_other_checks"] = (
            f"must be between 0 and {others} (the non-critical checks)"
        )
    time_limit = raw_rule.get("time_limit_s") if isinstance(raw_rule, Mapping) else None
    if time_limit is not None and (not isinstance(time_limit, int) or time_limit <= 0):
        errors["rule.time_limit_s"] = "must be a positive number of seconds, or left out"
    if errors:
        raise DefinitionError(errors)
    return PerformanceTest(tuple(steps), PassRule(int(min_other), time_limit))


def evaluate(
    test: PerformanceTest,
    *,
    checks_done: Sequence[str],
    rubric_levels: Mapping[str, int],
    elapsed_s: int | None = None,
) -> Evaluation:
    """Decide pass or fail from what the evaluator observed (server side, from the rule alone)."""
    done = set(checks_done)
    reasons: list[str] = []
    practise: list[str] = []
    for step in test.steps:
        if step.kind == "check" and step.critical and step.key not in done:
            reasons.append(f"Critical step not done: {step.title}")
            practise.append(step.key)
        if step.kind == "rubric":
            level = rubric_levels.get(step.key, 0)
            if step.min_level and level < step.min_level:
                wanted = step.levels[step.min_level - 1]
                reasons.append(f"{step.title}: level {level} is below the required '{wanted}'")
                practise.append(step.key)
    others = [s for s in test.steps if s.kind == "check" and not s.critical]
    others_done = sum(1 for s in others if s.key in done)
    if others_done < test.rule.min_other_checks:
        reasons.append(
            f"{others_done} of the other steps done; at least {test.rule.min_other_checks} needed"
        )
        practise.extend(s.key for s in others if s.key not in done)
    limit = test.rule.time_limit_s
    if limit is not None and elapsed_s is not None and elapsed_s > limit:
        reasons.append(f"Took {elapsed_s} s; the time limit is {limit} s")
    return Evaluation(not reasons, tuple(reasons), tuple(dict.fromkeys(practise)))
