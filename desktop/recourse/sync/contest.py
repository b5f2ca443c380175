"""Contesting, client side: signing keys, the outbox, verified receipts, SAR responses.

The UI builds the wizards and the Requests screen on top of `ContestService`:

* `ensure_signing_key` after sign-in: an Ed25519 key for this officer on this PC, the
  private half only in the encrypted store, registered with the force, whose signed key
  record is checked with the PINNED server key.
* `pin_server_key`: IT's configured key, or trust on first use; a changed key is refused
  (`ServerKeyChanged`) until IT or the officer sorts it out.
* drafts saved as the officer types; `prepare` shows the exact canonical bytes to sign.
* `submit`: sign, persist {token, idempotency key, attachments} in one transaction
  (state `signed`), upload, POST with the idempotency key, verify the receipt with the
  pinned key, and only then mark it `received`. `resume_outbox` sends every `signed`
  entry again with the SAME key and bytes, so a crash anywhere never submits twice.
  Offline (`prepare(offline=True)`), even before the force's key is pinned, a key made
  here signs and the entry waits; before it goes, the force's key is pinned (IT's, or
  `NotPinned` until the officer has seen its fingerprint) and the key registered.
* `answer_clarification`: the officer's answer to the force's question, signed and
  sent through the same outbox; its receipt states the due date once the clock resumes.
* statuses, deadlines, SAR responses (verified, checked for completeness), evidence
  bundles and letters.

No Qt here; every call blocks, so the UI runs them in its workers.
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import socket
import tempfile
import uuid
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from pydantic import ValidationError

from recourse.api.errors import (
    ApiError,
    RequestRefused,
    ResponseInvalid,
    ServerError,
    ServerUnreachable,
)
from recourse.contest_cli import KEY_RECORD_FILE
from recourse.domain import deadlines
from recourse.domain.contest import ART15_ITEMS, Art15Item
from recourse.errors import RecourseError
from recourse.protocol import bundle as bundle_format
from recourse.protocol import contest_wire as cw
from recourse.protocol import receipt as receipt_format
from recourse.protocol.canonical import canonical_json, is_canonical, loads_strict
from recourse.protocol.jws import (
    ProtocolError,
    fingerprint_words,
    key_id,
    load_public_jwk,
    public_jwk,
    verify_compact,
)
from recourse.protocol.submission import (
    attachment_entry,
    build_submission,
    sar_target,
    sign_submission,
)
from recourse.store.contest import (
    ContestStore,
    OutboxEntry,
    ServerPin,
    StoredFile,
    StoredKey,
    StoredReceipt,
)
from recourse.sync.engine import SyncEngine

log = logging.getLogger(__name__)

__all__ = [
    "ART15_LETTERS",
    "CLARIFICATION",
    "WAITING_FOR_KEY",
    "ContestError",
    "ContestService",
    "Draft",
    "KeyRecordInvalid",
    "NoSigningKey",
    "NotPinned",
    "PinResult",
    "PreparedSubmission",
    "ReceiptInvalid",
    "SarPackageInvalid",
    "ServerKeyChanged",
    "ServerKeyMismatch",
    "SubmissionRecord",
    "SubmissionRefused",
    "chaser_letter",
    "check_completeness",
    "ensure_signing_key",
    "overdue_letter",
    "pin_server_key",
    "revoke_key",
    "rotate_key",
]

#: The letters of Art. 15(1), by item code: what a chaser letter cites.
ART15_LETTERS: Mapping[str, str] = {
    "purposes": "a",
    "categories": "b",
    "recipients": "c",
    "retention": "d",
    "rights": "e",
    "complaint": "f",
    "source": "g",
    "automated_logic": "h",
}
_SUBMISSIONS_ETAG = "contest.submissions"
#: Why a submission signed offline has not gone yet (shown in the Requests screen).
WAITING_FOR_KEY = (
    "The force's signing key has not been checked on this PC yet; Recourse shows you its "
    "fingerprint when the server can be reached, then sends it."
)
#: An outbox entry of this kind answers a request for clarification (not a case itself).
CLARIFICATION = "clarification"
MAX_ATTACHMENT_BYTES = cw.MAX_ATTACHMENT_UPLOAD_BYTES
#: A bundle bigger than this is refused by `recourse verify` before it is unpacked.
MAX_BUNDLE_BYTES = 200 * 1024 * 1024


# --- errors -------------------------------------------------------------------------


class ContestError(RecourseError):
    """A contest step failed; `message` and `next_step` are for the officer."""


class ServerKeyChanged(ContestError):
    def __init__(self, pinned: str, offered: str) -> None:
        super().__init__(
            "The force's signing key has changed since this computer first trusted it "
            f"(it was {pinned}, the server now shows {offered}). Receipts signed with the "
            "new key cannot be checked, so nothing will be submitted.",
            "Do not submit anything. Contact your force's IT service desk or your "
            "Federation representative and read them both fingerprints.",
        )
        self.pinned = pinned
        self.offered = offered


class ServerKeyMismatch(ContestError):
    def __init__(self, configured: str, offered: str) -> None:
        super().__init__(
            "The force's signing key is not the one your IT department configured "
            f"(configured {configured}, the server shows {offered}).",
            "Do not submit anything. Contact your force's IT service desk or your "
            "Federation representative.",
        )


class NotPinned(ContestError):
    def __init__(self) -> None:
        super().__init__(
            "Recourse has not yet recorded the force's signing key on this computer.",
            "Connect to the force's server so Recourse can fetch and show you the key.",
        )


class NoSigningKey(ContestError):
    def __init__(self) -> None:
        super().__init__(
            "This computer has no signing key for you yet.",
            "Sign in while connected to the force's server; Recourse will set one up.",
        )


class KeyRecordInvalid(ContestError):
    def __init__(self, reason: str) -> None:
        super().__init__(
            f"The force's record of your signing key could not be checked: {reason}",
            "Nothing was changed. Try again later; if it keeps happening, contact IT.",
        )


class ReceiptInvalid(ContestError):
    def __init__(self, reason: str) -> None:
        super().__init__(
            "The receipt the force sent back does not prove that your submission was "
            f"received: {reason}",
            "Your signed submission is kept and will be sent again; it is NOT shown as "
            "received. If this keeps happening, contact IT or your Federation "
            "representative.",
        )


class SubmissionRefused(ContestError):
    def __init__(self, detail: str | None) -> None:
        super().__init__(
            "The force refused the submission" + (f": {detail}" if detail else "."),
            "Your draft is kept. Check it, then sign and submit it again.",
        )


class SarPackageInvalid(ContestError):
    def __init__(self, reason: str) -> None:
        super().__init__(
            f"The force's response to your request could not be verified: {reason}",
            "It was not saved. Try again later; if it keeps happening, contact IT or "
            "your Federation representative.",
        )


class NotFoundLocally(ContestError):
    def __init__(self, what: str) -> None:
        super().__init__(f"{what} is not on this computer.", "Refresh your requests and try again.")


class DraftInvalid(ContestError):
    def __init__(self, reason: str) -> None:
        super().__init__(reason, "Correct it and try again; your draft is kept.")


# --- plain data -----------------------------------------------------------------------


@dataclass(frozen=True)
class PinResult:
    key_id: str
    #: For the officer to compare with what IT published (16 groups of 4 hex digits).
    fingerprint: str
    source: Literal["configured", "first_use"]
    #: True when this call pinned it (show the fingerprint and ask the officer to note it).
    newly_pinned: bool


@dataclass
class Draft:
    """What the officer is writing; saved on every change (`ContestService.save_draft`)."""

    kind: Literal["challenge", "sar"]
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    flag_id: str | None = None
    grounds: list[str] = field(default_factory=list)
    statement: str = ""
    disputed_record_ids: list[str] = field(default_factory=list)
    #: SAR: Art. 15 item codes, categories ("all" or a list), date range, format.
    sar_items: list[str] | None = None
    sar_categories: str | list[str] = "all"
    sar_date_from: date | None = None
    sar_date_to: date | None = None
    sar_format: str = "electronic"

    def body(self) -> dict[str, Any]:
        return {
            "flag_id": self.flag_id,
            "grounds": list(self.grounds),
            "statement": self.statement,
            "disputed_record_ids": list(self.disputed_record_ids),
            "sar_items": self.sar_items,
            "sar_categories": self.sar_categories,
            "sar_date_from": None if self.sar_date_from is None else self.sar_date_from.isoformat(),
            "sar_date_to": None if self.sar_date_to is None else self.sar_date_to.isoformat(),
            "sar_format": self.sar_format,
        }

    @classmethod
    def from_body(cls, draft_id: str, kind: str, body: Mapping[str, Any]) -> Draft:
        def day(value: Any) -> date | None:
            return None if value is None else date.fromisoformat(value)

        return cls(
            kind="sar" if kind == "sar" else "challenge",
            id=draft_id,
            flag_id=body.get("flag_id"),
            grounds=list(body.get("grounds", [])),
            statement=body.get("statement", ""),
            disputed_record_ids=list(body.get("disputed_record_ids", [])),
            sar_items=body.get("sar_items"),
            sar_categories=body.get("sar_categories", "all"),
            sar_date_from=day(body.get("sar_date_from")),
            sar_date_to=day(body.get("sar_date_to")),
            sar_format=body.get("sar_format", "electronic"),
        )


@dataclass(frozen=True)
class PreparedSubmission:
    """A draft turned into the exact content to sign; `canonical` is what the UI shows."""

    draft_id: str | None
    payload: dict[str, Any]
    #: The exact bytes the signature will cover (RFC 8785 canonical JSON).
    canonical: bytes
    files: tuple[StoredFile, ...]

    @property
    def text(self) -> str:
        return self.canonical.decode("utf-8")


@dataclass(frozen=True)
class SubmissionRecord:
    """One submission as the Requests screen shows it."""

    id: str
    kind: str
    state: Literal["signed", "received", "refused"]
    token: str
    idempotency_key: str
    created_at: datetime
    draft_id: str | None
    last_error: str | None
    receipt: receipt_format.Receipt | None = None
    #: The force's latest status, after `refresh_submissions`.
    status: cw.SubmissionStatus | None = None

    @property
    def reference(self) -> str | None:
        return None if self.receipt is None else self.receipt.reference

    @property
    def payload(self) -> dict[str, Any]:
        return _token_payload(self.token)

    def current_due_date(self) -> date | None:
        if self.status is not None:
            return self.status.extended_due_date or self.status.due_date
        return None if self.receipt is None else self.receipt.due_date

    def days_left(self, today: date) -> int | None:
        due = self.current_due_date()
        return None if due is None else deadlines.days_left(due, today)

    def deadline_state(self, today: date) -> deadlines.DeadlineState | None:
        """ok / due_soon / extended / overdue; a lawfully extended one is not overdue
        until its extended date passes."""
        due = self.current_due_date()
        if due is None:
            return None
        extended = self.status is not None and self.status.extended_due_date is not None
        return deadlines.deadline_state(due, today, extended=extended)


@dataclass(frozen=True)
class SarResult:
    reference: str
    token: str
    package: cw.SarPackage


def _token_payload(token: str) -> dict[str, Any]:
    from recourse.protocol.jws import b64url_decode

    value = loads_strict(b64url_decode(token.split(".")[1]))
    assert isinstance(value, dict)
    return value


def _normalise_fingerprint(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch in "0123456789ABCDEF")


def _matches_configured(configured: str, server_key: Ed25519PublicKey) -> bool:
    """IT may configure the key id (thumbprint) or the fingerprint in any spacing."""
    configured = configured.strip()
    if configured == key_id(server_key):
        return True
    wanted = _normalise_fingerprint(configured)
    return len(wanted) == 64 and wanted == _normalise_fingerprint(fingerprint_words(server_key))


def _api_path_segment(value: str) -> str:
    from urllib.parse import quote

    return quote(value, safe="")


# --- the server key -----------------------------------------------------------------


def fetch_server_key(api: Any) -> Ed25519PublicKey:
    offered = api.request_json("GET", "/v1/server-key", model=cw.ServerKey)
    try:
        key = load_public_jwk(offered.public_jwk)
    except ProtocolError as exc:
        raise ResponseInvalid(f"the force's signing key was not usable ({exc})") from None
    if offered.key_id != key_id(key):
        raise ResponseInvalid("the force's signing key did not match its key id")
    return key


def pin_server_key(store: Any, api: Any, configured_fingerprint: str | None = None) -> PinResult:
    """Check the force's receipt-signing key against IT's policy or the pinned one.

    With `configured_fingerprint` (IT policy: a fingerprint or key id) the server's key
    must be that key (`ServerKeyMismatch` otherwise), and it is pinned as "configured".
    Without it, the first key seen is pinned (trust on first use: show `fingerprint` to
    the officer); afterwards a different key raises `ServerKeyChanged`.
    """
    contest = _contest_store(store)
    offered = fetch_server_key(api)
    offered_id = key_id(offered)
    pinned = contest.server_pin()
    if configured_fingerprint:
        if not _matches_configured(configured_fingerprint, offered):
            raise ServerKeyMismatch(configured_fingerprint, fingerprint_words(offered))
        # IT's policy is the trust root: it may replace a key pinned on first use.
        fresh = pinned is None or pinned.key_id != offered_id or pinned.source != "configured"
        if fresh:
            contest.pin_server(offered_id, public_jwk(offered), "configured")
        return PinResult(offered_id, fingerprint_words(offered), "configured", fresh)
    if pinned is None:
        contest.pin_server(offered_id, public_jwk(offered), "first_use")
        log.info("pinned the force's signing key on first use")
        return PinResult(offered_id, fingerprint_words(offered), "first_use", True)
    if pinned.key_id != offered_id:
        raise ServerKeyChanged(
            fingerprint_words(load_public_jwk(pinned.public_jwk)), fingerprint_words(offered)
        )
    return PinResult(
        offered_id,
        fingerprint_words(offered),
        "configured" if pinned.source == "configured" else "first_use",
        False,
    )


def _pinned_key(contest: ContestStore) -> tuple[Ed25519PublicKey, ServerPin]:
    pin = contest.server_pin()
    if pin is None:
        raise NotPinned()
    return load_public_jwk(pin.public_jwk), pin


def _contest_store(store: Any) -> ContestStore:
    return store if isinstance(store, ContestStore) else ContestStore(store)


# --- signing keys ---------------------------------------------------------------------


def _verify_key_record(
    record: cw.KeyRecord,
    server_key: Ed25519PublicKey,
    *,
    officer_id: str,
    expected_key_id: str | None = None,
) -> dict[str, Any]:
    """Check the server's signed key record; return what it signed."""
    try:
        verified = verify_compact(
            record.record,
            server_key,
            expected_kid=key_id(server_key),
            expected_typ=cw.KEY_RECORD_TYP,
        )
        if not is_canonical(verified.payload_bytes):
            raise KeyRecordInvalid("its content is not in canonical form.")
        signed = loads_strict(verified.payload_bytes)
    except ProtocolError as exc:
        raise KeyRecordInvalid(str(exc)) from None
    expected = cw.key_record_content(
        key_id=record.key_id,
        officer_id=record.officer_id,
        public_jwk=record.public_jwk,
        device_label=record.device_label,
        registered_at=record.registered_at,
        revoked_at=record.revoked_at,
    )
    if signed != expected:
        raise KeyRecordInvalid("what the force signed differs from what it sent.")
    if record.officer_id != officer_id:
        raise KeyRecordInvalid("it names another officer.")
    if expected_key_id is not None and record.key_id != expected_key_id:
        raise KeyRecordInvalid("it is for a different key.")
    try:
        if key_id(load_public_jwk(record.public_jwk)) != record.key_id:
            raise KeyRecordInvalid("its key id is not the key's thumbprint.")
    except ProtocolError as exc:
        raise KeyRecordInvalid(str(exc)) from None
    return expected


