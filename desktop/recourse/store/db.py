# ruff: noqa: S608 -- SQL here is assembled from constants and "?" placeholders only.
"""The unlocked store: one SQLCipher connection behind a lock.

Threading: one connection opened with `check_same_thread=False`, every method holding
an `RLock`, so one writer and any number of readers may call from different threads;
they take turns (each sync page is one short transaction). Generators such as
`iter_category` take the lock per chunk, never across a `yield`.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

import pydantic_core
import sqlcipher3

from recourse.protocol import wire
from recourse.store.errors import StoreDamaged, StoreError, StoreUnavailable
from recourse.store.records import (
    EPOCH,
    Draft,
    RecordQuery,
    StoredRecord,
    SyncStatus,
    date_start_micros,
    from_micros,
    fts_match_expression,
    to_micros,
)

if TYPE_CHECKING:
    from recourse.store.header import DerivedKeys
    from recourse.store.profile import Profile

T = TypeVar("T")

_ONE_US = timedelta(microseconds=1)
#: Distance between keyset anchors kept for deep paging (see `page`).
ANCHOR_STEP = 10_000
_CACHE_LIMIT = 32
_ITER_CHUNK = 2_000

_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
_UNAVAILABLE = {5, 6, 8, 10, 13, 14}  # BUSY, LOCKED, READONLY, IOERR, FULL, CANTOPEN


def translate_error(exc: sqlcipher3.DatabaseError) -> Exception:
    """Map SQLite failures to store errors; keep programming errors as they are."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    name = getattr(exc, "sqlite_errorname", None) or type(exc).__name__
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return StoreDamaged(detail=name)
    if code in _UNAVAILABLE:
        return StoreUnavailable(detail=name)
    return exc


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


_UPSERT_SQL = (
    "INSERT INTO records (id, cat, occurred_at, updated_at, summary, data) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
    "cat = excluded.cat, occurred_at = excluded.occurred_at, "
    "updated_at = excluded.updated_at, summary = excluded.summary, data = excluded.data"
)
_DELETE_SQL = "DELETE FROM records WHERE id = ?"


@dataclass(frozen=True)
class PreparedPage:
    """A validated feed page as rows ready to write (see `Store.prepare_feed_page`)."""

    page: wire.FeedPage
    #: The category's code when the rows were built; None: not known yet, and the rows
    #: are only checked (apply builds them again once the code exists).
    code: int | None
    batches: list[tuple[bool, list[tuple[Any, ...]]]]


def _feed_rows(page: wire.FeedPage, code: int | None) -> list[tuple[bool, list[tuple[Any, ...]]]]:
    """The page's changes as runs of upsert rows and delete rows, in feed order.

    This loop runs half a million times in a first sync, so it is kept tight: record data
    is serialised by pydantic-core (~0.6 µs against json.dumps' ~4 µs, NaN and infinities
    written as JSON constants as json.dumps does) and times are converted inline as
    `to_micros` does."""
    category = page.category
    batches: list[tuple[bool, list[tuple[Any, ...]]]] = []
    rows: list[tuple[Any, ...]] = []
    upserting = True
    to_json = pydantic_core.to_json
    epoch, one_us = EPOCH, _ONE_US
    for change in page.changes:
        if change.op == "upsert":
            if not upserting:
                if rows:
                    batches.append((False, rows))
                rows, upserting = [], True
            r = change.record
            if r.category != category:
                raise StoreError(
                    "The server sent a record in the wrong category; nothing from "
                    "that page was saved.",
                    detail="record category differs from page category",
                )
            if code is None:
                continue
            try:
                data = to_json(r.data, inf_nan_mode="constants").decode()
            except (pydantic_core.PydanticSerializationError, UnicodeDecodeError):
                data = _dumps(r.data)
            try:
                occurred = (r.occurred_at - epoch) // one_us
                updated = (r.updated_at - epoch) // one_us
            except TypeError:  # a time without a zone: UTC, as to_micros reads it
                occurred, updated = to_micros(r.occurred_at), to_micros(r.updated_at)
            rows.append((r.id, code, occurred, updated, r.summary, data))
        else:
            if upserting:
                if rows:
                    batches.append((True, rows))
                rows, upserting = [], False
            rows.append((change.id,))
    if rows:
        batches.append((upserting, rows))
    return batches


