"""The unlocked store's one SQLCipher connection, behind a lock.

Threading: one connection opened with `check_same_thread=False` and a re-entrant lock
held for every use, so one writer and any number of readers may call from different
threads; they take turns (each sync page is one short transaction). Callers that read in
chunks (`RecordQueries.iter_category`) take the lock per chunk, never across a `yield`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlcipher3 import dbapi2

from recourse.store.errors import StoreDamaged, StoreUnavailable

#: The connection type every query function takes.
Connection = dbapi2.Connection

_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26
_UNAVAILABLE = {5, 6, 8, 10, 13, 14}  # BUSY, LOCKED, READONLY, IOERR, FULL, CANTOPEN


def translate_error(exc: dbapi2.DatabaseError) -> Exception:
    """Map SQLite failures to store errors; keep programming errors as they are."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    name = getattr(exc, "sqlite_errorname", None) or type(exc).__name__
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return StoreDamaged(detail=name)
    if code in _UNAVAILABLE:
        return StoreUnavailable(detail=name)
    return exc


class Database:
    """An open connection (autocommit mode) and the lock that every use holds."""

    def __init__(self, conn: Connection) -> None:
        self._conn: Connection | None = conn
        #: Held by every use of the connection; callers may hold it to keep their own
        #: caches consistent with what they read.
        self.lock = threading.RLock()

    @property
    def closed(self) -> bool:
        return self._conn is None

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """The connection under the lock, outside any transaction: each statement
        commits on its own. For reads, and for PRAGMAs that cannot run in a transaction.
        SQLite failures come out as store errors (`translate_error`)."""
        with self.lock:
            if self._conn is None:
                raise StoreUnavailable("The store is locked. Unlock it with your passphrase.")
            try:
                yield self._conn
            except dbapi2.DatabaseError as exc:
                raise translate_error(exc) from None

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """The connection inside one write transaction (BEGIN IMMEDIATE), committed when
        the block ends and rolled back if it raises."""
        with self.reading() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def close(self) -> None:
        with self.lock:
            if self._conn is not None:
                try:
                    self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                except dbapi2.DatabaseError:
                    pass  # closing must not fail; the WAL is replayed on next unlock
                self._conn.close()
                self._conn = None
