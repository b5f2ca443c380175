"""Plain data the store hands out, and conversions between wire and stored forms."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Literal

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ONE_US = timedelta(microseconds=1)


def to_micros(value: datetime) -> int:
    """UTC microseconds since the epoch: sortable as an integer, exact."""
    if value.tzinfo is None:  # the wire is UTC; a naive time can only mean UTC
        value = value.replace(tzinfo=UTC)
    return (value - EPOCH) // _ONE_US


def from_micros(value: int) -> datetime:
    return EPOCH + timedelta(microseconds=value)


def compact_json(value: object) -> str:
    """JSON as the store keeps it: no spaces, non-ASCII kept as it is."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def date_start_micros(day: date) -> int:
    return to_micros(datetime.combine(day, time(0), tzinfo=UTC))


@dataclass(frozen=True)
class RecordQuery:
    """What to show of one category. `since` is inclusive, `until` exclusive (UTC)."""

    since: datetime | None = None
    until: datetime | None = None
    #: Words typed by the officer; matched as prefixes, all of them required.
    search: str | None = None
    descending: bool = False
    sort: Literal["occurred_at"] = "occurred_at"


@dataclass(frozen=True)
class StoredRecord:
    id: str
    category: str
    occurred_at: datetime
    updated_at: datetime
    summary: str | None
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SyncStatus:
    finished_at: datetime
    state: str
    message: str | None


@dataclass(frozen=True)
class Draft:
    id: str
    kind: str
    body: dict[str, Any]
    created_at: datetime
    updated_at: datetime


def fts_match_expression(text: str) -> str | None:
    """Turn what an officer typed into a safe FTS5 query: every word, as a prefix.

    Each word is quoted (inner quotes doubled) so FTS5 operators and column filters in
    the input are taken literally rather than parsed.
    """
    words = [w for w in text.split() if w.strip('"')]
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)
