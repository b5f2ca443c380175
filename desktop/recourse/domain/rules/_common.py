"""Small helpers shared by the rules: reading records, windows and weeks."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date, timedelta
from typing import Any

from recourse.domain.rules.model import RecordDict, RecordsByCategory, RuleInputError


def records_of(records: RecordsByCategory, category: str) -> Iterable[RecordDict]:
    return records.get(category, ())


def data_of(record: RecordDict) -> Mapping[str, Any]:
    data = record.get("data")
    if not isinstance(data, Mapping):
        raise RuleInputError(f"The record {record.get('id')!r} has no data to read.")
    return data


def record_id(record: RecordDict) -> str:
    value = record.get("id")
    if not isinstance(value, str) or not value:
        raise RuleInputError("A record without an id cannot be used by a rule.")
    return value


def parse_date(value: Any, what: str) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            pass
    raise RuleInputError(f"{what} is not a date: {value!r}.")


def window_for(window_end: date, days: int) -> tuple[date, date]:
    """The `days` calendar days ending on `window_end`, both ends included."""
    if days < 1:
        raise RuleInputError("A rule's window must be at least one day long.")
    return window_end - timedelta(days=days - 1), window_end


def days_between(start: date, end: date) -> Iterator[date]:
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)


def iso_week_label(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_bounds(day: date, start: date, end: date) -> tuple[date, date]:
    """The Monday–Sunday week of `day`, clipped to the window."""
    monday = day - timedelta(days=day.weekday())
    return max(monday, start), min(monday + timedelta(days=6), end)


def percent(numerator: int, denominator: int) -> float:
    return round(100.0 * numerator / denominator, 1)


def fmt_date(day: date) -> str:
    return f"{day.day} {day:%b %Y}"
