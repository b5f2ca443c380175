"""Escalation rules (`domain/escalation.py`) and the deadlines calendar
(`documents/calendar.py`), by hand-worked cases: what has gone wrong with a request, when
the ICO window opens and closes, and one calendar event per open clock on the right day."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar

from recourse.documents.calendar import calendar_ics, clock_uid
from recourse.domain.escalation import (
    ComplaintFacts,
    RequestFacts,
    ico_window,
    open_clocks,
    request_problems,
)

D = date


def sar(**changes: object) -> RequestFacts:
    base: dict[str, object] = {
        "reference": "RC-2026-000001", "kind": "sar", "received_on": D(2026, 9, 1),
        "due_on": D(2026, 10, 1), "extended": False, "answered": False}
    base.update(changes)
    return RequestFacts(**base)  # type: ignore[arg-type]


def complaint(**changes: object) -> ComplaintFacts:
    base: dict[str, object] = {
        "reference": "RC-2026-000002", "about": "RC-2026-000001",
        "received_on": D(2026, 11, 12), "acknowledge_by": D(2026, 12, 14),
        "acknowledged_on": None, "answered_on": None}
    base.update(changes)
    return ComplaintFacts(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(("facts", "today", "expected"), [
    (sar(), D(2026, 10, 1), []),                              # due today: not yet late
    (sar(), D(2026, 10, 2), ["overdue"]),
    (sar(extended=True, due_on=D(2026, 12, 1)), D(2026, 10, 20), []),  # lawfully extended
    (sar(answered=True, missing_items=("retention",)), D(2026, 11, 1), ["incomplete"]),
    (sar(answered=True), D(2026, 11, 1), []),                 # answered in full
    (sar(kind="challenge", answered=True, outcome="not_upheld"), D(2026, 11, 1),
     ["refused", "disputed"]),
    (sar(kind="challenge", answered=True, outcome="partly_upheld"), D(2026, 11, 1),
     ["disputed"]),
])
def test_what_has_gone_wrong(facts: RequestFacts, today: date, expected: list[str]) -> None:
    assert request_problems(facts, today) == expected


def test_the_ico_window_opens_when_the_acknowledgement_is_missed_or_the_force_answers(
) -> None:
    waiting = complaint()
    assert ico_window(waiting, D(2026, 12, 14)) is None  # the force still has today
    missed = ico_window(waiting, D(2026, 12, 15))
    assert missed is not None and missed.open
    # From the day the acknowledgement fell due: 14 December -> 14 March 2027.
    assert (missed.last_contact, missed.complain_by) == (D(2026, 12, 14), D(2027, 3, 14))
    answered = ico_window(complaint(acknowledged_on=D(2026, 11, 20),
                                    answered_on=D(2026, 12, 12)), D(2026, 12, 13))
    assert answered is not None and answered.open
    assert answered.complain_by == D(2027, 3, 12)  # "complain to the ICO by 12 March 2027"
    handling = ico_window(complaint(acknowledged_on=D(2026, 11, 20)), D(2027, 1, 5))
    assert handling is not None and not handling.open


def test_open_clocks_one_per_running_deadline_soonest_first() -> None:
    requests = [sar(), sar(reference="RC-2026-000003", extended=True, due_on=D(2027, 1, 4)),
                sar(reference="RC-2026-000004", answered=True)]
    complaints = [complaint(),
                  complaint(reference="RC-2026-000005", about="RC-2026-000003",
                            acknowledged_on=D(2026, 11, 20))]
    today = D(2026, 12, 20)
    clocks = open_clocks(requests, complaints, today)
    assert [(c.kind, c.reference, c.due) for c in clocks] == [
        ("reply_due", "RC-2026-000001", D(2026, 10, 1)),
        ("complaint_acknowledgement", "RC-2026-000002", D(2026, 12, 14)),
        ("extension", "RC-2026-000003", D(2027, 1, 4)),
        ("ico_window", "RC-2026-000002", D(2027, 3, 14)),
    ]
    # Once the officer records sending it, the ICO window is no longer a clock.
    sent = [complaint(sent_to_ico_on=D(2026, 12, 19))]
    assert "ico_window" not in {c.kind for c in open_clocks([], sent, today)}


def test_the_calendar_parses_back_with_one_all_day_event_per_clock() -> None:
    clocks = open_clocks([sar()], [complaint()], D(2026, 12, 20))
    made = datetime(2026, 12, 20, 9, 0, tzinfo=UTC)
    data = calendar_ics(clocks, made_at=made)
    assert data == calendar_ics(clocks, made_at=made)  # same clocks, same file
    parsed = Calendar.from_ical(data)
    events = list(parsed.walk("VEVENT"))
    assert len(events) == len(clocks) == 3
    for event, clock in zip(events, clocks, strict=True):
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert type(start) is date and start == clock.due  # all-day: a date, not a time
        assert end == clock.due + timedelta(days=1)
        assert str(event["uid"]) == clock_uid(clock)
        assert str(event["summary"]) == clock.title
    assert len({str(e["uid"]) for e in events}) == 3
    assert b"BEGIN:VCALENDAR" in data and b"\r\n" in data
