"""Helpers for the store and sync tests (no tests here).

`fast_profile` keeps the real Argon2id at the minimum parameters the store accepts
(64 MiB, 3 passes) and remembers derivations per (passphrase, salt, parameters) inside
one test, so tests that unlock the same store dozens of times stay quick; the key
material and every check are the real ones.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from recourse.protocol import wire
from recourse.store import MINIMUM_KDF, Profile, Store
from recourse.store import header as header_module
from recourse.store import profile as profile_module
from recourse.store.records import to_micros

PASS = "correct horse battery staple"


@contextmanager
def memoized_kdf(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    real = header_module.derive
    cache: dict[tuple[str, bytes, Any], header_module.DerivedKeys] = {}

    def derive(passphrase: str, salt: bytes, params: Any) -> header_module.DerivedKeys:
        key = (passphrase, salt, params)
        if key not in cache:
            cache[key] = real(passphrase, salt, params)
        got = cache[key]
        # Fresh buffers: the store wipes its copy on close.
        return header_module.DerivedKeys(bytearray(got.database_key), bytearray(got.mac_key))

    monkeypatch.setattr(profile_module, "derive", derive)
    yield


def fast_profile(folder: Path) -> Profile:
    return Profile(folder, kdf=MINIMUM_KDF)


def record(
    i: int, category: str = "absences", *, summary: str | None = None, **data: Any
) -> wire.Record:
    return wire.Record(
        id=f"{category[:4]}-{i:07d}",
        category=category,  # type: ignore[arg-type]
        occurred_at=datetime(2026, 1, 1, tzinfo=UTC) + timedelta(hours=i),
        updated_at=datetime(2026, 3, 1, tzinfo=UTC),
        summary=summary if summary is not None else f"Record {i} of {category}",
        data=data or {"kind": "sickness", "reason": f"reason {i}"},
    )


def feed_page(
    records: list[wire.Record],
    cursor: str,
    *,
    deletes: tuple[str, ...] = (),
    category: str = "absences",
) -> wire.FeedPage:
    changes: list[Any] = [wire.Upsert(op="upsert", record=r) for r in records]
    changes += [
        wire.Tombstone(op="delete", id=d, deleted_at=datetime(2026, 3, 2, tzinfo=UTC))
        for d in deletes
    ]
    return wire.FeedPage(category=category, changes=changes, next_cursor=cursor, has_more=False)  # type: ignore[arg-type]


def bulk_pings(store: Store, n: int, start: datetime = datetime(2025, 1, 1, tzinfo=UTC)) -> None:
    """n one-a-minute location pings straight into the records table, in one transaction
    (the fast way to build a big store for paging tests; sync is tested elsewhere)."""
    t0 = to_micros(start)
    updated = to_micros(datetime(2026, 1, 1, tzinfo=UTC))
    with store.transaction() as db:
        code = store.category_code(db, "location_pings")
        db.executemany(
            "INSERT INTO records (id, cat, occurred_at, updated_at, summary, data) "
            "VALUES (?, ?, ?, ?, NULL, ?)",
            (
                (
                    f"ping-{i:07d}",
                    code,
                    t0 + i * 60_000_000,
                    updated,
                    json.dumps(
                        {
                            "lat": 51.5 + (i % 1000) / 1e5,
                            "lon": -0.12,
                            "accuracy_m": 10,
                            "device_id": "dev-7",
                        }
                    ),
                )
                for i in range(n)
            ),
        )
        store.records_changed()
