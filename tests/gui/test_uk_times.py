"""Every time an officer reads is UK civil time with its zone marked; the stored and
signed values stay UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime

from recourse.ui.models.formatting import format_long_day, format_short_day, format_time


def test_times_cross_the_spring_change_from_gmt_to_bst():
    # 2026's clocks go forward at 01:00 UTC on 29 March.
    assert format_time(datetime(2026, 3, 29, 0, 59, tzinfo=UTC)) == "2026-03-29 00:59 GMT"
    assert format_time(datetime(2026, 3, 29, 1, 0, tzinfo=UTC)) == "2026-03-29 02:00 BST"


def test_times_cross_the_autumn_change_from_bst_to_gmt():
    # 25 October 2026, 01:00 UTC: 01:30 local happens twice, told apart by the zone.
    assert format_time(datetime(2026, 10, 25, 0, 30, tzinfo=UTC)) == "2026-10-25 01:30 BST"
    assert format_time(datetime(2026, 10, 25, 1, 30, tzinfo=UTC)) == "2026-10-25 01:30 GMT"


def test_a_summer_night_shift_after_midnight_utc_is_the_uk_day():
    moment = datetime(2026, 7, 1, 23, 30, tzinfo=UTC)
    assert format_time(moment) == "2026-07-02 00:30 BST"
    assert format_long_day(moment) == "2 Jul 2026"
    assert format_time(moment.replace(tzinfo=None)) == "2026-07-02 00:30 BST"  # naive = UTC


def test_days_use_the_translated_month_names(qapp):
    assert format_short_day(date(2026, 12, 4)) == "4 Dec"