def _officer_id(api: Any) -> str:
    officer = getattr(api, "officer_id", None)
    if isinstance(officer, str) and officer:
        return officer
    return str(api.me().officer_id)


def _default_device_label() -> str:
    try:
        return (socket.gethostname() or "This computer")[:100]
    except OSError:
        return "This computer"


def _register(
    contest: ContestStore, api: Any, stored: StoredKey, officer_id: str, active: bool
) -> cw.KeyRecord:
    server_key, _ = _pinned_key(contest)
    body = cw.KeyRegistration(public_jwk=stored.public_jwk, device_label=stored.device_label)
    try:
        record: cw.KeyRecord = api.request_json(
            "POST", "/v1/keys", json=body.model_dump(mode="json"), model=cw.KeyRecord
        )
    except RequestRefused as exc:
        if exc.status != 409:
            raise
        # Registered before, and the answer was lost: the server's list has the record.
        listed = api.request_json("GET", "/v1/keys", model=cw.KeyList)
        found = [k for k in listed.keys if k.key_id == stored.key_id]
        if not found:
            raise
        record = found[0]
    signed = _verify_key_record(
        record, server_key, officer_id=officer_id, expected_key_id=stored.key_id
    )
    if record.revoked_at is not None:
        raise KeyRecordInvalid("the force says this key has been revoked.")
    contest.set_key_record(stored.key_id, officer_id, record.record, signed, active)
    return record


