"""Change a server's data while it runs: the client's end-to-end tests use these to make
"the force changed something" happen. Plain functions taking a database URL.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import delete, insert, select

from recourse.protocol import wire

from . import db, schema
from .auth import normalise_issuer
from .seeding import access_row, change_row, dumps, now_iso


def _engine(database_url: str) -> Any:
    engine = db.make_engine(database_url)
    schema.create_schema(engine)  # a table added since the database was made
    return engine


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


class AdminError(Exception):
    """An administrator's command that cannot be carried out; the message says why."""


def link_identity(database_url: str, officer_id: str, issuer: str, subject: str) -> str:
    """Let the external subject `subject` of `issuer` sign in as account `officer_id`.

    The deliberate act that binds an identity-provider account to a Recourse account: the
    server never infers it from a token's claims. Returns the account, in words.
    """
    issuer, subject = normalise_issuer(issuer), subject.strip()
    if not issuer or not subject:
        raise AdminError("Give both the issuer and the subject (the token's `iss` and `sub`).")
    engine = _engine(database_url)
    x = db.external_identities.c
    try:
        with engine.begin() as conn:
            account = conn.execute(
                select(db.accounts.c.name, db.accounts.c.username, db.accounts.c.role)
                .where(db.accounts.c.officer_id == officer_id)
            ).first()
            if account is None:
                raise AdminError(f"There is no account with officer id {officer_id!r}.")
            current = conn.execute(
                select(x.officer_id).where(x.issuer == issuer, x.subject == subject)
            ).scalar_one_or_none()
            if current is not None and current != officer_id:
                raise AdminError(f"That subject is already linked to {current!r}. Unlink it "
                                 "first if it really belongs to someone else.")
            if current is None:
                conn.execute(insert(db.external_identities), {
                    "issuer": issuer, "subject": subject, "officer_id": officer_id,
                    "linked_at": now_iso()})
    finally:
        engine.dispose()
    name, username, role = account
    return f"{name} ({username}, {officer_id}, {role})"


def unlink_identity(database_url: str, issuer: str, subject: str) -> bool:
    """Stop the external subject signing in; returns whether it was linked."""
    engine = _engine(database_url)
    x = db.external_identities.c
    try:
        with engine.begin() as conn:
            removed = conn.execute(delete(db.external_identities).where(
                x.issuer == normalise_issuer(issuer), x.subject == subject.strip())).rowcount
    finally:
        engine.dispose()
    return bool(removed)


def list_identities(database_url: str) -> list[dict[str, str]]:
    engine = _engine(database_url)
    x = db.external_identities.c
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(x.issuer, x.subject, x.officer_id, x.linked_at)
                                .order_by(x.issuer, x.subject)).mappings().all()
    finally:
        engine.dispose()
    return [dict(row) for row in rows]
