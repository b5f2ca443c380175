"""UK civil time (GMT/BST) without a time-zone database.

Rules decide which day an event belongs to by the officer's local calendar, and the
client runs on Windows machines that may lack the IANA database, so the one rule that
matters here (BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
Sunday of October) is computed directly.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

_HOUR = timedelta(hours=1)
_ZERO = timedelta(0)


def _last_sunday(year: int, month: int) -> date:
    next_month = date(year + (month == 12), month % 12 + 1, 1)
    last = next_month - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - 6) % 7)


@lru_cache(maxsize=64)
def bst_bounds(year: int) -> tuple[datetime, datetime]:
    """The UTC instants at which British Summer Time starts and ends in `year`."""
    start = datetime.combine(_last_sunday(year, 3), datetime.min.time(), UTC) + _HOUR
    end = datetime.combine(_last_sunday(year, 10), datetime.min.time(), UTC) + _HOUR
    return start, end


def parse_instant(value: str | datetime) -> datetime:
    """An aware UTC datetime from an ISO 8601 string (``Z`` or offset) or a datetime."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(f"time {value!r} has no UTC offset")
    return moment.astimezone(UTC)


def uk_offset(moment: datetime) -> timedelta:
    start, end = bst_bounds(moment.astimezone(UTC).year)
    return _HOUR if start <= moment < end else _ZERO


def uk_local(moment: datetime) -> datetime:
    """Naive UK wall-clock time of an aware instant."""
    utc = moment.astimezone(UTC)
    return (utc + uk_offset(utc)).replace(tzinfo=None)


def uk_date(value: str | datetime) -> date:
    """The UK calendar date on which an instant fell."""
    return uk_local(parse_instant(value)).date()


def uk_to_utc(local: datetime) -> datetime:
    """The UTC instant of a naive UK wall-clock time (the later reading when ambiguous)."""
    guess = (local - _HOUR).replace(tzinfo=UTC)
    if uk_offset(guess) == _HOUR:
        return guess
    return local.replace(tzinfo=UTC)
