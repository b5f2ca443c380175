# ruff: noqa: S608 -- SQL here is assembled from constants and "?" placeholders only.
"""What this PC keeps of the force's log of receipts (tables of migration 7): every
signed tree head it has seen, the inclusion proof of each receipt it holds, and every
alteration of the log it found, with the evidence. Nothing here is ever deleted."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from recourse.store.records import from_micros, to_micros

if TYPE_CHECKING:
    from recourse.store.db import Store

__all__ = ["HeldHead", "HeldProof", "LogAlert", "LogStore"]


@dataclass(frozen=True)
class HeldHead:
    sth: str
    seen_via: str
    tree_size: int
    root_hash: str
    signed_at: str
    seen_at: datetime


@dataclass(frozen=True)
class HeldProof:
    reference: str
    receipt: str
    leaf_index: int
    tree_size: int
    sth: str
    audit_path: list[str]
    checked_at: datetime


@dataclass(frozen=True)
class LogAlert:
    id: int
    kind: str
    detail: str
    evidence: dict[str, Any]
    found_at: datetime
    seen: bool


def _now() -> int:
    return to_micros(datetime.now(UTC))


class LogStore:
    """The log tables of an unlocked `Store` (same connection, same lock)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def keep_head(self, sth: str, *, tree_size: int, root_hash: str, signed_at: str,
                  seen_via: str = "") -> None:
        with self._store.transaction() as db:
            db.execute(
                "INSERT INTO log_heads (sth, seen_via, tree_size, root_hash, signed_at, "
                "seen_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (sth, seen_via, tree_size, root_hash, signed_at, _now()))

    def heads(self, seen_via: str | None = None) -> list[HeldHead]:
        """Every head kept (or those seen via one member), oldest seen first."""
        where, args = ("", ()) if seen_via is None else (" WHERE seen_via = ?", (seen_via,))
        with self._store.reading() as db:
            rows = db.execute(
                "SELECT sth, seen_via, tree_size, root_hash, signed_at, seen_at FROM log_heads"
                + where + " ORDER BY seen_at, tree_size", args).fetchall()
        return [HeldHead(r[0], r[1], int(r[2]), r[3], r[4], from_micros(r[5])) for r in rows]

    def latest_head(self, seen_via: str = "") -> HeldHead | None:
        """The largest head seen (the newest of that size)."""
        heads = self.heads(seen_via)
        return max(heads, key=lambda h: (h.tree_size, h.seen_at)) if heads else None

    def keep_proof(self, reference: str, receipt: str, leaf_index: int, tree_size: int,
                   sth: str, audit_path: list[str]) -> None:
        with self._store.transaction() as db:
            db.execute(
                "INSERT INTO log_proofs (reference, receipt, leaf_index, tree_size, sth, "
                "audit_path, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (reference) "
                "DO UPDATE SET receipt = excluded.receipt, leaf_index = excluded.leaf_index, "
                "tree_size = excluded.tree_size, sth = excluded.sth, "
                "audit_path = excluded.audit_path, checked_at = excluded.checked_at",
                (reference, receipt, leaf_index, tree_size, sth, json.dumps(audit_path),
                 _now()))

    def proof(self, reference: str) -> HeldProof | None:
        with self._store.reading() as db:
            r = db.execute(
                "SELECT reference, receipt, leaf_index, tree_size, sth, audit_path, checked_at "
                "FROM log_proofs WHERE reference = ?", (reference,)).fetchone()
        if r is None:
            return None
        path = json.loads(r[5])
        return HeldProof(r[0], r[1], int(r[2]), int(r[3]), r[4],
                         [str(p) for p in path] if isinstance(path, list) else [],
                         from_micros(r[6]))

    def add_alert(self, kind: str, detail: str, evidence: dict[str, Any]) -> int:
        """Record an alteration found; the same one found again at a later sync (the
        same kind over the same evidence) is kept once."""
        body = json.dumps(evidence, sort_keys=True)
        with self._store.transaction() as db:
            row = db.execute("SELECT id FROM log_alerts WHERE kind = ? AND evidence = ?",
                             (kind, body)).fetchone()
            if row is not None:
                return int(row[0])
            cursor = db.execute(
                "INSERT INTO log_alerts (kind, detail, evidence, found_at) VALUES (?, ?, ?, ?)",
                (kind, detail, body, _now()))
            return int(cursor.lastrowid or 0)

    def alerts(self, *, unseen_only: bool = False) -> list[LogAlert]:
        where = " WHERE seen = 0" if unseen_only else ""
        with self._store.reading() as db:
            rows = db.execute("SELECT id, kind, detail, evidence, found_at, seen FROM "
                              "log_alerts" + where + " ORDER BY id").fetchall()
        out = []
        for r in rows:
            evidence = json.loads(r[3])
            out.append(LogAlert(int(r[0]), r[1], r[2],
                                evidence if isinstance(evidence, dict) else {},
                                from_micros(r[4]), bool(r[5])))
        return out

    def mark_alerts_seen(self) -> None:
        with self._store.transaction() as db:
            db.execute("UPDATE log_alerts SET seen = 1 WHERE seen = 0")
