"""What the contest endpoints and the `review` command line do, in one place.

Every function takes the engine and the moment `now` (UTC) explicitly, so the API, the
command line and the tests share the same code and the same clock rules. Refusals are
`ContestError`s: a status for the API and a `detail` an officer or reviewer can read.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from pydantic import ValidationError
from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from recourse.domain.contest import ART15_ITEMS
from recourse.domain.deadlines import DEFAULT_REGION, due_date
from recourse.protocol import contest_wire as cw
from recourse.protocol import wire
from recourse.protocol.canonical import canonical_json
from recourse.protocol.jws import (
    MAX_TOKEN_LENGTH,
    InvalidKey,
    KeyMismatch,
    ProtocolError,
    b64url_decode,
    b64url_encode,
    fingerprint_words,
    key_id,
    load_public_jwk,
    public_jwk,
    sign_compact,
    unverified_header,
)
from recourse.protocol.receipt import issue_receipt, submission_sha256
from recourse.protocol.submission import (
    SubmissionReplayed,
    format_utc,
    parse_utc,
    verify_submission,
)

from .. import db
from ..problems import ProblemError
from . import tables as t

REGION = DEFAULT_REGION
_SERVER_KEY_NAME = "receipts"
_FINISHED = frozenset({"outcome", "fulfilled"})
#: The kind of a signed answer to a request for clarification (see `_answerable`).
CLARIFICATION = "clarification"
_DEFAULT_FLAG_STATUS = {"upheld": "withdrawn", "partly_upheld": "amended", "not_upheld": "open"}


class ContestError(ProblemError):
    """A refusal: `status` for the API, `detail` in words a person understands."""


# --------------------------------------------------------------------------- server key


def server_private_key(engine: Engine) -> Ed25519PrivateKey:
    """The receipt-signing key, generated and stored on first use."""
    k = t.server_keys.c
    with engine.connect() as conn:
        stored = conn.execute(
            select(k.private_key).where(k.name == _SERVER_KEY_NAME)
        ).scalar_one_or_none()
    if stored is None:
        key = Ed25519PrivateKey.generate()
        raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        try:
            with engine.begin() as conn:
                conn.execute(insert(t.server_keys), {
                    "name": _SERVER_KEY_NAME, "kid": key_id(key.public_key()),
                    "private_key": b64url_encode(raw),
                    "created_at": format_utc(datetime.now(UTC)),
                })
        except IntegrityError:
            pass  # another worker made one at the same moment: use the stored one
        return server_private_key(engine)
    return Ed25519PrivateKey.from_private_bytes(b64url_decode(stored, "server key"))


def server_key(engine: Engine) -> cw.ServerKey:
    public = server_private_key(engine).public_key()
    return cw.ServerKey(key_id=key_id(public), public_jwk=public_jwk(public),
                        fingerprint=fingerprint_words(public))


def _sign(engine: Engine, content: Mapping[str, Any], typ: str) -> str:
    private = server_private_key(engine)
    return sign_compact(canonical_json(dict(content)), private, key_id(private.public_key()),
                        typ)


# ------------------------------------------------------------------------- officer keys


def _key_record(row: Mapping[str, Any]) -> cw.KeyRecord:
    return cw.KeyRecord(
        key_id=row["key_id"], officer_id=row["officer_id"],
        public_jwk=json.loads(row["public_jwk"]), device_label=row["device_label"],
        registered_at=parse_utc(row["registered_at"]),
        revoked_at=None if row["revoked_at"] is None else parse_utc(row["revoked_at"]),
        record=row["record"],
    )


def _signed_key_record(engine: Engine, row: Mapping[str, Any]) -> str:
    content = cw.key_record_content(
        key_id=row["key_id"], officer_id=row["officer_id"],
        public_jwk=json.loads(row["public_jwk"]), device_label=row["device_label"],
        registered_at=parse_utc(row["registered_at"]),
        revoked_at=None if row["revoked_at"] is None else parse_utc(row["revoked_at"]),
    )
    return _sign(engine, content, cw.KEY_RECORD_TYP)


def register_key(engine: Engine, officer_id: str, registration: cw.KeyRegistration,
                 now: datetime) -> tuple[cw.KeyRecord, bool]:
    """Bind a public key to `officer_id`; returns the record and whether it is new."""
    try:
        public = load_public_jwk(registration.public_jwk)
    except InvalidKey as error:
        raise ContestError(422, f"The key cannot be registered: {error}") from None
    kid = key_id(public)
    label = registration.device_label.strip()
    if not label:
        raise ContestError(422, "Give the device a name, such as 'Home laptop'.")
    k = t.officer_keys.c
    with engine.begin() as conn:
        existing = conn.execute(select(t.officer_keys).where(k.key_id == kid)).mappings().first()
        if existing is not None:
            if existing["officer_id"] != officer_id:
                raise ContestError(409, "This key is already registered to someone else. "
                                        "Make a new key on this device and register that.")
            if existing["revoked_at"] is not None:
                raise ContestError(409, "This key was revoked and cannot be registered again. "
                                        "Make a new key on this device.")
            return _key_record(existing), False
        row: dict[str, Any] = {
            "key_id": kid, "officer_id": officer_id,
            "public_jwk": json.dumps(public_jwk(public), sort_keys=True),
            "device_label": label, "registered_at": format_utc(now), "revoked_at": None,
        }
        row["record"] = _signed_key_record(engine, row)
        conn.execute(insert(t.officer_keys), row)
    return _key_record(row), True


def list_keys(engine: Engine, officer_id: str) -> cw.KeyList:
    k = t.officer_keys.c
    with engine.connect() as conn:
        rows = conn.execute(select(t.officer_keys).where(k.officer_id == officer_id)
                            .order_by(k.registered_at, k.key_id)).mappings().all()
    return cw.KeyList(keys=[_key_record(r) for r in rows])


KEY_NOT_AVAILABLE = "No key with this id is registered to you."


def revoke_key(engine: Engine, officer_id: str, kid: str, now: datetime) -> cw.KeyRecord:
    k = t.officer_keys.c
    with engine.begin() as conn:
        row = conn.execute(select(t.officer_keys).where(k.key_id == kid)).mappings().first()
        if row is None or row["officer_id"] != officer_id:
            raise ContestError(404, KEY_NOT_AVAILABLE)
        if row["revoked_at"] is not None:
            return _key_record(row)  # revoking twice changes nothing
        changed = dict(row)
        changed["revoked_at"] = format_utc(now)
        changed["record"] = _signed_key_record(engine, changed)
        conn.execute(update(t.officer_keys).where(k.key_id == kid).values(
            revoked_at=changed["revoked_at"], record=changed["record"]))
    return _key_record(changed)


# -------------------------------------------------------------------------- attachments


def put_attachment(engine: Engine, officer_id: str, sha256: str, data: bytes,
                   now: datetime) -> None:
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


def _flag_body(conn: Connection, officer_id: str, flag_id: str) -> dict[str, Any] | None:
    f = db.flags.c
    body = conn.execute(select(f.body).where(
        f.officer_id == officer_id, f.flag_id == flag_id)).scalar_one_or_none()
    return None if body is None else dict(json.loads(body))


def _set_flag(conn: Connection, officer_id: str, flag: dict[str, Any]) -> None:
    f = db.flags.c
    conn.execute(update(db.flags).where(f.officer_id == officer_id, f.flag_id == flag["id"])
                 .values(body=json.dumps(flag, separators=(",", ":"), ensure_ascii=False)))


def _iso(moment: datetime) -> str:
    return format_utc(moment)


def submit(engine: Engine, officer_id: str, token: str, idempotency_key: str,
           now: datetime) -> Accepted:
    """Verify a signed submission from `officer_id`, record it and sign its receipt."""
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
                                  now)
    except IntegrityError:
        # A concurrent retry with the same Idempotency-Key won the race: answer as it did.
        with engine.connect() as conn:
            earlier = _existing_for_key(conn, officer_id, idempotency_key, request_hash)
        if earlier is not None:
            return earlier
        raise ContestError(409, "This exact submission has been received before; it was not "
                                "recorded twice.") from None


def _signing_key_of(conn: Connection, officer_id: str, token: str) -> tuple[str, Any]:
    try:
        header = unverified_header(token)
    except ProtocolError as error:
        raise ContestError(422, f"The submission cannot be accepted: {error}") from None
    kid = header.get("kid")
    k = t.officer_keys.c
    row = None
    if isinstance(kid, str):
        row = conn.execute(select(t.officer_keys).where(k.key_id == kid)).mappings().first()
    if row is None or row["officer_id"] != officer_id:
        raise ContestError(422, "The submission was signed with a key that is not registered "
                                "to you. Register this device's key, then sign it again.")
    if row["revoked_at"] is not None:
        raise ContestError(422, f"The submission was signed with a key you revoked on "
                                f"{row['revoked_at'][:10]}; it cannot be accepted. Register "
                                "a new key on this device and sign it again.")
    return str(kid), load_public_jwk(json.loads(row["public_jwk"]))


def _record_submission(engine: Engine, officer_id: str, token: str, idempotency_key: str,
                       request_hash: str, now: datetime) -> Accepted:
    private = server_private_key(engine)
    with engine.begin() as conn:
        kid, public = _signing_key_of(conn, officer_id, token)

        def seen(nonce: str) -> bool:
            n = t.nonces.c
            if conn.execute(select(n.nonce).where(n.nonce == nonce)).first() is not None:
                return True
            conn.execute(insert(t.nonces), {"nonce": nonce, "seen_at": _iso(now)})
            return False

        try:
            payload = verify_submission(token, public, now=now, seen_nonces=seen,
                                        expected_officer_id=officer_id)
        except SubmissionReplayed as error:
            raise ContestError(409, str(error)) from None
        except KeyMismatch as error:
            raise ContestError(422, f"The submission cannot be accepted: {error}") from None
        except ProtocolError as error:
            raise ContestError(422, f"The submission cannot be accepted: {error}") from None
        a = t.attachments.c
        for attachment in payload["attachments"]:
            present = conn.execute(select(a.size).where(
                a.officer_id == officer_id, a.sha256 == attachment["sha256"])).first()
            if present is None or present.size != attachment["size"]:
                raise ContestError(422, f"The attachment {attachment['name']!r} has not been "
                                        "uploaded (or differs from the one signed). Upload it, "
                                        "then send the submission again.")
        flag: dict[str, Any] | None = None
        answered: dict[str, Any] | None = None
        if payload["kind"] == "clarification":
            answered = _answerable(conn, officer_id, payload["target"])
        if payload["kind"] == "challenge":
            flag = _flag_body(conn, officer_id, payload["target"])
            if flag is None:
                raise ContestError(422, "The flag this challenge is about is not one raised "
                                        "against you (no flag with that id).")
        received = _iso(now)
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
        seq = int(inserted.inserted_primary_key[0])
        reference = _reference(seq, now)
        due = due_date(now.date(), REGION)
        if answered is not None:
            due = _resume_after_answer(conn, answered, reference, payload["statement"], now)
        receipt = issue_receipt(token, payload, private_key=private, received_at=now,
                                reference=reference, due_date=due,
                                idempotency_key=idempotency_key)
        s = t.submissions.c
        conn.execute(update(t.submissions).where(s.seq == seq)
                     .values(reference=reference, receipt=receipt))
        _event(conn, reference, now, "submitted", None)
        if flag is not None:
            flag["status"] = "under_review"
            flag["updated_at"] = received
            _set_flag(conn, officer_id, flag)
    return Accepted(reference, receipt, created=True)


def _answerable(conn: Connection, officer_id: str, reference: str) -> dict[str, Any]:
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


def _resume_after_answer(conn: Connection, row: Mapping[str, Any], answer_reference: str,
                         text: str, now: datetime) -> date:
    """The officer answered: the clock resumes, the due date moves on by the paused days.
    Returns the due date that applies now (what the answer's receipt states)."""
    paused = _paused_days(row, now.date())
    resumed = "extended" if row["extended"] else "acknowledged"
    s = t.submissions.c
    conn.execute(update(t.submissions).where(s.reference == row["reference"]).values(
        state=resumed, paused_days=paused, paused_since=None, updated_at=_iso(now)))
    _event(conn, row["reference"], now, resumed,
           f"The officer answered (signed, receipt {answer_reference}): {text.strip()}")
    received = parse_utc(row["received_at"]).date()
    return due_date(received, REGION, extended=bool(row["extended"]), paused_days=paused)


def _event(conn: Connection, reference: str, at: datetime, state: str,
           note: str | None) -> None:
    conn.execute(insert(t.events), {"reference": reference, "at": _iso(at), "state": state,
                                    "note": note})


# ----------------------------------------------------------------------------- status


def _paused_days(row: Mapping[str, Any], today: date | None = None) -> int:
    """Days the clock has been paused; a pause still running counts up to `today`."""
    days = int(row["paused_days"] or 0)
    if row["paused_since"] is not None and today is not None:
        days += max(0, (today - date.fromisoformat(row["paused_since"])).days)
    return days


def _status(row: Mapping[str, Any], events: list[Mapping[str, Any]]) -> cw.SubmissionStatus:
    received = parse_utc(row["received_at"])
    paused = _paused_days(row)
    return cw.SubmissionStatus(
        reference=row["reference"], kind=row["kind"], target_flag_id=row["target_flag_id"],
        state=row["state"], received_at=received,
        due_date=due_date(received.date(), REGION, paused_days=paused),
        extended_due_date=(due_date(received.date(), REGION, extended=True,
                                    paused_days=paused) if row["extended"] else None),
        extension_reasons=row["extension_reasons"],
        clarification_request=row["clarification_request"],
        outcome=row["outcome"], outcome_reasons=row["outcome_reasons"],
        events=[cw.SubmissionEvent(at=parse_utc(e["at"]), state=e["state"], note=e["note"])
                for e in events],
        response_available=row["response_package"] is not None,
    )


def _statuses(conn: Connection, officer_id: str | None) -> list[cw.SubmissionStatus]:
    s = t.submissions.c
    # Signed clarification answers are shown through the submission they answer.
    query = select(t.submissions).where(s.kind != CLARIFICATION).order_by(s.seq)
    if officer_id is not None:
        query = query.where(s.officer_id == officer_id)
    rows = conn.execute(query).mappings().all()
    e = t.events.c
    by_reference: dict[str, list[Mapping[str, Any]]] = {}
    references = [r["reference"] for r in rows]
    for start in range(0, len(references), 500):
        chunk = references[start:start + 500]
        for event in conn.execute(select(t.events).where(e.reference.in_(chunk))
                                  .order_by(e.seq)).mappings():
            by_reference.setdefault(event["reference"], []).append(event)
    return [_status(r, by_reference.get(r["reference"], [])) for r in rows]


def list_submissions(engine: Engine, officer_id: str | None = None) -> cw.SubmissionList:
    """One officer's submissions, or everyone's (for reviewers) when `officer_id` is None."""
    with engine.connect() as conn:
        return cw.SubmissionList(submissions=_statuses(conn, officer_id))


SUBMISSION_NOT_AVAILABLE = "No submission with this reference is available to you."


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
    return _status(row, list(events))


def _change(engine: Engine, reference: str, now: datetime, state: str, note: str | None,
            officer_id: str | None = None, **values: Any) -> cw.SubmissionStatus:
    s = t.submissions.c
    with engine.begin() as conn:
        _row(conn, reference, officer_id)
        conn.execute(update(t.submissions).where(s.reference == reference)
                     .values(state=state, updated_at=_iso(now), **values))
        _event(conn, reference, now, state, note)
    return status(engine, reference)


def _open_row(engine: Engine, reference: str, officer_id: str | None = None) -> dict[str, Any]:
    with engine.connect() as conn:
        row = _row(conn, reference, officer_id)
    if row["state"] in _FINISHED:
        raise ContestError(409, f"{reference} is already closed ({row['state']}); "
                                "nothing more can be done to it.")
    return row


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
    if row["extended"]:
        raise ContestError(409, f"{reference} has already been extended; it can be extended "
                                "only once.")
    reasons = reasons.strip()
    if not reasons:
        raise ContestError(422, "Give the reasons for the extension: the officer must be told "
                                "why.")
    received = parse_utc(row["received_at"]).date()
    first_due = due_date(received, REGION, paused_days=_paused_days(row, now.date()))
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
    """Decide a challenge; the flag's new status reaches the officer at their next sync."""
    row = _open_row(engine, reference)
    if row["kind"] != "challenge":
        raise ContestError(409, f"{reference} is a subject-access request: fulfil it instead.")
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
            paused_days=_paused_days(row, now.date()), updated_at=_iso(now)))
        _event(conn, reference, now, "outcome",
               f"{outcome.replace('_', ' ').capitalize()} by {reviewer}: {reasons}")
        flag = _flag_body(conn, row["officer_id"], row["target_flag_id"])
        if flag is not None:
            flag["status"] = new_status
            flag["updated_at"] = _iso(now)
            flag["review"] = {"human_reviewed": True, "reviewed_by": reviewer[:200],
                              "reviewed_at": _iso(now),
                              "note": f"Challenge {reference}: {outcome}. {reasons}"[:20_000]}
            _set_flag(conn, row["officer_id"], flag)
    return status(engine, reference)


