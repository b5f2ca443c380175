"""The review state machine: a submission's status, the reviewer's acts and the clock.

States: submitted → acknowledged → (clarification_requested ⇄ acknowledged/extended) →
outcome (a challenge) or fulfilled (a SAR). Every function takes the engine and the moment
`now` (UTC) explicitly, so the API, the `review` command line and the tests share the same
code and the same clock rules.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from recourse.domain.deadlines import DEFAULT_REGION, complaint_acknowledgement_due, due_date
from recourse.protocol import contest_wire as cw
from recourse.protocol.submission import format_utc, parse_utc

from .. import db
from . import tables as t
from .complaints import COMPLAINT, about_reference
from .errors import ContestError
from .sar import build_package

REGION = DEFAULT_REGION
_FINISHED = frozenset({"outcome", "fulfilled"})
#: The kind of a signed answer to a request for clarification (see `answerable`).
CLARIFICATION = "clarification"
_DEFAULT_FLAG_STATUS = {"upheld": "withdrawn", "partly_upheld": "amended", "not_upheld": "open"}
SUBMISSION_NOT_AVAILABLE = "No submission with this reference is available to you."


def clock_now() -> datetime:
    return datetime.now(UTC)


# ------------------------------------------------------------------------------ flags


def flag_body(conn: Connection, officer_id: str, flag_id: str) -> dict[str, Any] | None:
    """The JSON body of one of `officer_id`'s flags, or None if there is no such flag."""
    f = db.flags.c
    body = conn.execute(select(f.body).where(
        f.officer_id == officer_id, f.flag_id == flag_id)).scalar_one_or_none()
    return None if body is None else dict(json.loads(body))


def set_flag(conn: Connection, officer_id: str, flag: dict[str, Any]) -> None:
    f = db.flags.c
    conn.execute(update(db.flags).where(f.officer_id == officer_id, f.flag_id == flag["id"])
                 .values(body=json.dumps(flag, separators=(",", ":"), ensure_ascii=False)))


# ----------------------------------------------------------------------------- status


def event(conn: Connection, reference: str, at: datetime, state: str,
          note: str | None) -> None:
    """Add a line to the submission's history."""
    conn.execute(insert(t.events), {"reference": reference, "at": format_utc(at),
                                    "state": state, "note": note})


def paused_days(row: Mapping[str, Any], today: date | None = None) -> int:
    """Days the clock has been paused; a pause still running counts up to `today`."""
    days = int(row["paused_days"] or 0)
    if row["paused_since"] is not None and today is not None:
        days += max(0, (today - date.fromisoformat(row["paused_since"])).days)
    return days


def _status(row: Mapping[str, Any], events: list[Mapping[str, Any]]) -> cw.SubmissionStatus:
    received = parse_utc(row["received_at"])
    paused = paused_days(row)
    due = (complaint_acknowledgement_due(received.date(), REGION) if row["kind"] == COMPLAINT
           else due_date(received.date(), REGION, paused_days=paused))
    return cw.SubmissionStatus(
        reference=row["reference"], kind=row["kind"], target_flag_id=row["target_flag_id"],
        about_reference=about_reference(row), state=row["state"], received_at=received,
        due_date=due,
        extended_due_date=(due_date(received.date(), REGION, extended=True,
                                    paused_days=paused) if row["extended"] else None),
        extension_reasons=row["extension_reasons"],
        clarification_request=row["clarification_request"],
        outcome=row["outcome"], outcome_reasons=row["outcome_reasons"],
        events=[cw.SubmissionEvent(at=parse_utc(e["at"]), state=e["state"], note=e["note"])
                for e in events],
        response_available=row["response_package"] is not None,
        sent_by=(None if row.get("actor_id") is None else cw.SentBy(
            actor_id=row["actor_id"], name=row["actor_name"], mandate=row["mandate"])),
    )


def _statuses(conn: Connection, officer_id: str | None) -> list[cw.SubmissionStatus]:
    s = t.submissions.c
    # Signed clarification answers are shown through the submission they answer.
    sa = t.submission_actors.c
    query = (select(t.submissions, sa.actor_id, sa.actor_name, sa.mandate)
             .outerjoin(t.submission_actors, sa.reference == s.reference)
             .where(s.kind != CLARIFICATION).order_by(s.seq))
    if officer_id is not None:
        query = query.where(s.officer_id == officer_id)
    rows = conn.execute(query).mappings().all()
    e = t.events.c
    by_reference: dict[str, list[Mapping[str, Any]]] = {}
    references = [r["reference"] for r in rows]
    for start in range(0, len(references), 500):
        chunk = references[start:start + 500]
        for found in conn.execute(select(t.events).where(e.reference.in_(chunk))
                                  .order_by(e.seq)).mappings():
            by_reference.setdefault(found["reference"], []).append(dict(found))
    return [_status(dict(r), by_reference.get(r["reference"], [])) for r in rows]


