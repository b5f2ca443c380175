"""Escalation, client side: a complaint to the force (signed, sent, receipt verified, like
every submission), the clocks that follow it, the ICO complaint pack, and the day the
officer says they sent it to the ICO. No Qt; every call blocks.

Recourse never sends anything to the ICO (it has no API): it prepares the pack, and keeps
the date the officer gives as theirs, in the encrypted store.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Final

from recourse.api.errors import ApiError
from recourse.contest.bundles import Bundles, write_zip_atomically
from recourse.contest.drafts import PreparedSubmission
from recourse.contest.errors import ContestError, DraftInvalid, NoSigningKey, NotFoundLocally
from recourse.contest.mandates import Mandates
from recourse.contest.outbox import SubmissionRecord
from recourse.documents.calendar import calendar_ics
from recourse.documents.pdf import text_pdf
from recourse.domain import deadlines
from recourse.domain.escalation import (
    ComplaintFacts,
    DeadlineClock,
    IcoWindow,
    Problem,
    RequestFacts,
    ico_window,
    open_clocks,
    request_problems,
)
from recourse.domain.ico_letter import IcoComplaint, Reply, ico_letter
from recourse.protocol.canonical import canonical_json
from recourse.protocol.submission import build_submission, complaint_details

log = logging.getLogger(__name__)

__all__ = ["COMPLAINT", "Escalation", "Escalations", "complaint_draft_id"]

COMPLAINT: Final = "complaint"
#: Setting (in the encrypted store): complaint reference -> the ISO day the officer says
#: they sent the ICO complaint about it.
ICO_SENT_SETTING = "escalation.ico_sent"
_REPLY_WORDS = {
    "acknowledged": "acknowledged it",
    "clarification_requested": "asked for clarification",
    "extended": "extended the time to answer",
    "outcome": "gave its outcome",
    "fulfilled": "sent its response",
}


def complaint_draft_id(reference: str) -> str:
    return f"complaint:{reference}"


@dataclass(frozen=True)
class Escalation:
    """Where one challenge or SAR stands, and the next step the law gives the officer."""

    request: SubmissionRecord
    facts: RequestFacts
    problems: tuple[Problem, ...]
    #: The latest complaint to the force about it, if any.
    complaint: SubmissionRecord | None
    complaint_facts: ComplaintFacts | None
    ico: IcoWindow | None


def _day_of(record: SubmissionRecord, state: str) -> date | None:
    if record.status is None:
        return None
    days = [e.at.date() for e in record.status.events if e.state == state]
    return days[0] if days else None


class Escalations(Bundles, Mandates):
    """The escalation part of `ContestService`."""

    region: str = deadlines.DEFAULT_REGION

    # -- the complaint to the force ----------------------------------------------------
    def save_complaint_draft(self, reference: str, body: dict[str, Any]) -> None:
        """Keep what the officer is writing (call on every change)."""
        self.store.save_draft(complaint_draft_id(reference), COMPLAINT,
                              {**body, "reference": reference})

    def complaint_draft(self, reference: str) -> dict[str, Any]:
        wanted = complaint_draft_id(reference)
        return next((dict(d.body) for d in self.store.drafts() if d.id == wanted), {})

    def prepare_complaint(self, reference: str, problem: str, statement: str,
                          outcome_wanted: str,
                          missing_items: Sequence[str] = ()) -> PreparedSubmission:
        """The exact content of a complaint to the force about `reference`, to read
        before signing. `DraftInvalid` says what is missing."""
        active = self.contest.active_key()
        if active is None:
            raise NoSigningKey()
        if not statement.strip():
            raise DraftInvalid("Say what went wrong, in your own words.")
        if not outcome_wanted.strip():
            raise DraftInvalid("Say what you want the force to do to put it right.")
        try:
            payload = build_submission(
                officer_id=self.subject_id, actor_id=self.actor_id,
                mandate=self.mandate_reference, key_id=active.key_id, kind=COMPLAINT,
                target=reference, created_at=datetime.now(UTC), statement=statement,
                complaint=complaint_details(problem, outcome_wanted, missing_items))
        except ValueError as exc:
            raise DraftInvalid(str(exc)) from None
        return PreparedSubmission(complaint_draft_id(reference), payload,
                                  canonical_json(payload), ())

    def send_complaint(self, prepared: PreparedSubmission) -> SubmissionRecord:
        """Sign, keep, send and verify the receipt (as `submit`), then refresh statuses."""
        if prepared.payload.get("kind") != COMPLAINT:
            raise DraftInvalid("This is not a complaint.")
        record = self.submit(prepared)
        try:
            self.refresh_submissions()
        except (ApiError, ContestError) as exc:  # the complaint is in; the list catches up
            log.info("statuses not refreshed after a complaint: %s", type(exc).__name__)
        return record

    # -- where each request stands -----------------------------------------------------
    def _missing_items(self, record: SubmissionRecord) -> tuple[str, ...]:
        if record.kind != "sar" or record.reference is None:
            return ()
        try:
            return tuple(i.code for i in self.check_completeness(record.reference))
        except (ContestError, ValueError):
            return ()  # no kept response to check yet

    def request_facts(self, record: SubmissionRecord) -> RequestFacts | None:
        due = record.current_due_date()
        if record.reference is None or due is None or record.kind not in ("challenge", "sar"):
            return None
        status = record.status
        answered = status is not None and status.state in ("outcome", "fulfilled")
        received = (record.receipt.received_at if record.receipt is not None
                    else status.received_at if status is not None else record.created_at)
        answered_on = None
        if answered and status is not None:
            answered_on = _day_of(record, status.state)
        return RequestFacts(
            reference=record.reference,
            kind="sar" if record.kind == "sar" else "challenge",
            received_on=received.date(), due_on=due,
            extended=status is not None and status.extended_due_date is not None,
            answered=answered, answered_on=answered_on,
            outcome=status.outcome if status is not None else None,
            missing_items=self._missing_items(record) if answered else ())

    def complaint_facts(self, record: SubmissionRecord) -> ComplaintFacts | None:
        if record.kind != COMPLAINT or record.reference is None:
            return None
        about = record.payload.get("target")
        if not isinstance(about, str) and record.status is not None:
            about = record.status.about_reference
        received = (record.receipt.received_at if record.receipt is not None
                    else record.status.received_at if record.status is not None else None)
        if not isinstance(about, str) or received is None:
            return None
        status = record.status
        sent = self.ico_sent().get(record.reference)
        return ComplaintFacts(
            reference=record.reference, about=about, received_on=received.date(),
            acknowledge_by=(record.current_due_date() or deadlines.complaint_acknowledgement_due(
                received.date(), self.region)),
            acknowledged_on=_day_of(record, "acknowledged"),
            answered_on=_day_of(record, "outcome"),
            outcome=status.outcome if status is not None else None,
            outcome_reasons=status.outcome_reasons if status is not None else None,
            sent_to_ico_on=None if sent is None else date.fromisoformat(sent))

    def complaints(self) -> list[SubmissionRecord]:
        return [r for r in self.submissions() if r.kind == COMPLAINT]

    def escalations(self, today: date) -> dict[str, Escalation]:
        """Reference of each received challenge or SAR -> where it stands."""
        records = self.submissions()
        latest: dict[str, tuple[SubmissionRecord, ComplaintFacts]] = {}
        for record in records:
            facts = self.complaint_facts(record)
            if facts is not None and (facts.about not in latest or
                                      latest[facts.about][1].received_on <= facts.received_on):
                latest[facts.about] = (record, facts)
        found = {}
        for record in records:
            request = self.request_facts(record)
            if request is None:
                continue
            complaint, cfacts = latest.get(request.reference, (None, None))
            found[request.reference] = Escalation(
                request=record, facts=request, problems=tuple(request_problems(request, today)),
                complaint=complaint, complaint_facts=cfacts,
                ico=None if cfacts is None else ico_window(cfacts, today))
        return found

    def escalation(self, reference: str, today: date) -> Escalation:
        """Where the request `reference` (or the one complaint `reference` is about) stands."""
        found = self.escalations(today)
        if reference in found:
            return found[reference]
        for item in found.values():
            if item.complaint is not None and item.complaint.reference == reference:
                return item
        raise NotFoundLocally(f"Request {reference}")

    def deadline_clocks(self, today: date) -> list[DeadlineClock]:
        """Every open clock: replies due, extensions, acknowledgements, ICO windows."""
        records = self.submissions()
        requests = [f for f in map(self.request_facts, records) if f is not None]
        complaints = [f for f in map(self.complaint_facts, records) if f is not None]
        return open_clocks(requests, complaints, today)

    def calendar_file(self, today: date, *,
                      retitle: Callable[[DeadlineClock], DeadlineClock] | None = None,
                      name: str = "Recourse deadlines") -> bytes:
        """The open clocks as an iCalendar file (the officer saves it on purpose);
        `retitle` words each event in the officer's language (the domain's are English)."""
        clocks = self.deadline_clocks(today)
        return calendar_ics([retitle(c) for c in clocks] if retitle else clocks, name=name)

    # -- the ICO -----------------------------------------------------------------------
    def ico_sent(self) -> dict[str, str]:
        value: object = self.store.get_setting(ICO_SENT_SETTING, {})
        return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}

    def record_ico_sent(self, complaint_reference: str, on: date, today: date) -> None:
        """Keep the day the officer says they sent the ICO complaint (not in the future)."""
        if on > today:
            raise DraftInvalid("The day you sent it cannot be in the future.")
        sent = self.ico_sent()
        sent[complaint_reference] = on.isoformat()
        self.store.put_setting(ICO_SENT_SETTING, sent)

    def ico_letter_text(self, reference: str, today: date, *, officer_name: str = "",
                        force_number: str = "", organisation: str = "",
                        evidence: Sequence[str] = (),
                        representative: tuple[str, str] | None = None) -> str:
        item = self.escalation(reference, today)
        complaint, cfacts = item.complaint, item.complaint_facts
        if complaint is None or cfacts is None or item.ico is None or not item.ico.open:
            raise DraftInvalid("The ICO pack is ready once the force has answered your "
                               "complaint, or 30 days have passed without it being "
                               "acknowledged.")
        sent = complaint.payload.get("complaint")
        details: dict[str, Any] = sent if isinstance(sent, dict) else {}
        problems = [str(details.get("problem", ""))] if details.get("problem") else []
        problems += [p for p in item.problems if p not in problems]
        request = item.request
        summary = ("asking for the data the force holds about me" if request.kind == "sar"
                   else f"contesting flag {request.payload.get('target', '')}")
        return ico_letter(IcoComplaint(
            officer_name=officer_name, force_number=force_number,
            organisation=organisation or "The police force (its Data Protection Officer)",
            request_kind="subject access request" if request.kind == "sar"
            else "challenge to a flag",
            request_reference=item.facts.reference, request_summary=summary,
            request_received_on=item.facts.received_on, request_due_on=item.facts.due_on,
            request_replies=_replies(request), complaint_reference=cfacts.reference,
            complaint_received_on=cfacts.received_on,
            complaint_acknowledge_by=cfacts.acknowledge_by,
            complaint_replies=_replies(complaint), problems=problems,
            missing_items=list(details.get("missing_items", [])) or list(
                item.facts.missing_items),
            statement=str(complaint.payload.get("statement", "")),
            outcome_wanted=str(details.get("outcome_wanted", "")),
            complain_by=item.ico.complain_by, evidence=evidence,
            representative=representative, today=today))

    def ico_pack_files(self, reference: str, today: date, *, officer_name: str = "",
                       force_number: str = "", organisation: str = "") -> dict[str, bytes]:
        """The pack: the letter (PDF), the evidence bundles of the request and the
        complaint held on this PC, and for a representative the member's signed mandate
        and its receipt."""
        item = self.escalation(reference, today)
        files: dict[str, bytes] = {}
        for record in (item.request, item.complaint):
            if record is None or record.reference is None or record.receipt is None:
                continue  # sent from another PC: that PC keeps its receipt
            files[f"evidence-{record.reference}.zip"] = _zip(self.bundle_files(
                record.reference))
        representative = None
        if self.acting is not None:
            mandate = self.acting[1]
            representative = (self._own_name(), mandate)
            for entry in self._held_mandates():
                if entry.reference == mandate:
                    files[f"authority-{mandate}.jws"] = entry.jws.encode("ascii")
                    files[f"authority-{mandate}-receipt.jws"] = entry.receipt.encode("ascii")
        letter = self.ico_letter_text(
            reference, today, officer_name=officer_name, force_number=force_number,
            organisation=organisation, evidence=sorted(files), representative=representative)
        files["ico-complaint-letter.pdf"] = text_pdf(letter, "Complaint to the ICO")
        return files

    def export_ico_pack(self, reference: str, path: str | Path, today: date,
                        **names: str) -> Path:
        """Write the pack as one zip the officer saves (atomically)."""
        return write_zip_atomically(Path(path), self.ico_pack_files(reference, today, **names))

    def _own_name(self) -> str:
        try:
            return str(self.api.me().name)
        except (ApiError, ContestError):
            return ""

    def _held_mandates(self) -> list[Any]:
        try:
            return list(self.mandates())
        except (ApiError, ContestError) as exc:
            log.info("the member's mandate is not in the pack: %s", type(exc).__name__)
            return []


def _replies(record: SubmissionRecord) -> list[Reply]:
    if record.status is None:
        return []
    replies = []
    for event in record.status.events:
        words = _REPLY_WORDS.get(event.state)
        if words is None:
            continue
        note = f": {event.note}" if event.note else ""
        replies.append(Reply(event.at.date(), f"The force {words}{note}"))
    return replies


def _zip(files: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(files.items()):
            archive.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data)
    return buffer.getvalue()
