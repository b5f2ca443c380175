"""A profile folder on this PC: the encrypted database and its key header.

Unlocking derives the key with Argon2id from the passphrase and the header's salt, checks
the header's MAC (a wrong passphrase fails here, before the database is touched), then
opens the database with the raw key so SQLCipher runs no second KDF.

Changing the key (new passphrase, or stronger KDF parameters) is ordered so a crash at
any point leaves a header that opens the database:
1. the new header is written as `header.json.new` (fsynced);
2. `PRAGMA rekey` rewrites the database in one transaction;
3. `header.json` becomes `header.json.prev`, `header.json.new` becomes `header.json`;
4. `header.json.prev` is deleted once the new header is in place.
Unlock tries `header.json`, then `.new`, then `.prev`, and keeps the one that opens.
If the passphrase matches a header but the database is keyed to another header still
there, the change stopped half way: the officer is told to try the other passphrase
(`OtherPassphraseOpens`), never that the store is damaged.

A store that exists is never rebuilt: a database that is empty (zero bytes, or schema
version 0) beside a key header is `StoreDamaged`, and the file is left as it is. The
database is created owner-only (0600), as the header and the folder are.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from sqlcipher3 import dbapi2

from recourse.store import schema
from recourse.store.connection import Connection, translate_error
from recourse.store.db import Store
from recourse.store.errors import (
    NoProfile,
    OtherPassphraseOpens,
    ProfileExists,
    StoreDamaged,
    StoreError,
    StoreUnavailable,
    TooSoon,
    UnsupportedSQLCipher,
    WrongPassphrase,
)
from recourse.store.files import fsync_dir
from recourse.store.header import (
    CURRENT_KDF,
    DerivedKeys,
    Header,
    KdfParams,
    derive,
    read_header,
    write_atomically,
)

DATABASE_NAME = "recourse.db"
HEADER_NAME = "header.json"
#: Full HMAC check of every page at unlock up to this size; bigger stores are still
#: checked page by page on every read, this only catches damage earlier.
VERIFY_AT_UNLOCK_MAX_BYTES = 64 * 1024 * 1024
_MAX_DELAY = 300.0


def delay_after(failures: int) -> float:
    """0 after the first wrong passphrase, then 1, 2, 4, 8 … seconds, at most 5 minutes."""
    if failures <= 1:
        return 0.0
    return min(_MAX_DELAY, float(2 ** (failures - 2)))


class Profile:
    def __init__(self, folder: Path, kdf: KdfParams = CURRENT_KDF) -> None:
        self.folder = Path(folder)
        #: Parameters for new keys; a header weaker than this is upgraded at unlock.
        self.kdf = kdf

    @staticmethod
    def default_folder() -> Path:
        import platformdirs

        return Path(platformdirs.user_data_dir("Recourse", appauthor=False, roaming=False))

    @property
    def database_path(self) -> Path:
        return self.folder / DATABASE_NAME

    @property
    def header_path(self) -> Path:
        return self.folder / HEADER_NAME

    def _side(self, suffix: str) -> Path:
        return self.folder / (HEADER_NAME + suffix)

    def exists(self) -> bool:
        return any(
            p.exists()
            for p in (self.database_path, self.header_path, self._side(".new"), self._side(".prev"))
        )

    # -- create / unlock -------------------------------------------------------------

    def create(self, passphrase: str) -> Store:
        if self.exists():
            raise ProfileExists()
        if not passphrase:
            raise StoreError("Choose a passphrase; it cannot be empty.")
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise StoreUnavailable(detail=f"cannot create profile folder: {exc.strerror}") from None
        header = Header.new(self.kdf)
        keys = derive(passphrase, header.salt, header.kdf)
        self._create_private(self.database_path)
        conn = self._connect(keys, new=True)
        try:
            schema.migrate(conn)
        except BaseException:
            conn.close()
            raise
        # The header goes last: a crash before this leaves a database nobody can open,
        # which `exists()` reports, so it is never silently replaced.
        write_atomically(self.header_path, header.signed(keys).to_json())
        return Store(conn, self, keys)

    def retry_delay(self) -> float:
        """Seconds to wait before the next attempt; persisted across restarts."""
        try:
            header = read_header(self.header_path)
        except (FileNotFoundError, StoreError):
            return 0.0
        wait = delay_after(header.failed_attempts) - (time.time() - header.last_failure_at)
        return max(0.0, min(wait, _MAX_DELAY))

    def unlock(self, passphrase: str, *, verify: bool | None = None) -> Store:
        """Open the store. `verify`: check every page's HMAC now (default: when small)."""
        if not self.exists():
            raise NoProfile()
        wait = self.retry_delay()
        if wait > 0:
            raise TooSoon(wait)
        if not self.database_path.exists():
            raise StoreDamaged(detail="database file missing")
        candidates = [
            p for p in (self.header_path, self._side(".new"), self._side(".prev")) if p.exists()
        ]
        if not candidates:
            raise StoreDamaged(detail="key header missing")
        self._make_private(self.database_path)
        derived: dict[tuple[bytes, KdfParams], DerivedKeys] = {}
        damaged_headers = 0
        other_headers = 0  # sound headers this passphrase does not open
        key_ok_database_bad: StoreError | None = None
        try:
            for path in candidates:
                try:
                    header = read_header(path)
                except StoreDamaged:
                    damaged_headers += 1
                    continue
                keys = derived.get((header.salt, header.kdf))
                if keys is None:
                    keys = derive(passphrase, header.salt, header.kdf)
                    derived[(header.salt, header.kdf)] = keys
                if not header.verify(keys):
                    other_headers += 1
                    continue
                try:
                    conn = self._connect(keys)
                except StoreDamaged as exc:
                    key_ok_database_bad = exc
                    continue
                # This header opens the database: make it the only one, attempts reset.
                derived.pop((header.salt, header.kdf))
                store = self._finish_unlock(conn, header, path, keys, verify)
                if header.kdf.weaker_than(self.kdf):
                    self._rekey(store, passphrase, self.kdf)
                return store
        finally:
            for keys in derived.values():
                keys.wipe()
        if key_ok_database_bad is not None and other_headers:
            # Another header, for another passphrase, is still here: the database is
            # keyed to it, not damaged (a passphrase change stopped half way).
            raise OtherPassphraseOpens(detail="database keyed to another header")
        if key_ok_database_bad is not None or damaged_headers == len(candidates):
            raise key_ok_database_bad or StoreDamaged(detail="key header damaged")
        failures = self._record_failure()
        raise WrongPassphrase(retry_after=delay_after(failures))

    def _finish_unlock(
        self, conn: Connection, header: Header, path: Path, keys: DerivedKeys, verify: bool | None
    ) -> Store:
        try:
            if path != self.header_path or header.failed_attempts:
                write_atomically(
                    self.header_path,
                    replace(header, failed_attempts=0, last_failure_at=0.0).to_json(),
                )
            for side in (self._side(".new"), self._side(".prev")):
                with contextlib.suppress(FileNotFoundError):
                    side.unlink()
            schema.migrate(conn)
            store = Store(conn, self, keys)
        except BaseException:
            conn.close()
            raise
        if verify is None:
            verify = self.database_path.stat().st_size <= VERIFY_AT_UNLOCK_MAX_BYTES
        if verify:
            problems = store.integrity_errors()
            if problems:
                store.close()
                raise StoreDamaged(detail=f"{len(problems)} integrity problems")
        return store

    def _record_failure(self) -> int:
        try:
            header = read_header(self.header_path)
        except (FileNotFoundError, StoreError):
            return 1
        failures = header.failed_attempts + 1
        write_atomically(
            self.header_path,
            replace(header, failed_attempts=failures, last_failure_at=time.time()).to_json(),
        )
        return failures

    @staticmethod
    def _create_private(path: Path) -> None:
        """Create the empty database file owner-only before SQLite opens it (it would
        create it 0644); SQLite gives its -wal and -shm files the same mode."""
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except OSError as exc:
            raise StoreUnavailable(detail=f"cannot create the database: {exc.strerror}") from None
        os.close(fd)

    @staticmethod
    def _make_private(path: Path) -> None:
        """Tighten a database an older version created readable by others."""
        if os.name == "nt":
            return
        with contextlib.suppress(OSError):
            if path.stat().st_mode & 0o077:
                os.chmod(path, 0o600)

    def _connect(self, keys: DerivedKeys, *, new: bool = False) -> Connection:
        """Open the database with `keys`. Unless `new`, a database with no schema is
        damaged: it is refused before anything is written to it (WAL mode included)."""
        try:
            conn = dbapi2.connect(
                str(self.database_path), check_same_thread=False, isolation_level=None, timeout=10
            )
        except dbapi2.DatabaseError as exc:
            raise translate_error(exc) from None
        try:
            # SQLCipher logs HMAC failures to stderr by default; nothing may reach a console.
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f'PRAGMA key = "{keys.sqlcipher_key_literal()}"')
            row = conn.execute("PRAGMA cipher_version").fetchone()
            if row is None or not str(row[0]).startswith("4."):
                raise UnsupportedSQLCipher(detail=f"cipher_version {row}")
            # Wiping every allocation costs ~2x on bulk writes; the key itself is wiped
            # on close and page buffers hold ciphertext on disk either way.
            conn.execute("PRAGMA cipher_memory_security = OFF")
            # First read of page 1: fails here if the key is wrong or page 1 is damaged.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if not new and schema.version(conn) == 0:
                # Empty (truncated, or replaced by an empty file) beside a key header
                # that opens: the officer's data was here. Never start afresh over it.
                raise StoreDamaged(detail="database empty beside a key header")
            conn.execute("PRAGMA temp_store = MEMORY")
            if int(conn.execute("PRAGMA temp_store").fetchone()[0]) != 2:
                raise UnsupportedSQLCipher(detail="temp_store is not memory")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreUnavailable(detail=f"journal_mode {mode}")
            conn.execute("PRAGMA synchronous = NORMAL")  # WAL: durable across app crashes
            conn.execute("PRAGMA secure_delete = ON")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA cache_size = -32000")
        except dbapi2.DatabaseError as exc:
            conn.close()
            raise translate_error(exc) from None
        except BaseException:
            conn.close()
            raise
        return conn

    def open_with_key(self, keys: DerivedKeys) -> Store:
        """Open (creating it if need be) this folder's database with raw `keys` and no
        passphrase header: a member's store inside a representative's profile, whose key
        is a secret of his own store (`recourse.store.members`)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise StoreUnavailable(detail=f"cannot create store folder: {exc.strerror}") from None
        # Only a database that does not exist yet may start empty; one that exists and is
        # empty lost its data (see `_connect`).
        new = not self.database_path.exists()
        if new:
            self._create_private(self.database_path)
        conn = self._connect(keys, new=new)
        try:
            schema.migrate(conn)
        except BaseException:
            conn.close()
            raise
        return Store(conn, self, keys)

    # -- re-keying -------------------------------------------------------------------

    def change_passphrase(self, store: Store, old: str, new: str) -> None:
        """Re-key `store` (opened from this profile) with `new`, if `old` is right."""
        if not new:
            raise StoreError("Choose a passphrase; it cannot be empty.")
        header = read_header(self.header_path)
        keys = derive(old, header.salt, header.kdf)
        try:
            if not header.verify(keys):
                raise WrongPassphrase("Your current passphrase is not right; nothing was changed.")
        finally:
            keys.wipe()
        self._rekey(store, new, self.kdf)

    def _rekey(self, store: Store, passphrase: str, params: KdfParams) -> None:
        header = Header.new(params)
        keys = derive(passphrase, header.salt, header.kdf)
        pending = self._side(".new")
        write_atomically(pending, header.signed(keys).to_json())

        def committed() -> None:
            previous = self._side(".prev")
            os.replace(self.header_path, previous)
            os.replace(pending, self.header_path)
            fsync_dir(self.folder)
            previous.unlink()
            fsync_dir(self.folder)

        store.rekey(keys, committed)

    # -- removal ---------------------------------------------------------------------

    def remove(self) -> None:
        """Remove my data from this PC: delete the whole profile folder."""
        if not self.folder.exists():
            return

        def retry_writable(func: Callable[[str], object], path: str, _exc: object) -> None:
            os.chmod(path, stat.S_IWRITE)  # read-only files block deletion on Windows
            func(path)

        try:
            shutil.rmtree(self.folder, onerror=retry_writable)
        except OSError as exc:
            raise StoreUnavailable(
                "Recourse could not remove all of your data from this PC. Close Recourse "
                "everywhere and try again.",
                detail=exc.strerror,
            ) from None
