"""What sync writes into the real encrypted store: `Store.apply_feed_page` keeps feed
order, refuses a wrong-category record with nothing written, stores record data exactly
as it came, and indexes every category's text for search except the pings'."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pydantic
import pytest
from test_store_helpers import PASS, fast_profile, feed_page, record

from recourse.protocol import wire
from recourse.store import RecordQuery, StoreError
from recourse.store.schema import FTS_EXCLUDED_CATEGORY


def _page(changes: list[Any], cursor: str, category: str = "absences") -> wire.FeedPage:
    return wire.FeedPage(
        category=category,  # type: ignore[arg-type]
        changes=changes,
        next_cursor=cursor,
        has_more=False,
    )


def _delete(record_id: str) -> wire.Tombstone:
    return wire.Tombstone(op="delete", id=record_id, deleted_at=datetime(2026, 3, 2, tzinfo=UTC))


def test_changes_apply_in_feed_order(tmp_path: Path) -> None:
    with fast_profile(tmp_path / "p").create(PASS) as store:
        a, b, c = record(1), record(2), record(3)
        store.apply_feed_page(feed_page([a, b, c], "c1"))
        # Delete then re-add, add then delete, and an update: the feed's order wins.
        changes = [
            _delete(a.id),
            wire.Upsert(op="upsert", record=a.model_copy(update={"summary": "Back again"})),
            wire.Upsert(op="upsert", record=record(4)),
            _delete(record(4).id),
            _delete(b.id),
            wire.Upsert(op="upsert", record=c.model_copy(update={"summary": "Amended"})),
        ]
        store.apply_feed_page(_page(changes, "c2"))
        assert store.record(a.id).summary == "Back again"  # type: ignore[union-attr]
        assert store.record(b.id) is None and store.record(record(4).id) is None
        assert store.record(c.id).summary == "Amended"  # type: ignore[union-attr]
        assert store.count("absences") == 2 and store.cursor("absences") == "c2"


def test_a_record_of_another_category_is_refused_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    with fast_profile(tmp_path / "p").create(PASS) as store:
        store.apply_feed_page(feed_page([record(1)], "c1"))
        stray = record(9, "overtime")
        page = _page(
            [wire.Upsert(op="upsert", record=record(2)), wire.Upsert(op="upsert", record=stray)],
            "c2",
        )
        with pytest.raises(StoreError) as caught:
            store.apply_feed_page(page)
        assert "wrong category" in caught.value.message
        assert store.count("absences") == 1 and store.cursor("absences") == "c1"
        # Also on the very first page of a category the store has never seen.
        with pytest.raises(StoreError):
            store.apply_feed_page(_page([wire.Upsert(op="upsert", record=stray)], "x", "logins"))
        assert store.cursor("logins") is None and store.record(stray.id) is None


@pytest.mark.parametrize(
    "data",
    [
        {"lat": 53.82175, "lon": -1.6029, "accuracy_m": 9, "device_id": "mdm-a37721"},
        {"big": 2**53 - 1, "tiny": 1.5e-7, "huge": 1e16, "neg_zero": -0.0,
         "nested": {"a": [1, None]}},
        {"text": "Málaga \u2028 \"quoted\" \\ \u00e9\u4e2d", "flag": True, "none": None},
    ],
)
def test_record_data_is_stored_exactly(tmp_path: Path, data: dict[str, Any]) -> None:
    with fast_profile(tmp_path / "p").create(PASS) as store:
        store.apply_feed_page(feed_page([record(1, **data)], "c1"))
        stored = store.record(record(1).id)
        assert stored is not None
        assert json.dumps(stored.data, sort_keys=True) == json.dumps(data, sort_keys=True)


def test_not_a_number_from_the_wire_is_refused_before_the_store(tmp_path: Path) -> None:
    # JSON has no NaN or infinity, and a stored value must read back and go into a
    # signed bundle as canonical JSON: the page is refused at validation, typed.
    for value in (b"NaN", b"Infinity", b"-Infinity", b"1e400", str(2**70).encode()):
        body = (
            b'{"category":"absences","changes":[{"op":"upsert","record":{"id":"abse-1",'
            b'"category":"absences","occurred_at":"2026-01-01T00:00:00+01:00",'
            b'"updated_at":"2026-01-01T00:00:00Z","data":{"x":' + value + b"}}}],"
            b'"next_cursor":"c","has_more":false}'
        )
        with pytest.raises(pydantic.ValidationError):
            wire.FeedPage.model_validate_json(body)
    good = body.replace(str(2**70).encode(), b"1.5")
    page = wire.FeedPage.model_validate_json(good)
    with fast_profile(tmp_path / "p").create(PASS) as store:
        store.apply_feed_page(page)
        stored = store.record("abse-1")
        assert stored is not None and stored.data == {"x": 1.5}
        assert stored.occurred_at == datetime(2025, 12, 31, 23, 0, tzinfo=UTC)


def test_search_covers_every_category_but_the_pings(tmp_path: Path) -> None:
    with fast_profile(tmp_path / "p").create(PASS) as store:
        ping = record(
            1, FTS_EXCLUDED_CATEGORY, summary="", lat=1.0, lon=2.0, device_id="mdm-zebra"
        )
        store.apply_feed_page(feed_page([ping], "p1", category=FTS_EXCLUDED_CATEGORY))
        store.apply_feed_page(
            feed_page([record(2, summary="Badge at zebra gate", door="zebra")], "a1")
        )
        assert store.count("absences", RecordQuery(search="zebra")) == 1
        assert store.count(FTS_EXCLUDED_CATEGORY, RecordQuery(search="zebra")) == 0
        assert store.count(FTS_EXCLUDED_CATEGORY) == 1
        # Updates and deletions keep the index in step.
        changed = record(2, summary="Badge at the main gate", door="main")
        store.apply_feed_page(feed_page([changed], "a2"))
        assert store.count("absences", RecordQuery(search="zebra")) == 0
        assert store.count("absences", RecordQuery(search="main")) == 1
        store.apply_feed_page(feed_page([], "a3", deletes=(changed.id,)))
        assert store.count("absences", RecordQuery(search="main")) == 0


def test_a_time_without_a_zone_is_read_as_utc(tmp_path: Path) -> None:
    body = (
        b'{"category":"absences","changes":[{"op":"upsert","record":{"id":"abse-2",'
        b'"category":"absences","occurred_at":"2026-01-01T08:30:00",'
        b'"updated_at":"2026-01-01T09:00:00.000001Z","data":{}}}],'
        b'"next_cursor":"c","has_more":false}'
    )
    with fast_profile(tmp_path / "p").create(PASS) as store:
        store.apply_feed_page(wire.FeedPage.model_validate_json(body))
        stored = store.record("abse-2")
        assert stored is not None
        assert stored.occurred_at == datetime(2026, 1, 1, 8, 30, tzinfo=UTC)
        assert stored.updated_at == datetime(2026, 1, 1, 9, 0, 0, 1, tzinfo=UTC)
