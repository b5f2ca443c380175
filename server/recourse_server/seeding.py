"""Loading the synthetic force data into the server's database.

Records are inserted in batches with Core `insert()` executemany straight from the
generator, so a heavy officer-year (525,600 pings) never sits in memory at once.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine, delete, func, insert, select

from . import db, schema
from .contest import receipt_log
from .contest.demo_history import ESCALATION_OFFICER, seed_escalation_history
from .contest.mandates import seed_demo_mandates
from .passwords import hash_password

BATCH_SIZE = 5000

_DATA_TABLES = (
    db.changes,
    db.flags,
    db.access_log,
    db.mandates,
    db.accounts,
    db.documents,
    db.authorization_codes,
    db.refresh_tokens,
)


def dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def now_iso() -> str:
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


def demo_officer_key(seed: int, officer_id: str) -> Ed25519PrivateKey:
    """The demo officer's own signing key, the same for every seeding with `seed`: it
    signs the demo mandates. Demo data only; a real officer's key never leaves their PC."""
    material = hashlib.sha256(f"recourse demo officer key/{seed}/{officer_id}".encode())
    return Ed25519PrivateKey.from_private_bytes(material.digest())


def is_empty(engine: Engine) -> bool:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(db.accounts)).scalar_one() == 0


def _batches(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def change_row(officer_id: str, record: dict[str, Any]) -> dict[str, Any]:
    return {
        "officer_id": officer_id,
        "category": record["category"],
        "record_id": record["id"],
        "deleted": False,
        "body": dumps({"op": "upsert", "record": record}),
    }


def access_row(officer_id: str, entry: dict[str, Any]) -> dict[str, Any]:
    viewed_at = str(entry["viewed_at"])
    parsed = datetime.fromisoformat(viewed_at.replace("Z", "+00:00"))
    return {
        "entry_id": entry["id"],
        "officer_id": officer_id,
        "viewed_at": viewed_at,
        "viewed_epoch": parsed.timestamp(),
        "viewer": entry["viewer"],
        "viewer_role": entry["viewer_role"],
        "reason": entry["reason"],
        "what": entry["what"],
    }


def seed(
    database_url: str,
    *,
    seed: int = 2026,
    ping_interval: int = 15,
    only: Iterable[str] | None = None,
    progress: Callable[[str], None] | None = None,
    dataset: Any = None,
) -> dict[str, int]:
    """Replace the database's contents with the synthetic data of `seed`.

    `only` limits records, flags and access log to those usernames (every account can
    still sign in), which keeps test databases small. `dataset` replaces the synthetic
    generator (anything with its interface).
    """
    say = progress or (lambda _message: None)
    wanted = {name.strip() for name in only or () if name.strip()}
    if dataset is None:
        from .synth import build_dataset  # the generator is heavy; import only to seed

        dataset = build_dataset(seed, ping_interval)
    known = {account.username for account in dataset.accounts}
    unknown = wanted - known
    if unknown:
        raise ValueError(f"No demo account named {', '.join(sorted(unknown))}.")

    engine = db.make_engine(database_url)
    schema.create_schema(engine)
    counts = {"accounts": 0, "records": 0, "flags": 0, "access_log": 0}
    started = time.perf_counter()
    with engine.begin() as conn:
        for table in _DATA_TABLES:
            conn.execute(delete(table))
        for account in dataset.accounts:
            conn.execute(
                insert(db.accounts),
                {
                    "officer_id": account.officer_id,
                    "username": account.username,
                    "password_hash": hash_password(account.password),
                    "name": account.name,
                    "role": account.role,
                    "force_number": account.force_number,
                    "rank": account.rank,
                    "unit": account.unit,
                },
            )
            counts["accounts"] += 1
        conn.execute(insert(db.documents), [
            {"name": "rules", "body": dumps({"rules": dataset.rules()})},
            {"name": "sources", "body": dumps({"sources": dataset.sources()})},
            {"name": "seed", "body": dumps({"seed": seed, "ping_interval": ping_interval})},
        ])
        for account in dataset.accounts:
            if wanted and account.username not in wanted:
                continue
            if account.role != "officer":
                continue
            officer_id = account.officer_id
            say(f"seeding {account.username} ({officer_id})")
            rows = (change_row(officer_id, record) for record in dataset.records(officer_id))
            for batch in _batches(rows, BATCH_SIZE):
                conn.execute(insert(db.changes), batch)
                counts["records"] += len(batch)
            flag_rows = [
                {
                    "officer_id": officer_id,
                    "flag_id": flag["id"],
                    "raised_at": str(flag["raised_at"]),
                    "body": dumps(flag),
                }
                for flag in dataset.flags(officer_id)
            ]
            if flag_rows:
                conn.execute(insert(db.flags), flag_rows)
            counts["flags"] += len(flag_rows)
            log_rows = [access_row(officer_id, entry) for entry in dataset.access_log(officer_id)]
            if log_rows:
                conn.execute(insert(db.access_log), log_rows)
            counts["access_log"] += len(log_rows)
    # Each demo mandate is the member's signed act, as if granted from their own client:
    # signed with the member's demo key, registered through the API's own checks.
    grants = {account.officer_id: tuple(account.represents) for account in dataset.accounts
              if account.role == "representative" and account.represents}
    counts["mandates"] = len(seed_demo_mandates(
        engine, grants, lambda officer_id: demo_officer_key(seed, officer_id),
        datetime.now(UTC)))
    # The force that misses its deadlines: one officer's request and complaint, unanswered.
    late = [a for a in dataset.accounts if a.officer_id == ESCALATION_OFFICER
            and a.role == "officer" and (not wanted or a.username in wanted)]
    for account in late:
        counts["submissions"] = len(seed_escalation_history(
            engine, account.officer_id, demo_officer_key(seed, account.officer_id),
            datetime.now(UTC)))
    receipt_log.backfill(engine)
    say(f"seeded {counts['records']} records in {time.perf_counter() - started:.1f} s")
    engine.dispose()
    return counts
