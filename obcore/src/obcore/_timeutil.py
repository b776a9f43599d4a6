"""Date-time parsing shared by proof and validity checks (XML Schema dateTime forms)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

CLOCK_SKEW = timedelta(minutes=5)


def parse_datetime(value: object) -> datetime | None:
    """An aware datetime for an ISO/XSD date-time string; None when unreadable.

    A value without a zone is read as UTC (VC Data Model 2.0 §4.9 recommends a zone).
    """
    if not isinstance(value, str) or not 10 <= len(value) <= 40 or "T" not in value:
        return None
    text = value[:-1] + "+00:00" if value.endswith(("Z", "z")) else value
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def utc_now(now: datetime | None) -> datetime:
    """``now`` made aware (UTC when naive), or the current time."""
    if now is None:
        return datetime.now(UTC)
    return now if now.tzinfo is not None else now.replace(tzinfo=UTC)