class Store:
    def __init__(self, conn: Any, profile: Profile, keys: DerivedKeys) -> None:
        self._conn: Any | None = conn
        self._profile = profile
        self._keys: DerivedKeys | None = keys
        self._lock = threading.RLock()
        self._version = 0  # bumped on every change to records; keys the caches below
        self._codes: dict[str, int] = {}
        self._names: dict[int, str] = {}
        self._counts: OrderedDict[tuple[Any, ...], int] = OrderedDict()
        self._anchors: OrderedDict[tuple[Any, ...], dict[int, tuple[int, int]]] = OrderedDict()
        with self._db() as db:
            for code, name in db.execute("SELECT code, name FROM categories"):
                self._codes[name] = code
                self._names[code] = name

    # -- plumbing -----------------------------------------------------------------

    @contextmanager
    def _db(self) -> Iterator[Any]:
        with self._lock:
            if self._conn is None:
                raise StoreUnavailable("The store is locked. Unlock it with your passphrase.")
            try:
                yield self._conn
            except sqlcipher3.DatabaseError as exc:
                raise translate_error(exc) from None

    @contextmanager
    def _tx(self) -> Iterator[Any]:
        with self._db() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    @property
    def path(self) -> Any:
        return self._profile.database_path

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                try:
                    self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                except sqlcipher3.DatabaseError:
                    pass  # closing must not fail; the WAL is replayed on next unlock
                self._conn.close()
                self._conn = None
            if self._keys is not None:
                self._keys.wipe()
                self._keys = None
            self._counts.clear()
            self._anchors.clear()

    @property
    def closed(self) -> bool:
        return self._conn is None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def change_passphrase(self, old: str, new: str) -> None:
        """Re-key with `new` (new salt, current KDF parameters) without losing anything."""
        self._profile._change_passphrase(self, old, new)

    def _rekey(self, keys: DerivedKeys, committed: Callable[[], None]) -> None:
        with self._db() as db:
            db.execute(f'PRAGMA rekey = "{keys.sqlcipher_key_literal()}"')
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            old, self._keys = self._keys, keys
            if old is not None:
                old.wipe()
            committed()

    def integrity_errors(self) -> list[str]:
        """SQLCipher's page HMAC check and SQLite's structural check; [] when sound."""
        with self._db() as db:
            problems = [str(r[0]) for r in db.execute("PRAGMA cipher_integrity_check")]
            quick = [str(r[0]) for r in db.execute("PRAGMA quick_check")]
        return problems + [q for q in quick if q != "ok"]

    def _code(self, db: Any, category: str) -> int:
        code = self._codes.get(category)
        if code is None:
            row = db.execute("SELECT code FROM categories WHERE name = ?", (category,)).fetchone()
            if row is None:
                db.execute("INSERT INTO categories (name) VALUES (?)", (category,))
                row = db.execute(
                    "SELECT code FROM categories WHERE name = ?", (category,)
                ).fetchone()
            code = int(row[0])
            self._codes[category] = code
            self._names[code] = category
        return code

    def _changed(self) -> None:
        self._version += 1
        self._counts.clear()
        self._anchors.clear()

    # -- sync ---------------------------------------------------------------------

    def cursor(self, category: str) -> str | None:
        with self._db() as db:
            row = db.execute(
                "SELECT cursor FROM cursors WHERE category = ?", (category,)
            ).fetchone()
        return None if row is None else str(row[0])

    def prepare_feed_page(self, page: wire.FeedPage) -> PreparedPage:
        """Check a validated page and turn it into rows, without touching the database.

        Sync does this on its fetch thread, so building the next page's rows (Python
        work) overlaps writing this one (SQLCipher work, which runs without the GIL).
        Raises StoreError if a record is not of the page's category."""
        code = self._codes.get(page.category)
        return PreparedPage(page, code, _feed_rows(page, code))

    def apply_feed_page(self, page: wire.FeedPage | PreparedPage) -> None:
        """Upserts, tombstones and the new cursor, in one transaction, in feed order."""
        prepared = page if isinstance(page, PreparedPage) else self.prepare_feed_page(page)
        feed = prepared.page
        batches = prepared.batches
        with self._tx() as db:
            self._changed()
            if prepared.code is None:  # the first page of a category new to this store
                batches = _feed_rows(feed, self._code(db, feed.category))
            for is_upsert, rows in batches:
                db.executemany(_UPSERT_SQL if is_upsert else _DELETE_SQL, rows)
            db.execute(
                "INSERT INTO cursors (category, cursor, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (category) DO UPDATE SET cursor = excluded.cursor, "
                "updated_at = excluded.updated_at",
                (feed.category, feed.next_cursor, to_micros(datetime.now(UTC))),
            )

    def _set_etag(self, db: Any, resource: str, etag: str | None) -> None:
        if etag is None:
            db.execute("DELETE FROM etags WHERE resource = ?", (resource,))
        else:
            db.execute(
                "INSERT INTO etags (resource, etag) VALUES (?, ?) "
                "ON CONFLICT (resource) DO UPDATE SET etag = excluded.etag",
                (resource, etag),
            )

    def etag(self, resource: str) -> str | None:
        with self._db() as db:
            row = db.execute("SELECT etag FROM etags WHERE resource = ?", (resource,)).fetchone()
        return None if row is None else str(row[0])

    def replace_flags(self, flags: list[wire.FlagDetail], etag: str | None) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM flags")
            db.executemany(
                "INSERT INTO flags (id, raised_at, body) VALUES (?, ?, ?)",
                [(f.id, to_micros(f.raised_at), f.model_dump_json()) for f in flags],
            )
            self._set_etag(db, "flags", etag)

    def replace_access_log(self, log: wire.AccessLog, etag: str | None) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM access_log")
            db.executemany(
                "INSERT INTO access_log (id, viewed_at, body) VALUES (?, ?, ?)",
                [(e.id, to_micros(e.viewed_at), e.model_dump_json()) for e in log.entries],
            )
            self._set_etag(db, "access_log", etag)

    def replace_catalogues(
        self,
        rules: wire.RuleCatalogue | None,
        sources: wire.SourceCatalogue | None,
        rules_etag: str | None = None,
        sources_etag: str | None = None,
    ) -> None:
        """Replace whichever catalogue is given (None: unchanged), with its ETag."""
        with self._tx() as db:
            if rules is not None:
                db.execute("DELETE FROM rules")
                db.executemany(
                    "INSERT INTO rules (id, version, body) VALUES (?, ?, ?)",
                    [(r.id, r.version, r.model_dump_json()) for r in rules.rules],
                )
                self._set_etag(db, "rules", rules_etag)
            if sources is not None:
                db.execute("DELETE FROM sources")
                db.executemany(
                    "INSERT INTO sources (category, body) VALUES (?, ?)",
                    [(s.category, s.model_dump_json()) for s in sources.sources],
                )
                self._set_etag(db, "sources", sources_etag)

    def put_me(self, me: wire.Me, etag: str | None = None) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT INTO me (singleton, body) VALUES (1, ?) "
                "ON CONFLICT (singleton) DO UPDATE SET body = excluded.body",
                (me.model_dump_json(),),
            )
            if etag is not None:
                self._set_etag(db, "me", etag)

    def me(self) -> wire.Me | None:
        with self._db() as db:
            row = db.execute("SELECT body FROM me").fetchone()
        return None if row is None else wire.Me.model_validate_json(row[0])

    def record_sync(self, finished_at: datetime, state: str, message: str | None) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT INTO sync_status (singleton, finished_at, state, message) "
                "VALUES (1, ?, ?, ?) ON CONFLICT (singleton) DO UPDATE SET "
                "finished_at = excluded.finished_at, state = excluded.state, "
                "message = excluded.message",
                (to_micros(finished_at), state, message),
            )

    def last_sync(self) -> SyncStatus | None:
        with self._db() as db:
            row = db.execute("SELECT finished_at, state, message FROM sync_status").fetchone()
        return None if row is None else SyncStatus(from_micros(row[0]), row[1], row[2])

    # -- reading records ----------------------------------------------------------

    def _where(self, category: str, query: RecordQuery | None) -> tuple[str, list[Any]] | None:
        code = self._codes.get(category)
        if code is None:
            return None  # nothing of that category has ever been stored
        clauses = ["cat = ?"]
        params: list[Any] = [code]
        if query is not None:
            if query.since is not None:
                clauses.append("occurred_at >= ?")
                params.append(to_micros(query.since))
            if query.until is not None:
                clauses.append("occurred_at < ?")
                params.append(to_micros(query.until))
            if query.search is not None:
                match = fts_match_expression(query.search)
                if match is not None:
                    clauses.append(
                        "rid IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)"
                    )
                    params.append(match)
        return " AND ".join(clauses), params

    @staticmethod
    def _key(category: str, query: RecordQuery | None) -> tuple[Any, ...]:
        q = query or RecordQuery()
        return (category, q.since, q.until, q.search, q.descending)

    def _remember(self, cache: OrderedDict[Any, Any], key: Any, value: Any) -> None:
        cache[key] = value
        cache.move_to_end(key)
        while len(cache) > _CACHE_LIMIT:
            cache.popitem(last=False)

    def count(self, category: str, query: RecordQuery | None = None) -> int:
        key = self._key(category, query)
        with self._db() as db:
            cached = self._counts.get(key)
            if cached is not None:
                return cached
            where = self._where(category, query)
            n = (
                0
                if where is None
                else int(
                    db.execute(
                        f"SELECT count(*) FROM records WHERE {where[0]}", where[1]
                    ).fetchone()[0]
                )
            )
            self._remember(self._counts, key, n)
            return n

    def page(
        self, category: str, query: RecordQuery, offset: int, limit: int
    ) -> list[StoredRecord]:
        """Rows offset..offset+limit of the category in time order.

        Deep pages start from a keyset anchor (the sort key of the ANCHOR_STEP-th rows
        already visited, kept per query until the data changes), so once the officer has
        been near offset 500,000 a page there skips at most ANCHOR_STEP index entries
        instead of 500,000. Measured: plain OFFSET over the covering index 45 ms at
        500,000; from an anchor 0.5 ms.
        """
        if offset < 0 or limit <= 0:
            return []
        order = "DESC" if query.descending else "ASC"
        with self._db() as db:
            where = self._where(category, query)
            if where is None:
                return []
            sql, params = where
            skip = offset
            if offset >= ANCHOR_STEP:
                anchor = self._anchor(db, category, query, sql, params, offset)
                if anchor is None:
                    return []  # past the end
                cmp = "<=" if query.descending else ">="
                sql = f"{sql} AND (occurred_at, rid) {cmp} (?, ?)"
                params = [*params, anchor[1], anchor[2]]
                skip = offset - anchor[0]
            rows = db.execute(
                f"SELECT r.id, r.cat, r.occurred_at, r.updated_at, r.summary, r.data "
                f"FROM (SELECT rid FROM records WHERE {sql} "
                f"ORDER BY occurred_at {order}, rid {order} LIMIT ? OFFSET ?) AS p "
                f"JOIN records AS r ON r.rid = p.rid ORDER BY r.occurred_at {order}, r.rid {order}",
                [*params, limit, skip],
            ).fetchall()
        return [self._row(r) for r in rows]

    def _anchor(
        self, db: Any, category: str, query: RecordQuery, sql: str, params: list[Any], offset: int
    ) -> tuple[int, int, int] | None:
        """(position, occurred_at, rid) of the row at offset // ANCHOR_STEP * ANCHOR_STEP.

        Found once by skipping from the nearest anchor already known (a plain OFFSET
        the first time: about 45 ms at 500,000), then kept until the data changes.
        """
        known = self._anchors.get(self._key(category, query))
        if known is None:
            known = {}
            self._remember(self._anchors, self._key(category, query), known)
        target = offset // ANCHOR_STEP * ANCHOR_STEP
        if target not in known:
            base = max((p for p in known if p < target), default=0)
            order = "DESC" if query.descending else "ASC"
            seek_sql, seek_params = sql, params
            if base:
                cmp = "<=" if query.descending else ">="
                seek_sql = f"{sql} AND (occurred_at, rid) {cmp} (?, ?)"
                seek_params = [*params, *known[base]]
            row = db.execute(
                f"SELECT occurred_at, rid FROM records WHERE {seek_sql} "
                f"ORDER BY occurred_at {order}, rid {order} LIMIT 1 OFFSET ?",
                [*seek_params, target - base],
            ).fetchone()
            if row is None:
                return None
            known[target] = (int(row[0]), int(row[1]))
        at, rid = known[target]
        return target, at, rid

    def _row(self, r: Sequence[Any]) -> StoredRecord:
        return StoredRecord(
            id=r[0],
            category=self._names.get(r[1], "unknown"),
            occurred_at=from_micros(r[2]),
            updated_at=from_micros(r[3]),
            summary=r[4],
            data=json.loads(r[5]),
        )

    _COLUMNS = "id, cat, occurred_at, updated_at, summary, data"

    def record(self, record_id: str) -> StoredRecord | None:
        with self._db() as db:
            row = db.execute(
                f"SELECT {self._COLUMNS} FROM records WHERE id = ?",
                (record_id,),
            ).fetchone()
        return None if row is None else self._row(row)

    def records_by_ids(self, ids: Sequence[str]) -> list[StoredRecord]:
        """The records among `ids` that exist, in the order asked for."""
        found: dict[str, StoredRecord] = {}
        ids = list(ids)
        with self._db() as db:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ",".join("?" * len(chunk))
                for row in db.execute(
                    f"SELECT {self._COLUMNS} FROM records WHERE id IN ({marks})",
                    chunk,
                ):
                    found[row[0]] = self._row(row)
        return [found[i] for i in ids if i in found]

    def iter_category(
        self, category: str, since: date | None = None, until: date | None = None
    ) -> Iterator[StoredRecord]:
        """Every record of the category between the dates (inclusive), in time order,
        read in chunks by keyset so memory stays flat."""
        lo = date_start_micros(since) if since is not None else None
        hi = date_start_micros(until + timedelta(days=1)) if until is not None else None
        last: tuple[int, int] | None = None
        while True:
            with self._db() as db:
                code = self._codes.get(category)
                if code is None:
                    return
                clauses, params = ["cat = ?"], [code]
                if lo is not None:
                    clauses.append("occurred_at >= ?")
                    params.append(lo)
                if hi is not None:
                    clauses.append("occurred_at < ?")
                    params.append(hi)
                if last is not None:
                    clauses.append("(occurred_at, rid) > (?, ?)")
                    params.extend(last)
                rows = db.execute(
                    f"SELECT {self._COLUMNS}, rid FROM records WHERE {' AND '.join(clauses)} "
                    "ORDER BY occurred_at, rid LIMIT ?",
                    [*params, _ITER_CHUNK],
                ).fetchall()
            if not rows:
                return
            for row in rows:
                yield self._row(row)
            last = (rows[-1][2], rows[-1][6])
            if len(rows) < _ITER_CHUNK:
                return

    def category_counts(self) -> dict[str, int]:
        with self._db() as db:
            cached = self._counts.get(("*",))
            if cached is not None:
                return dict(cached)  # type: ignore[call-overload]
            counts = {
                self._names.get(code, "unknown"): int(n)
                for code, n in db.execute("SELECT cat, count(*) FROM records GROUP BY cat")
            }
            self._counts[("*",)] = counts  # type: ignore[assignment]
            return dict(counts)

    def all_record_digests(self) -> dict[str, str]:
        """id -> SHA-256 of the record's canonical content (for checks and tests)."""
        import hashlib

        out: dict[str, str] = {}
        with self._db() as db:
            for rid, cat, occ, upd, summary, data in db.execute(
                f"SELECT {self._COLUMNS} FROM records"
            ):
                out[rid] = hashlib.sha256(
                    _dumps([self._names.get(cat), occ, upd, summary, json.loads(data)]).encode()
                ).hexdigest()
        return out

    # -- flags, catalogues, access log ---------------------------------------------

    def flags(self) -> list[wire.FlagDetail]:
        with self._db() as db:
            rows = db.execute("SELECT body FROM flags ORDER BY raised_at DESC, id").fetchall()
        return [wire.FlagDetail.model_validate_json(r[0]) for r in rows]

    def flag(self, flag_id: str) -> wire.FlagDetail | None:
        with self._db() as db:
            row = db.execute("SELECT body FROM flags WHERE id = ?", (flag_id,)).fetchone()
        return None if row is None else wire.FlagDetail.model_validate_json(row[0])

    def rules(self) -> list[wire.Rule]:
        with self._db() as db:
            rows = db.execute("SELECT body FROM rules ORDER BY id, version").fetchall()
        return [wire.Rule.model_validate_json(r[0]) for r in rows]

    def sources(self) -> list[wire.Source]:
        with self._db() as db:
            rows = db.execute("SELECT body FROM sources ORDER BY category").fetchall()
        return [wire.Source.model_validate_json(r[0]) for r in rows]

    def access_log(self) -> list[wire.AccessLogEntry]:
        with self._db() as db:
            rows = db.execute("SELECT body FROM access_log ORDER BY viewed_at DESC, id").fetchall()
        return [wire.AccessLogEntry.model_validate_json(r[0]) for r in rows]

    # -- secrets and settings -------------------------------------------------------

    def get_secret(self, name: str) -> bytes | None:
        with self._db() as db:
            row = db.execute("SELECT value FROM secrets WHERE name = ?", (name,)).fetchone()
        return None if row is None else bytes(row[0])

    def put_secret(self, name: str, value: bytes) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT INTO secrets (name, value) VALUES (?, ?) "
                "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                (name, bytes(value)),
            )

    def delete_secret(self, name: str) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM secrets WHERE name = ?", (name,))

    def get_setting(self, key: str, default: T) -> T:
        with self._db() as db:
            row = db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])  # type: ignore[no-any-return]

    def put_setting(self, key: str, value: object) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, _dumps(value)),
            )

    # -- drafts ------------------------------------------------------------------------

    def save_draft(self, draft_id: str, kind: str, body: dict[str, Any]) -> None:
        now = to_micros(datetime.now(UTC))
        with self._tx() as db:
            db.execute(
                "INSERT INTO drafts (id, kind, body, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, body = excluded.body, "
                "updated_at = excluded.updated_at",
                (draft_id, kind, _dumps(body), now, now),
            )

    def drafts(self) -> list[Draft]:
        with self._db() as db:
            rows = db.execute(
                "SELECT id, kind, body, created_at, updated_at FROM drafts ORDER BY updated_at DESC"
            ).fetchall()
        return [
            Draft(r[0], r[1], json.loads(r[2]), from_micros(r[3]), from_micros(r[4])) for r in rows
        ]

    def delete_draft(self, draft_id: str) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))
