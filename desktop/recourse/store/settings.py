"""Store secrets (tokens, private keys: bytes) and the officer's settings (JSON values)."""

from __future__ import annotations

import json
from typing import TypeVar, cast

from recourse.store.connection import Connection
from recourse.store.records import compact_json

T = TypeVar("T")


def get_secret(db: Connection, name: str) -> bytes | None:
    row = db.execute("SELECT value FROM secrets WHERE name = ?", (name,)).fetchone()
    return None if row is None else bytes(row[0])


def put_secret(db: Connection, name: str, value: bytes) -> None:
    db.execute(
        "INSERT INTO secrets (name, value) VALUES (?, ?) "
        "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        (name, bytes(value)),
    )


def delete_secret(db: Connection, name: str) -> None:
    db.execute("DELETE FROM secrets WHERE name = ?", (name,))


def get_setting(db: Connection, key: str, default: T) -> T:
    """The setting's stored value, or `default` if never set. The value is whatever JSON
    was stored; the settings registry (`ui/settings_registry.py`) checks its type."""
    row = db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return default if row is None else cast(T, json.loads(row[0]))


def put_setting(db: Connection, key: str, value: object) -> None:
    db.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, compact_json(value)),
    )