def fulfil(engine: Engine, reference: str, now: datetime, reviewer: str) -> cw.SubmissionStatus:
    """Answer a SAR: build and sign the response package."""
    row = _open_row(engine, reference)
    if row["kind"] != "sar":
        raise ContestError(409, f"{reference} is a challenge: record an outcome instead.")
    package = build_package(engine, row, now)
    s = t.submissions.c
    with engine.begin() as conn:
        conn.execute(update(t.submissions).where(s.reference == reference).values(
            state="fulfilled", response_package=package, paused_since=None,
            paused_days=_paused_days(row, now.date()), updated_at=_iso(now)))
        _event(conn, reference, now, "fulfilled",
               f"Response sent by {reviewer}; it is ready to download.")
    return status(engine, reference)


def response(engine: Engine, officer_id: str, reference: str) -> cw.SarResponse:
    with engine.connect() as conn:
        row = _row(conn, reference, officer_id)
    if row["response_package"] is None:
        raise ContestError(404, "The force has not answered this request yet.")
    return cw.SarResponse(reference=reference, package=row["response_package"])


# ------------------------------------------------------------------ the SAR package


_RIGHTS = (
    "Right to rectification: have inaccurate data corrected or completed (UK GDPR Art. 16).",
    "Right to erasure, where the law allows (UK GDPR Art. 17).",
    "Right to restriction: have the data kept but not used while its accuracy is checked "
    "(UK GDPR Art. 18).",
    "Right to object to processing based on the force's legitimate interests or public task "
    "(UK GDPR Art. 21).",
    "Safeguards for decisions based solely on automated processing: to be told, to make "
    "representations, to have a person review it and to contest it (UK GDPR Arts. 22A-22D).",
)
_RECIPIENTS = (
    "Professional Standards Department, when a flag is reviewed or a case is assessed.",
    "Your line management, for management advice and attendance matters.",
    "Police Federation representatives you have given a written mandate.",
    "The Independent Office for Police Conduct, where a matter must be referred to it.",
)


