# ruff: noqa: S608 -- SQL here is assembled from constants and "?" placeholders only.
"""Schema migrations, by `PRAGMA user_version`.

Each migration runs in one transaction together with the version bump, so a crash
leaves the store at one version or the next, never between. Append new migrations at
the end; never edit one that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from recourse.store.contest import CONTEST_SCHEMA_SQL

Connection = Any  # sqlcipher3.Connection (untyped C extension)

# Records: an integer rowid keeps the (category, occurred_at) index small, which is what
# makes OFFSET paging and counts over 500,000 pings fast. Times are UTC microseconds
# since the epoch, so they sort as integers. Categories are small integer codes.
_V1 = """
CREATE TABLE categories (code INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE records (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    cat INTEGER NOT NULL REFERENCES categories(code),
    occurred_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    summary TEXT,
    data TEXT NOT NULL
);
CREATE INDEX records_by_time ON records (cat, occurred_at);
CREATE TABLE cursors (category TEXT PRIMARY KEY, cursor TEXT NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE me (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), body TEXT NOT NULL);
CREATE TABLE etags (resource TEXT PRIMARY KEY, etag TEXT NOT NULL);
CREATE TABLE sync_status (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    finished_at INTEGER NOT NULL, state TEXT NOT NULL, message TEXT
);
CREATE TABLE secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

_V2 = """
CREATE TABLE flags (id TEXT PRIMARY KEY, raised_at INTEGER NOT NULL, body TEXT NOT NULL);
CREATE TABLE rules (id TEXT PRIMARY KEY, version INTEGER NOT NULL, body TEXT NOT NULL);
CREATE TABLE sources (category TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE access_log (id TEXT PRIMARY KEY, viewed_at INTEGER NOT NULL, body TEXT NOT NULL);
CREATE INDEX access_log_by_time ON access_log (viewed_at);
"""

# Full-text search over summary and the text of `data`. Contentless with deletes
# (SQLite >= 3.43), so the text is not stored twice. Location pings are not indexed:
# they have no summary and their data is coordinates, and indexing 525,600 of them
# would triple the cost of a first sync for no useful search.
FTS_EXCLUDED_CATEGORY = "location_pings"
_FLATTEN = (
    "(SELECT group_concat(value, ' ') FROM json_tree({row}.data) "
    "WHERE atom IS NOT NULL AND type = 'text')"
)
_INDEXED = (
    "{row}.cat <> coalesce((SELECT code FROM categories WHERE name = '"
    + FTS_EXCLUDED_CATEGORY
    + "'), -1)"
)
_V3 = f"""
CREATE VIRTUAL TABLE records_fts USING fts5(
    summary, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER records_fts_insert AFTER INSERT ON records WHEN {_INDEXED.format(row="new")}
BEGIN
    INSERT INTO records_fts (rowid, summary, body)
    VALUES (new.rid, new.summary, {_FLATTEN.format(row="new")});
END;
CREATE TRIGGER records_fts_delete AFTER DELETE ON records WHEN {_INDEXED.format(row="old")}
BEGIN
    DELETE FROM records_fts WHERE rowid = old.rid;
END;
CREATE TRIGGER records_fts_update AFTER UPDATE OF summary, data ON records
WHEN {_INDEXED.format(row="new")}
BEGIN
    DELETE FROM records_fts WHERE rowid = old.rid;
    INSERT INTO records_fts (rowid, summary, body)
    VALUES (new.rid, new.summary, {_FLATTEN.format(row="new")});
END;
INSERT INTO records_fts (rowid, summary, body)
    SELECT rid, summary, {_FLATTEN.format(row="records")} FROM records
    WHERE {_INDEXED.format(row="records")};
"""

# What the officer writes: drafts (saved as typed), their attachments, and what was sent
# with the server's signed receipts.
_V4 = """
CREATE TABLE drafts (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, body TEXT NOT NULL,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
);
CREATE TABLE attachments (
    id TEXT PRIMARY KEY,
    draft_id TEXT REFERENCES drafts(id) ON DELETE CASCADE,
    name TEXT NOT NULL, media_type TEXT NOT NULL, content BLOB NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE TABLE submissions (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, idempotency_key TEXT NOT NULL UNIQUE,
    signed BLOB NOT NULL, state TEXT NOT NULL, created_at INTEGER NOT NULL
);
CREATE TABLE receipts (
    submission_id TEXT PRIMARY KEY REFERENCES submissions(id),
    receipt BLOB NOT NULL, received_at INTEGER NOT NULL
);
"""


# The v3 triggers look the pings' category code up with a subquery on every row
# written, which cost a first sync of 525,600 pings over a second for rows they then
# skip. The code never changes once given, so the triggers now compare with it as a
# constant. A store that has never seen a ping reserves code 0 for them (codes handed
# out by `Store` start at 1).
def _fts_triggers_with_constant_code(conn: Connection) -> None:
    row = conn.execute(
        "SELECT code FROM categories WHERE name = ?", (FTS_EXCLUDED_CATEGORY,)
    ).fetchone()
    if row is None:
        conn.execute(
            "INSERT INTO categories (code, name) VALUES (0, ?)", (FTS_EXCLUDED_CATEGORY,)
        )
        code = 0
    else:
        code = int(row[0])
    for trigger in ("records_fts_insert", "records_fts_delete", "records_fts_update"):
        conn.execute(f"DROP TRIGGER {trigger}")
    _script(
        f"""
CREATE TRIGGER records_fts_insert AFTER INSERT ON records WHEN new.cat <> {code}
BEGIN
    INSERT INTO records_fts (rowid, summary, body)
    VALUES (new.rid, new.summary, {_FLATTEN.format(row="new")});
END;
CREATE TRIGGER records_fts_delete AFTER DELETE ON records WHEN old.cat <> {code}
BEGIN
    DELETE FROM records_fts WHERE rowid = old.rid;
END;
CREATE TRIGGER records_fts_update AFTER UPDATE OF summary, data ON records
WHEN new.cat <> {code}
BEGIN
    DELETE FROM records_fts WHERE rowid = old.rid;
    INSERT INTO records_fts (rowid, summary, body)
    VALUES (new.rid, new.summary, {_FLATTEN.format(row="new")});
END;
"""
    )(conn)


def _script(sql: str) -> Callable[[Connection], None]:
    def run(conn: Connection) -> None:
        # Statement by statement: executescript() would COMMIT our open transaction.
        for statement in _split(sql):
            conn.execute(statement)

    return run


def _split(sql: str) -> list[str]:
    """Split a script into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    current = ""
    for line in sql.splitlines(keepends=True):
        current += line
        stripped = line.strip()
        in_trigger = current.lstrip().upper().startswith("CREATE TRIGGER")
        ends = stripped.upper() == "END;" if in_trigger else stripped.endswith(";")
        if ends:
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements


#: MIGRATIONS[n] takes the schema from version n to n + 1.
MIGRATIONS: list[Callable[[Connection], None]] = [
    _script(_V1),
    _script(_V2),
    _script(_V3),
    _script(_V4),
    _script(CONTEST_SCHEMA_SQL),  # recourse.store.contest: keys, outbox, receipts
    _fts_triggers_with_constant_code,
]
LATEST = len(MIGRATIONS)


def version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Connection, target: int = LATEST) -> None:
    """Bring the schema up to `target` (the connection must be in autocommit mode)."""
    current = version(conn)
    if current > LATEST:
        from recourse.store.errors import StoreUnavailable

        raise StoreUnavailable(
            "This store was written by a newer version of Recourse. Update Recourse to open it.",
            detail=f"schema version {current} > {LATEST}",
        )
    for step in range(current, target):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[step](conn)
            conn.execute(f"PRAGMA user_version = {step + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
