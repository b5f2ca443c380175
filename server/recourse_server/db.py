"""The server's core tables (SQLAlchemy Core) and database connections.

The contest package adds its tables to the same `metadata`; `schema.create_schema`
creates them all (this module imports nothing of the server, so nothing imports back).

Feed rows keep each change's JSON as text so a page is composed by joining strings,
never by building object graphs; the `(officer_id, category, seq)` index makes every
page a keyset range scan whatever the feed's length.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Engine,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
)

metadata = MetaData()

accounts = Table(
    "accounts",
    metadata,
    Column("officer_id", String(120), primary_key=True),
    Column("username", String(200), nullable=False, unique=True),
    Column("password_hash", String(400), nullable=False),
    Column("name", String(200), nullable=False),
    Column("role", String(20), nullable=False),
    Column("force_number", String(200)),
    Column("rank", String(200)),
    Column("unit", String(200)),
)

# Which account a subject of an external OpenID provider signs in as. Only an
# administrator's `recourse-server admin link` adds a row: a claim in the token (a
# username, an e-mail address) never decides whose account it is.
external_identities = Table(
    "external_identities",
    metadata,
    Column("issuer", String(400), primary_key=True),
    Column("subject", String(255), primary_key=True),
    Column("officer_id", String(120), nullable=False, index=True),
    Column("linked_at", String(40), nullable=False),
)

#: A member's signed mandate for a representative: the exact token the officer signed and
#: the force's receipt, so either can be re-verified years later. A mandate ends when the
#: member revokes it (their signed revocation kept beside it), when a newer one for the
#: same representative replaces it, or at `expires_at`. (The table of the earlier,
#: administrator-granted mandates was `mandates`; it is no longer read.)
mandates = Table(
    "signed_mandates",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("reference", String(40), nullable=False, unique=True),
    Column("officer_id", String(120), nullable=False, index=True),
    Column("representative_id", String(120), nullable=False, index=True),
    Column("officer_key_id", String(60), nullable=False),
    Column("scope", String(40), nullable=False),  # "read act receive", space-separated
    Column("not_before", String(40), nullable=False),
    Column("expires_at", String(40), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("received_at", String(40), nullable=False),
    Column("token", Text, nullable=False),
    Column("token_sha256", String(64), nullable=False, unique=True),
    Column("receipt", Text, nullable=False),
    Column("ended_at", String(40)),
    Column("end_reason", String(20)),  # "revoked" or "replaced"
    Column("revocation_token", Text),
    Column("revocation_receipt", Text),
    sqlite_autoincrement=True,
)

# One row per record: the latest change to it (an upsert or a tombstone). A change
# replaces the row and takes a new sequence number, so the feed after a cursor holds
# exactly the changes the client has not seen. AUTOINCREMENT stops SQLite from reusing
# the number of a deleted highest row, which would hide a change behind a cursor.
changes = Table(
    "changes",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("officer_id", String(120), nullable=False),
    Column("category", String(40), nullable=False),
    Column("record_id", String(120), nullable=False),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("body", Text, nullable=False),
    UniqueConstraint("officer_id", "record_id", name="uq_changes_officer_record"),
    Index("ix_changes_feed", "officer_id", "category", "seq"),
    sqlite_autoincrement=True,
)

flags = Table(
    "flags",
    metadata,
    Column("officer_id", String(120), primary_key=True),
    Column("flag_id", String(120), primary_key=True),
    Column("raised_at", String(40), nullable=False),
    Column("body", Text, nullable=False),
)

access_log = Table(
    "access_log",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("entry_id", String(120), nullable=False, unique=True),
    Column("officer_id", String(120), nullable=False, index=True),
    Column("viewed_at", String(40), nullable=False),
    Column("viewed_epoch", Float, nullable=False),
    Column("viewer", String(200), nullable=False),
    Column("viewer_role", String(200), nullable=False),
    Column("reason", Text, nullable=False),
    Column("what", String(200), nullable=False),
    sqlite_autoincrement=True,
)

# Rule and source catalogues, the seed settings: small JSON documents by name.
documents = Table(
    "documents",
    metadata,
    Column("name", String(120), primary_key=True),
    Column("body", Text, nullable=False),
)

signing_keys = Table(
    "signing_keys",
    metadata,
    Column("kid", String(120), primary_key=True),
    Column("private_jwk", Text, nullable=False),
    Column("created_at", String(40), nullable=False),
)

authorization_codes = Table(
    "authorization_codes",
    metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("client_id", String(120), nullable=False),
    Column("redirect_uri", Text, nullable=False),
    Column("code_challenge", String(200), nullable=False),
    Column("officer_id", String(120), nullable=False),
    Column("nonce", String(400)),
    Column("scope", String(400), nullable=False),
    Column("expires_at", Float, nullable=False),
    Column("used", Boolean, nullable=False, default=False),
)

refresh_tokens = Table(
    "refresh_tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("family_id", String(64), nullable=False, index=True),
    Column("officer_id", String(120), nullable=False),
    Column("client_id", String(120), nullable=False),
    Column("scope", String(400), nullable=False),
    Column("expires_at", Float, nullable=False),
    Column("used", Boolean, nullable=False, default=False),
    Column("revoked", Boolean, nullable=False, default=False),
)


# Sign-ins (refresh-token families) ended early: a replayed authorization code or refresh
# token, or a revocation. The access tokens of such a grant carry its id (`sid`) and are
# refused from then on, not only the refresh tokens.
revoked_grants = Table(
    "revoked_grants",
    metadata,
    Column("family_id", String(64), primary_key=True),
    Column("revoked_at", Float, nullable=False),
)

# Wrong passwords on the login form, per account name and per client address: each one
# past a few free tries makes the next attempt wait longer (`blocked_until`, epoch s).
login_throttle = Table(
    "login_throttle",
    metadata,
    Column("key", String(300), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("last_failure", Float, nullable=False),
    Column("blocked_until", Float, nullable=False),
)


def insert_or_ignore(conn: Connection, table: Table, values: dict[str, Any]) -> None:
    """Insert a row unless one with its primary key exists (SQLite and PostgreSQL)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql

        conn.execute(postgresql.insert(table).values(**values).on_conflict_do_nothing())
    else:
        from sqlalchemy.dialects import sqlite

        conn.execute(sqlite.insert(table).values(**values).on_conflict_do_nothing())


