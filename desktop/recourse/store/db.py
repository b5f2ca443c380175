"""The unlocked store: one SQLCipher connection behind a lock, and what callers ask of it.

`Store` is the face the sync engine, the contest and the UI see. It does the locking and
the transactions; the SQL lives in one module per job (`feed`, `catalogues`, `etags`,
`settings`, `drafts`, `queries.records`), each function taking the connection, so a
caller with its own tables (`recourse.store.contest`) can write them and, say, an ETag in
one `transaction()`.

Threading: see `recourse.store.connection`. Generators such as `iter_category` take the
lock per chunk, never across a `yield`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from recourse.protocol import wire
from recourse.store import catalogues, drafts, etags, feed, settings
from recourse.store.categories import Categories
from recourse.store.connection import Connection, Database
from recourse.store.errors import StoredDataUnreadable
from recourse.store.feed import PreparedPage
from recourse.store.queries.records import ANCHOR_STEP, RecordQueries
from recourse.store.records import Draft, RecordQuery, StoredRecord, SyncStatus

if TYPE_CHECKING:
    from recourse.store.header import DerivedKeys

__all__ = ["ANCHOR_STEP", "PreparedPage", "Store"]

T = TypeVar("T")


class StoreOwner(Protocol):
    """What the store needs of the `recourse.store.profile.Profile` that opened it
    (named by this protocol so the store does not import the profile, which imports it)."""

    @property
    def database_path(self) -> Path: ...

    def change_passphrase(self, store: Store, old: str, new: str) -> None: ...


class Store:
    def __init__(self, conn: Connection, profile: StoreOwner, keys: DerivedKeys) -> None:
        self._database = Database(conn)
        self._profile = profile
        self._keys: DerivedKeys | None = keys
        with self._database.reading() as db:
            self._categories = Categories(db)
        self._records = RecordQueries(self._database, self._categories)

    # -- transactions and plumbing ------------------------------------------------

    def transaction(self) -> AbstractContextManager[Connection]:
        """`with store.transaction() as db:` the connection inside one write
        transaction, under the store's lock: committed when the block ends, rolled back
        if it raises. SQLite failures come out as `StoreError`s. Whoever writes records
        this way calls `records_changed()` before the block ends."""
        return self._database.transaction()

    def reading(self) -> AbstractContextManager[Connection]:
        """`with store.reading() as db:` the connection under the store's lock, outside
        any transaction (each statement commits on its own): for reads that must agree
        with each other, and PRAGMAs. SQLite failures come out as `StoreError`s."""
        return self._database.reading()

    def category_code(self, db: Connection, category: str) -> int:
        """The integer code `category`'s records are stored under, given now (inside
        `db`'s transaction) if the store has none yet."""
        return self._categories.code_for(db, category)

    def records_changed(self) -> None:
        """Forget cached counts and page anchors (records were written or deleted)."""
        self._records.invalidate()

    @property
    def path(self) -> Path:
        return self._profile.database_path

    def close(self) -> None:
        with self._database.lock:
            self._database.close()
            if self._keys is not None:
                self._keys.wipe()
                self._keys = None
            self._records.invalidate()

    @property
    def closed(self) -> bool:
        return self._database.closed

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def change_passphrase(self, old: str, new: str) -> None:
        """Re-key with `new` (new salt, current KDF parameters) without losing anything."""
        self._profile.change_passphrase(self, old, new)

    def rekey(self, keys: DerivedKeys, committed: Callable[[], None]) -> None:
        """Re-encrypt the database with `keys`, then call `committed` (which puts the
        matching key header in place) before anything else can use the store.

        For `Profile`, which orders the header files around this; see its docstring."""
        with self._database.reading() as db:
            db.execute(f'PRAGMA rekey = "{keys.sqlcipher_key_literal()}"')
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            old, self._keys = self._keys, keys
            if old is not None:
                old.wipe()
            committed()

    def integrity_errors(self) -> list[str]:
        """SQLCipher's page HMAC check and SQLite's structural check; [] when sound."""
        with self._database.reading() as db:
            problems = [str(r[0]) for r in db.execute("PRAGMA cipher_integrity_check")]
            quick = [str(r[0]) for r in db.execute("PRAGMA quick_check")]
        return problems + [q for q in quick if q != "ok"]

    # -- sync ---------------------------------------------------------------------

    def cursor(self, category: str) -> str | None:
        with self._database.reading() as db:
            return feed.cursor(db, category)

    def prepare_feed_page(self, page: wire.FeedPage) -> PreparedPage:
        """Check a validated page and turn it into rows, without touching the database.

        Sync does this on its fetch thread, so building the next page's rows (Python
        work) overlaps writing this one (SQLCipher work, which runs without the GIL).
        Raises StoreError if a record is not of the page's category."""
        return feed.prepare_page(self._categories, page)

    def apply_feed_page(self, page: wire.FeedPage | PreparedPage) -> None:
        """Upserts, tombstones and the new cursor, in one transaction, in feed order."""
        prepared = page if isinstance(page, PreparedPage) else self.prepare_feed_page(page)
        with self._database.transaction() as db:
            self._records.invalidate()
            feed.apply_page(db, self._categories, prepared)

    def etag(self, resource: str) -> str | None:
        with self._database.reading() as db:
            return etags.etag(db, resource)

    def replace_flags(self, flags: list[wire.FlagDetail], etag: str | None) -> None:
        with self._database.transaction() as db:
            catalogues.replace_flags(db, flags)
            etags.set_etag(db, "flags", etag)

    def replace_access_log(self, log: wire.AccessLog, etag: str | None) -> None:
        with self._database.transaction() as db:
            catalogues.replace_access_log(db, log)
            etags.set_etag(db, "access_log", etag)

    def replace_catalogues(
        self,
        rules: wire.RuleCatalogue | None,
        sources: wire.SourceCatalogue | None,
        rules_etag: str | None = None,
        sources_etag: str | None = None,
    ) -> None:
        """Replace whichever catalogue is given (None: unchanged), with its ETag."""
        with self._database.transaction() as db:
            if rules is not None:
                catalogues.replace_rules(db, rules)
                etags.set_etag(db, "rules", rules_etag)
            if sources is not None:
                catalogues.replace_sources(db, sources)
                etags.set_etag(db, "sources", sources_etag)

    def put_me(self, me: wire.Me, etag: str | None = None) -> None:
        with self._database.transaction() as db:
            catalogues.put_me(db, me)
            if etag is not None:
                etags.set_etag(db, "me", etag)

    def me(self) -> wire.Me | None:
        return self._read_resource("me", catalogues.me)

    def record_sync(self, finished_at: datetime, state: str, message: str | None) -> None:
        with self._database.transaction() as db:
            feed.record_sync(db, finished_at, state, message)

    def last_sync(self) -> SyncStatus | None:
        with self._database.reading() as db:
            return feed.last_sync(db)

    # -- reading records (recourse.store.queries.records) ---------------------------

    def count(self, category: str, query: RecordQuery | None = None) -> int:
        return self._records.count(category, query)

    def page(
        self, category: str, query: RecordQuery, offset: int, limit: int
    ) -> list[StoredRecord]:
        """Rows offset..offset+limit of the category in time order (see
        `RecordQueries.page` for how deep pages stay fast)."""
        return self._records.page(category, query, offset, limit)

    def record(self, record_id: str) -> StoredRecord | None:
        return self._records.record(record_id)

    def records_by_ids(self, ids: Sequence[str]) -> list[StoredRecord]:
        """The records among `ids` that exist, in the order asked for."""
        return self._records.records_by_ids(ids)

    def iter_category(
        self, category: str, since: date | None = None, until: date | None = None
    ) -> Iterator[StoredRecord]:
        """Every record of the category between the dates (inclusive), in time order,
        read in chunks by keyset so memory stays flat."""
        return self._records.iter_category(category, since, until)

    def category_counts(self) -> dict[str, int]:
        return self._records.category_counts()

    # -- flags, catalogues, access log ---------------------------------------------

    def flags(self) -> list[wire.FlagDetail]:
        return self._read_resource("flags", catalogues.flags)

    def flag(self, flag_id: str) -> wire.FlagDetail | None:
        return self._read_resource("flags", lambda db: catalogues.flag(db, flag_id))

    def _read_resource(self, resource: str, read: Callable[[Connection], T]) -> T:
        """`read` under the lock; if what is stored no longer reads back, forget the
        resource's ETag (so the next sync fetches it whole, not "not modified") and
        raise `StoredDataUnreadable` for the caller to show."""
        with self._database.reading() as db:
            try:
                return read(db)
            except StoredDataUnreadable:
                etags.set_etag(db, resource, None)
                raise

    def rules(self) -> list[wire.Rule]:
        return self._read_resource("rules", catalogues.rules)

    def sources(self) -> list[wire.Source]:
        return self._read_resource("sources", catalogues.sources)

    def access_log(self) -> list[wire.AccessLogEntry]:
        return self._read_resource("access_log", catalogues.access_log)

    # -- secrets and settings -------------------------------------------------------

    def get_secret(self, name: str) -> bytes | None:
        with self._database.reading() as db:
            return settings.get_secret(db, name)

    def put_secret(self, name: str, value: bytes) -> None:
        with self._database.transaction() as db:
            settings.put_secret(db, name, value)

    def delete_secret(self, name: str) -> None:
        with self._database.transaction() as db:
            settings.delete_secret(db, name)

    def get_setting(self, key: str, default: T) -> T:
        with self._database.reading() as db:
            return settings.get_setting(db, key, default)

    def put_setting(self, key: str, value: object) -> None:
        with self._database.transaction() as db:
            settings.put_setting(db, key, value)

    # -- drafts ------------------------------------------------------------------------

    def save_draft(self, draft_id: str, kind: str, body: dict[str, Any]) -> None:
        with self._database.transaction() as db:
            drafts.save_draft(db, draft_id, kind, body)

    def drafts(self) -> list[Draft]:
        with self._database.reading() as db:
            return drafts.drafts(db)

    def delete_draft(self, draft_id: str) -> None:
        with self._database.transaction() as db:
            drafts.delete_draft(db, draft_id)
