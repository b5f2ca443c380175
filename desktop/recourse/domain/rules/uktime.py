"""UK civil time (GMT/BST) from the IANA time-zone database's Europe/London.

Rules decide which day an event belongs to by the officer's local calendar. The zone
comes from `zoneinfo`: the system's database where there is one, else the `tzdata`
package (a dependency, because Windows has no system database).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")

_SECOND = timedelta(seconds=1)


def uk_offset(moment: datetime) -> timedelta:
    """UK time's offset from UTC at an aware instant: 0 in GMT, 1 hour in BST."""
    offset = moment.astimezone(LONDON).utcoffset()
    assert offset is not None  # a ZoneInfo always has one
    return offset


def _next_change(after: datetime, before: datetime) -> datetime:
    """The first instant in (after, before] whose UK offset differs from `after`'s
    (there must be one): bisected to the second, where the zone's changes fall."""
    offset = uk_offset(after)
    while before - after > _SECOND:
        middle = after + (before - after) / 2
        if uk_offset(middle) == offset:
            after = middle
        else:
            before = middle
    return before.replace(microsecond=0)


@lru_cache(maxsize=64)
def bst_bounds(year: int) -> tuple[datetime, datetime]:
    """The UTC instants at which British Summer Time starts and ends in `year`."""
    new_year = datetime(year, 1, 1, tzinfo=UTC)
    midsummer = datetime(year, 7, 1, tzinfo=UTC)
    new_year_after = datetime(year + 1, 1, 1, tzinfo=UTC)
    return _next_change(new_year, midsummer), _next_change(midsummer, new_year_after)


def parse_instant(value: str | datetime) -> datetime:
    """An aware UTC datetime from an ISO 8601 string (``Z`` or offset) or a datetime."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(f"time {value!r} has no UTC offset")
    return moment.astimezone(UTC)


def uk_local(moment: datetime) -> datetime:
    """Naive UK wall-clock time of an aware instant."""
    return moment.astimezone(LONDON).replace(tzinfo=None)


def uk_date(value: str | datetime) -> date:
    """The UK calendar date on which an instant fell."""
    return uk_local(parse_instant(value)).date()


def uk_to_utc(local: datetime) -> datetime:
    """The UTC instant of a naive UK wall-clock time.

    When the clocks go back, 01:00-01:59 happens twice: this is the earlier reading (still
    BST). When they go forward, 01:00-01:59 never happens: this reads it as GMT, the
    offset before the change, so 01:30 is 01:30 UTC (02:30 BST). Both are Python's
    ``fold=0``."""
    return local.replace(tzinfo=LONDON, fold=0).astimezone(UTC)