def list_submissions(engine: Engine, officer_id: str | None = None) -> cw.SubmissionList:
    """One officer's submissions, or everyone's (for reviewers) when `officer_id` is None."""
    with engine.connect() as conn:
        return cw.SubmissionList(submissions=_statuses(conn, officer_id))


def officers_with_submissions(engine: Engine) -> list[str]:
    """Every officer with a submission the reviewers' list shows."""
    s = t.submissions.c
    with engine.connect() as conn:
        return list(conn.execute(select(s.officer_id).where(s.kind != CLARIFICATION)
                                 .distinct().order_by(s.officer_id)).scalars())


def _row(conn: Connection, reference: str, officer_id: str | None = None) -> dict[str, Any]:
    s = t.submissions.c
    row = conn.execute(select(t.submissions).where(
        s.reference == reference, s.kind != CLARIFICATION)).mappings().first()
    if row is None or (officer_id is not None and row["officer_id"] != officer_id):
        raise ContestError(404, SUBMISSION_NOT_AVAILABLE)
    return dict(row)


def status(engine: Engine, reference: str) -> cw.SubmissionStatus:
    with engine.connect() as conn:
        row = _row(conn, reference)
        e = t.events.c
        events = conn.execute(select(t.events).where(e.reference == reference)
                              .order_by(e.seq)).mappings().all()
        sa = t.submission_actors.c
        actor = conn.execute(select(sa.actor_id, sa.actor_name, sa.mandate)
                             .where(sa.reference == reference)).mappings().first()
    return _status({**row, **(dict(actor) if actor else {})}, [dict(e) for e in events])


def _change(engine: Engine, reference: str, now: datetime, state: str, note: str | None,
            officer_id: str | None = None, **values: Any) -> cw.SubmissionStatus:
    s = t.submissions.c
    with engine.begin() as conn:
        _row(conn, reference, officer_id)
        conn.execute(update(t.submissions).where(s.reference == reference)
                     .values(state=state, updated_at=format_utc(now), **values))
        event(conn, reference, now, state, note)
    return status(engine, reference)


def _open_row(engine: Engine, reference: str, officer_id: str | None = None) -> dict[str, Any]:
    with engine.connect() as conn:
        row = _row(conn, reference, officer_id)
    if row["state"] in _FINISHED:
        raise ContestError(409, f"{reference} is already closed ({row['state']}); "
                                "nothing more can be done to it.")
    return row


# ---------------------------------------------------------------- the officer's answer


def answerable(conn: Connection, officer_id: str, reference: str) -> dict[str, Any]:
    """The officer's submission a signed clarification answers; it must be waiting."""
    s = t.submissions.c
    row = conn.execute(select(t.submissions).where(
        s.reference == reference, s.kind != CLARIFICATION)).mappings().first()
    if row is None or row["officer_id"] != officer_id:
        raise ContestError(422, f"The answer is about {reference}, which is not one of your "
                                "challenges or requests.")
    if row["state"] != "clarification_requested":
        raise ContestError(409, f"The force has not asked you to clarify {reference}, so "
                                "there is nothing to answer.")
    return dict(row)


def resume_after_answer(conn: Connection, row: Mapping[str, Any], answer_reference: str,
                        text: str, now: datetime) -> date:
    """The officer answered: the clock resumes, the due date moves on by the paused days.
    Returns the due date that applies now (what the answer's receipt states)."""
    paused = paused_days(row, now.date())
    resumed = "extended" if row["extended"] else "acknowledged"
    s = t.submissions.c
    conn.execute(update(t.submissions).where(s.reference == row["reference"]).values(
        state=resumed, paused_days=paused, paused_since=None, updated_at=format_utc(now)))
    event(conn, row["reference"], now, resumed,
          f"The officer answered (signed, receipt {answer_reference}): {text.strip()}")
    received = parse_utc(row["received_at"]).date()
    return due_date(received, REGION, extended=bool(row["extended"]), paused_days=paused)


# ----------------------------------------------------------------------- the reviewer


def acknowledge(engine: Engine, reference: str, now: datetime,
                reviewer: str) -> cw.SubmissionStatus:
    row = _open_row(engine, reference)
    if row["state"] != "submitted":
        raise ContestError(409, f"{reference} has already been acknowledged.")
    return _change(engine, reference, now, "acknowledged", f"Acknowledged by {reviewer}.")


def clarify(engine: Engine, reference: str, note: str, now: datetime,
            reviewer: str) -> cw.SubmissionStatus:
    """Ask the officer to clarify; the statutory clock stops until they answer (Art. 12A)."""
    row = _open_row(engine, reference)
    if row["kind"] == COMPLAINT:
        raise ContestError(409, f"{reference} is a complaint: its 30-day clock does not "
                                "pause; acknowledge it and ask the officer in your answer.")
    if row["state"] == "clarification_requested":
        raise ContestError(409, f"{reference} is already waiting for the officer's answer.")
    note = note.strip()
    if not note:
        raise ContestError(422, "Say what the officer needs to clarify.")
    return _change(engine, reference, now, "clarification_requested", note,
                   clarification_request=note, paused_since=now.date().isoformat())


