"""What a sync run writes: feed pages of records, each category's cursor, the run's end."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pydantic_core

from recourse.protocol import wire
from recourse.store.categories import Categories
from recourse.store.connection import Connection
from recourse.store.errors import StoreError
from recourse.store.records import EPOCH, SyncStatus, compact_json, from_micros, to_micros

_ONE_US = timedelta(microseconds=1)

_UPSERT_SQL = (
    "INSERT INTO records (id, cat, occurred_at, updated_at, summary, data) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
    "cat = excluded.cat, occurred_at = excluded.occurred_at, "
    "updated_at = excluded.updated_at, summary = excluded.summary, data = excluded.data"
)
_DELETE_SQL = "DELETE FROM records WHERE id = ?"

#: Runs of rows in feed order: (True, upsert rows) or (False, delete rows).
Batches = list[tuple[bool, list[tuple[Any, ...]]]]


@dataclass(frozen=True)
class PreparedPage:
    """A validated feed page as rows ready to write (see `prepare_page`)."""

    page: wire.FeedPage
    #: The category's code when the rows were built; None: not known yet, and the rows
    #: are only checked (`apply_page` builds them again once the code exists).
    code: int | None
    batches: Batches


def feed_rows(page: wire.FeedPage, code: int | None) -> Batches:
    """The page's changes as runs of upsert rows and delete rows, in feed order.

    This loop runs half a million times in a first sync, so it is kept tight: record data
    is serialised by pydantic-core (~0.6 µs against json.dumps' ~4 µs, NaN and infinities
    written as JSON constants as json.dumps does) and times are converted inline as
    `to_micros` does."""
    category = page.category
    batches: Batches = []
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
                data = compact_json(r.data)
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


def prepare_page(categories: Categories, page: wire.FeedPage) -> PreparedPage:
    """Check a validated page and turn it into rows, without touching the database."""
    code = categories.code(page.category)
    return PreparedPage(page, code, feed_rows(page, code))


#: Ids looked up per query when checking a page against the other categories.
_ID_CHUNK = 900


def _refuse_other_categories(db: Connection, code: int, batches: Batches) -> None:
    """A page may only touch its own category: an upsert may not move a record from
    another category, a tombstone may not delete one. Refuse the whole page otherwise."""
    ids = [row[0] for _upsert, rows in batches for row in rows]
    for start in range(0, len(ids), _ID_CHUNK):
        chunk = ids[start : start + _ID_CHUNK]
        marks = ",".join("?" * len(chunk))
        clash = db.execute(
            f"SELECT 1 FROM records WHERE cat != ? AND id IN ({marks}) LIMIT 1",  # noqa: S608
            (code, *chunk),
        ).fetchone()
        if clash is not None:
            raise StoreError(
                "The server sent a change to a record of another category; nothing from "
                "that page was saved.",
                detail="change names a record of another category",
            )


def apply_page(db: Connection, categories: Categories, prepared: PreparedPage) -> None:
    """Upserts, tombstones and the new cursor, in feed order, in the caller's transaction."""
    feed = prepared.page
    batches = prepared.batches
    code = prepared.code
    if code is None:  # the first page of a category new to this store
        code = categories.code_for(db, feed.category)
        batches = feed_rows(feed, code)
    _refuse_other_categories(db, code, batches)
    for is_upsert, rows in batches:
        db.executemany(_UPSERT_SQL if is_upsert else _DELETE_SQL, rows)
    db.execute(
        "INSERT INTO cursors (category, cursor, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT (category) DO UPDATE SET cursor = excluded.cursor, "
        "updated_at = excluded.updated_at",
        (feed.category, feed.next_cursor, to_micros(datetime.now(UTC))),
    )


def cursor(db: Connection, category: str) -> str | None:
    row = db.execute("SELECT cursor FROM cursors WHERE category = ?", (category,)).fetchone()
    return None if row is None else str(row[0])


def record_sync(db: Connection, finished_at: datetime, state: str, message: str | None) -> None:
    db.execute(
        "INSERT INTO sync_status (singleton, finished_at, state, message) "
        "VALUES (1, ?, ?, ?) ON CONFLICT (singleton) DO UPDATE SET "
        "finished_at = excluded.finished_at, state = excluded.state, "
        "message = excluded.message",
        (to_micros(finished_at), state, message),
    )


def last_sync(db: Connection) -> SyncStatus | None:
    row = db.execute("SELECT finished_at, state, message FROM sync_status").fetchone()
    return None if row is None else SyncStatus(from_micros(row[0]), row[1], row[2])
