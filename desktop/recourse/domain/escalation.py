"""When a request goes wrong: what the officer can do next, the law behind it, and by when.

Plain rules over plain facts (no I/O, no Qt). A challenge or subject-access request can
go wrong four ways (`PROBLEMS`): the force is late (`overdue`), it refused (`refused`: a
challenge not upheld), its answer leaves out Art. 15 items asked for (`incomplete`), or
the officer disputes the outcome (`disputed`). The next step is then:

1. a complaint to the force under DPA 2018 s.164A, which the force must acknowledge
   within 30 days (`deadlines.complaint_acknowledgement_due`);
2. once the force has answered that complaint, or 30 days have passed without an
   acknowledgement, a complaint to the ICO within three months of the last meaningful
   contact with the force (`deadlines.ico_complaint_by`): the day of the force's answer,
   or the day its acknowledgement fell due unanswered.

`open_clocks` lists every deadline still running, for the calendar.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Literal

from recourse.domain import deadlines

__all__ = [
    "CLOCK_KINDS",
    "FORCE_COMPLAINT_LAW",
    "ICO_LAW",
    "PROBLEMS",
    "ComplaintFacts",
    "DeadlineClock",
    "IcoWindow",
    "Problem",
    "RequestFacts",
    "ico_window",
    "open_clocks",
    "request_problems",
]

Problem = Literal["overdue", "refused", "incomplete", "disputed"]
#: What went wrong -> plain words (the same codes as `submission.COMPLAINT_PROBLEMS`).
PROBLEMS: MappingProxyType[str, str] = MappingProxyType({
    "overdue": "The force has not answered by the date the law gives it",
    "refused": "The force refused what I asked",
    "incomplete": "The force's answer leaves out information I asked for",
    "disputed": "I dispute the force's outcome",
})
FORCE_COMPLAINT_LAW = "DPA 2018 s.164A"
ICO_LAW = "UK GDPR Art. 77 and DPA 2018 s.165"

ClockKind = Literal["reply_due", "extension", "complaint_acknowledgement", "ico_window"]
CLOCK_KINDS: MappingProxyType[str, str] = MappingProxyType({
    "reply_due": "The force's reply is due",
    "extension": "The force's extended reply is due",
    "complaint_acknowledgement": "The force must acknowledge your complaint",
    "ico_window": "Last day to complain to the ICO",
})


@dataclass(frozen=True)
class RequestFacts:
    """A challenge or SAR as far as escalation needs it."""

    reference: str
    kind: Literal["challenge", "sar"]
    received_on: date
    #: The due date that applies now (the extended one once extended).
    due_on: date
    extended: bool
    #: The force has answered (an outcome, or a fulfilled SAR).
    answered: bool
    answered_on: date | None = None
    #: A challenge's outcome: upheld / partly_upheld / not_upheld.
    outcome: str | None = None
    #: The Art. 15 item codes the answer leaves out of what was asked (a fulfilled SAR).
    missing_items: tuple[str, ...] = ()


@dataclass(frozen=True)
class ComplaintFacts:
    """A complaint to the force, from its receipt and the force's status."""

    reference: str
    about: str
    received_on: date
    acknowledge_by: date
    acknowledged_on: date | None
    answered_on: date | None
    outcome: str | None = None
    outcome_reasons: str | None = None
    #: The day the officer says they sent the ICO complaint, once recorded.
    sent_to_ico_on: date | None = None


@dataclass(frozen=True)
class IcoWindow:
    #: Whether the officer can go to the ICO now (the force answered, or did not
    #: acknowledge in time).
    open: bool
    last_contact: date
    complain_by: date
    #: Why the window runs from `last_contact`, in plain words.
    because: str


@dataclass(frozen=True)
class DeadlineClock:
    """One open deadline, for the in-app list and the calendar export."""

    kind: ClockKind
    reference: str
    due: date
    #: Plain words: "RC-2026-000123: the force's reply is due".
    title: str
    law: str


def request_problems(facts: RequestFacts, today: date) -> list[Problem]:
    """What has gone wrong with a request, as of `today` (empty: nothing to escalate)."""
    found: list[Problem] = []
    if not facts.answered:
        if deadlines.deadline_state(facts.due_on, today, facts.extended) == "overdue":
            found.append("overdue")
        return found
    if facts.kind == "challenge" and facts.outcome is not None:
        if facts.outcome == "not_upheld":
            found.append("refused")
        found.append("disputed")
    if facts.kind == "sar" and facts.missing_items:
        found.append("incomplete")
    return found


def ico_window(complaint: ComplaintFacts, today: date) -> IcoWindow | None:
    """The ICO window of a complaint to the force, or None while the force still has time
    to acknowledge it. Acknowledged but not yet answered: the window is shown, not open."""
    if complaint.answered_on is not None:
        return IcoWindow(True, complaint.answered_on,
                         deadlines.ico_complaint_by(complaint.answered_on),
                         "the force answered your complaint on that day")
    if complaint.acknowledged_on is None:
        if today <= complaint.acknowledge_by:
            return None
        return IcoWindow(True, complaint.acknowledge_by,
                         deadlines.ico_complaint_by(complaint.acknowledge_by),
                         "the force did not acknowledge your complaint within 30 days")
    return IcoWindow(False, complaint.acknowledged_on,
                     deadlines.ico_complaint_by(complaint.acknowledged_on),
                     "the force acknowledged your complaint on that day and has not "
                     "answered it yet")


def open_clocks(requests: Sequence[RequestFacts], complaints: Sequence[ComplaintFacts],
                today: date) -> list[DeadlineClock]:
    """Every deadline still running, soonest first: the force's reply (or extended
    reply), a complaint's acknowledgement, and the officer's own ICO window (until they
    record having sent it). A deadline already passed still runs until it is met."""
    clocks: list[DeadlineClock] = []
    for request in requests:
        if request.answered:
            continue
        kind: ClockKind = "extension" if request.extended else "reply_due"
        law = "UK GDPR Art. 12(3)" + (" (extended)" if request.extended else "")
        clocks.append(DeadlineClock(kind, request.reference, request.due_on,
                                    f"{request.reference}: {CLOCK_KINDS[kind].lower()}", law))
    for complaint in complaints:
        if complaint.acknowledged_on is None and complaint.answered_on is None:
            clocks.append(DeadlineClock(
                "complaint_acknowledgement", complaint.reference, complaint.acknowledge_by,
                f"{complaint.reference}: the force must acknowledge your complaint about "
                f"{complaint.about}", FORCE_COMPLAINT_LAW))
        window = ico_window(complaint, today)
        if window is not None and window.open and complaint.sent_to_ico_on is None:
            clocks.append(DeadlineClock(
                "ico_window", complaint.reference, window.complain_by,
                f"{complaint.about}: last day to complain to the ICO (complaint "
                f"{complaint.reference})", ICO_LAW))
    return sorted(clocks, key=lambda c: (c.due, c.reference, c.kind))
