"""Schema migrations, by `PRAGMA user_version`, read from frozen SQL files.

`migrations/NNNN_name.sql` takes the schema from version NNNN - 1 to NNNN. Each runs in one
transaction together with the version bump, so a crash leaves the store at one version or
the next, never between. Add new migrations as new files; never edit one that has shipped.

A file is plain SQL, split into statements with SQLite's own `complete_statement` (so
trigger bodies stay whole). One extension: a comment line `-- param NAME: QUERY` names an
integer that the runner reads with QUERY before the file's statements run and writes in
place of `{NAME}` in them. Migration 6 needs it: its triggers compare with a category code
that differs from store to store, and SQL cannot build a trigger from a value it reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from importlib import resources

from sqlcipher3 import dbapi2

from recourse.store.errors import StoreUnavailable

#: The category the full-text index leaves out (see migrations 3 and 6).
FTS_EXCLUDED_CATEGORY = "location_pings"

_FILE_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
_PARAM = re.compile(r"^-- param ([a-z_]+): (.+)$", re.MULTILINE)


@dataclass(frozen=True)
class Migration:
    #: The schema version this migration brings the store to.
    version: int
    file_name: str
    sql: str

    @cached_property
    def statements(self) -> tuple[str, ...]:
        return split_statements(self.sql)

    @cached_property
    def parameters(self) -> dict[str, str]:
        """NAME -> the query whose integer result replaces `{NAME}` in the statements."""
        return dict(_PARAM.findall(self.sql))

    def apply(self, conn: dbapi2.Connection) -> None:
        """Run the statements on `conn`, inside the caller's transaction."""
        values: dict[str, int] = {}
        for name, query in self.parameters.items():
            row = conn.execute(query).fetchone()
            values[name] = int(row[0])
        # Statement by statement: executescript() would COMMIT the open transaction.
        for statement in self.statements:
            for name, value in values.items():
                statement = statement.replace("{" + name + "}", str(value))
            conn.execute(statement)


def split_statements(sql: str) -> tuple[str, ...]:
    """The complete statements of a script, as SQLite's parser delimits them."""
    statements: list[str] = []
    start = 0
    for end in (m.end() for m in re.finditer(";", sql)):
        candidate = sql[start:end]
        if dbapi2.complete_statement(candidate):
            statements.append(candidate.strip())
            start = end
    rest = "\n".join(line for line in sql[start:].splitlines() if not line.strip().startswith("--"))
    if rest.strip():
        raise ValueError(f"incomplete SQL statement at the end: {rest.strip()[:60]!r}")
    return tuple(statements)


def load_migrations() -> tuple[Migration, ...]:
    """Every migration file of the package, in order; numbered 1, 2, 3 … without gaps."""
    folder = resources.files("recourse.store.migrations")
    found: list[Migration] = []
    for entry in folder.iterdir():
        if not entry.name.endswith(".sql"):
            continue
        match = _FILE_NAME.match(entry.name)
        if match is None:  # a misnamed migration must not be skipped silently
            raise RuntimeError(f"migration file not named NNNN_name.sql: {entry.name}")
        # Normalised so a checkout with CRLF line ends still writes the released text.
        text = entry.read_text(encoding="utf-8").replace("\r\n", "\n")
        found.append(Migration(int(match.group(1)), entry.name, text))
    found.sort(key=lambda m: m.version)
    numbers = [m.version for m in found]
    if numbers != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migration files are not numbered 1..n: {numbers}")
    return tuple(found)


#: MIGRATIONS[n] takes the schema from version n to n + 1.
MIGRATIONS = load_migrations()
LATEST = len(MIGRATIONS)


def version(conn: dbapi2.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: dbapi2.Connection, target: int = LATEST) -> None:
    """Bring the schema up to `target` (the connection must be in autocommit mode)."""
    current = version(conn)
    if current > LATEST:
        raise StoreUnavailable(
            "This store was written by a newer version of Recourse. Update Recourse to open it.",
            detail=f"schema version {current} > {LATEST}",
        )
    for step in range(current, target):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[step].apply(conn)
            conn.execute(f"PRAGMA user_version = {step + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
