"""Which stage an application may move to next: the one place that says so.

Withdrawn, not selected and hired are final. Hired is reached only by recording the hire
(``placement_record``), never by a plain move, so every hire has its placement. Only the
candidate (or a navigator they consented to) withdraws; only the employer moves forward.
"""

from __future__ import annotations

from skillstack.hiring.models import Stage

FINAL = frozenset({Stage.HIRED, Stage.NOT_SELECTED, Stage.WITHDRAWN})

NEXT: dict[str, frozenset[str]] = {
    Stage.APPLIED: frozenset({Stage.SCREENING, Stage.INTERVIEW, Stage.NOT_SELECTED}),
    Stage.SCREENING: frozenset({Stage.INTERVIEW, Stage.NOT_SELECTED}),
    Stage.INTERVIEW: frozenset({Stage.OFFER, Stage.NOT_SELECTED}),
    Stage.OFFER: frozenset({Stage.HIRED, Stage.NOT_SELECTED}),
    Stage.HIRED: frozenset(),
    Stage.NOT_SELECTED: frozenset(),
    Stage.WITHDRAWN: frozenset(),
}
"""Stage → the stages an employer may move it to (hired only through a placement)."""


def employer_moves(stage: str) -> list[Stage]:
    """The stages an employer can pick from now, in pipeline order (not hired: see above)."""
    return [s for s in Stage if s in NEXT.get(stage, ()) and s != Stage.HIRED]


def can_hire(stage: str) -> bool:
    return Stage.HIRED in NEXT.get(stage, ())


def can_withdraw(stage: str) -> bool:
    return stage not in FINAL


def refusal(current: str, target: str) -> str | None:
    """Why an employer may not move from ``current`` to ``target``, or None if they may."""
    labels = dict(Stage.choices)
    if target not in labels:
        return f"“{target}” is not a stage. Pick one of: {', '.join(labels.values())}."
    if current in FINAL:
        return f"This application is {labels[current].lower()}: that is final."
    if target == Stage.WITHDRAWN:
        return "Only the candidate can withdraw an application."
    if target == Stage.HIRED:
        if can_hire(current):
            return "Record the hire (start date, role, wage, employment type) to mark it hired."
        return "Only an application at the offer stage can be hired."
    if target not in NEXT[current]:
        allowed = ", ".join(s.label.lower() for s in employer_moves(current)) or "none"
        return (
            f"An application at {labels[current].lower()} cannot move to "
            f"{labels[target].lower()}. Next stages: {allowed}."
        )
    return None
