"""Statutory deadlines as the ICO counts them, per UK region."""

from __future__ import annotations

from datetime import date

import pytest

from recourse.domain.deadlines import (
    REGIONS,
    add_calendar_months,
    bank_holidays,
    complaint_acknowledgement_due,
    days_left,
    deadline_state,
    due_date,
    extension_reasons_due,
    ico_complaint_by,
    is_working_day,
    next_working_day,
)

EW, SCT, NI = "england-and-wales", "scotland", "northern-ireland"
D = date


@pytest.mark.parametrize(
    ("received", "region", "extended", "paused", "expected", "why"),
    [
        # Corresponding date, on a working day.
        (D(2026, 1, 6), EW, False, 0, D(2026, 2, 6), "6 Jan -> Fri 6 Feb"),
        (D(2027, 1, 4), EW, False, 0, D(2027, 2, 4), "4 Jan -> Thu 4 Feb"),
        # The brief's own example: 3 Jan -> 3 Feb (2028: Thursday).
        (D(2028, 1, 3), EW, False, 0, D(2028, 2, 3), "3 Jan -> 3 Feb"),
        # No corresponding date: last day of the next month.
        (D(2027, 1, 31), EW, False, 0, D(2027, 3, 1), "31 Jan 2027 -> 28 Feb (Sun) -> Mon 1 Mar"),
        (D(2026, 1, 31), EW, False, 0, D(2026, 3, 2), "31 Jan 2026 -> 28 Feb (Sat) -> Mon 2 Mar"),
        (D(2028, 1, 31), EW, False, 0, D(2028, 2, 29), "leap year: 31 Jan 2028 -> Tue 29 Feb"),
        (D(2028, 1, 30), EW, False, 0, D(2028, 2, 29), "leap year: 30 Jan 2028 -> 29 Feb"),
        (D(2028, 2, 29), EW, False, 0, D(2028, 3, 29), "29 Feb 2028 -> Wed 29 Mar"),
        (D(2026, 3, 31), EW, False, 0, D(2026, 4, 30), "31 Mar -> Thu 30 Apr (last day)"),
        (D(2026, 4, 30), EW, False, 0, D(2026, 6, 1), "30 Apr -> 30 May (Sat) -> Mon 1 Jun"),
        (
            D(2027, 4, 30),
            EW,
            False,
            0,
            D(2027, 6, 1),
            "30 Apr 2027 -> 30 May (Sun) -> 31 May is the Spring bank holiday -> Tue 1 Jun",
        ),
        (D(2026, 8, 31), EW, False, 0, D(2026, 9, 30), "31 Aug -> Wed 30 Sep"),
        (D(2026, 12, 15), EW, False, 0, D(2027, 1, 15), "across the year end"),
        # Weekends.
        (D(2026, 2, 7), EW, False, 0, D(2026, 3, 9), "7 Feb -> 7 Mar (Sat) -> Mon 9 Mar"),
        (D(2026, 2, 8), EW, False, 0, D(2026, 3, 9), "8 Feb -> 8 Mar (Sun) -> Mon 9 Mar"),
        # Bank holidays, per region.
        (
            D(2026, 12, 2),
            SCT,
            False,
            0,
            D(2027, 1, 5),
            "2 Dec -> 2 Jan (Sat; Scottish holiday), Mon 4 Jan is its substitute -> Tue 5 Jan",
        ),
        (D(2026, 12, 2), EW, False, 0, D(2027, 1, 4), "same in England: Mon 4 Jan"),
        (D(2025, 12, 2), SCT, False, 0, D(2026, 1, 5), "2 Jan 2026 (Fri) Scottish -> Mon 5 Jan"),
        (D(2025, 12, 2), EW, False, 0, D(2026, 1, 2), "2 Jan 2026 is a working day in England"),
        (D(2026, 2, 17), NI, False, 0, D(2026, 3, 18), "St Patrick's Day, NI only"),
        (D(2026, 2, 17), EW, False, 0, D(2026, 3, 17), "17 Mar is a working day in England"),
        (D(2027, 6, 12), NI, False, 0, D(2027, 7, 13), "12 July (Mon 2027), NI only"),
        (D(2027, 6, 12), EW, False, 0, D(2027, 7, 12), "12 July is a working day elsewhere"),
        (
            D(2026, 6, 12),
            NI,
            False,
            0,
            D(2026, 7, 14),
            "12 Jul 2026 is Sun; its substitute Mon 13 Jul -> Tue 14",
        ),
        (D(2026, 3, 6), EW, False, 0, D(2026, 4, 7), "6 Apr 2026 is Easter Monday in E&W"),
        (D(2026, 3, 6), SCT, False, 0, D(2026, 4, 6), "Easter Monday is not a holiday in Scotland"),
        (
            D(2026, 11, 25),
            EW,
            False,
            0,
            D(2026, 12, 29),
            "25 Dec Fri, Boxing Day Sat -> substitute Mon 28 -> Tue 29",
        ),
        (
            D(2027, 11, 25),
            EW,
            False,
            0,
            D(2027, 12, 29),
            "25 Dec Sat, 26 Sun -> substitutes Mon 27, Tue 28 -> Wed 29",
        ),
        (D(2026, 10, 30), SCT, False, 0, D(2026, 12, 1), "30 Nov St Andrew's Day in Scotland"),
        (D(2026, 10, 30), EW, False, 0, D(2026, 11, 30), "30 Nov is a working day in England"),
        (D(2023, 4, 8), EW, False, 0, D(2023, 5, 9), "8 May 2023: the Coronation bank holiday"),
        # Extension: three months from receipt, same rules.
        (D(2026, 1, 31), EW, True, 0, D(2026, 4, 30), "31 Jan + 3 months -> 30 Apr (last day)"),
        (D(2027, 11, 30), EW, True, 0, D(2028, 2, 29), "30 Nov 2027 + 3 months -> 29 Feb 2028"),
        (D(2026, 1, 6), EW, True, 0, D(2026, 4, 7), "6 Apr 2026 Easter Monday -> Tue 7 Apr"),
        (D(2026, 1, 6), SCT, True, 0, D(2026, 4, 6), "Mon 6 Apr is a Scottish working day"),
        # Paused clock (Art. 12A): days added to receipt before the month is counted.
        (D(2026, 1, 10), EW, False, 7, D(2026, 2, 17), "10 Jan + 7 days -> 17 Jan -> 17 Feb"),
        (
            D(2027, 2, 28),
            EW,
            False,
            3,
            D(2027, 4, 5),
            "28 Feb + 3 -> 3 Mar -> 3 Apr (Sat) -> Mon 5 Apr, not 31 Mar",
        ),
        (D(2026, 1, 29), EW, False, 2, D(2026, 3, 2), "29 Jan + 2 -> 31 Jan -> 28 Feb -> 2 Mar"),
        (D(2026, 1, 10), EW, True, 7, D(2026, 4, 17), "extended and paused"),
    ],
)
def test_due_date_table(
    received: date, region: str, extended: bool, paused: int, expected: date, why: str
) -> None:
    assert due_date(received, region, extended=extended, paused_days=paused) == expected, why
    assert is_working_day(expected, region)