def _new_key(contest: ContestStore, device_label: str | None) -> StoredKey:
    private = Ed25519PrivateKey.generate()
    raw = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    kid = key_id(private.public_key())
    contest.add_key(
        kid, public_jwk(private.public_key()), raw, (device_label or _default_device_label())[:100]
    )
    stored = contest.key(kid)
    assert stored is not None
    return stored


def _record_model(stored: StoredKey) -> cw.KeyRecord:
    assert stored.record is not None and stored.record_body is not None
    body = stored.record_body
    return cw.KeyRecord(
        key_id=body["key_id"],
        officer_id=body["officer_id"],
        public_jwk=body["public_jwk"],
        device_label=body["device_label"],
        registered_at=body["registered_at"],
        revoked_at=body["revoked_at"],
        record=stored.record,
    )


def answer_draft_id(reference: str) -> str:
    """The draft id under which the answer to the force's question on `reference` is kept."""
    return f"answer:{reference}"


def ensure_signing_key(
    store: Any,
    api: Any,
    *,
    device_label: str | None = None,
    configured_fingerprint: str | None = None,
) -> cw.KeyRecord:
    """This officer's signing key on this PC, made and registered if there is none.

    Call after sign-in. The private key is kept only as a store secret; the force's key
    record is accepted only if signed by the pinned server key (pinned now if needed).
    """
    contest = _contest_store(store)
    if contest.server_pin() is None or configured_fingerprint:
        pin_server_key(contest.store, api, configured_fingerprint)
    officer_id = _officer_id(api)
    active = contest.active_key()
    if (
        active is not None
        and active.officer_id == officer_id
        and contest.private_key(active.key_id)
    ):
        if not _revoked_elsewhere(contest, api, active, officer_id):
            return _record_model(active)
    pending = contest.unregistered_key() or _new_key(contest, device_label)
    return _register(contest, api, pending, officer_id, active=True)


