"""Statutory time limits for subject-access and other rights requests, as the ICO counts them.

The rules (UK GDPR Art. 12(3) and the ICO's guidance on time limits):

1. The day of receipt is day one. The limit is one calendar month from that day, to
   the *corresponding calendar date* of the next month: received 3 January, due
   3 February.
2. Where the next month has no corresponding date, the due date is the last day of
   that month: received 31 January, due 28 February (29 in a leap year); received
   31 March, due 30 April.
3. Where the due date falls on a weekend or a bank holiday of the officer's region,
   it moves to the next working day.
4. A complex or numerous request may be extended by two further months: the limit is
   then three months from the day of receipt, counted by the same rules (received 31
   January, due 30 April). The requester must be told, with reasons, within the first
   month (`extension_reasons_due`).
5. Art. 12A: while the force waits for clarification it reasonably needs, or for
   proof of identity, the clock is paused.

Our interpretation of 5, stated precisely: the paused days are added to the day of
receipt *before* rules 1-3 are applied. A request received 10 January whose clock was
paused for 7 days is treated as received 17 January, so is due 17 February (moved
to the next working day if need be). The order matters at month ends: received 28
February 2027 and paused 3 days, the request is due on 3 April (one month from 3
March, then moved past the weekend to Monday 5 April), not on 31 March (28 March plus
3 days).

When a request goes wrong, two further clocks run (DPA 2018 s.164A, in force since 19 June
2026, and the ICO's guidance on complaints):

6. A complaint to the force must be acknowledged within 30 days. The 30 days begin the
   day after the complaint is received (received Thursday 5 June: day one is Friday 6
   June, day 30 is 5 July); a last day on a weekend or bank holiday moves to the next
   working day (`complaint_acknowledgement_due`).
7. A complaint to the ICO should be made within three months of the last meaningful
   contact with the force, to the corresponding date as in rule 1 and 2 (last contact 12
   December 2026: complain by 12 March 2027). This is the officer's own deadline, so it
   is never moved later for a weekend (`ico_complaint_by`).

Bank holidays come from the maintained `holidays` package, offline, restricted to the
public (bank) holidays of England and Wales, Scotland or Northern Ireland, including
substitute days (e.g. Boxing Day on a Saturday moves to the Monday or Tuesday) and
one-off days proclaimed for a year (a coronation, a state funeral).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache
from types import MappingProxyType
from typing import Literal

import holidays

__all__ = [
    "DEFAULT_REGION",
    "DUE_SOON_DAYS",
    "REGIONS",
    "DeadlineState",
    "add_calendar_months",
    "bank_holidays",
    "complaint_acknowledgement_due",
    "days_left",
    "deadline_state",
    "due_date",
    "extension_reasons_due",
    "ico_complaint_by",
    "is_working_day",
    "next_working_day",
]

#: Region name -> `holidays` subdivision code for the United Kingdom ("GB").
REGIONS: MappingProxyType[str, str] = MappingProxyType(
    {
        "england-and-wales": "ENG",
        "scotland": "SCT",
        "northern-ireland": "NIR",
    }
)
DEFAULT_REGION = "england-and-wales"
#: A deadline this many days away or fewer is "due soon".
DUE_SOON_DAYS = 7

DeadlineState = Literal["ok", "due_soon", "overdue", "extended"]


def _subdivision(region: str) -> str:
    try:
        return REGIONS[region]
    except KeyError:
        raise ValueError(
            f"Unknown region {region!r}: bank holidays are known for {', '.join(REGIONS)}."
        ) from None


@lru_cache(maxsize=256)
def _holidays_of(subdivision: str, year: int) -> frozenset[date]:
    calendar_ = holidays.country_holidays(
        "GB", subdiv=subdivision, years=year, categories=("public",)
    )
    return frozenset(day for day in calendar_ if day.year == year)


def bank_holidays(region: str, year: int) -> frozenset[date]:
    """The bank holidays of `region` in `year`, substitute days included."""
    return _holidays_of(_subdivision(region), year)


def is_working_day(day: date, region: str = DEFAULT_REGION) -> bool:
    """Monday to Friday and not a bank holiday in `region`."""
    return day.weekday() < 5 and day not in bank_holidays(region, day.year)


def next_working_day(day: date, region: str = DEFAULT_REGION) -> date:
    """`day` itself if it is a working day, else the first working day after it."""
    _subdivision(region)
    while not is_working_day(day, region):
        day += timedelta(days=1)
    return day


def add_calendar_months(start: date, months: int) -> date:
    """The corresponding date `months` later, or the last day of that month if none."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def due_date(
    received: date,
    region: str = DEFAULT_REGION,
    extended: bool = False,
    paused_days: int = 0,
) -> date:
    """The statutory due date of a request received on `received` (see module doc)."""
    _subdivision(region)
    if paused_days < 0:
        raise ValueError("The clock cannot be paused for a negative number of days.")
    start = received + timedelta(days=paused_days)
    return next_working_day(add_calendar_months(start, 3 if extended else 1), region)


def extension_reasons_due(
    received: date, region: str = DEFAULT_REGION, paused_days: int = 0
) -> date:
    """The last day to tell the requester of an extension and why: the first month."""
    return due_date(received, region, extended=False, paused_days=paused_days)


#: DPA 2018 s.164A: the force acknowledges a complaint within this many days.
COMPLAINT_ACKNOWLEDGEMENT_DAYS = 30
#: The ICO's window after the last meaningful contact with the force, in months.
ICO_WINDOW_MONTHS = 3


def complaint_acknowledgement_due(received: date, region: str = DEFAULT_REGION) -> date:
    """The last day for the force to acknowledge a complaint received on `received`."""
    _subdivision(region)
    return next_working_day(received + timedelta(days=COMPLAINT_ACKNOWLEDGEMENT_DAYS), region)


def ico_complaint_by(last_contact: date) -> date:
    """The last day to complain to the ICO, three months after `last_contact` with the
    force (its last reply, or the day its acknowledgement fell due unanswered)."""
    return add_calendar_months(last_contact, ICO_WINDOW_MONTHS)


def days_left(due: date, today: date) -> int:
    """Calendar days from `today` to `due`: 0 on the day itself, negative once late."""
    return (due - today).days


def deadline_state(due: date, today: date, extended: bool = False) -> DeadlineState:
    """How a deadline stands today.

    Pass the date that currently applies: for a lawfully extended request that is the
    extended date, and until it passes the request is "extended", not "overdue".
    """
    left = days_left(due, today)
    if left < 0:
        return "overdue"
    if extended:
        return "extended"
    if left <= DUE_SOON_DAYS:
        return "due_soon"
    return "ok"
