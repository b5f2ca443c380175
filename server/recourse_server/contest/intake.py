"""Intake: attachments, and signed submissions verified, recorded and given a signed receipt.

A retry with the same Idempotency-Key gets the byte-identical receipt; a replayed nonce,
an unregistered or revoked key, or a missing attachment is refused with a `ContestError`.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from recourse.domain.deadlines import due_date
from recourse.protocol import contest_wire as cw
from recourse.protocol.canonical import canonical_json
from recourse.protocol.jws import KeyMismatch, ProtocolError
from recourse.protocol.receipt import issue_receipt, submission_sha256
from recourse.protocol.submission import SubmissionReplayed, format_utc, verify_submission

from .. import db
from . import receipt_log
from . import tables as t
from .complaints import check_complaint
from .errors import ContestError
from .keys import server_private_key, signing_key_of
from .review import (
    CLARIFICATION,
    REGION,
    answerable,
    event,
    flag_body,
    resume_after_answer,
    set_flag,
)

# -------------------------------------------------------------------------- attachments


def put_attachment(engine: Engine, officer_id: str, sha256: str, data: bytes,
                   now: datetime) -> None:
    """Store a file under its uploader's id: the officer, or the representative who will
    send it for a member (a submission finds its files under whoever signed it)."""
    if len(data) > cw.MAX_ATTACHMENT_UPLOAD_BYTES:
        raise ContestError(413, "The file is too large: attachments may be at most 10 MiB.")
    actual = hashlib.sha256(data).hexdigest()
    if actual != sha256:
        raise ContestError(422, "The file's contents do not match its SHA-256 in the address: "
                                "it was changed or damaged on the way. Upload it again.")
    a = t.attachments.c
    try:
        with engine.begin() as conn:
            exists = conn.execute(select(a.size).where(
                a.officer_id == officer_id, a.sha256 == sha256)).first()
            if exists is None:
                conn.execute(insert(t.attachments), {
                    "officer_id": officer_id, "sha256": sha256, "size": len(data),
                    "data": data, "uploaded_at": format_utc(now)})
    except IntegrityError:
        pass  # the same file uploaded twice at once: it is there either way


# -------------------------------------------------------------------------- submissions

#: Record ids looked up per query when checking what a challenge disputes.
_ID_BATCH = 500


def _check_own_records(conn: Connection, officer_id: str, record_ids: list[str]) -> None:
    """Refuse a challenge disputing records that are not the officer's own.

    A record of the officer's feed, current or since deleted, counts; an id of another
    officer's record is refused in the same words as an id that exists nowhere, so the
    answer tells nobody what others hold.
    """
    c = db.changes.c
    missing: list[str] = []
    for start in range(0, len(record_ids), _ID_BATCH):
        batch = record_ids[start:start + _ID_BATCH]
        found = set(conn.execute(select(c.record_id).where(
            c.officer_id == officer_id, c.record_id.in_(batch))).scalars())
        missing += [record_id for record_id in batch if record_id not in found]
    if missing:
        shown = ", ".join(repr(record_id) for record_id in missing[:5])
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        raise ContestError(422, f"The challenge disputes records that are not among your "
                                f"records: {shown}{more}. Dispute only records the force "
                                "holds about you, then sign it again.")


@dataclass(frozen=True)
class Actor:
    """A representative sending for a member under a current mandate with `act` scope."""

    actor_id: str
    name: str
    mandate: str


@dataclass(frozen=True)
class Accepted:
    reference: str
    receipt: str
    #: False when this was a retry that returned the stored receipt.
    created: bool


def _reference(seq: int, received: datetime) -> str:
    return f"RC-{received.year}-{seq:06d}"


def _existing_for_key(conn: Connection, officer_id: str, idempotency_key: str,
                      request_hash: str) -> Accepted | None:
    s = t.submissions.c
    row = conn.execute(select(s.reference, s.receipt, s.request_sha256).where(
        s.officer_id == officer_id, s.idempotency_key == idempotency_key)).first()
    if row is None:
        return None
    if row.request_sha256 != request_hash:
        raise ContestError(422, "This Idempotency-Key was already used for a different "
                                "submission. Each new submission needs a new key; a retry "
                                "must send exactly the same submission.")
    return Accepted(row.reference, row.receipt, created=False)


def submit(engine: Engine, officer_id: str, token: str, idempotency_key: str,
           now: datetime, actor: Actor | None = None) -> Accepted:
    """Verify a signed submission for `officer_id`, record it and sign its receipt: the
    officer's own, or (with `actor`) one their representative signed for them."""
    now = now.astimezone(UTC).replace(microsecond=0)
    try:
        request_hash = submission_sha256(token)
    except ProtocolError as error:
        raise ContestError(422, f"The submission cannot be accepted: {error}") from None
    with engine.connect() as conn:
        earlier = _existing_for_key(conn, officer_id, idempotency_key, request_hash)
    if earlier is not None:
        return earlier
    try:
        return _record_submission(engine, officer_id, token, idempotency_key, request_hash,
                                  now, actor)
    except IntegrityError:
        # A concurrent retry with the same Idempotency-Key won the race: answer as it did.
        with engine.connect() as conn:
            earlier = _existing_for_key(conn, officer_id, idempotency_key, request_hash)
        if earlier is not None:
            return earlier
        raise ContestError(409, "This exact submission has been received before; it was not "
                                "recorded twice.") from None


