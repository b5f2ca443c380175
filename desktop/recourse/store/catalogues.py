"""What the server publishes about the officer, kept whole: flags, the rule and source
catalogues, the access log and `me`. Each is replaced as a whole when it changes."""

from __future__ import annotations

from typing import TypeVar

import pydantic

from recourse.protocol import wire
from recourse.store.connection import Connection
from recourse.store.errors import StoredDataUnreadable
from recourse.store.records import to_micros

M = TypeVar("M", bound=pydantic.BaseModel)


def _load(model: type[M], body: str | bytes) -> M:
    """A stored body as `model`; one that no longer validates is a typed store error,
    never a raw ValidationError in the caller (a screen, a sync)."""
    try:
        return model.model_validate_json(body)
    except pydantic.ValidationError:
        raise StoredDataUnreadable(detail=f"a stored {model.__name__} did not validate") from None


def replace_flags(db: Connection, flags: list[wire.FlagDetail]) -> None:
    db.execute("DELETE FROM flags")
    db.executemany(
        "INSERT INTO flags (id, raised_at, body) VALUES (?, ?, ?)",
        [(f.id, to_micros(f.raised_at), f.model_dump_json()) for f in flags],
    )


def replace_access_log(db: Connection, log: wire.AccessLog) -> None:
    db.execute("DELETE FROM access_log")
    db.executemany(
        "INSERT INTO access_log (id, viewed_at, body) VALUES (?, ?, ?)",
        [(e.id, to_micros(e.viewed_at), e.model_dump_json()) for e in log.entries],
    )


def replace_rules(db: Connection, rules: wire.RuleCatalogue) -> None:
    db.execute("DELETE FROM rules")
    db.executemany(
        "INSERT INTO rules (id, version, body) VALUES (?, ?, ?)",
        [(r.id, r.version, r.model_dump_json()) for r in rules.rules],
    )


def replace_sources(db: Connection, sources: wire.SourceCatalogue) -> None:
    db.execute("DELETE FROM sources")
    db.executemany(
        "INSERT INTO sources (category, body) VALUES (?, ?)",
        [(s.category, s.model_dump_json()) for s in sources.sources],
    )


def put_me(db: Connection, me: wire.Me) -> None:
    db.execute(
        "INSERT INTO me (singleton, body) VALUES (1, ?) "
        "ON CONFLICT (singleton) DO UPDATE SET body = excluded.body",
        (me.model_dump_json(),),
    )


def me(db: Connection) -> wire.Me | None:
    row = db.execute("SELECT body FROM me").fetchone()
    return None if row is None else _load(wire.Me, row[0])


def flags(db: Connection) -> list[wire.FlagDetail]:
    rows = db.execute("SELECT body FROM flags ORDER BY raised_at DESC, id").fetchall()
    return [_load(wire.FlagDetail, r[0]) for r in rows]


def flag(db: Connection, flag_id: str) -> wire.FlagDetail | None:
    row = db.execute("SELECT body FROM flags WHERE id = ?", (flag_id,)).fetchone()
    return None if row is None else _load(wire.FlagDetail, row[0])


def rules(db: Connection) -> list[wire.Rule]:
    rows = db.execute("SELECT body FROM rules ORDER BY id, version").fetchall()
    return [_load(wire.Rule, r[0]) for r in rows]


def sources(db: Connection) -> list[wire.Source]:
    rows = db.execute("SELECT body FROM sources ORDER BY category").fetchall()
    return [_load(wire.Source, r[0]) for r in rows]


def access_log(db: Connection) -> list[wire.AccessLogEntry]:
    rows = db.execute("SELECT body FROM access_log ORDER BY viewed_at DESC, id").fetchall()
    return [_load(wire.AccessLogEntry, r[0]) for r in rows]
