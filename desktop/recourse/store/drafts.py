"""Drafts the officer is writing, saved as typed (JSON bodies)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from recourse.store.connection import Connection
from recourse.store.records import Draft, compact_json, from_micros, to_micros


def save_draft(db: Connection, draft_id: str, kind: str, body: dict[str, Any]) -> None:
    now = to_micros(datetime.now(UTC))
    db.execute(
        "INSERT INTO drafts (id, kind, body, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, body = excluded.body, "
        "updated_at = excluded.updated_at",
        (draft_id, kind, compact_json(body), now, now),
    )


def drafts(db: Connection) -> list[Draft]:
    rows = db.execute(
        "SELECT id, kind, body, created_at, updated_at FROM drafts ORDER BY updated_at DESC"
    ).fetchall()
    return [Draft(r[0], r[1], json.loads(r[2]), from_micros(r[3]), from_micros(r[4])) for r in rows]


def delete_draft(db: Connection, draft_id: str) -> None:
    db.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))
