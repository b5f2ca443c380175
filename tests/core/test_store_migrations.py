"""Frozen migrations: old stores built from the released SQL files reach today's schema.

Every released migration file is pinned by its SHA-256 below, so editing one fails here
(an existing store was migrated by the old text and would never see the edit). The schema
a fresh store gets is pinned in data/schema_snapshot.json; after adding a migration, write
it again with `python tests/core/test_store_migrations.py` and review the difference.
"""

from __future__ import annotations

import hashlib
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from sqlcipher3.dbapi2 import Connection, complete_statement
from test_store_helpers import PASS, fast_profile, feed_page, memoized_kdf, record

from recourse.store import MINIMUM_KDF, Profile, RecordQuery, schema
from recourse.store import header as header_module
from recourse.store.header import Header, write_atomically

#: file name -> SHA-256 of its text (LF line ends). Released migrations are frozen: never
#: change an entry here; add a new file and its entry.
RELEASED = {
    "0001_records_and_sync.sql": (
        "a959d9867b31206a05bfeadff0f502e85875a6c796481d46dfebf2e36a0e3929"
    ),
    "0002_flags_catalogues_access_log.sql": (
        "d991aeb41f3e0968ea81528e06cedfc231167f3602532f34f2c357a55501be40"
    ),
    "0003_full_text_search.sql": (
        "894b9362d9576a2b3a9a9b5065bc1992d23e23839e50ee91bbac48200d5e678d"
    ),
    "0004_drafts_and_submissions.sql": (
        "909fd5ae19110d920a0b846f0ef972bdb2efb12b14955e4b584187b44bd3570f"
    ),
    "0005_contest.sql": ("e48462a3127ba0f5178fe8fed94aa82bd97d7c39370d0f81418461d6b83f5d33"),
    "0006_fts_triggers_constant_code.sql": (
        "1a604158278e2895ed9270bc9fcf81fa7fcad20423731f77365e7a886cec194e"
    ),
    "0007_receipt_log.sql": (
        "c34f1a6e7cd7ddc485de8b1710fbf84138773d1f3720e7851c1203cf7d4b85d5"
    ),
}
SNAPSHOT = Path(__file__).parent / "data" / "schema_snapshot.json"


@pytest.fixture
def kdf(monkeypatch: pytest.MonkeyPatch):
    with memoized_kdf(monkeypatch):
        yield


def _frozen_files() -> dict[str, str]:
    """The migration files shipped in the package (as a wheel would hold them)."""
    folder = resources.files("recourse.store.migrations")
    return {
        entry.name: entry.read_text(encoding="utf-8").replace("\r\n", "\n")
        for entry in folder.iterdir()
        if entry.name.endswith(".sql")
    }


def _apply_frozen(conn: Connection, text: str) -> None:
    """Run one migration file, independently of `recourse.store.schema`'s runner: each
    complete statement as SQLite delimits it, with `-- param` values written in."""
    params = {
        name: int(conn.execute(query).fetchone()[0])
        for name, query in re.findall(r"^-- param ([a-z_]+): (.+)$", text, re.MULTILINE)
    }
    start = 0
    for semicolon in re.finditer(";", text):
        chunk = text[start : semicolon.end()]
        if complete_statement(chunk):
            for name, value in params.items():
                chunk = chunk.replace("{" + name + "}", str(value))
            conn.execute(chunk)
            start = semicolon.end()


def _build_from_frozen(folder: Path, version: int, *, pings_code: int | None = None) -> Profile:
    """A profile at schema `version`, made by running the frozen files 1..version."""
    profile = fast_profile(folder)
    folder.mkdir(parents=True)
    head = Header.new(MINIMUM_KDF)
    keys = header_module.derive(PASS, head.salt, head.kdf)
    conn = profile._connect(keys, new=True)
    files = sorted(_frozen_files().items())
    for number, (_, text) in enumerate(files[:version], start=1):
        conn.execute("BEGIN IMMEDIATE")
        _apply_frozen(conn, text)
        conn.execute(f"PRAGMA user_version = {number}")
        conn.execute("COMMIT")
        if number == 1 and pings_code is not None:
            conn.execute(
                "INSERT INTO categories (code, name) VALUES (?, 'location_pings')", (pings_code,)
            )
    conn.close()
    write_atomically(profile.header_path, head.signed(keys).to_json())
    return profile