def test_default_region_is_england_and_wales() -> None:
    assert due_date(D(2026, 3, 6)) == D(2026, 4, 7)


def test_unknown_region_is_refused_clearly() -> None:
    with pytest.raises(ValueError, match=r"Unknown region 'wales'.*england-and-wales"):
        due_date(D(2026, 1, 1), "wales")
    with pytest.raises(ValueError, match="Unknown region"):
        next_working_day(D(2026, 1, 1), "GB-ENG")
    with pytest.raises(ValueError, match="Unknown region"):
        bank_holidays("england", 2026)


def test_negative_pause_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        due_date(D(2026, 1, 1), paused_days=-1)


def test_bank_holidays_are_bank_holidays_only() -> None:
    # gov.uk's 2026 lists (the weekend dates of Boxing Day also appear, harmlessly).
    ew = {d for d in bank_holidays(EW, 2026) if d.weekday() < 5}
    assert ew == {
        D(2026, 1, 1),
        D(2026, 4, 3),
        D(2026, 4, 6),
        D(2026, 5, 4),
        D(2026, 5, 25),
        D(2026, 8, 31),
        D(2026, 12, 25),
        D(2026, 12, 28),
    }
    ni = {d for d in bank_holidays(NI, 2026) if d.weekday() < 5}
    assert ni == ew | {D(2026, 3, 17), D(2026, 7, 13)}
    sct = {d for d in bank_holidays(SCT, 2026) if d.weekday() < 5}
    assert {D(2026, 1, 2), D(2026, 8, 3), D(2026, 11, 30)} <= sct
    assert D(2026, 4, 6) not in sct and D(2026, 8, 31) not in sct
    # Observances that are not bank holidays.
    for region in REGIONS:
        days = bank_holidays(region, 2026)
        for observance in (
            D(2026, 4, 23),
            D(2026, 3, 1),
            D(2026, 11, 8),
            D(2026, 2, 14),
            D(2026, 3, 15),
            D(2026, 10, 31),
        ):
            assert observance not in days, (region, observance)


def test_working_days() -> None:
    assert is_working_day(D(2026, 3, 17), EW)
    assert not is_working_day(D(2026, 3, 17), NI)
    assert not is_working_day(D(2026, 3, 14), EW)  # Saturday
    assert next_working_day(D(2026, 4, 3), EW) == D(2026, 4, 7)  # Good Friday, Easter Monday
    assert next_working_day(D(2026, 4, 3), SCT) == D(2026, 4, 6)
    assert next_working_day(D(2026, 4, 8)) == D(2026, 4, 8)


