"""Every figure of the funder report against a hand-worked cohort of six learners.

Cohort from 2026-01-01, report as of 2026-11-01; the program covers one micro-credential.

    L1 passes; credential 02-01; a pathway certificate 03-01; applies 02-05; starts 03-01 at
       $20/h, still employed, promoted 09-01             → 28 days credential→start
    L2 fails, then passes; credential 02-10; applies 03-01; starts 06-02 at $52,000/year
       ($25/h), leaves 08-15 (day 74)                    → 112 days
    L3 fails; applied 2025-12-01, before the cohort (not counted)
    L4 passes; its credential is revoked
    L5 attempt awaits a co-signature (not yet assessed)
    L6 nothing

    enrolled 6, assessed 4 (L1-L4), passed 3 (L1 L2 L4), passed at first try 2 (L1 L4),
    earned 2 (L1 L2), pathway 1, applied 2, placed 2, promoted 1,
    placed 90+ days ago (start ≤ 08-03): 2, retained at 90: 1 (L2 left on day 74) → 50.0%,
    placed 180+ days ago (start ≤ 05-05): 1, retained 1 → 100.0%, 365: 0.
    medians: days (28, 112) → 70; wage (20, 25) → 22.50.
"""

from __future__ import annotations

from typing import Any

import pytest

from skillstack.outcomes.selectors import program_report
from skillstack.outcomes.services import demographic_consent_set, demographics_save
from tests.outcomes import builders as b

AS_OF = b.d("2026-11-01")


@pytest.fixture
def cohort_of_six(world: Any) -> dict[str, Any]:
    v = b.version(world.issuer)
    certificate = b.version(world.issuer, name="Bioprocess Pathway", achievement_type="Certificate")
    prog = b.program(world.funder, world.issuer, [v], name="Bioprocessing Jobs 2026")
    people = b.learners(6)
    l1, l2, l3, l4, l5, _l6 = people
    cohort = b.cohort(prog, people, "2026-01-01", "2026-03-31", name="Winter 2026")
    assessor = b.Assessor(v, world.issuer)
    assessor.attempt(l1, "2026-01-20", passed=True)
    assessor.attempt(l2, "2026-01-20", passed=False)
    assessor.attempt(l2, "2026-02-05", passed=True)
    assessor.attempt(l3, "2026-01-20", passed=False)
    assessor.attempt(l4, "2026-01-20", passed=True)
    assessor.attempt(l5, "2026-01-20", passed=True, status="awaiting_cosign")
    b.credential(l1, v, "2026-02-01")
    b.credential(l2, v, "2026-02-10")
    b.credential(l4, v, "2026-02-15", state="revoked")
    b.credential(l1, certificate, "2026-03-01")
    job = b.opening(world.employer)
    b.placement(b.application(job, l1, "2026-02-05"), "2026-03-01", promoted="2026-09-01")
    b.placement(
        b.application(job, l2, "2026-03-01"),
        "2026-06-02",
        wage="52000",
        unit="year",
        ended="2026-08-15",
    )
    b.application(b.opening(world.employer), l3, "2025-12-01")
    return {"program": prog, "cohort": cohort, "people": people}


def _total(table: Any) -> dict[str, str]:
    return {c.key: table.cells[("__total__", c.key)] for c in table.columns}


def test_every_figure_matches_the_hand_worked_cohort(cohort_of_six: dict[str, Any]) -> None:
    table = program_report(program=cohort_of_six["program"], as_of=AS_OF, limit=1)
    assert _total(table) == {
        "enrolled": "6",
        "assessed": "4",
        "passed_first": "2",
        "passed": "3",
        "earned": "2",
        "pathway": "1",
        "applied": "2",
        "placed": "2",
        "days_to_placement": "70",
        "starting_wage": "22.50",
        "promoted": "1",
        "eligible_90": "2",
        "retained_90": "1",
        "retention_90": "50.0%",
        "eligible_180": "1",
        "retained_180": "1",
        "retention_180": "100.0%",
        "eligible_365": "suppressed: fewer than 1",  # zero people: hidden, as every small cell
        "retained_365": "suppressed: fewer than 1",
        "retention_365": "suppressed: fewer than 1",
    }


