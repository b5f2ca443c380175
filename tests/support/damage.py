"""Damage written into a real store, as an older Recourse or a broken disk would leave it."""

from __future__ import annotations

import json

from recourse.store import Store


def make_one_flag_unreadable(store: Store) -> str:
    """Store the first flag with null where a number belongs (what an older Recourse kept
    for a NaN it let through); returns the flag's id."""
    flag_id = store.flags()[0].id
    with store.reading() as db:
        (body,) = db.execute("SELECT body FROM flags WHERE id = ?", (flag_id,)).fetchone()
    damaged = json.loads(body)
    damaged["provenance"]["observations"] = [{
        "label": "Week 1", "period_start": "2026-01-05", "period_end": "2026-01-11",
        "value": None, "record_ids": []}]
    with store.transaction() as db:
        db.execute("UPDATE flags SET body = ? WHERE id = ?", (json.dumps(damaged), flag_id))
    return flag_id