def _record_submission(engine: Engine, officer_id: str, token: str, idempotency_key: str,
                       request_hash: str, now: datetime, actor: Actor | None) -> Accepted:
    private = server_private_key(engine)
    signer = officer_id if actor is None else actor.actor_id
    with engine.begin() as conn:
        kid, public = signing_key_of(conn, signer, token)

        def seen(nonce: str) -> bool:
            n = t.nonces.c
            if conn.execute(select(n.nonce).where(n.nonce == nonce)).first() is not None:
                return True
            conn.execute(insert(t.nonces), {"nonce": nonce, "seen_at": format_utc(now)})
            return False

        try:
            payload = verify_submission(
                token, public, now=now, seen_nonces=seen, expected_officer_id=officer_id,
                expected_actor_id=None if actor is None else actor.actor_id)
        except SubmissionReplayed as error:
            raise ContestError(409, str(error)) from None
        except KeyMismatch as error:
            raise ContestError(422, f"The submission cannot be accepted: {error}") from None
        except ProtocolError as error:
            raise ContestError(422, f"The submission cannot be accepted: {error}") from None
        if actor is not None and payload.get("mandate") != actor.mandate:
            raise ContestError(422, f"The submission names mandate {payload.get('mandate')}, "
                                    f"but the member's current mandate is {actor.mandate}. "
                                    "Prepare it again under the current mandate.")
        a = t.attachments.c
        for attachment in payload["attachments"]:
            present = conn.execute(select(a.size).where(
                a.officer_id == signer, a.sha256 == attachment["sha256"])).first()
            if present is None or present.size != attachment["size"]:
                raise ContestError(422, f"The attachment {attachment['name']!r} has not been "
                                        "uploaded (or differs from the one signed). Upload it, "
                                        "then send the submission again.")
        flag: dict[str, Any] | None = None
        answered: dict[str, Any] | None = None
        if payload["kind"] == CLARIFICATION:
            answered = answerable(conn, officer_id, payload["target"])
        if payload["kind"] == "challenge":
            flag = flag_body(conn, officer_id, payload["target"])
            if flag is None:
                raise ContestError(422, "The flag this challenge is about is not one raised "
                                        "against you (no flag with that id).")
            _check_own_records(conn, officer_id, payload["disputed_record_ids"])
        acknowledge_by = check_complaint(conn, officer_id, payload, now, REGION)
        received = format_utc(now)
        inserted = conn.execute(insert(t.submissions), {
            "reference": "pending-" + secrets.token_hex(8), "officer_id": officer_id,
            "kind": payload["kind"],
            "target_flag_id": payload["target"] if payload["kind"] == "challenge" else None,
            "officer_key_id": kid, "token": token, "submission_sha256": request_hash,
            "payload": canonical_json(payload).decode("utf-8"),
            "idempotency_key": idempotency_key, "request_sha256": request_hash,
            "receipt": "", "received_at": received, "state": "submitted", "paused_days": 0,
            "extended": False, "updated_at": received,
        })
        primary_key = inserted.inserted_primary_key
        assert primary_key is not None  # an INSERT of one row always has one
        seq = int(primary_key[0])
        reference = _reference(seq, now)
        due = acknowledge_by or due_date(now.date(), REGION)
        if answered is not None:
            due = resume_after_answer(conn, answered, reference, payload["statement"], now)
        log_index = receipt_log.allocate(conn)
        receipt = issue_receipt(token, payload, private_key=private, received_at=now,
                                reference=reference, due_date=due,
                                idempotency_key=idempotency_key, log_index=log_index)
        receipt_log.append(conn, log_index, receipt, kind=payload["kind"],
                           submitted_sha256=request_hash, now=now, private_key=private)
        s = t.submissions.c
        conn.execute(update(t.submissions).where(s.seq == seq)
                     .values(reference=reference, receipt=receipt))
        event(conn, reference, now, "submitted", None)
        if actor is not None:
            conn.execute(insert(t.submission_actors), {
                "reference": reference, "actor_id": actor.actor_id, "actor_name": actor.name,
                "mandate": actor.mandate})
        if flag is not None:
            flag["status"] = "under_review"
            flag["updated_at"] = received
            set_flag(conn, officer_id, flag)
    return Accepted(reference, receipt, created=True)