def _schema_of(conn: Connection) -> dict[str, Any]:
    """sqlite_master, normalised: sorted, whitespace runs in the SQL collapsed."""
    rows = conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    ).fetchall()
    return {
        "user_version": schema.version(conn),
        "objects": [
            [kind, name, table, None if sql is None else " ".join(sql.split())]
            for kind, name, table, sql in rows
        ],
    }


def _fresh_schema(folder: Path) -> dict[str, Any]:
    with fast_profile(folder).create(PASS) as store, store.reading() as db:
        return _schema_of(db)


def test_released_migrations_are_frozen() -> None:
    files = _frozen_files()
    for name, digest in RELEASED.items():
        assert name in files, f"released migration {name} is missing"
        actual = hashlib.sha256(files[name].encode()).hexdigest()
        assert actual == digest, (
            f"{name} was edited: released migrations are frozen; add a new one "
            "(stores already at this version were migrated by the released text)"
        )
    unlisted = sorted(set(files) - set(RELEASED))
    assert not unlisted, (
        f"new migration files {unlisted}: add each one's SHA-256 to RELEASED in this test "
        "(and write the schema snapshot again)"
    )
    # The runner loads exactly these files, in this order.
    assert [m.file_name for m in schema.MIGRATIONS] == sorted(RELEASED)
    assert schema.LATEST == len(RELEASED)


def test_a_fresh_store_has_the_committed_schema(tmp_path: Path, kdf: None) -> None:
    assert _fresh_schema(tmp_path / "fresh") == json.loads(SNAPSHOT.read_text()), (
        "the schema differs from tests/core/data/schema_snapshot.json: a schema change is a "
        "new migration file; then write the snapshot again (see this module's docstring)"
    )


# From 1: a header never sits beside a version-0 database (an emptied store is
# StoreDamaged, see test_store.py); version 0 is where create() begins, tested there.
@pytest.mark.parametrize("version", range(1, schema.LATEST + 1))
def test_every_old_version_migrates_to_the_fresh_schema(
    tmp_path: Path, kdf: None, version: int
) -> None:
    profile = _build_from_frozen(tmp_path / f"v{version}", version)
    with profile.unlock(PASS) as store, store.reading() as db:
        migrated = _schema_of(db)
    assert migrated == _fresh_schema(tmp_path / "fresh")
    assert migrated == json.loads(SNAPSHOT.read_text())


@pytest.mark.parametrize("version", range(1, 6))
def test_pings_seen_before_version_6_keep_their_code_out_of_the_index(
    tmp_path: Path, kdf: None, version: int
) -> None:
    """Migration 6 writes the store's own pings code into its triggers (its parameter)."""
    profile = _build_from_frozen(tmp_path / "p", version, pings_code=3)
    with profile.unlock(PASS) as store:
        with store.reading() as db:
            triggers = [
                sql for (sql,) in db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'")
            ]
            codes = dict(db.execute("SELECT name, code FROM categories").fetchall())
        assert len(triggers) == 3 and all(" <> 3\n" in sql for sql in triggers)
        assert codes == {"location_pings": 3}
        store.apply_feed_page(
            feed_page(
                [record(1, "location_pings", summary="ping tremor")],
                "c1",
                category="location_pings",
            )
        )
        store.apply_feed_page(feed_page([record(1, summary="absence tremor")], "c2"))
        assert store.count("location_pings", RecordQuery(search="tremor")) == 0
        assert store.count("absences", RecordQuery(search="tremor")) == 1


def _write_snapshot() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        snapshot = _fresh_schema(Path(tmp) / "fresh")
    SNAPSHOT.parent.mkdir(exist_ok=True)
    lines = ",\n".join("  " + json.dumps(o, ensure_ascii=False) for o in snapshot["objects"])
    # One object a line, so a schema change reads as a short diff.
    SNAPSHOT.write_text(
        f'{{"user_version": {snapshot["user_version"]}, "objects": [\n{lines}\n]}}\n'
    )
    print(f"wrote {SNAPSHOT} (schema version {snapshot['user_version']})")


if __name__ == "__main__":
    _write_snapshot()
