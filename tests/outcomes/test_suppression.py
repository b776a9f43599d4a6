"""The suppression module on hand-computed tables (threshold 10 unless said)."""

from __future__ import annotations

import pytest

from skillstack.outcomes.suppression import AdditiveGroup, Derived, suppress


def _column(values: dict[str, int]) -> tuple[dict[str, int], list[AdditiveGroup]]:
    counts = {**values, "total": sum(values.values())}
    return counts, [AdditiveGroup(tuple(values), "total")]


def test_a_cell_of_exactly_the_threshold_is_shown() -> None:
    counts, groups = _column({"a": 10, "b": 25})
    assert suppress(counts, threshold=10, groups=groups).hidden == set()


def test_a_cell_one_below_the_threshold_is_hidden() -> None:
    result = suppress({"a": 9}, threshold=10)
    assert result.hidden == {"a"}
    assert result.primary == {"a"}


def test_total_minus_one_suppressed_cell_is_prevented_by_hiding_the_next_smallest() -> None:
    # 40 - 25 - 12 would give a=3 back; hiding the next smallest (b=12) prevents it.
    counts, groups = _column({"a": 3, "b": 12, "c": 25})
    result = suppress(counts, threshold=10, groups=groups)
    assert result.hidden == {"a", "b"}
    assert result.primary == {"a"}


def test_two_hidden_cells_need_no_complement() -> None:
    counts, groups = _column({"a": 3, "b": 4, "c": 25})
    assert suppress(counts, threshold=10, groups=groups).hidden == {"a", "b"}


def test_ties_pick_the_first_listed_cell() -> None:
    counts, groups = _column({"a": 2, "b": 15, "c": 15})
    assert suppress(counts, threshold=10, groups=groups).hidden == {"a", "b"}


def test_the_complement_is_a_part_rather_than_the_total() -> None:
    counts = {"a": 4, "b": 20, "total": 24}
    result = suppress(counts, threshold=5, groups=[AdditiveGroup(("a", "b"), "total")])
    assert result.hidden == {"a", "b"}


def test_two_dimensional_table_iterates_to_a_fixed_point() -> None:
    """Rows r1 r2 r3 and columns c1 c2 c3, with row totals, column totals and a grand total.

             c1   c2   c3 | total
        r1   20    4   30 |   54
        r2   15   25   12 |   52
        r3   40   35   11 |   86
        ---------------------------
             75   64   53 |  192

    Primary: r1c2 (4). Row r1 → next smallest r1c1 (20). Column c2 → next smallest r2c2 (25).
    Column c1 now has r1c1 only → next smallest r2c1 (15). Row r2 has r2c1 and r2c2: fine.
    Every row and column now has 0 or 2 hidden cells: the fixed point.
    """
    grid = {
        ("r1", "c1"): 20, ("r1", "c2"): 4, ("r1", "c3"): 30,
        ("r2", "c1"): 15, ("r2", "c2"): 25, ("r2", "c3"): 12,
        ("r3", "c1"): 40, ("r3", "c2"): 35, ("r3", "c3"): 11,
    }  # fmt: skip
    rows, cols = ("r1", "r2", "r3"), ("c1", "c2", "c3")
    counts = dict(grid)
    groups = []
    for r in rows:
        counts[(r, "T")] = sum(grid[(r, c)] for c in cols)
        groups.append(AdditiveGroup(tuple((r, c) for c in cols), (r, "T")))
    for c in cols:
        counts[("T", c)] = sum(grid[(r, c)] for r in rows)
        groups.append(AdditiveGroup(tuple((r, c) for r in rows), ("T", c)))
    counts[("T", "T")] = sum(grid.values())
    groups.append(AdditiveGroup(tuple(("T", c) for c in cols), ("T", "T")))
    groups.append(AdditiveGroup(tuple((r, "T") for r in rows), ("T", "T")))
    result = suppress(counts, threshold=10, groups=groups)
    assert result.hidden == {("r1", "c2"), ("r1", "c1"), ("r2", "c2"), ("r2", "c1")}
    for group in groups:
        assert sum(1 for key in group.members() if key in result.hidden) != 1


def test_an_all_suppressed_row_hides_its_total_and_shows_nothing() -> None:
    counts = {"a": 2, "b": 3, "c": 1, "total": 6}
    result = suppress(counts, threshold=10, groups=[AdditiveGroup(("a", "b", "c"), "total")])
    assert result.hidden == {"a", "b", "c", "total"}


def test_zero_is_a_small_cell() -> None:
    counts, groups = _column({"a": 0, "b": 11, "c": 30})
    assert suppress(counts, threshold=10, groups=groups).hidden == {"a", "b"}


def test_rates_and_medians_hide_with_a_small_base_or_a_hidden_count() -> None:
    counts = {"placed": 12, "retained": 9, "eligible": 10}
    derived = {
        "retention": Derived(10, ("retained", "eligible")),  # retained hidden → hidden
        "median_wage": Derived(12, ("placed",)),  # base 12 and placed shown → shown
        "median_days": Derived(8, ("placed",)),  # base 8 → hidden
    }
    result = suppress(counts, threshold=10, derived=derived)
    assert result.hidden == {"retained", "retention", "median_days"}


def test_a_group_naming_an_unknown_cell_is_an_error() -> None:
    with pytest.raises(KeyError):
        suppress({"a": 1}, threshold=10, groups=[AdditiveGroup(("a", "b"), None)])


def test_the_threshold_is_at_least_one() -> None:
    with pytest.raises(ValueError):
        suppress({"a": 1}, threshold=0)