def _documents(conn: Connection, name: str) -> list[dict[str, Any]]:
    d = db.documents.c
    body = conn.execute(select(d.body).where(d.name == name)).scalar_one_or_none()
    return list(json.loads(body).get(name, [])) if body else []


def _section(code: str, answer: str, details: list[str] | None = None) -> cw.Art15Section:
    item = ART15_ITEMS[code]
    return cw.Art15Section(label=item.label, law=item.law, answer=answer[:20_000],
                           details=[d[:20_000] for d in (details or [])][:500])


def _art15(items: set[str], sources: list[dict[str, Any]], rules: list[dict[str, Any]],
           counts: Mapping[str, int], access: list[dict[str, Any]]) -> cw.Art15Answer:
    sections: dict[str, cw.Art15Section] = {}
    if "purposes" in items:
        sections["purposes"] = _section(
            "purposes", "The force uses this data to manage duties and attendance, to keep "
            "its systems and premises secure, and to uphold professional standards.",
            [f"{s['category']}: {s['description']} Lawful basis: {s['lawful_basis']}"
             for s in sources])
    if "categories" in items:
        sections["categories"] = _section(
            "categories", "The kinds of data held about you, with the number of records of "
            "each kind.", [f"{category}: {count} records" for category, count in counts.items()])
    if "recipients" in items:
        viewers = sorted({f"{e['viewer']} ({e['viewer_role']})" for e in access})
        sections["recipients"] = _section(
            "recipients", "Who the data has been or may be shared with. Everyone who looked "
            "at your data is in the access log in this package.",
            list(_RECIPIENTS) + [f"Viewed by: {v}" for v in viewers][:400])
    if "retention" in items:
        sections["retention"] = _section(
            "retention", "How long each kind of data is kept.",
            [f"{s['category']}: {s['retention']}" for s in sources])
    if "rights" in items:
        sections["rights"] = _section(
            "rights", "You can ask the force to correct, erase or restrict this data, or "
            "object to its use. Recourse lets you send these requests signed.", list(_RIGHTS))
    if "complaint" in items:
        sections["complaint"] = _section(
            "complaint", "You may complain to the Information Commissioner's Office if you "
            "are unhappy with how the force has handled your data or this request: "
            "ico.org.uk/make-a-complaint, telephone 0303 123 1113, or Information "
            "Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF.")
    if "source" in items:
        sections["source"] = _section(
            "source", "Where each kind of data comes from.",
            [f"{s['category']}: {s['system']}, run by {s['owner']}" for s in sources])
    if "automated_logic" in items:
        details = []
        for rule in rules:
            parameters = "; ".join(
                f"{p['name']} = {p['value']}{' ' + p['unit'] if p.get('unit') else ''}"
                for p in rule.get("parameters", []))
            details.append(f"{rule['title']} (rule {rule['id']} v{rule['version']}): "
                           f"{rule['description']} Parameters: {parameters or 'none'}.")
        sections["automated_logic"] = _section(
            "automated_logic", "The force's analytics apply the rules below to your records "
            "and raise a flag when a rule's threshold is crossed. A flag is a prompt for a "
            "person to look; each of your flags, with the arithmetic behind it, is in this "
            "package. Any action on a flag needs a decision by a person.", details)
    return cw.Art15Answer(**sections)


