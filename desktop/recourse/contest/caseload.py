"""A representative's caseload: one row per member, with what needs doing next.

Read from the member stores (`recourse.store.MemberStores`) and the mandates in the
representative's own `/v1/me`; the force's statuses of each member's requests are
refreshed into the member's store by `refresh_requests`. No Qt.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from recourse.api.client import ApiClient
from recourse.api.errors import NotFound
from recourse.documents.pdf import letters_pdf
from recourse.domain.letters import welsh
from recourse.domain.member_letters import member_overdue_letter
from recourse.protocol import changes_wire as chw
from recourse.protocol import wire
from recourse.store import MemberStores, Store
from recourse.store.contest import ContestStore

__all__ = ["MANDATE_WARNING_DAYS", "CaseloadRow", "NextStep", "OverdueChaser", "caseload",
           "overdue_chasers", "overdue_chasers_pdf", "refresh_caseload_requests",
           "refresh_requests"]

#: A mandate ending within this many days is something to do: ask the member to renew.
MANDATE_WARNING_DAYS = 30
_CLOSED_FLAGS = frozenset({"withdrawn", "closed"})
_CLOSED_REQUESTS = frozenset({"outcome", "fulfilled"})
_ACTION_WORDS = {
    "none": "no action", "management_advice": "management advice",
    "prevention_notice": "prevention notice", "misconduct_assessment": "misconduct assessment",
    "restricted_duties": "restricted duties", "arrest": "arrest",
}


@dataclass(frozen=True)
class CaseloadRow:
    officer_id: str
    name: str
    rank: str
    force_number: str
    mandate: str
    scope: tuple[str, ...]
    expires_at: datetime
    open_flags: int
    #: What followed the member's open flags ("prevention notice", ...), most serious first.
    actions: tuple[str, ...]
    open_requests: int
    overdue_requests: int
    #: The earliest date the force owes a reply on an open request, if any.
    next_due: date | None
    #: What needs doing next, in the representative's words (English; the screen words
    #: it in his language from `next`).
    next_step: str
    #: Sorts "next step" by urgency: 0 most urgent.
    urgency: int
    #: The same next step as facts.
    next: NextStep


@dataclass(frozen=True)
class NextStep:
    """What needs doing next for a member: `kind` is one of "clarify" (answer the force's
    question on `reference`), "chase" or "chase_acknowledgement" (`reference` is `days`
    overdue), "renew" (the mandate ends on `day`), "reply_due" (the force owes a reply on
    `reference` by `day`), "review" (`count` open flags with `surname`), "nothing"."""

    kind: str
    reference: str = ""
    days: int = 0
    day: date | None = None
    count: int = 0
    surname: str = ""


def refresh_requests(api: ApiClient, member_store: Store, officer_id: str,
                     current_etag: str | None = None) -> None:
    """The force's statuses of the member's requests, into the member's store; no
    request at all when `current_etag` (from a `changes` answer) is the one held."""
    contest = ContestStore(member_store)
    held = contest.submissions_etag()
    if held is not None and current_etag == held:
        return
    listed, etag = api.submission_statuses(officer_id, held)
    if listed is not None:
        contest.replace_statuses(
            {s.reference: s.model_dump(mode="json") for s in listed.submissions}, etag)


def refresh_caseload_requests(api: ApiClient, store: Store, members: list[str],
                              changes: chw.ChangesSummary | None = None) -> list[str]:
    """`refresh_requests` for each member whose data this PC holds (`changes`: the
    caseload's answer, whose ETags spare the members with nothing new). A member the
    force no longer lets him see (404: the mandate was revoked meanwhile) is deleted
    from this PC at once; returns those members."""
    stores = MemberStores(store)
    current = {} if changes is None else {
        o.officer_id: o.etags.get("submissions") for o in changes.officers}
    removed = []
    for officer_id in members:
        member_store = stores.open(officer_id)
        try:
            refresh_requests(api, member_store, officer_id, current.get(officer_id))
        except NotFound:
            removed.append(officer_id)
        finally:
            member_store.close()
        if removed and removed[-1] == officer_id:
            stores.delete(officer_id)
    return removed


def _due(body: dict[str, Any]) -> date:
    return date.fromisoformat(str(body.get("extended_due_date") or body["due_date"]))


def _row(member: wire.RepresentedMember, store: Store, today: date) -> CaseloadRow:
    flags = [f for f in store.flags() if f.status not in _CLOSED_FLAGS]
    order = list(_ACTION_WORDS)
    actions = sorted({f.action for f in flags if f.action != "none"},
                     key=lambda a: -order.index(a) if a in order else 0)
    # A complaint's only clock is its acknowledgement (DPA 2018 s.164A): met once given.
    requests = [b for b in ContestStore(store).statuses().values()
                if b.get("state") not in _CLOSED_REQUESTS
                and not (b.get("kind") == "complaint" and b.get("state") != "submitted")]
    overdue = sorted((b for b in requests if _due(b) < today), key=_due)
    asked = [b for b in requests if b.get("state") == "clarification_requested"]
    soon = sorted((b for b in requests if today <= _due(b) <= today + timedelta(days=7)),
                  key=_due)
    expires = member.expires_at.date()
    surname = member.name.split()[-1]
    if asked:
        ref = str(asked[0]["reference"])
        step, urgency = f"Answer the force's request for clarification ({ref})", 0
        then = NextStep("clarify", reference=ref)
    elif overdue:
        late = (today - _due(overdue[0])).days
        ref = str(overdue[0]["reference"])
        complaint = overdue[0].get("kind") == "complaint"
        what = "the acknowledgement of the complaint" if complaint else "the reply"
        step, urgency = (f"Chase {ref}: {what} is {late} day"
                         f"{'' if late == 1 else 's'} overdue"), 1
        then = NextStep("chase_acknowledgement" if complaint else "chase", reference=ref,
                        days=late)
    elif expires <= today + timedelta(days=MANDATE_WARNING_DAYS):
        step, urgency = f"Mandate ends {expires:%d %b %Y}: ask {surname} to renew it", 2
        then = NextStep("renew", day=expires, surname=surname)
    elif soon:
        ref = str(soon[0]["reference"])
        step, urgency = f"Reply due from the force by {_due(soon[0]):%d %b %Y} ({ref})", 3
        then = NextStep("reply_due", reference=ref, day=_due(soon[0]))
    elif flags and not requests:
        step, urgency = (f"Review {len(flags)} open flag{'' if len(flags) == 1 else 's'} "
                         f"with {surname}"), 4
        then = NextStep("review", count=len(flags), surname=surname)
    else:
        step, urgency = "Nothing due", 9
        then = NextStep("nothing")
    return CaseloadRow(
        officer_id=member.officer_id, name=member.name, rank=member.rank or "",
        force_number=member.force_number or "", mandate=member.mandate,
        scope=tuple(member.scope), expires_at=member.expires_at, open_flags=len(flags),
        actions=tuple(_ACTION_WORDS.get(a, a.replace("_", " ")) for a in actions),
        open_requests=len(requests), overdue_requests=len(overdue),
        next_due=min((_due(b) for b in requests), default=None), next_step=step,
        urgency=urgency, next=then)


def caseload(store: Store, today: date) -> list[CaseloadRow]:
    """One row per member under a current mandate whose data this PC holds."""
    return [_row(member, member_store, today) for member, member_store in _held_members(store)]


def _held_members(store: Store) -> Iterator[tuple[wire.RepresentedMember, Store]]:
    """Each member under a current mandate whose data this PC holds, with their store
    (open while the caller is at that member, closed before the next)."""
    me = store.me()
    if me is None:
        return
    members = MemberStores(store)
    held = set(members.known())
    for member in me.represents:
        if member.officer_id not in held:
            continue
        member_store = members.open(member.officer_id)
        try:
            yield member, member_store
        finally:
            member_store.close()


@dataclass(frozen=True)
class OverdueChaser:
    """A chaser for a reply the force owes on a member's request, past its due date."""

    officer_id: str
    member_name: str
    reference: str
    received_on: date
    due_on: date
    #: The letter, in the representative's words, under the member's mandate.
    text: str


def overdue_chasers(store: Store, today: date, language: str = "en") -> list[OverdueChaser]:
    """A chaser for every overdue request of every member whose data this PC holds,
    most overdue first; in Welsh when `language` is ``cy``."""
    me = store.me()
    if me is None:
        return []
    chasers = []
    for member, member_store in _held_members(store):
        for body in ContestStore(member_store).statuses().values():
            if body.get("state") in _CLOSED_REQUESTS or _due(body) >= today:
                continue
            received = datetime.fromisoformat(str(body["received_at"]).replace("Z", "+00:00"))
            text = member_overdue_letter(
                kind="sar" if body.get("kind") == "sar" else "challenge",
                reference=str(body["reference"]), received_on=received.date(),
                due_on=_due(body), extended=bool(body.get("extended_due_date")), today=today,
                member_name=member.name, member_rank=member.rank or "",
                member_force_number=member.force_number or "", representative_name=me.name,
                mandate=member.mandate, language=language)
            chasers.append(OverdueChaser(member.officer_id, member.name,
                                         str(body["reference"]), received.date(),
                                         _due(body), text))
    return sorted(chasers, key=lambda c: (c.due_on, c.member_name, c.reference))


def overdue_chasers_pdf(chasers: list[OverdueChaser], language: str = "en") -> bytes:
    """Every chaser in one PDF, a letter to a page, to print or send at once."""
    title = ("Ceisiadau hwyr - llythyrau atgoffa" if welsh(language)
             else "Overdue requests - chaser letters")
    return letters_pdf([c.text for c in chasers], title)
