"""The funder report as shown: figures from the database, small cells suppressed.

``funder_report`` returns a ``ReportTable`` whose cells are already the strings a person
sees (a suppressed cell is the marker, never the number); pages, CSV, XLSX, the API and
snapshots all render this one object, so they show exactly the same thing.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from skillstack.outcomes.demographics import DIMENSIONS, dimension_groups
from skillstack.outcomes.queries.funder import (
    COUNT_METRICS,
    RETENTION_DAYS,
    TOTAL,
    Scope,
    Sources,
    count_table,
    medians,
)
from skillstack.outcomes.suppression import AdditiveGroup, Derived, suppress


def threshold() -> int:
    """``OUTCOMES_SUPPRESSION_THRESHOLD`` (default 10): the smallest group a cell may show."""
    return int(getattr(settings, "OUTCOMES_SUPPRESSION_THRESHOLD", 10))


def marker(limit: int) -> str:
    return f"suppressed: fewer than {limit}"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    section: str
    kind: str = "count"  # count, rate, median


COLUMNS = (
    Column("enrolled", "Enrolled", "Training"),
    Column("assessed", "Assessed", "Training"),
    Column("passed_first", "Passed at first try", "Training"),
    Column("passed", "Passed", "Training"),
    Column("earned", "Earned a credential", "Training"),
    Column("pathway", "Completed a pathway", "Training"),
    Column("applied", "Applied for a job", "Employment"),
    Column("placed", "Placed", "Employment"),
    Column("days_to_placement", "Median days from credential to start", "Employment", "median"),
    Column("starting_wage", "Median starting wage ($/hour)", "Employment", "median"),
    Column("promoted", "Promoted", "Employment"),
    *(
        col
        for days in RETENTION_DAYS
        for col in (
            Column(f"eligible_{days}", f"Placed {days}+ days ago", "Retention"),
            Column(f"retained_{days}", f"Still employed at {days} days", "Retention"),
            Column(f"retention_{days}", f"Retention at {days} days", "Retention", "rate"),
        )
    ),
)
RATES = {f"retention_{d}": (f"retained_{d}", f"eligible_{d}") for d in RETENTION_DAYS}


@dataclass
class ReportTable:
    title: str
    parameters: dict[str, Any]
    threshold: int
    columns: list[Column]
    rows: list[tuple[str, str]]  # (key, label); the last is the total
    cells: dict[tuple[str, str], str] = field(default_factory=dict)
    hidden: set[tuple[str, str]] = field(default_factory=set)
    chart: list[tuple[str, int | None]] = field(default_factory=list)  # placed by group

    def sections(self) -> list[tuple[str, list[Column]]]:
        seen: dict[str, list[Column]] = {}
        for column in self.columns:
            seen.setdefault(column.section, []).append(column)
        return list(seen.items())

    def presented(self) -> list[dict[str, Any]]:
        """Sections of columns, each with its rows of (shown text, hidden?) for templates."""
        return [
            {
                "name": name,
                "columns": columns,
                "rows": [
                    {"label": label, "cells": self.row_cells(key, columns)}
                    for key, label in self.rows
                ],
            }
            for name, columns in self.sections()
        ]

    def heading(self) -> str:
        dimension = self.parameters.get("dimension")
        return DIMENSIONS[dimension][0] if dimension else "Group"

    def row_cells(self, row: str, columns: list[Column]) -> list[tuple[str, bool]]:
        return [(self.cells[(row, c.key)], (row, c.key) in self.hidden) for c in columns]

    def grid(self) -> list[list[str]]:
        """Header and rows as shown, for CSV/XLSX/snapshots."""
        heading = (
            DIMENSIONS[self.parameters["dimension"]][0]
            if self.parameters.get("dimension")
            else "Group"
        )
        header = [heading, *(c.label for c in self.columns)]
        return [header] + [
            [label, *(self.cells[(key, c.key)] for c in self.columns)] for key, label in self.rows
        ]

    def content(self) -> dict[str, Any]:
        return {"parameters": self.parameters, "threshold": self.threshold, "table": self.grid()}

    def content_hash(self) -> str:
        canonical = json.dumps(self.content(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _format(column: Column, value: float | int | None) -> str:
    if value is None:
        return "—"
    if column.kind == "rate":
        return f"{value:.1f}%"
    if column.key == "starting_wage":
        return f"{value:.2f}"
    if column.kind == "median":
        return f"{value:.0f}"
    return str(int(value))


def funder_report(
    *,
    sources: Sources,
    scope: Scope,
    title: str,
    parameters: dict[str, Any],
    limit: int | None = None,
) -> ReportTable:
    limit = threshold() if limit is None else limit
    counts = count_table(sources, scope)
    middle = medians(sources, scope)
    if scope.dimension:
        groups = [*dimension_groups(scope.dimension), (TOTAL, "All enrolled")]
    else:
        groups = [(TOTAL, "All enrolled")]
    totals = {m: sum(by[m] for by in counts.values()) for m in COUNT_METRICS}
    values: dict[tuple[str, str], float | int | None] = {}
    for key, _ in groups:
        by = totals if key == TOTAL else counts.get(key, dict.fromkeys(COUNT_METRICS, 0))
        for metric in COUNT_METRICS:
            values[(key, metric)] = by[metric]
    count_cells = {k: int(v or 0) for k, v in values.items()}
    derived: dict[tuple[str, str], Derived] = {}
    for key, _ in groups:
        for rate, (num, base) in RATES.items():
            n = count_cells[(key, base)]
            values[(key, rate)] = 100.0 * count_cells[(key, num)] / n if n else None
            derived[(key, rate)] = Derived(n, ((key, num), (key, base)))
        for metric, by_group in middle.items():
            value, n = by_group.get(key, (None, 0))
            values[(key, metric)] = value
            derived[(key, metric)] = Derived(n, ((key, "placed"),))
    additive = []
    if scope.dimension:
        parts = tuple(k for k, _ in groups if k != TOTAL)
        additive = [AdditiveGroup(tuple((p, m) for p in parts), (TOTAL, m)) for m in COUNT_METRICS]
    result = suppress(count_cells, threshold=limit, groups=additive, derived=derived)
    table = ReportTable(title, parameters, limit, list(COLUMNS), groups)
    for key, _ in groups:
        for column in COLUMNS:
            cell = (key, column.key)
            if result.is_hidden(cell):
                table.cells[cell] = marker(limit)
                table.hidden.add(cell)
            else:
                table.cells[cell] = _format(column, values[cell])
    table.chart = [
        (label, None if (key, "placed") in table.hidden else count_cells[(key, "placed")])
        for key, label in groups
    ]
    return table


def report_parameters(
    *,
    program: Any,
    cohort: Any | None,
    dimension: str | None,
    as_of: datetime.date,
) -> dict[str, Any]:
    return {
        "funder": program.funder.slug,
        "program": program.pk,
        "program_name": program.name,
        "cohort": cohort.pk if cohort else None,
        "cohort_name": cohort.name if cohort else None,
        "dimension": dimension,
        "as_of": as_of.isoformat(),
    }
