"""The outbox: sign, keep, send, and keep the force's verified receipt as proof.

`submit` signs with this PC's key and persists {token, idempotency key, attachments} in
one transaction (state `signed`) BEFORE anything is sent; then it uploads, POSTs with the
idempotency key, verifies the receipt with the PINNED force key, and only then marks it
`received`. `resume_outbox` sends every `signed` entry again with the SAME key and bytes,
so a crash anywhere never submits twice. Signed offline, even before the force's key is
pinned, an entry waits: before it goes the force's key is pinned (IT's, or `NotPinned`
until the officer has seen its fingerprint) and this PC's key registered.
"""

from __future__ import annotations

import logging
import secrets
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from recourse.api.client import ApiClient
from recourse.api.errors import (
    ApiError,
    RequestRefused,
    ResponseInvalid,
    ServerError,
    ServerUnreachable,
)
from recourse.contest.drafts import CLARIFICATION, Drafts, PreparedSubmission
from recourse.contest.errors import (
    ContestError,
    DraftInvalid,
    NoSigningKey,
    NotFoundLocally,
    NotPinned,
    ReceiptInvalid,
    ServerKeyChanged,
    SubmissionRefused,
)
from recourse.domain import deadlines
from recourse.domain.letters import overdue_letter
from recourse.protocol import contest_wire as cw
from recourse.protocol import receipt as receipt_format
from recourse.protocol.jws import ProtocolError, unverified_payload
from recourse.protocol.submission import sign_submission
from recourse.store import Store
from recourse.store.contest import OutboxEntry, ServerPin, StoredFile, StoredReceipt
from recourse.sync.engine import SyncEngine

log = logging.getLogger(__name__)

__all__ = ["WAITING_FOR_KEY", "Outbox", "SubmissionRecord"]

#: Why a submission signed offline has not gone yet (shown in the Requests screen).
WAITING_FOR_KEY = (
    "The force's signing key has not been checked on this PC yet; Recourse shows you its "
    "fingerprint when the server can be reached, then sends it."
)


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
        if self.receipt is not None:
            return self.receipt.reference
        # Sent from elsewhere (by the member's representative): known by its status.
        return None if self.status is None or self.token else self.status.reference

    @property
    def payload(self) -> dict[str, Any]:
        if not self.token:  # sent from another PC: only the force's status is here
            target = self.status.target_flag_id if self.status is not None else None
            return {"target": target} if target else {}
        # The token's signature was checked against this PC's key when it was signed.
        return unverified_payload(self.token)

    @property
    def sent_by(self) -> cw.SentBy | None:
        """The representative who sent it for the member, as the force records it."""
        return None if self.status is None else self.status.sent_by

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

    def overdue_letter(
        self, today: date, *, officer_name: str = "", force_number: str = "",
        language: str = "en",
    ) -> str:
        """A letter chasing the force's overdue reply: the reference, the day the force
        received it (from its signed receipt) and the due date that applies now."""
        if self.receipt is None:
            raise NotFoundLocally(f"A receipt for {self.id}")
        return overdue_letter(
            kind="sar" if self.kind == "sar" else "challenge",
            reference=self.receipt.reference,
            received_on=self.receipt.received_at.date(),
            due_on=self.current_due_date() or self.receipt.due_date,
            extended=self.status is not None and self.status.extended_due_date is not None,
            today=today,
            officer_name=officer_name,
            force_number=force_number,
            language=language,
        )


