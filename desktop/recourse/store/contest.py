# ruff: noqa: S608 -- SQL here is assembled from constants and "?" placeholders only.
"""What contesting keeps in the encrypted store: keys, the outbox, receipts, responses.

Its tables are created by migration 5 (`migrations/0005_contest.sql`).

Everything here lives inside the SQLCipher database; the officer's private signing key
is a store secret (`put_secret`), never a file. The outbox row, its signed token, its
idempotency key and its attachments are written in ONE transaction before anything is
sent, so a crash at any later point leaves a row that `resume_outbox` can deliver again
with the same key and bytes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, Literal

from recourse.store import etags, settings
from recourse.store.records import from_micros, to_micros

if TYPE_CHECKING:
    from recourse.store.db import Store

OutboxState = Literal["signed", "received", "refused"]
_SECRET_PREFIX = "contest.signing_key."  # noqa: S105 -- a name, not a secret


def _now() -> int:
    return to_micros(datetime.now(UTC))


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class StoredKey:
    key_id: str
    public_jwk: dict[str, str]
    device_label: str
    created_at: datetime
    officer_id: str | None
    #: The server's signed key record (compact JWS), once registered.
    record: str | None
    #: The record's verified content (what the server signed).
    record_body: dict[str, Any] | None
    revoked_at: datetime | None
    active: bool


@dataclass(frozen=True)
class ServerPin:
    key_id: str
    public_jwk: dict[str, str]
    #: "configured" (IT's policy) or "first_use" (trusted the first time it was seen).
    source: str
    pinned_at: datetime


@dataclass(frozen=True)
class StoredFile:
    name: str
    media_type: str
    sha256: str
    content: bytes
    uploaded: bool = False


@dataclass(frozen=True)
class OutboxEntry:
    id: str
    draft_id: str | None
    kind: str
    officer_id: str
    key_id: str
    idempotency_key: str
    token: str
    state: OutboxState
    created_at: datetime
    updated_at: datetime
    last_error: str | None


@dataclass(frozen=True)
class StoredReceipt:
    submission_id: str
    reference: str
    token: str
    server_key_id: str
    received_at: datetime
    due_date: date


_OUTBOX_COLUMNS = (
    "id, draft_id, kind, officer_id, key_id, idempotency_key, token, state, created_at, "
    "updated_at, last_error"
)
_KEY_COLUMNS = (
    "key_id, public_jwk, device_label, created_at, officer_id, record, record_body, "
    "revoked_at, active"
)


def _outbox(row: Sequence[Any]) -> OutboxEntry:
    return OutboxEntry(
        row[0],
        row[1],
        row[2],
        row[3],
        row[4],
        row[5],
        row[6],
        row[7],
        from_micros(row[8]),
        from_micros(row[9]),
        row[10],
    )


def _key(row: Sequence[Any]) -> StoredKey:
    return StoredKey(
        key_id=row[0],
        public_jwk=json.loads(row[1]),
        device_label=row[2],
        created_at=from_micros(row[3]),
        officer_id=row[4],
        record=row[5],
        record_body=None if row[6] is None else json.loads(row[6]),
        revoked_at=None if row[7] is None else from_micros(row[7]),
        active=bool(row[8]),
    )


def _receipt(row: Sequence[Any]) -> StoredReceipt:
    return StoredReceipt(
        row[0], row[1], row[2], row[3], from_micros(row[4]), date.fromisoformat(row[5])
    )


class ContestStore:
    """The contest tables of an unlocked `Store` (same connection, same lock)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def store(self) -> Store:
        return self._store

    # -- signing keys ------------------------------------------------------------

    def add_key(
        self, key_id: str, public_jwk: dict[str, str], private_raw: bytes, device_label: str
    ) -> None:
        """Keep a new private key (as a store secret) and its public half, not yet active.

        Both in one transaction, so a key registered with the server is never lost."""
        with self._store.transaction() as db:
            settings.put_secret(db, _SECRET_PREFIX + key_id, private_raw)
            db.execute(
                "INSERT INTO contest_keys (key_id, public_jwk, device_label, created_at) "
                "VALUES (?, ?, ?, ?)",
                (key_id, _dumps(public_jwk), device_label, _now()),
            )

    def private_key(self, key_id: str) -> bytes | None:
        return self._store.get_secret(_SECRET_PREFIX + key_id)

    def set_key_record(
        self, key_id: str, officer_id: str, record: str, body: dict[str, Any], active: bool
    ) -> None:
        """Store the server's verified key record; `active` makes it THE signing key."""
        with self._store.transaction() as db:
            if active:
                db.execute("UPDATE contest_keys SET active = 0 WHERE active = 1")
            db.execute(
                "UPDATE contest_keys SET officer_id = ?, record = ?, record_body = ?, "
                "active = ? WHERE key_id = ?",
                (officer_id, record, _dumps(body), int(active), key_id),
            )

    def mark_key_revoked(
        self,
        key_id: str,
        revoked_at: datetime,
        record: str | None = None,
        body: dict[str, Any] | None = None,
    ) -> None:
        """The key may no longer sign: forget its private half, keep its public record."""
        with self._store.transaction() as db:
            db.execute(
                "UPDATE contest_keys SET revoked_at = ?, active = 0, "
                "record = coalesce(?, record), record_body = coalesce(?, record_body) "
                "WHERE key_id = ?",
                (to_micros(revoked_at), record, None if body is None else _dumps(body), key_id),
            )
            settings.delete_secret(db, _SECRET_PREFIX + key_id)

    def keys(self) -> list[StoredKey]:
        with self._store.reading() as db:
            rows = db.execute(
                f"SELECT {_KEY_COLUMNS} FROM contest_keys ORDER BY created_at"
            ).fetchall()
        return [_key(r) for r in rows]

    def key(self, key_id: str) -> StoredKey | None:
        with self._store.reading() as db:
            row = db.execute(
                f"SELECT {_KEY_COLUMNS} FROM contest_keys WHERE key_id = ?", (key_id,)
            ).fetchone()
        return None if row is None else _key(row)

    def active_key(self) -> StoredKey | None:
        with self._store.reading() as db:
            row = db.execute(f"SELECT {_KEY_COLUMNS} FROM contest_keys WHERE active = 1").fetchone()
        return None if row is None else _key(row)

    def unregistered_key(self) -> StoredKey | None:
        """A key made but not yet confirmed by the server (a sign-in cut short)."""
        with self._store.reading() as db:
            row = db.execute(
                f"SELECT {_KEY_COLUMNS} FROM contest_keys WHERE record IS NULL "
                "AND revoked_at IS NULL ORDER BY created_at DESC"
            ).fetchone()
        return None if row is None else _key(row)

    # -- the server's key ------------------------------------------------------------

    def server_pin(self) -> ServerPin | None:
        with self._store.reading() as db:
            row = db.execute(
                "SELECT key_id, public_jwk, source, pinned_at FROM contest_server_key"
            ).fetchone()
        return (
            None
            if row is None
            else ServerPin(row[0], json.loads(row[1]), row[2], from_micros(row[3]))
        )

    def pin_server(self, key_id: str, public_jwk: dict[str, str], source: str) -> ServerPin:
        with self._store.transaction() as db:
            db.execute(
                "INSERT INTO contest_server_key (singleton, key_id, public_jwk, source, "
                "pinned_at) VALUES (1, ?, ?, ?, ?) ON CONFLICT (singleton) DO UPDATE SET "
                "key_id = excluded.key_id, public_jwk = excluded.public_jwk, "
                "source = excluded.source, pinned_at = excluded.pinned_at",
                (key_id, _dumps(public_jwk), source, _now()),
            )
        pin = self.server_pin()
        assert pin is not None
        return pin

    # -- draft attachments -----------------------------------------------------------

    def put_draft_file(self, draft_id: str, file: StoredFile) -> None:
        with self._store.transaction() as db:
            db.execute(
                "INSERT INTO contest_draft_files (draft_id, name, media_type, sha256, content, "
                "added_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (draft_id, name) DO UPDATE "
                "SET media_type = excluded.media_type, sha256 = excluded.sha256, "
                "content = excluded.content, added_at = excluded.added_at",
                (draft_id, file.name, file.media_type, file.sha256, file.content, _now()),
            )

    def remove_draft_file(self, draft_id: str, name: str) -> None:
        with self._store.transaction() as db:
            db.execute(
                "DELETE FROM contest_draft_files WHERE draft_id = ? AND name = ?",
                (draft_id, name),
            )

    def draft_files(self, draft_id: str) -> list[StoredFile]:
        with self._store.reading() as db:
            rows = db.execute(
                "SELECT name, media_type, sha256, content FROM contest_draft_files "
                "WHERE draft_id = ? ORDER BY added_at, name",
                (draft_id,),
            ).fetchall()
        return [StoredFile(r[0], r[1], r[2], bytes(r[3])) for r in rows]

    def delete_draft(self, draft_id: str) -> None:
        with self._store.transaction() as db:
            db.execute("DELETE FROM contest_draft_files WHERE draft_id = ?", (draft_id,))
            db.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))

    # -- the outbox ----------------------------------------------------------------------

    def add_signed(
        self,
        *,
        submission_id: str,
        draft_id: str | None,
        kind: str,
        officer_id: str,
        key_id: str,
        idempotency_key: str,
        token: str,
        files: Sequence[StoredFile],
    ) -> OutboxEntry:
        """Persist a signed submission and its files, in one transaction, before sending."""
        now = _now()
        with self._store.transaction() as db:
            db.execute(
                f"INSERT INTO contest_outbox ({_OUTBOX_COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, 'signed', ?, ?, NULL)",
                (
                    submission_id,
                    draft_id,
                    kind,
                    officer_id,
                    key_id,
                    idempotency_key,
                    token,
                    now,
                    now,
                ),
            )
            db.executemany(
                "INSERT INTO contest_files (submission_id, name, media_type, sha256, content) "
                "VALUES (?, ?, ?, ?, ?)",
                [(submission_id, f.name, f.media_type, f.sha256, f.content) for f in files],
            )
        entry = self.entry(submission_id)
        assert entry is not None
        return entry

    def entry(self, submission_id: str) -> OutboxEntry | None:
        with self._store.reading() as db:
            row = db.execute(
                f"SELECT {_OUTBOX_COLUMNS} FROM contest_outbox WHERE id = ?", (submission_id,)
            ).fetchone()
        return None if row is None else _outbox(row)

    def entries(self, state: OutboxState | None = None) -> list[OutboxEntry]:
        with self._store.reading() as db:
            if state is None:
                rows = db.execute(
                    f"SELECT {_OUTBOX_COLUMNS} FROM contest_outbox ORDER BY created_at"
                ).fetchall()
            else:
                rows = db.execute(
                    f"SELECT {_OUTBOX_COLUMNS} FROM contest_outbox WHERE state = ? "
                    "ORDER BY created_at",
                    (state,),
                ).fetchall()
        return [_outbox(r) for r in rows]

    def pending_for_draft(self, draft_id: str) -> OutboxEntry | None:
        with self._store.reading() as db:
            row = db.execute(
                f"SELECT {_OUTBOX_COLUMNS} FROM contest_outbox WHERE draft_id = ? "
                "AND state = 'signed'",
                (draft_id,),
            ).fetchone()
        return None if row is None else _outbox(row)

    def files(self, submission_id: str) -> list[StoredFile]:
        with self._store.reading() as db:
            rows = db.execute(
                "SELECT name, media_type, sha256, content, uploaded FROM contest_files "
                "WHERE submission_id = ? ORDER BY name",
                (submission_id,),
            ).fetchall()
        return [StoredFile(r[0], r[1], r[2], bytes(r[3]), bool(r[4])) for r in rows]

    def mark_uploaded(self, submission_id: str, sha256: str) -> None:
        with self._store.transaction() as db:
            db.execute(
                "UPDATE contest_files SET uploaded = 1 WHERE submission_id = ? AND sha256 = ?",
                (submission_id, sha256),
            )

    def note_error(self, submission_id: str, message: str, *, refused: bool = False) -> None:
        with self._store.transaction() as db:
            db.execute(
                "UPDATE contest_outbox SET last_error = ?, updated_at = ?, "
                "state = CASE WHEN ? THEN 'refused' ELSE state END "
                "WHERE id = ? AND state = 'signed'",
                (message, _now(), int(refused), submission_id),
            )

    def mark_received(
        self,
        submission_id: str,
        *,
        reference: str,
        receipt_token: str,
        server_key_id: str,
        received_at: datetime,
        due: date,
    ) -> None:
        """Store the verified receipt, mark the entry received and drop its draft: at once."""
        with self._store.transaction() as db:
            row = db.execute(
                "SELECT draft_id FROM contest_outbox WHERE id = ?", (submission_id,)
            ).fetchone()
            db.execute(
                "INSERT INTO contest_receipts (submission_id, reference, token, server_key_id, "
                "received_at, due_date) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (submission_id) DO NOTHING",
                (
                    submission_id,
                    reference,
                    receipt_token,
                    server_key_id,
                    to_micros(received_at),
                    due.isoformat(),
                ),
            )
            db.execute(
                "UPDATE contest_outbox SET state = 'received', last_error = NULL, "
                "updated_at = ? WHERE id = ?",
                (_now(), submission_id),
            )
            if row is not None and row[0] is not None:
                db.execute("DELETE FROM contest_draft_files WHERE draft_id = ?", (row[0],))
                db.execute("DELETE FROM drafts WHERE id = ?", (row[0],))

    def receipt(self, submission_id: str) -> StoredReceipt | None:
        with self._store.reading() as db:
            row = db.execute(
                "SELECT submission_id, reference, token, server_key_id, received_at, due_date "
                "FROM contest_receipts WHERE submission_id = ?",
                (submission_id,),
            ).fetchone()
        return None if row is None else _receipt(row)

    def receipt_by_reference(self, reference: str) -> StoredReceipt | None:
        with self._store.reading() as db:
            row = db.execute(
                "SELECT submission_id, reference, token, server_key_id, received_at, due_date "
                "FROM contest_receipts WHERE reference = ?",
                (reference,),
            ).fetchone()
        return None if row is None else _receipt(row)

    # -- status and responses ------------------------------------------------------

    def replace_statuses(self, bodies: dict[str, dict[str, Any]], etag: str | None) -> None:
        now = _now()
        with self._store.transaction() as db:
            db.execute("DELETE FROM contest_status")
            db.executemany(
                "INSERT INTO contest_status (reference, body, updated_at) VALUES (?, ?, ?)",
                [(ref, _dumps(body), now) for ref, body in bodies.items()],
            )
            etags.set_etag(db, "contest.submissions", etag)

    def statuses(self) -> dict[str, dict[str, Any]]:
        with self._store.reading() as db:
            rows = db.execute("SELECT reference, body FROM contest_status").fetchall()
        return {r[0]: json.loads(r[1]) for r in rows}

    def submissions_etag(self) -> str | None:
        return self._store.etag("contest.submissions")

    def put_sar_response(self, reference: str, package: str) -> None:
        with self._store.transaction() as db:
            db.execute(
                "INSERT INTO contest_sar_responses (reference, package, fetched_at) "
                "VALUES (?, ?, ?) ON CONFLICT (reference) DO UPDATE SET "
                "package = excluded.package, fetched_at = excluded.fetched_at",
                (reference, package, _now()),
            )

    def sar_response(self, reference: str) -> str | None:
        with self._store.reading() as db:
            row = db.execute(
                "SELECT package FROM contest_sar_responses WHERE reference = ?", (reference,)
            ).fetchone()
        return None if row is None else str(row[0])
