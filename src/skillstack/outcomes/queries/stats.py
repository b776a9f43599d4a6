"""A median in the database: window functions rank the values, only the middle rows leave."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, F, Q, QuerySet, Value, Window
from django.db.models.functions import RowNumber


def median_by(
    qs: QuerySet[Any], *, value: str = "value", group: str | None = "grp"
) -> dict[Any, tuple[float | None, int]]:
    """Group → (median of ``value``, how many rows). ``group=None``: one median, key None.

    Two window functions over the (already filtered) rows: the row number within the group
    and the group's size; rows number (n+1)/2 and (n+2)/2 are the middle (one when n is odd).
    """
    if group is None:
        qs = qs.annotate(_g=Value(0))
        group = "_g"
    ranked = qs.annotate(
        _rn=Window(RowNumber(), partition_by=[F(group)], order_by=[F(value).asc(), F("pk").asc()]),
        _n=Window(Count("pk"), partition_by=[F(group)]),
    )
    middle = ranked.filter(Q(_rn=(F("_n") + 1) / 2) | Q(_rn=(F("_n") + 2) / 2))
    found: dict[Any, list[Any]] = {}
    sizes: dict[Any, int] = {}
    for key, v, n in middle.values_list(group, value, "_n"):
        key = None if group == "_g" else key
        found.setdefault(key, []).append(v)
        sizes[key] = int(n)
    return {key: (_mean(vals), sizes[key]) for key, vals in found.items()}


def _mean(values: list[Any]) -> float | None:
    numbers = [_number(v) for v in values if v is not None]
    return sum(numbers) / len(numbers) if numbers else None


def _number(value: Any) -> float:
    if isinstance(value, datetime.timedelta):
        return value.total_seconds() / 86400
    return float(value)