def default_database_url() -> str:
    folder = Path(platformdirs.user_data_dir("recourse-server", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'recourse-server.sqlite3'}"


def normalise_url(url: str) -> str:
    """Accept `postgresql://` as shorthand for the psycopg 3 driver."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def make_engine(url: str, **kwargs: Any) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        if url in ("sqlite://", "sqlite:///:memory:"):
            kwargs = {}  # an in-memory database has a single-connection pool
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30},
                               **kwargs)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


#: Page cache of each worker's feed reader (negative: in KiB), the only connection that
#: scans far. The OS page cache holds the file anyway; this keeps the feed index's hot
#: pages in process while RSS stays flat whatever the feed's length. No mmap for the
#: same reason: mapped pages of the file count as the server's resident memory.
FEED_READER_CACHE_KIB = -16384


class FeedReader:
    """Reads one page of one officer's change feed with the DBAPI directly.

    The feed is the hot path (a full sync reads half a million rows), so it skips
    SQLAlchemy's statement and row machinery: one fixed statement (which the driver
    prepares and caches), rows as `(seq, body as UTF-8 bytes)` ready to join. On a SQLite
    file each thread keeps its own read-only connection; elsewhere a pooled connection
    is borrowed from the engine.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            # A BLOB comes over as bytes: no decode to str and encode back per row.
            self._sql = ("SELECT seq, CAST(body AS BLOB) FROM changes WHERE officer_id = ? "
                         "AND category = ? AND seq > ? ORDER BY seq LIMIT ?")
        else:
            self._sql = ("SELECT seq, body FROM changes WHERE officer_id = %s "
                         "AND category = %s AND seq > %s ORDER BY seq LIMIT %s")
        if sqlite:
            self._count_sql = ("SELECT count(*) FROM changes WHERE officer_id = ? "
                               "AND category = ? AND seq > ?")
        else:
            self._count_sql = ("SELECT count(*) FROM changes WHERE officer_id = %s "
                               "AND category = %s AND seq > %s")
        database = engine.url.database if sqlite else None
        # An in-memory database exists only on the engine's own connection.
        self._path = database if database and database != ":memory:" else None
        self._local = threading.local()
        #: Whether a page read is in-process CPU work (SQLite) rather than a network
        #: round trip: such reads may run on the event loop instead of a thread.
        self.in_process = sqlite

    def _sqlite_connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            assert self._path is not None
            connection = sqlite3.connect(self._path, timeout=30, check_same_thread=False)
            connection.execute("PRAGMA query_only=ON")
            connection.execute(f"PRAGMA cache_size={FEED_READER_CACHE_KIB}")
            self._local.connection = connection
        return connection

    def page(self, officer_id: str, category: str, after: int,
             limit: int) -> list[tuple[int, bytes]]:
        """Up to `limit` changes after sequence number `after`, oldest first."""
        params = (officer_id, category, after, limit)
        if self._path is not None:
            return self._sqlite_connection().execute(self._sql, params).fetchall()
        raw = self._engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute(self._sql, params)
            rows = cursor.fetchall()
            cursor.close()
        finally:  # the pool rolls back on return, ending the read transaction
            raw.close()
        return [(seq, body if isinstance(body, bytes) else str(body).encode())
                for seq, body in rows]

    def remaining(self, officer_id: str, category: str, after: int) -> int:
        """How many changes follow sequence number `after`: a count over the same
        covering index the pages scan (~60 ms for half a million, so asked once a sync)."""
        params = (officer_id, category, after)
        if self._path is not None:
            return int(self._sqlite_connection().execute(self._count_sql, params).fetchone()[0])
        raw = self._engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute(self._count_sql, params)
            row = cursor.fetchone()
            cursor.close()
        finally:
            raw.close()
        return 0 if row is None else int(row[0])  # a count always has its one row