def _revoked_elsewhere(
    contest: ContestStore, api: Any, active: StoredKey, officer_id: str
) -> bool:
    """True when the force says this PC's key was revoked (e.g. from another PC after a
    loss); the key is then retired here too. Offline, the local key stands."""
    try:
        records = {k.key_id: k for k in list_keys(contest, api)}
    except (ApiError, ContestError):
        return False
    record = records.get(active.key_id)
    if record is None or record.revoked_at is None:
        return False
    contest.mark_key_revoked(active.key_id, record.revoked_at)
    return True


def rotate_key(store: Any, api: Any, *, device_label: str | None = None) -> cw.KeyRecord:
    """A new key for this PC; the old one is revoked once the new one is registered."""
    contest = _contest_store(store)
    officer_id = _officer_id(api)
    old = contest.active_key()
    new = _new_key(contest, device_label or (old.device_label if old else None))
    record = _register(contest, api, new, officer_id, active=True)
    if old is not None:
        revoke_key(contest, api, old.key_id)
    return record


def revoke_key(store: Any, api: Any, key_id_to_revoke: str | None = None) -> cw.KeyRecord:
    """Revoke a key (this PC's active key by default; any of the officer's keys by id,
    e.g. one on a lost or reimaged PC). A revoked key here loses its private half."""
    contest = _contest_store(store)
    server_key, _ = _pinned_key(contest)
    officer_id = _officer_id(api)
    if key_id_to_revoke is None:
        active = contest.active_key()
        if active is None:
            raise NoSigningKey()
        key_id_to_revoke = active.key_id
    record: cw.KeyRecord = api.request_json(
        "POST", f"/v1/keys/{_api_path_segment(key_id_to_revoke)}/revoke", model=cw.KeyRecord
    )
    signed = _verify_key_record(
        record, server_key, officer_id=officer_id, expected_key_id=key_id_to_revoke
    )
    if record.revoked_at is None:
        raise KeyRecordInvalid("the force did not record the key as revoked.")
    if contest.key(key_id_to_revoke) is not None:
        contest.mark_key_revoked(key_id_to_revoke, record.revoked_at, record.record, signed)
    return record


def list_keys(store: Any, api: Any) -> list[cw.KeyRecord]:
    """The officer's registered keys (all devices), each record verified."""
    contest = _contest_store(store)
    server_key, _ = _pinned_key(contest)
    officer_id = _officer_id(api)
    listed = api.request_json("GET", "/v1/keys", model=cw.KeyList)
    for record in listed.keys:
        _verify_key_record(record, server_key, officer_id=officer_id)
    return list(listed.keys)


# --- SAR completeness and letters -------------------------------------------------------


def check_completeness(
    package: cw.SarPackage | Mapping[str, Any], asked: Sequence[str] | None = None
) -> list[Art15Item]:
    """The Art. 15(1)(a)-(h) items the response leaves out, in the Article's order.

    `asked` limits the check to the items the SAR asked for (by default the items the
    package says were asked for, or all eight). An item counts as answered when its
    section is present with a non-empty answer.
    """
    model = package if isinstance(package, cw.SarPackage) else cw.SarPackage.model_validate(package)
    if asked is None:
        requested = model.request.get("items") if isinstance(model.request, dict) else None
        asked = list(requested) if isinstance(requested, list) else list(ART15_LETTERS)
    missing = []
    for code in ART15_LETTERS:
        if code not in asked:
            continue
        section = getattr(model.art15, code)
        if section is None or not section.answer.strip():
            missing.append(ART15_ITEMS[code])
    return missing


def chaser_letter(
    missing: Sequence[Art15Item],
    *,
    reference: str = "",
    officer_name: str = "",
    force_number: str = "",
    received_on: date | None = None,
    due_on: date | None = None,
    today: date | None = None,
) -> str:
    """A plain-text letter asking the force for the Art. 15 items its response left out;
    `received_on` and `due_on` are the days on the force's receipt for the request."""
    today = today or datetime.now(UTC).date()
    lines = [today.strftime("%d %B %Y").lstrip("0"), "", "To the Data Protection Officer,", ""]
    subject = "Subject access request"
    if reference:
        subject += f" {reference}"
    lines += [f"Re: {subject} - information not yet provided", ""]
    when = f" received on {_long_day(received_on)}" if received_on else ""
    lines.append(
        f"Thank you for your response to my subject access request{when}. It does not "
        "include all of the information Article 15(1) of the UK GDPR entitles me to. "
        "Please provide the following:"
    )
    if due_on is not None:
        lines[-1] += f" Your full response was due by {_long_day(due_on)}."
    lines.append("")
    for item in missing:
        letter = ART15_LETTERS.get(item.code)
        cite = f"Art. 15(1)({letter})" if letter else item.law
        lines.append(f"  - {item.label} ({cite}).")
    lines += [
        "",
        "Please send this within the time limit that applies to my original request. If "
        "you believe any of it does not apply, please tell me why.",
        "",
        "Yours faithfully,",
        "",
        officer_name or "",
    ]
    if force_number:
        lines.append(f"Force number {force_number}")
    return "\n".join(lines).rstrip() + "\n"