class Outbox(Drafts):
    """The outbox part of `ContestService`. `refresh_flags` is called after the force's
    statuses are refreshed (by default the flags are synced again here)."""

    def __init__(
        self,
        store: Store,
        api: ApiClient | None,
        *,
        configured_server_key: str | None = None,
        refresh_flags: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(store, api, configured_server_key=configured_server_key)
        self.refresh_flags = refresh_flags or self._sync_flags

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
                self.check_server_key_unchanged(pin)  # refused before anything is signed
            except ServerUnreachable:
                pass  # offline: signed and queued now, checked again before it is sent
        return self._deliver(self._sign_and_keep(prepared))

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

    def _ready_to_send(self, entry: OutboxEntry) -> None:
        """Before an entry signed offline goes out: the force's key pinned (IT's key, or
        `NotPinned` so the UI shows the officer its fingerprint first), unchanged, and
        the signing key registered with a record that verifies."""
        if self.contest.server_pin() is None:
            if not self.configured_server_key:
                raise NotPinned()
            self.pin_server_key()
        _, pin = self.pinned_key()
        self.check_server_key_unchanged(pin)
        signer = self.contest.key(entry.key_id)
        if signer is not None and signer.record is None:
            # The key is the signed-in account's own, even when it signs for a member.
            self.register(signer, self.officer_id)

    def _deliver(self, entry: OutboxEntry) -> SubmissionRecord:
        try:
            self._ready_to_send(entry)
        except NotPinned:
            self.contest.note_error(entry.id, WAITING_FOR_KEY)
            raise
        except (ApiError, ContestError) as exc:
            self.contest.note_error(entry.id, exc.message)
            raise
        server_key, pin = self.pinned_key()
        try:
            for file in self.contest.files(entry.id):
                if not file.uploaded:
                    self.api.upload_attachment(file.sha256, file.content)
                    self.contest.mark_uploaded(entry.id, file.sha256)
            accepted = self.api.submit(entry.token, idempotency_key=entry.idempotency_key)
        except RequestRefused as exc:
            if exc.status in (409, 413, 422):
                self.contest.note_error(entry.id, exc.message, refused=True)
                raise SubmissionRefused(exc.detail or exc.message) from None
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

    # -- reading -------------------------------------------------------------------------

    def submissions(self) -> list[SubmissionRecord]:
        """Challenges and SARs (answers to clarification requests: `answers_to`)."""
        statuses = self.contest.statuses()
        records = [self._record(e, statuses) for e in self.contest.entries()
                   if e.kind != CLARIFICATION]
        # What was sent from another PC (the member's representative's, or the
        # officer's own other computer) is known here by the force's status alone.
        known = {r.reference for r in records if r.reference}
        for reference, body in statuses.items():
            if reference in known:
                continue
            try:
                status = cw.SubmissionStatus.model_validate(body)
            except ValueError:
                continue
            records.append(SubmissionRecord(
                id=reference, kind=status.kind, state="received", token="",
                idempotency_key="", created_at=status.received_at, draft_id=None,
                last_error=None, status=status))
        return records

    def answers_to(self, reference: str) -> list[SubmissionRecord]:
        """The officer's signed answers to the force's questions about `reference`."""
        return [self._record(e) for e in self.contest.entries()
                if e.kind == CLARIFICATION
                and unverified_payload(e.token).get("target") == reference]

    def submission(self, reference_or_id: str) -> SubmissionRecord:
        stored = self.contest.receipt_by_reference(reference_or_id)
        entry = self.contest.entry(stored.submission_id if stored else reference_or_id)
        if entry is None:
            raise NotFoundLocally(f"Submission {reference_or_id}")
        return self._record(entry)

    def refresh_submissions(self) -> list[SubmissionRecord]:
        """Fetch the force's statuses (with ETag), store them, then refresh the flags
        so a flag under review or decided shows its new status."""
        listed, etag = self.api.submission_statuses(
            self.subject_id, self.contest.submissions_etag()
        )
        if listed is not None:
            self.contest.replace_statuses(
                {s.reference: s.model_dump(mode="json") for s in listed.submissions}, etag
            )
        self.refresh_flags()
        return self.submissions()

    def _sync_flags(self) -> None:
        SyncEngine(self.api, self.store).sync_flags(self.subject_id)

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
        server_key, pin = self.pinned_key()
        if pin.key_id != stored.server_key_id:
            raise ReceiptInvalid("it was signed by a key this computer no longer trusts.")
        return receipt_format.verify_receipt(stored.token, entry.token, server_key)