def extend(engine: Engine, reference: str, reasons: str, now: datetime,
           reviewer: str) -> cw.SubmissionStatus:
    """Extend by two months (Art. 12(3)), once, telling the officer why within the month."""
    row = _open_row(engine, reference)
    if row["kind"] == COMPLAINT:
        raise ContestError(409, f"{reference} is a complaint: the 30 days to acknowledge it "
                                "(DPA 2018 s.164A) cannot be extended.")
    if row["extended"]:
        raise ContestError(409, f"{reference} has already been extended; it can be extended "
                                "only once.")
    reasons = reasons.strip()
    if not reasons:
        raise ContestError(422, "Give the reasons for the extension: the officer must be told "
                                "why.")
    received = parse_utc(row["received_at"]).date()
    first_due = due_date(received, REGION, paused_days=paused_days(row, now.date()))
    if now.date() > first_due:
        raise ContestError(409, f"Too late to extend {reference}: the officer had to be told "
                                f"of an extension by {first_due.isoformat()}.")
    state = "clarification_requested" if row["state"] == "clarification_requested" \
        else "extended"
    return _change(engine, reference, now, state, reasons, extended=True,
                   extension_reasons=reasons)


def record_outcome(engine: Engine, reference: str, outcome: str, reasons: str,
                   flag_status: str | None, now: datetime,
                   reviewer: str) -> cw.SubmissionStatus:
    """Decide a challenge (the flag's new status reaches the officer at their next sync) or
    answer a complaint with its outcome and reasons."""
    row = _open_row(engine, reference)
    if row["kind"] not in ("challenge", COMPLAINT):
        raise ContestError(409, f"{reference} is a subject-access request: fulfil it instead.")
    if row["kind"] == COMPLAINT and flag_status is not None:
        raise ContestError(422, f"{reference} is a complaint: it has no flag to change.")
    if row["kind"] == COMPLAINT and row["state"] == "submitted":
        raise ContestError(409, f"Acknowledge the complaint {reference} before giving its "
                                "outcome.")
    if outcome not in cw.OUTCOMES:
        raise ContestError(422, f"The outcome must be one of {', '.join(cw.OUTCOMES)}.")
    new_status = flag_status or _DEFAULT_FLAG_STATUS[outcome]
    if new_status not in cw.OUTCOME_FLAG_STATUSES:
        raise ContestError(422, "The flag can become one of "
                                f"{', '.join(cw.OUTCOME_FLAG_STATUSES)}.")
    reasons = reasons.strip()
    if not reasons:
        raise ContestError(422, "Give the reasons for the outcome: the officer must be told "
                                "why.")
    s = t.submissions.c
    with engine.begin() as conn:
        conn.execute(update(t.submissions).where(s.reference == reference).values(
            state="outcome", outcome=outcome, outcome_reasons=reasons, paused_since=None,
            paused_days=paused_days(row, now.date()), updated_at=format_utc(now)))
        event(conn, reference, now, "outcome",
              f"{outcome.replace('_', ' ').capitalize()} by {reviewer}: {reasons}")
        flag = (None if row["kind"] == COMPLAINT
                else flag_body(conn, row["officer_id"], row["target_flag_id"]))
        if flag is not None:
            flag["status"] = new_status
            flag["updated_at"] = format_utc(now)
            flag["review"] = {"human_reviewed": True, "reviewed_by": reviewer[:200],
                              "reviewed_at": format_utc(now),
                              "note": f"Challenge {reference}: {outcome}. {reasons}"[:20_000]}
            set_flag(conn, row["officer_id"], flag)
    return status(engine, reference)


def fulfil(engine: Engine, reference: str, now: datetime, reviewer: str,
           leave_out: frozenset[str] = frozenset()) -> cw.SubmissionStatus:
    """Answer a SAR: build and sign the response package (without the Art. 15 items in
    `leave_out`, as a force that answers incompletely does)."""
    row = _open_row(engine, reference)
    if row["kind"] != "sar":
        raise ContestError(409, f"{reference} is a {row['kind']}: record an outcome instead.")
    package = build_package(engine, row, now, leave_out=leave_out)
    s = t.submissions.c
    with engine.begin() as conn:
        conn.execute(update(t.submissions).where(s.reference == reference).values(
            state="fulfilled", response_package=package, paused_since=None,
            paused_days=paused_days(row, now.date()), updated_at=format_utc(now)))
        event(conn, reference, now, "fulfilled",
              f"Response sent by {reviewer}; it is ready to download.")
    return status(engine, reference)


def response(engine: Engine, officer_id: str, reference: str) -> cw.SarResponse:
    with engine.connect() as conn:
        row = _row(conn, reference, officer_id)
    if row["response_package"] is None:
        raise ContestError(404, "The force has not answered this request yet.")
    return cw.SarResponse(reference=reference, package=row["response_package"])