def overdue_letter(
    record: SubmissionRecord,
    today: date,
    *,
    officer_name: str = "",
    force_number: str = "",
) -> str:
    """A plain-text letter chasing a request the force has not answered by its due date:
    the reference, the day the force received it (from its signed receipt) and the due
    date that applies now (extended or moved on by a clarification, if so)."""
    if record.receipt is None:
        raise NotFoundLocally(f"A receipt for {record.id}")
    due = record.current_due_date() or record.receipt.due_date
    what = "subject access request" if record.kind == "sar" else "challenge"
    received = record.receipt.received_at.date()
    late = (today - due).days
    lines = [_long_day(today), "", "To the Data Protection Officer,", ""]
    lines += [f"Re: {what.capitalize()} {record.receipt.reference} - response overdue", ""]
    lines.append(
        f"You received my {what} on {_long_day(received)} (your reference "
        f"{record.receipt.reference}; I hold your signed receipt). Your response was due by "
        f"{_long_day(due)}"
        + (", the extended date you gave me" if record.status is not None
           and record.status.extended_due_date is not None else "")
        + (f", and is now {late} day{'s' if late != 1 else ''} late." if late > 0 else ".")
    )
    lines.append("")
    if record.kind == "sar":
        lines.append(
            "Please send me the information Article 15 of the UK GDPR entitles me to without "
            "further delay. If I do not receive it within 14 days I will complain to the "
            "Information Commissioner's Office."
        )
    else:
        lines.append(
            "Please tell me the outcome of my challenge, with your reasons, without further "
            "delay. If I do not receive it within 14 days I will raise it with the "
            "Information Commissioner's Office."
        )
    lines += ["", "Yours faithfully,", "", officer_name or ""]
    if force_number:
        lines.append(f"Force number {force_number}")
    return "\n".join(lines).rstrip() + "\n"


def _long_day(day: date) -> str:
    return day.strftime("%d %B %Y").lstrip("0")


# --- the service ------------------------------------------------------------------------