def _in_range(record: Mapping[str, Any], start: date | None, end: date | None) -> bool:
    if start is None or end is None:
        return True
    day = str(record.get("occurred_at", ""))[:10]
    return start.isoformat() <= day <= end.isoformat()


def build_package(engine: Engine, row: Mapping[str, Any], now: datetime,
                  record_budget: int = cw.MAX_PACKAGE_RECORD_BYTES) -> str:
    """The signed SAR response: exactly what the request asked for, bounded in size."""
    request = json.loads(row["payload"])["target"]
    officer_id = row["officer_id"]
    wanted_categories = (list(wire.CATEGORIES) if request["categories"] == "all"
                         else [c for c in wire.CATEGORIES if c in request["categories"]])
    span = request.get("date_range")
    start = date.fromisoformat(span["from"]) if span else None
    end = date.fromisoformat(span["to"]) if span else None
    items = set(request["items"])
    c = db.changes.c
    held: dict[str, list[str]] = {}
    with engine.connect() as conn:
        for category in wanted_categories:
            bodies = conn.execute(select(c.body).where(
                c.officer_id == officer_id, c.category == category, c.deleted.is_(False),
            ).order_by(c.seq)).scalars()
            held[category] = [body for body in bodies
                              if _in_range(json.loads(body)["record"], start, end)]
        f = db.flags.c
        flags = [wire.FlagSummary.model_validate(
            {k: v for k, v in json.loads(b).items() if k in wire.FlagSummary.model_fields})
            for b in conn.execute(select(f.body).where(f.officer_id == officer_id)
                                  .order_by(f.raised_at, f.flag_id)).scalars()]
        a = db.access_log.c
        access = [dict(r) for r in conn.execute(
            select(a.entry_id.label("id"), a.viewed_at, a.viewer, a.viewer_role, a.reason,
                   a.what).where(a.officer_id == officer_id)
            .order_by(a.viewed_epoch, a.seq)).mappings()]
        sources = [s for s in _documents(conn, "sources")
                   if s.get("category") in wanted_categories
                   or s.get("category") in ("access_log", "flags")]
        rules = _documents(conn, "rules")
    counts = {category: len(bodies) for category, bodies in held.items()}
    records: list[wire.Record] = []
    omitted: dict[str, int] = {}
    if "copy" in items:
        # Share the budget fairly: small categories whole, the largest cut to what is left.
        remaining = record_budget
        by_size = sorted(held, key=lambda name: sum(map(len, held[name])))
        kept: dict[str, list[str]] = {}
        for position, category in enumerate(by_size):
            share = remaining // (len(by_size) - position)
            taken: list[str] = []
            used = 0
            for body in held[category]:
                if used + len(body) > share:
                    break
                taken.append(body)
                used += len(body)
            kept[category] = taken
            remaining -= used
            if len(taken) < len(held[category]):
                omitted[category] = len(held[category]) - len(taken)
        for category in wanted_categories:
            records.extend(wire.Record.model_validate(json.loads(body)["record"])
                           for body in kept[category])
    complete = not omitted
    note = None
    if not complete:
        held = len(records) + sum(omitted.values())
        note = (f"This signed package holds {len(records)} of the {held} records asked for, so "
                "that it stays small enough to check. Every record is also in your own copy "
                "in Recourse, and the force will send the rest in further parts on request.")
    package = cw.SarPackage(
        reference=row["reference"], officer_id=officer_id,
        generated_at=now.astimezone(UTC).replace(microsecond=0),
        request=request, records_by_category=counts, records=records,
        records_complete=complete, records_omitted_by_category=omitted, records_note=note,
        flags=flags, access_log=[wire.AccessLogEntry.model_validate(e) for e in access],
        art15=_art15(items, sources, rules, counts, access),
    )
    token = _sign(engine, package.model_dump(mode="json", by_alias=True), cw.SAR_PACKAGE_TYP)
    if len(token) > MAX_TOKEN_LENGTH and record_budget > 1000:
        return build_package(engine, row, now, record_budget // 2)
    return token


def package_content(token: str) -> dict[str, Any]:
    """The (unverified) content of a package token; for the command line's summary."""
    part = token.split(".")[1]
    return dict(json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))))


def clock_now() -> datetime:
    return datetime.now(UTC)


def validate_model(model: type[Any], data: Any) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise ContestError(422, f"The request is not valid: {error.errors()[0]['msg']}.") \
            from None


__all__ = [
    "Accepted",
    "ContestError",
    "acknowledge",
    "build_package",
    "clarify",
    "extend",
    "fulfil",
    "list_keys",
    "list_submissions",
    "put_attachment",
    "record_outcome",
    "register_key",
    "response",
    "revoke_key",
    "server_key",
    "server_private_key",
    "status",
    "submit",
]

