"""Change a server's data while it runs: the client's end-to-end tests use these to make
"the force changed something" happen. Plain functions taking a database URL.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import delete, insert, select

from recourse.protocol import wire

from . import db
from .seeding import access_row, change_row, dumps, now_iso


def _engine(database_url: str) -> Any:
    return db.make_engine(database_url)


def upsert_record(database_url: str, officer_id: str, record: dict[str, Any]) -> int:
    """Add or change a record; it takes a new sequence number. Returns that number."""
    checked = wire.Record.model_validate(record).model_dump(mode="json", exclude_none=True)
    row = change_row(officer_id, checked)
    engine = _engine(database_url)
    try:
        with engine.begin() as conn:
            conn.execute(delete(db.changes).where(db.changes.c.officer_id == officer_id,
                                                  db.changes.c.record_id == checked["id"]))
            result = conn.execute(insert(db.changes).returning(db.changes.c.seq), row)
            return int(result.scalar_one())
    finally:
        engine.dispose()


def delete_record(database_url: str, officer_id: str, record_id: str) -> int:
    """Delete a record, leaving a tombstone with a new sequence number (returned).

    Raises KeyError when the officer has no such live record.
    """
    engine = _engine(database_url)
    c = db.changes.c
    try:
        with engine.begin() as conn:
            category = conn.execute(
                select(c.category).where(c.officer_id == officer_id, c.record_id == record_id,
                                         c.deleted.is_(False))
            ).scalar_one_or_none()
            if category is None:
                raise KeyError(record_id)
            conn.execute(delete(db.changes).where(c.officer_id == officer_id,
                                                  c.record_id == record_id))
            body = dumps({"op": "delete", "id": record_id, "deleted_at": now_iso()})
            result = conn.execute(insert(db.changes).returning(c.seq), {
                "officer_id": officer_id, "category": category, "record_id": record_id,
                "deleted": True, "body": body,
            })
            return int(result.scalar_one())
    finally:
        engine.dispose()


def add_flag(database_url: str, officer_id: str, flag: dict[str, Any]) -> None:
    """Add a flag (or replace the one with the same id)."""
    checked = wire.FlagDetail.model_validate(flag).model_dump(mode="json", exclude_none=True)
    if checked["officer_id"] != officer_id:
        raise ValueError("The flag's officer_id is not the officer it is added for.")
    engine = _engine(database_url)
    try:
        with engine.begin() as conn:
            conn.execute(delete(db.flags).where(db.flags.c.officer_id == officer_id,
                                                db.flags.c.flag_id == checked["id"]))
            conn.execute(insert(db.flags), {
                "officer_id": officer_id, "flag_id": checked["id"],
                "raised_at": checked["raised_at"], "body": dumps(checked),
            })
    finally:
        engine.dispose()


def add_access_log_entry(database_url: str, officer_id: str, entry: dict[str, Any]) -> None:
    checked = wire.AccessLogEntry.model_validate(entry).model_dump(mode="json")
    engine = _engine(database_url)
    try:
        with engine.begin() as conn:
            conn.execute(insert(db.access_log), access_row(officer_id, checked))
    finally:
        engine.dispose()


def current_records(database_url: str, officer_id: str) -> dict[str, dict[str, Any]]:
    """Every live record of the officer, by id, as the feed serves it."""
    engine = _engine(database_url)
    c = db.changes.c
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                select(c.body).where(c.officer_id == officer_id, c.deleted.is_(False))
                .order_by(c.seq)
            ).scalars()
            records = (json.loads(body)["record"] for body in rows)
            return {record["id"]: record for record in records}
    finally:
        engine.dispose()


def record_digests(database_url: str, officer_id: str) -> dict[str, str]:
    """SHA-256 of each live record's RFC 8785 canonical JSON, by record id."""
    import rfc8785

    return {
        record_id: hashlib.sha256(rfc8785.dumps(record)).hexdigest()
        for record_id, record in current_records(database_url, officer_id).items()
    }