class ContestService:
    """Contest operations for one signed-in officer over one unlocked store."""

    def __init__(
        self,
        store: Any,
        api: Any,
        *,
        configured_server_key: str | None = None,
        region: str = deadlines.DEFAULT_REGION,
        refresh_flags: Callable[[], None] | None = None,
    ) -> None:
        self.store = store
        self.contest = ContestStore(store)
        self.api = api
        self.configured_server_key = configured_server_key
        self.region = region
        self._refresh_flags = refresh_flags

    @property
    def officer_id(self) -> str:
        return _officer_id(self.api)

    # -- keys --------------------------------------------------------------------

    def pin_server_key(self) -> PinResult:
        return pin_server_key(self.store, self.api, self.configured_server_key)

    def ensure_signing_key(self, device_label: str | None = None) -> cw.KeyRecord:
        return ensure_signing_key(
            self.store,
            self.api,
            device_label=device_label,
            configured_fingerprint=self.configured_server_key,
        )

    def rotate_key(self, device_label: str | None = None) -> cw.KeyRecord:
        return rotate_key(self.store, self.api, device_label=device_label)

    def revoke_key(self, key_id_to_revoke: str | None = None) -> cw.KeyRecord:
        return revoke_key(self.store, self.api, key_id_to_revoke)

    def list_keys(self) -> list[cw.KeyRecord]:
        return list_keys(self.store, self.api)

    # -- drafts --------------------------------------------------------------------

    def save_draft(self, draft: Draft) -> None:
        """Keep what the officer typed (call on every change)."""
        self.store.save_draft(draft.id, draft.kind, draft.body())

    def drafts(self) -> list[Draft]:
        """The officer's challenge and SAR drafts (answers have their own, below)."""
        return [Draft.from_body(d.id, d.kind, d.body) for d in self.store.drafts()
                if d.kind != CLARIFICATION]

    # An answer being typed is kept like a draft: encrypted, saved as typed, surviving a
    # lock or a crash, and deleted with the receipt for the answer (same transaction).
    def save_answer_draft(self, reference: str, text: str) -> None:
        if text.strip():
            self.store.save_draft(answer_draft_id(reference), CLARIFICATION,
                                  {"reference": reference, "text": text})
        else:
            self.contest.delete_draft(answer_draft_id(reference))

    def answer_draft(self, reference: str) -> str:
        wanted = answer_draft_id(reference)
        return next((str(d.body.get("text", "")) for d in self.store.drafts()
                     if d.id == wanted), "")

    def draft(self, draft_id: str) -> Draft | None:
        return next((d for d in self.drafts() if d.id == draft_id), None)

    def delete_draft(self, draft_id: str) -> None:
        self.contest.delete_draft(draft_id)

    def attach(self, draft_id: str, name: str, media_type: str, data: bytes) -> dict[str, Any]:
        """Add a file to a draft (kept encrypted in the store); returns its signed entry."""
        if len(data) > MAX_ATTACHMENT_BYTES:
            raise DraftInvalid(
                f"{name} is {len(data) // (1024 * 1024)} MB; files up to "
                f"{MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB can be attached."
            )
        try:
            entry = attachment_entry(name, media_type, data)
            build_submission(
                officer_id="check",
                key_id="A" * 43,
                kind="sar",
                target=sar_target(),
                created_at=datetime.now(UTC),
                attachments=[entry],
            )
        except ValueError as exc:
            raise DraftInvalid(str(exc)) from None
        self.contest.put_draft_file(
            draft_id, StoredFile(name, media_type, entry["sha256"], bytes(data))
        )
        return entry

    def detach(self, draft_id: str, name: str) -> None:
        self.contest.remove_draft_file(draft_id, name)

    def draft_files(self, draft_id: str) -> list[StoredFile]:
        return self.contest.draft_files(draft_id)

    def prepare(self, draft: Draft, *, offline: bool = False) -> PreparedSubmission:
        """The exact content that will be signed, for the officer to read first.

        Raises `DraftInvalid` saying what is missing; `NoSigningKey` without a key. With
        `offline` (the force's server cannot be reached to set a key up), a key made on
        this PC and not yet registered signs it; `submit` then queues it, and it is
        registered and sent once the force's key is trusted (see `_ready_to_send`)."""
        active = self.contest.active_key()
        if active is None and offline:
            active = self.contest.unregistered_key() or _new_key(self.contest, None)
        if active is None:
            raise NoSigningKey()
        files = tuple(self.contest.draft_files(draft.id))
        if draft.kind == "challenge":
            if not draft.flag_id:
                raise DraftInvalid("Choose the flag you are challenging.")
            target: Any = draft.flag_id
            grounds = draft.grounds
            disputed = draft.disputed_record_ids
        else:
            try:
                target = sar_target(
                    items=draft.sar_items if draft.sar_items is not None else tuple(ART15_ITEMS),
                    categories=draft.sar_categories,
                    date_from=draft.sar_date_from,
                    date_to=draft.sar_date_to,
                    format=draft.sar_format,
                )
            except ValueError as exc:
                raise DraftInvalid(str(exc)) from None
            grounds, disputed = [], []
        try:
            payload = build_submission(
                officer_id=self.officer_id,
                key_id=active.key_id,
                kind=draft.kind,
                target=target,
                created_at=datetime.now(UTC),
                grounds=grounds,
                statement=draft.statement,
                disputed_record_ids=disputed,
                attachments=[
                    {
                        "name": f.name,
                        "media_type": f.media_type,
                        "size": len(f.content),
                        "sha256": f.sha256,
                    }
                    for f in files
                ],
            )
        except ValueError as exc:
            raise DraftInvalid(str(exc)) from None
        return PreparedSubmission(draft.id, payload, canonical_json(payload), files)

    # -- the outbox ------------------------------------------------------------------

    def submit(self, prepared: PreparedSubmission) -> SubmissionRecord:
        """Sign, keep, send, and verify the receipt; see the module docstring.

        A draft already signed and waiting is sent again as it was (never signed twice).
        Raises `ReceiptInvalid` (kept as `signed`), `SubmissionRefused` (kept as
        `refused`, draft kept), `ServerKeyChanged`, or an `ApiError` when the server
        cannot be reached (kept as `signed`; `resume_outbox` sends it later).
        """
        if prepared.draft_id is not None:
            waiting = self.contest.pending_for_draft(prepared.draft_id)
            if waiting is not None:
                return self._deliver(waiting)
        pin = self.contest.server_pin()
        if pin is not None:
            try:
                self._check_server_key(pin)  # a changed key: refused before anything is signed
            except ServerUnreachable:
                pass  # offline: signed and queued now, checked again before it is sent
        return self._deliver(self._sign_and_keep(prepared))

    def _sign_and_keep(self, prepared: PreparedSubmission) -> OutboxEntry:
        """Sign with this PC's key (registered, or made offline and not yet registered)
        and keep the exact signed bytes in the outbox before anything is sent."""
        kid = prepared.payload["key_id"]
        signer = self.contest.key(kid)
        usable = signer is not None and signer.revoked_at is None and (
            signer.active or signer.record is None)
        raw = self.contest.private_key(kid) if usable else None
        if raw is None:
            raise NoSigningKey()
        token = sign_submission(prepared.payload, Ed25519PrivateKey.from_private_bytes(raw))
        return self.contest.add_signed(
            submission_id=uuid.uuid4().hex,
            draft_id=prepared.draft_id,
            kind=prepared.payload["kind"],
            officer_id=prepared.payload["officer_id"],
            key_id=kid,
            idempotency_key=secrets.token_urlsafe(32),
            token=token,
            files=[StoredFile(f.name, f.media_type, f.sha256, f.content) for f in prepared.files],
        )

    def resume_outbox(self) -> list[SubmissionRecord]:
        """Send every signed-but-unconfirmed submission again, with its original key and
        bytes (call at start-up). Entries that still fail stay `signed`, with the reason
        in `last_error`; a changed server key stops the whole run (`ServerKeyChanged`)."""
        results = []
        for entry in self.contest.entries("signed"):
            try:
                results.append(self._deliver(entry))
            except (ServerKeyChanged, NotPinned):
                raise
            except (ApiError, ContestError):
                results.append(self._record(self.contest.entry(entry.id) or entry))
        return results

    def _check_server_key(self, pin: ServerPin) -> None:
        offered = fetch_server_key(self.api)
        if key_id(offered) != pin.key_id:
            raise ServerKeyChanged(
                fingerprint_words(load_public_jwk(pin.public_jwk)), fingerprint_words(offered)
            )

    def _ready_to_send(self, entry: OutboxEntry) -> None:
        """Before an entry signed offline goes out: the force's key pinned (IT's key, or
        `NotPinned` so the UI shows the officer its fingerprint first), unchanged, and
        the signing key registered with a record that verifies."""
        if self.contest.server_pin() is None:
            if not self.configured_server_key:
                raise NotPinned()
            pin_server_key(self.store, self.api, self.configured_server_key)
        _, pin = _pinned_key(self.contest)
        self._check_server_key(pin)
        signer = self.contest.key(entry.key_id)
        if signer is not None and signer.record is None:
            _register(self.contest, self.api, signer, entry.officer_id, active=True)

    def _deliver(self, entry: OutboxEntry) -> SubmissionRecord:
        try:
            self._ready_to_send(entry)
        except ServerKeyChanged as exc:
            self.contest.note_error(entry.id, exc.message)
            raise
        except NotPinned:
            self.contest.note_error(entry.id, WAITING_FOR_KEY)
            raise
        except (ApiError, ContestError) as exc:
            self.contest.note_error(entry.id, exc.message)
            raise
        server_key, pin = _pinned_key(self.contest)
        try:
            for file in self.contest.files(entry.id):
                if not file.uploaded:
                    self._upload(file)
                    self.contest.mark_uploaded(entry.id, file.sha256)
            accepted = self.api.request_json(
                "POST",
                "/v1/submissions",
                json=cw.SubmissionRequest(submission=entry.token).model_dump(mode="json"),
                idempotency_key=entry.idempotency_key,
                model=cw.SubmissionAccepted,
            )
        except RequestRefused as exc:
            if exc.status in (409, 413, 422):
                self.contest.note_error(entry.id, exc.message, refused=True)
                raise SubmissionRefused(getattr(exc, "detail", None) or exc.message) from None
            self.contest.note_error(entry.id, exc.message)
            raise
        except (ServerUnreachable, ServerError, ResponseInvalid) as exc:
            self.contest.note_error(entry.id, exc.message)
            raise
        return self._accept(entry, accepted, server_key, pin)

    def _accept(
        self,
        entry: OutboxEntry,
        accepted: cw.SubmissionAccepted,
        server_key: Ed25519PublicKey,
        pin: ServerPin,
    ) -> SubmissionRecord:
        """Verify the receipt with the PINNED key, then (and only then) mark it received."""
        try:
            receipt = receipt_format.verify_receipt(
                accepted.receipt, entry.token, server_key, expected_kid=pin.key_id
            )
            if receipt.reference != accepted.reference:
                raise ProtocolError("it names a different reference from the server's answer.")
            if receipt.idempotency_key not in (None, entry.idempotency_key):
                raise ProtocolError("it was issued for a different attempt.")
        except ProtocolError as exc:
            self.contest.note_error(entry.id, f"receipt refused: {exc}")
            log.warning("a receipt failed verification: %s", type(exc).__name__)
            raise ReceiptInvalid(str(exc)) from None
        self.contest.mark_received(
            entry.id,
            reference=receipt.reference,
            receipt_token=receipt.token,
            server_key_id=receipt.server_key_id,
            received_at=receipt.received_at,
            due=receipt.due_date,
        )
        stored = self.contest.entry(entry.id)
        assert stored is not None
        return self._record(stored)

    def _upload(self, file: StoredFile) -> None:
        self.api.send_bytes("PUT", f"/v1/attachments/{file.sha256}", file.content)

    # -- reading -------------------------------------------------------------------------

    def _record(
        self, entry: OutboxEntry, statuses: Mapping[str, Any] | None = None
    ) -> SubmissionRecord:
        stored = self.contest.receipt(entry.id)
        receipt = None
        last_error = entry.last_error
        if stored is not None:
            try:
                receipt = self._stored_receipt(entry, stored)
            except (ProtocolError, ContestError) as exc:
                # Shown without its receipt, and why, rather than hiding the whole list.
                last_error = f"The stored receipt no longer checks out: {exc}"
        status = None
        if receipt is not None:
            body = (statuses if statuses is not None else self.contest.statuses()).get(
                receipt.reference
            )
            if body is not None:
                status = cw.SubmissionStatus.model_validate(body)
        return SubmissionRecord(
            id=entry.id,
            kind=entry.kind,
            state=entry.state,
            token=entry.token,
            idempotency_key=entry.idempotency_key,
            created_at=entry.created_at,
            draft_id=entry.draft_id,
            last_error=last_error,
            receipt=receipt,
            status=status,
        )

    def _stored_receipt(self, entry: OutboxEntry, stored: StoredReceipt) -> receipt_format.Receipt:
        # Re-verified on every read: a store edited behind our back shows nothing false.
        server_key = self._receipt_key(stored.server_key_id)
        return receipt_format.verify_receipt(stored.token, entry.token, server_key)

    def _receipt_key(self, kid: str) -> Ed25519PublicKey:
        server_key, pin = _pinned_key(self.contest)
        if pin.key_id != kid:
            raise ReceiptInvalid("it was signed by a key this computer no longer trusts.")
        return server_key

    def submissions(self) -> list[SubmissionRecord]:
        """Challenges and SARs (answers to clarification requests: `answers_to`)."""
        statuses = self.contest.statuses()
        return [self._record(e, statuses) for e in self.contest.entries()
                if e.kind != CLARIFICATION]

    def answers_to(self, reference: str) -> list[SubmissionRecord]:
        """The officer's signed answers to the force's questions about `reference`."""
        return [self._record(e) for e in self.contest.entries()
                if e.kind == CLARIFICATION and _token_payload(e.token).get("target") == reference]

    def submission(self, reference_or_id: str) -> SubmissionRecord:
        stored = self.contest.receipt_by_reference(reference_or_id)
        entry = self.contest.entry(stored.submission_id if stored else reference_or_id)
        if entry is None:
            raise NotFoundLocally(f"Submission {reference_or_id}")
        return self._record(entry)

    def refresh_submissions(self) -> list[SubmissionRecord]:
        """Fetch the force's statuses (with ETag), store them, then refresh the flags
        so a flag under review or decided shows its new status."""
        path = f"/v1/officers/{_api_path_segment(self.officer_id)}/submissions"
        listed, etag = self.api.get_cached(
            path, cw.SubmissionList, self.contest.submissions_etag()
        )
        if listed is not None:
            self.contest.replace_statuses(
                {s.reference: s.model_dump(mode="json") for s in listed.submissions}, etag
            )
        if self._refresh_flags is not None:
            self._refresh_flags()
        else:
            self._refresh_flag_statuses()
        return self.submissions()

    def _refresh_flag_statuses(self) -> None:
        SyncEngine(self.api, self.store).sync_flags(self.officer_id)

    def prepare_answer(self, reference: str, text: str) -> PreparedSubmission:
        """The exact content of a signed answer to the force's request for clarification
        of `reference` (shown to the officer before signing)."""
        active = self.contest.active_key()
        if active is None:
            raise NoSigningKey()
        if not text.strip():
            raise DraftInvalid("Write your answer to the force's question.")
        try:
            payload = build_submission(
                officer_id=self.officer_id,
                key_id=active.key_id,
                kind=CLARIFICATION,
                target=reference,
                created_at=datetime.now(UTC),
                statement=text,
            )
        except ValueError as exc:
            raise DraftInvalid(str(exc)) from None
        return PreparedSubmission(answer_draft_id(reference), payload, canonical_json(payload),
                                  ())

    def answer_clarification(
        self, reference: str, text: str | PreparedSubmission
    ) -> SubmissionRecord:
        """Sign the officer's answer, keep it in the outbox, send it, verify the force's
        receipt (its due date is the one that applies now the clock runs again), then
        refresh the statuses. Fails like `submit`; an answer not yet received stays in
        the outbox and `resume_outbox` sends it."""
        prepared = text if isinstance(text, PreparedSubmission) else self.prepare_answer(
            reference, text)
        if prepared.payload.get("kind") != CLARIFICATION or \
                prepared.payload.get("target") != reference:
            raise DraftInvalid("This answer is for a different request.")
        record = self._deliver(self._sign_and_keep(prepared))
        try:
            self.refresh_submissions()
        except (ApiError, ContestError) as exc:  # the answer is in; the list catches up
            log.info("statuses not refreshed after an answer: %s", type(exc).__name__)
        return record

    # -- SAR responses -----------------------------------------------------------------

    def fetch_sar_response(self, reference: str) -> SarResult:
        """Download the force's signed response package, verify it with the pinned key,
        keep it. Raises `NotFound` until the force has fulfilled the request."""
        path = (
            f"/v1/officers/{_api_path_segment(self.officer_id)}/submissions/"
            f"{_api_path_segment(reference)}/response"
        )
        response = self.api.request_json("GET", path, model=cw.SarResponse)
        if response.reference != reference:
            raise SarPackageInvalid("it is for a different request.")
        result = self._verify_package(reference, response.package)
        self.contest.put_sar_response(reference, response.package)
        return result

    def sar_response(self, reference: str) -> SarResult | None:
        token = self.contest.sar_response(reference)
        return None if token is None else self._verify_package(reference, token)

    def _verify_package(self, reference: str, token: str) -> SarResult:
        server_key, pin = _pinned_key(self.contest)
        try:
            verified = verify_compact(
                token, server_key, expected_kid=pin.key_id, expected_typ=cw.SAR_PACKAGE_TYP
            )
            if not is_canonical(verified.payload_bytes):
                raise SarPackageInvalid("its content is not in canonical form.")
            package = cw.SarPackage.model_validate_json(verified.payload_bytes)
        except ProtocolError as exc:
            raise SarPackageInvalid(str(exc)) from None
        except ValidationError:
            raise SarPackageInvalid("its content is not a response package.") from None
        if package.reference != reference or package.officer_id != self.officer_id:
            raise SarPackageInvalid("it is for a different request or officer.")
        return SarResult(reference, token, package)

    def check_completeness(self, reference: str) -> list[Art15Item]:
        result = self.sar_response(reference)
        if result is None:
            raise NotFoundLocally(f"The response to {reference}")
        return check_completeness(result.package)

    def overdue_letter_pdf(
        self, reference: str, today: date, *, officer_name: str = "", force_number: str = ""
    ) -> bytes:
        """`overdue_letter` for the submission `reference`, as a PDF."""
        from recourse.letters import text_pdf

        record = self.submission(reference)
        text = overdue_letter(record, today, officer_name=officer_name,
                              force_number=force_number)
        return text_pdf(text, f"{reference} - response overdue")

    # -- evidence bundle -----------------------------------------------------------------

    def bundle_files(self, reference: str, summary_pdf: bytes | None = None) -> dict[str, bytes]:
        """The files of the evidence bundle for a received submission."""
        record = self.submission(reference)
        if record.receipt is None:
            raise NotFoundLocally(f"A receipt for {reference}")
        payload = record.payload
        officer_key = self.contest.key(payload["key_id"])
        if officer_key is None:
            raise NotFoundLocally("The public key that signed it")
        _, pin = _pinned_key(self.contest)
        files = {f.name: f.content for f in self.contest.files(record.id)}
        if summary_pdf is None:
            from recourse.letters import summary_pdf as make_summary

            summary_pdf = make_summary(
                payload,
                record.receipt,
                officer_key.key_id,
                pin.key_id,
                fingerprint_words(load_public_jwk(pin.public_jwk)),
            )
        out = bundle_format.bundle_files(
            record.token,
            record.receipt.token,
            officer_key.public_jwk,
            pin.public_jwk,
            files,
            summary_pdf,
        )
        if officer_key.record is not None:
            # The force's signed record binding the key to the officer; added before the
            # manifest is made again so the manifest lists it.
            out[KEY_RECORD_FILE] = officer_key.record.encode("ascii")
            out[bundle_format.MANIFEST] = canonical_json(
                {
                    "format": bundle_format.BUNDLE_FORMAT,
                    "version": bundle_format.BUNDLE_VERSION,
                    "files": {
                        path: hashlib.sha256(data).hexdigest()
                        for path, data in sorted(out.items())
                        if path != bundle_format.MANIFEST
                    },
                }
            )
        return out

    def export_bundle(self, reference: str, path: str | os.PathLike[str]) -> Path:
        """Write the evidence bundle zip to `path`, atomically (temp file in the same
        folder, fsync, rename): a crash leaves the old file or the new one, never half."""
        files = self.bundle_files(reference)
        return write_zip_atomically(Path(path), files)


def write_zip_atomically(path: Path, files: Mapping[str, bytes]) -> Path:
    folder = path.parent
    handle = tempfile.NamedTemporaryFile(
        dir=folder, prefix="." + path.name + ".", suffix=".part", delete=False
    )
    try:
        with handle, zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in sorted(files):
                info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, files[name])
            archive.close()
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return path  # Windows cannot open a folder; the rename is durable there
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
    return path