def test_default_threshold_of_ten_suppresses_a_cohort_of_six(
    cohort_of_six: dict[str, Any],
) -> None:
    table = program_report(program=cohort_of_six["program"], as_of=AS_OF)
    assert table.threshold == 10
    assert set(_total(table).values()) == {"suppressed: fewer than 10"}


def test_a_cohort_filter_counts_only_its_learners(
    world: Any, cohort_of_six: dict[str, Any]
) -> None:
    later = b.cohort(cohort_of_six["program"], b.learners(2), "2026-04-01", "2026-06-30")
    everyone = program_report(program=cohort_of_six["program"], as_of=AS_OF, limit=1)
    only_later = program_report(
        program=cohort_of_six["program"], cohort=later, as_of=AS_OF, limit=1
    )
    assert everyone.cells[("__total__", "enrolled")] == "8"
    assert only_later.cells[("__total__", "enrolled")] == "2"
    assert only_later.cells[("__total__", "placed")] == "suppressed: fewer than 1"


def test_breakdown_counts_consenting_people_and_withdrawal_removes_them_at_once(
    cohort_of_six: dict[str, Any],
) -> None:
    people = cohort_of_six["people"]
    for person in people[:3]:
        demographics_save(user=person, actor=person, answers={"sex": "female"})
        demographic_consent_set(user=person, actor=person, granted=True)
    demographics_save(user=people[3], actor=people[3], answers={"sex": "male"})
    demographic_consent_set(user=people[3], actor=people[3], granted=True)
    demographics_save(user=people[4], actor=people[4], answers={"sex": "female"})  # no consent
    table = program_report(program=cohort_of_six["program"], dimension="sex", as_of=AS_OF, limit=1)
    enrolled = {row: table.cells[(row, "enrolled")] for row, _ in table.rows}
    assert enrolled["female"] == "3"
    # 'another' counts 0 (hidden), so the smallest other group, male (1), is hidden with it:
    # otherwise 6 - 3 - 2 would give it away.
    assert enrolled["another"] == enrolled["male"] == "suppressed: fewer than 1"
    assert enrolled["not_reported"] == "2"  # L5 gave no consent, L6 never answered
    assert enrolled["__total__"] == "6"
    assert table.cells[("female", "placed")] == "2"

    demographic_consent_set(user=people[0], actor=people[0], granted=False)
    table = program_report(program=cohort_of_six["program"], dimension="sex", as_of=AS_OF, limit=1)
    assert table.cells[("female", "enrolled")] == "2"
    assert table.cells[("not_reported", "enrolled")] == "3"
    assert table.cells[("__total__", "enrolled")] == "6"  # still counted in the total


def test_complementary_suppression_in_a_breakdown(cohort_of_six: dict[str, Any]) -> None:
    """Threshold 3: male (1) is hidden; 'another' (0) is hidden too; female 3 shown, and the
    'not reported' 2 is hidden by itself; in 'placed' female 2 is hidden, so the next smallest
    (male 0, already hidden) … every count below 3 is hidden and the total 2 with it."""
    people = cohort_of_six["people"]
    for person, sex in zip(people[:4], ["female", "female", "female", "male"], strict=True):
        demographics_save(user=person, actor=person, answers={"sex": sex})
        demographic_consent_set(user=person, actor=person, granted=True)
    table = program_report(program=cohort_of_six["program"], dimension="sex", as_of=AS_OF, limit=3)
    shown = {row: table.cells[(row, "enrolled")] for row, _ in table.rows}
    hidden = "suppressed: fewer than 3"
    assert shown == {
        "female": "3",
        "male": hidden,
        "another": hidden,
        "not_reported": hidden,
        "__total__": "6",
    }
    # assessed: female 3 (L1-L3), male 1 (L4) → male and another hidden; total 4 shown
    assert table.cells[("female", "assessed")] == "3"
    assert table.cells[("__total__", "assessed")] == "4"
    assert table.cells[("male", "assessed")] == hidden
