"""The deadlines calendar: every open clock as an all-day event in an iCalendar file.

Made in memory (RFC 5545, the `icalendar` package); the officer chooses where it goes.
Each event is an all-day event on the UK date of the deadline (`DTSTART;VALUE=DATE`,
`DTEND` the day after), with a UID that stays the same for the same clock
(reference + kind), so importing a newer export updates the events rather than adding
copies. An event says only what the officer exports on purpose: the force's reference,
what is due, and the law; nothing from their records.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event

from recourse.domain.escalation import DeadlineClock

__all__ = ["PRODID", "calendar_ics", "clock_uid"]

PRODID = "-//Recourse//Deadlines//EN"


def clock_uid(clock: DeadlineClock) -> str:
    """The same for the same clock in every export."""
    safe = "".join(c if c.isalnum() or c in "-." else "-" for c in clock.reference)
    return f"{safe}.{clock.kind.replace('_', '-')}@recourse.deadlines"


def calendar_ics(clocks: Sequence[DeadlineClock], *, made_at: datetime | None = None,
                 name: str = "Recourse deadlines") -> bytes:
    """The clocks as an iCalendar file (bytes, CRLF lines as RFC 5545 wants); `name` is
    the calendar's, as the officer's language says it."""
    stamp = (made_at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for clock in clocks:
        event = Event()
        event.add("uid", clock_uid(clock))
        event.add("dtstamp", stamp)
        event.add("dtstart", clock.due)
        event.add("dtend", clock.due + timedelta(days=1))
        event.add("summary", clock.title)
        event.add("description", f"{clock.title} ({clock.law}).")
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return bytes(calendar.to_ical())