def test_add_calendar_months() -> None:
    assert add_calendar_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_calendar_months(D(2026, 11, 30), 3) == D(2027, 2, 28)
    assert add_calendar_months(D(2026, 12, 31), 1) == D(2027, 1, 31)
    assert add_calendar_months(D(2026, 5, 31), 1) == D(2026, 6, 30)
    assert add_calendar_months(D(2026, 5, 15), 12) == D(2027, 5, 15)


def test_extension_reasons_are_due_within_the_first_month() -> None:
    received = D(2026, 1, 31)
    assert extension_reasons_due(received) == due_date(received) == D(2026, 3, 2)
    assert extension_reasons_due(received) < due_date(received, extended=True)
    assert extension_reasons_due(D(2025, 12, 2), SCT) == D(2026, 1, 5)
    assert extension_reasons_due(D(2026, 1, 10), paused_days=7) == D(2026, 2, 17)


def test_days_left() -> None:
    due = D(2026, 2, 6)
    assert days_left(due, D(2026, 1, 6)) == 31
    assert days_left(due, due) == 0
    assert days_left(due, D(2026, 2, 9)) == -3


@pytest.mark.parametrize(
    ("today", "extended", "state"),
    [
        (D(2026, 1, 20), False, "ok"),
        (D(2026, 1, 29), False, "ok"),  # 8 days left
        (D(2026, 1, 30), False, "due_soon"),  # 7 days left
        (D(2026, 2, 6), False, "due_soon"),  # the day itself is still in time
        (D(2026, 2, 7), False, "overdue"),
        (D(2026, 1, 20), True, "extended"),
        (D(2026, 2, 6), True, "extended"),
        (D(2026, 2, 7), True, "overdue"),
    ],
)
def test_deadline_state(today: date, extended: bool, state: str) -> None:
    assert deadline_state(D(2026, 2, 6), today, extended) == state


def test_extended_request_is_not_overdue_at_the_first_month() -> None:
    received = D(2026, 1, 6)
    first, extended_due = due_date(received), due_date(received, extended=True)
    after_first = D(2026, 2, 20)
    assert deadline_state(first, after_first, extended=False) == "overdue"
    assert deadline_state(extended_due, after_first, extended=True) == "extended"


# DPA 2018 s.164A, as the ICO's complaints guidance counts it: the 30 days begin the day
# after receipt, and a last day that is not a working day moves to the next one. Each
# case is worked out by hand (weekdays from a calendar, bank holidays by region).
@pytest.mark.parametrize(
    ("received", "region", "expected", "why"),
    [
        (D(2025, 6, 5), EW, D(2025, 7, 7), "Thu 5 Jun + 30 -> Sat 5 Jul -> Mon 7 Jul (ICO)"),
        (D(2026, 6, 1), EW, D(2026, 7, 1), "Mon 1 Jun + 30 -> Wed 1 Jul, a working day"),
        (D(2026, 11, 25), EW, D(2026, 12, 29),
         "+30 -> Fri 25 Dec; Boxing Day is Sat 26, its substitute Mon 28 -> Tue 29 Dec"),
        (D(2026, 10, 31), SCT, D(2026, 12, 1), "+30 -> Mon 30 Nov, St Andrew's Day -> Tue 1 Dec"),
        (D(2026, 10, 31), EW, D(2026, 11, 30), "Mon 30 Nov is a working day in England"),
        (D(2027, 2, 15), NI, D(2027, 3, 18), "+30 -> Wed 17 Mar, St Patrick's Day -> Thu 18"),
        (D(2027, 2, 15), EW, D(2027, 3, 17), "Wed 17 Mar is a working day in England"),
    ],
)
def test_complaint_acknowledgement_table(
    received: date, region: str, expected: date, why: str
) -> None:
    assert complaint_acknowledgement_due(received, region) == expected, why


# The ICO's window: three calendar months from the last meaningful contact, to the
# corresponding date (or the month's last day), never moved later for a weekend.
@pytest.mark.parametrize(
    ("last_contact", "expected", "why"),
    [
        (D(2026, 12, 12), D(2027, 3, 12), "12 Dec 2026 -> complain to the ICO by 12 Mar 2027"),
        (D(2026, 11, 30), D(2027, 2, 28), "no 30 Feb in 2027 -> 28 Feb"),
        (D(2027, 11, 30), D(2028, 2, 29), "2028 is a leap year -> 29 Feb"),
        (D(2027, 5, 31), D(2027, 8, 31), "31 May -> 31 Aug"),
        (D(2026, 12, 13), D(2027, 3, 13), "Sat 13 Mar stays: the officer's own deadline"),
    ],
)
def test_ico_window_table(last_contact: date, expected: date, why: str) -> None:
    assert ico_complaint_by(last_contact) == expected, why
