"""Build the POST a designer's browser sends from the micro-credential editor."""

from __future__ import annotations

from typing import Any

STEPS = [
    {"kind": "check", "title": "Put on gloves and lab coat", "critical": True},
    {"kind": "check", "title": "Attach a fresh tip"},
    {"kind": "check", "title": "Hold the pipette vertically"},
    {
        "kind": "rubric",
        "title": "Explains each step",
        "levels": "Beginning, Proficient, Expert",
        "min_level": 2,
    },
]


def editor_post(
    *, steps: list[dict[str, Any]] = STEPS, skills: list[int] = (), **fields: Any
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "Micropipetting",
        "description": "Accurate micropipetting with air-displacement pipettes",
        "criteria": "Performs every step under observation",
        "achievement_type": "MicroCredential",
        "level": "Foundation",
        "tags": "lab, pipetting",
        "validity_months": "36",
        "credits_available": "0.5",
        "skills": list(skills),
        "steps-TOTAL_FORMS": str(len(steps)),
        "steps-INITIAL_FORMS": str(len(steps)),
        "steps-MIN_NUM_FORMS": "0",
        "steps-MAX_NUM_FORMS": "60",
        "rule-min_other_checks": "",
        "rule-time_limit_minutes": "10",
    }
    for i, step in enumerate(steps):
        data[f"steps-{i}-key"] = step.get("key", "")
        data[f"steps-{i}-kind"] = step["kind"]
        data[f"steps-{i}-title"] = step.get("title", "")
        if step.get("critical"):
            data[f"steps-{i}-critical"] = "on"
        data[f"steps-{i}-levels"] = step.get("levels", "")
        data[f"steps-{i}-min_level"] = str(step.get("min_level", ""))
    data.update(fields)
    return data
