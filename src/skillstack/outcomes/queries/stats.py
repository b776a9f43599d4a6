"""Database helpers of the reports: a median by window functions, days between two dates."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, F, FloatField, Func, Q, QuerySet, Value, Window
from django.db.models.functions import RowNumber

TOTAL_KEY = "__total__"


class DaysBetween(Func):
    """Whole days from the date or datetime ``start`` to the date ``end``, as a number.

    Each backend in its own arithmetic (SQLite's julianday, PostgreSQL's date subtraction),
    so no Python function runs per row."""

    output_field = FloatField()

    def __init__(self, end: Any, start: Any) -> None:
        super().__init__(end, start)

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler,
            connection,
            template="(julianday(%(expressions)s)))",
            arg_joiner=") - julianday(date(",
            **extra,
        )

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler,
            connection,
            template="((%(expressions)s)::date)::float",
            arg_joiner=") - (",
            **extra,
        )


def median_by(
    qs: QuerySet[Any], *, value: str = "value", group: str | None = "grp"
) -> dict[Any, tuple[float | None, int]]:
    """Group → (median of ``value``, how many rows), plus TOTAL_KEY over all rows.

    Window functions give each row its number within its group and overall, and the sizes;
    rows numbered (n+1)/2 and (n+2)/2 are the middle (one row when n is odd). Only those
    rows leave the database, in one query.
    """
    if group is None:
        qs = qs.annotate(_g=Value(TOTAL_KEY))
        group = "_g"
    order = [F(value).asc(), F("pk").asc()]
    ranked = qs.annotate(
        _rn=Window(RowNumber(), partition_by=[F(group)], order_by=order),
        _n=Window(Count("pk"), partition_by=[F(group)]),
        _rt=Window(RowNumber(), order_by=order),
        _nt=Window(Count("pk")),
    )
    in_group = Q(_rn=(F("_n") + 1) / 2) | Q(_rn=(F("_n") + 2) / 2)
    overall = Q(_rt=(F("_nt") + 1) / 2) | Q(_rt=(F("_nt") + 2) / 2)
    found: dict[Any, list[Any]] = {}
    sizes: dict[Any, int] = {}
    rows = ranked.filter(in_group | overall).values_list(group, value, "_n", "_nt", "_rn", "_rt")
    for key, v, n, nt, rn, rt in rows:
        if rn in ((n + 1) // 2, (n + 2) // 2):
            found.setdefault(key, []).append(v)
            sizes[key] = int(n)
        if rt in ((nt + 1) // 2, (nt + 2) // 2) and key != TOTAL_KEY:
            found.setdefault(TOTAL_KEY, []).append(v)
            sizes[TOTAL_KEY] = int(nt)
    return {key: (_mean(vals), sizes[key]) for key, vals in found.items()}


def _mean(values: list[Any]) -> float | None:
    numbers = [float(v) for v in values if v is not None]
    return sum(numbers) / len(numbers) if numbers else None
