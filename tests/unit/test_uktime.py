"""UK civil time around the 2026 clock changes, with the answers worked out by hand.

In 2026 the clocks go forward on Sunday 29 March at 01:00 GMT (01:00 UTC becomes 02:00
BST) and back on Sunday 25 October at 02:00 BST (01:00 UTC becomes 01:00 GMT).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from recourse.domain.rules.uktime import bst_bounds, uk_date, uk_local, uk_offset, uk_to_utc

HOUR = timedelta(hours=1)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0,
        second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def test_the_2026_changes_fall_on_the_last_sundays_at_one_utc() -> None:
    assert bst_bounds(2026) == (utc(2026, 3, 29, 1), utc(2026, 10, 25, 1))
    assert bst_bounds(2027) == (utc(2027, 3, 28, 1), utc(2027, 10, 31, 1))
    assert uk_offset(utc(2026, 3, 29, 0, 59, 59)) == timedelta(0)
    assert uk_offset(utc(2026, 3, 29, 1)) == HOUR
    assert uk_offset(utc(2026, 10, 25, 0, 59, 59)) == HOUR
    assert uk_offset(utc(2026, 10, 25, 1)) == timedelta(0)


def test_spring_forward_gap() -> None:
    day = datetime(2026, 3, 29)
    # Either side of the missing hour: GMT before, BST after.
    assert uk_to_utc(day.replace(hour=0, minute=59)) == utc(2026, 3, 29, 0, 59)
    assert uk_to_utc(day.replace(hour=2)) == utc(2026, 3, 29, 1)
    assert uk_to_utc(day.replace(hour=2, minute=30)) == utc(2026, 3, 29, 1, 30)
    # 01:30 never shows on a UK clock that night; it is read as GMT (the offset before
    # the change), which is 01:30 UTC, which the clock shows as 02:30 BST.
    assert uk_to_utc(day.replace(hour=1, minute=30)) == utc(2026, 3, 29, 1, 30)
    assert uk_local(utc(2026, 3, 29, 1, 30)) == day.replace(hour=2, minute=30)
    # The UTC instants of the night read on the UK clock: no 01:xx.
    assert uk_local(utc(2026, 3, 29, 0, 59)) == day.replace(hour=0, minute=59)
    assert uk_local(utc(2026, 3, 29, 1)) == day.replace(hour=2)


def test_fall_back_ambiguous_hour() -> None:
    day = datetime(2026, 10, 25)
    # 01:30 shows twice: at 00:30 UTC (still BST) and at 01:30 UTC (GMT again).
    assert uk_local(utc(2026, 10, 25, 0, 30)) == day.replace(hour=1, minute=30)
    assert uk_local(utc(2026, 10, 25, 1, 30)) == day.replace(hour=1, minute=30)
    # Read back, the ambiguous 01:30 is the earlier of the two (BST).
    assert uk_to_utc(day.replace(hour=1, minute=30)) == utc(2026, 10, 25, 0, 30)
    # Either side of the repeated hour: BST before, GMT after.
    assert uk_to_utc(day.replace(hour=0, minute=59)) == utc(2026, 10, 24, 23, 59)
    assert uk_to_utc(day.replace(hour=2)) == utc(2026, 10, 25, 2)
    # The repeated hour belongs to the 25th either way; 23:30 UTC on the 24th was
    # 00:30 BST on the 25th, and 23:30 UTC on the 25th is 23:30 GMT on the 25th.
    assert uk_date(utc(2026, 10, 25, 0, 30)) == date(2026, 10, 25)
    assert uk_date(utc(2026, 10, 25, 1, 30)) == date(2026, 10, 25)
    assert uk_date("2026-10-24T23:30:00Z") == date(2026, 10, 25)
    assert uk_date("2026-10-25T23:30:00Z") == date(2026, 10, 25)
