"""The change feed: keyset paging, resuming from a cursor, changes and tombstones after a
cursor, cursor validation, page size bounds."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.server.helpers import PINGS, make_record

from recourse.protocol import wire
from recourse_server import admin


def _pages(client: TestClient, headers: dict[str, str], path: str, limit: int,
           cursor: str | None = None) -> tuple[list[wire.FeedPage], str]:
    pages = []
    while True:
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        response = client.get(path, params=params, headers=headers)
        assert response.status_code == 200, response.text
        page = wire.FeedPage.model_validate_json(response.content)
        pages.append(page)
        cursor = page.next_cursor
        if not page.has_more:
            return pages, cursor


def test_paging_returns_every_record_once_in_order(client: TestClient, headers) -> None:
    pages, _ = _pages(client, headers["pc.one"], "/v1/officers/off-1/feed/location_pings", 60)
    assert [len(p.changes) for p in pages] == [60, 60, 60, 60, 10]
    ids = [c.record.id for p in pages for c in p.changes if isinstance(c, wire.Upsert)]
    assert ids == [f"locati-off-1-{i}" for i in range(PINGS)]


def test_the_default_page_size_is_used_without_limit(client: TestClient, headers) -> None:
    response = client.get("/v1/officers/off-1/feed/location_pings", headers=headers["pc.one"])
    page = wire.FeedPage.model_validate_json(response.content)
    assert len(page.changes) == min(PINGS, wire.DEFAULT_PAGE_SIZE)


def test_an_empty_category_has_no_changes_and_a_resumable_cursor(client: TestClient,
                                                                  headers) -> None:
    response = client.get("/v1/officers/off-1/feed/overtime", headers=headers["pc.one"])
    page = wire.FeedPage.model_validate_json(response.content)
    assert page.changes == [] and not page.has_more
    again = client.get("/v1/officers/off-1/feed/overtime", params={"cursor": page.next_cursor},
                       headers=headers["pc.one"])
    assert wire.FeedPage.model_validate_json(again.content).changes == []


def test_changes_and_deletions_after_a_cursor_come_in_the_next_sync(
    client: TestClient, headers, seeded: str
) -> None:
    path = "/v1/officers/off-2/feed/location_pings"
    _, cursor = _pages(client, headers["pc.two"], path, 1000)
    changed = make_record("off-2", "location_pings", 5, lat=1.0, lon=2.0, accuracy_m=3,
                          device_id="dev-2")
    added = make_record("off-2", "location_pings", 9999, lat=1.0, lon=2.0, accuracy_m=3,
                        device_id="dev-2")
    first_seq = admin.upsert_record(seeded, "off-2", changed)
    second_seq = admin.upsert_record(seeded, "off-2", added)
    third_seq = admin.delete_record(seeded, "off-2", "locati-off-2-7")
    assert first_seq < second_seq < third_seq

    pages, next_cursor = _pages(client, headers["pc.two"], path, 1000, cursor)
    changes = [c for p in pages for c in p.changes]
    assert [type(c).__name__ for c in changes] == ["Upsert", "Upsert", "Tombstone"]
    assert isinstance(changes[0], wire.Upsert) and changes[0].record.data["lat"] == 1.0
    assert isinstance(changes[2], wire.Tombstone) and changes[2].id == "locati-off-2-7"
    # Nothing new: the same cursor comes back with no changes.
    pages, final = _pages(client, headers["pc.two"], path, 1000, next_cursor)
    assert pages[0].changes == [] and final == next_cursor

    live = admin.current_records(seeded, "off-2")
    assert "locati-off-2-7" not in live and live["locati-off-2-9999"]["data"]["lat"] == 1.0


def test_a_full_resync_after_a_deletion_still_carries_the_tombstone(
    client: TestClient, headers, seeded: str
) -> None:
    admin.delete_record(seeded, "off-3", "locati-off-3-0")
    pages, _ = _pages(client, headers["pc.three"], "/v1/officers/off-3/feed/location_pings",
                      5000)
    changes = [c for p in pages for c in p.changes]
    assert sum(isinstance(c, wire.Tombstone) for c in changes) == 1
    assert len(changes) == PINGS


def test_deleting_a_missing_record_says_so(seeded: str) -> None:
    with pytest.raises(KeyError):
        admin.delete_record(seeded, "off-1", "no-such-record")


@pytest.mark.parametrize("cursor", ["garbage!", "AAAA", "czE=", "czEwMA==", "c-1",
                                    "cy0x", "%00", "czk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5"])
def test_a_damaged_cursor_is_a_400_problem(client: TestClient, headers, cursor: str) -> None:
    response = client.get("/v1/officers/off-1/feed/location_pings", params={"cursor": cursor},
                          headers=headers["pc.one"])
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert "cursor" in response.json()["detail"]


@pytest.mark.parametrize("limit", [0, -1, wire.MAX_PAGE_SIZE + 1, "many"])
def test_a_limit_out_of_bounds_is_a_422_problem(client: TestClient, headers, limit) -> None:
    response = client.get("/v1/officers/off-1/feed/location_pings", params={"limit": limit},
                          headers=headers["pc.one"])
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert "limit" in response.json()["detail"]


def test_an_unknown_category_is_a_422_problem(client: TestClient, headers) -> None:
    response = client.get("/v1/officers/off-1/feed/secrets", headers=headers["pc.one"])
    assert response.status_code == 422


def test_remaining_is_counted_only_when_asked(client: TestClient, headers) -> None:
    path = "/v1/officers/off-1/feed/location_pings"
    plain = client.get(path, params={"limit": 60}, headers=headers["pc.one"])
    assert "remaining" not in plain.json()  # older clients forbid unknown fields
    cursor = None
    seen = 0
    while True:
        params: dict[str, Any] = {"limit": 60, "with_remaining": "true"}
        if cursor:
            params["cursor"] = cursor
        response = client.get(path, params=params, headers=headers["pc.one"])
        page = wire.FeedPage.model_validate_json(response.content)
        seen += len(page.changes)
        assert page.remaining == PINGS - seen
        cursor = page.next_cursor
        if not page.has_more:
            break
    assert page.remaining == 0
    # Caught up: nothing left, and the count is still there when asked.
    again = client.get(path, params={"cursor": cursor, "with_remaining": "true"},
                       headers=headers["pc.one"])
    assert wire.FeedPage.model_validate_json(again.content).remaining == 0


def test_remaining_follows_changes_after_the_cursor(
    client: TestClient, headers, seeded: str
) -> None:
    path = "/v1/officers/off-2/feed/location_pings"
    _, cursor = _pages(client, headers["pc.two"], path, 1000)
    for i in range(3):
        admin.upsert_record(seeded, "off-2", make_record(
            "off-2", "location_pings", 20_000 + i, lat=1.0, lon=2.0, accuracy_m=3,
            device_id="dev-2"))
    response = client.get(path, params={"cursor": cursor, "limit": 1, "with_remaining": 1},
                          headers=headers["pc.two"])
    page = wire.FeedPage.model_validate_json(response.content)
    assert len(page.changes) == 1 and page.has_more and page.remaining == 2
