"""The API client against the real reference server on loopback, signed in for real."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.support.browser import browser_for
from tests.support.server import RunningServer, start_server

from recourse.api import NotFound, RequestRefused, ServerConnection
from recourse.protocol import wire
from recourse.store import MINIMUM_KDF, Profile

USERNAME, PASSWORD, OFFICER_ID = "pc.hughes", "demo-hughes-2026", "off-1042"
OTHER_OFFICER_ID = "off-2107"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    with start_server(tmp_path_factory.mktemp("server"), only=[USERNAME]) as running:
        yield running


@pytest.fixture(scope="module")
def api(
    server: RunningServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerConnection]:
    folder: Path = tmp_path_factory.mktemp("client")

    browser = browser_for(USERNAME, PASSWORD)

    with Profile(folder / "profile", kdf=MINIMUM_KDF).create("a passphrase") as store:
        connection = ServerConnection(server.url, store, browser=browser)
        connection.sign_in()
        yield connection
        connection.close()


def test_me(api: ServerConnection) -> None:
    me = api.me()
    assert isinstance(me, wire.Me)
    assert (me.officer_id, me.username, me.role) == (OFFICER_ID, USERNAME, "officer")


def test_feed_pages_to_the_end_and_reports_bytes(api: ServerConnection) -> None:
    cursor: str | None = None
    total_changes = total_bytes = pages = 0
    while True:
        page, received = api.feed(OFFICER_ID, "building_access", cursor, limit=100)
        assert isinstance(page, wire.FeedPage) and page.category == "building_access"
        assert len(page.changes) <= 100
        assert received > 0
        total_changes += len(page.changes)
        total_bytes += received
        pages += 1
        cursor = page.next_cursor
        if not page.has_more:
            break
        assert pages < 1000
    assert total_changes > 100 and pages > 1, "the demo officer has many access records"
    again, _ = api.feed(OFFICER_ID, "building_access", cursor)
    assert again.changes == [] and not again.has_more


def test_unknown_category_is_a_programming_error(api: ServerConnection) -> None:
    with pytest.raises(ValueError):
        api.feed(OFFICER_ID, "parking_tickets", None)  # type: ignore[arg-type]


def test_flags_with_etag_and_detail(api: ServerConnection) -> None:
    flags, etag = api.flags(OFFICER_ID)
    assert flags is not None and etag
    assert flags.flags, "the demo officer has flags"
    unchanged, same_etag = api.flags(OFFICER_ID, etag=etag)
    assert unchanged is None and same_etag == etag
    first = flags.flags[0]
    detail = api.flag(OFFICER_ID, first.id)
    assert isinstance(detail, wire.FlagDetail) and detail.id == first.id
    assert detail.provenance.input_record_ids is not None


def test_a_missing_flag_is_not_found(api: ServerConnection) -> None:
    with pytest.raises(NotFound):
        api.flag(OFFICER_ID, "flag-that-does-not-exist")


def test_another_officers_data_is_refused(api: ServerConnection) -> None:
    with pytest.raises((RequestRefused, NotFound)) as caught:
        api.flags(OTHER_OFFICER_ID)
    assert caught.value.status in (403, 404)
    assert caught.value.message and caught.value.next_step


@pytest.mark.parametrize("name", ["access_log", "rules", "sources"])
def test_catalogues_and_access_log_with_etags(api: ServerConnection, name: str) -> None:
    call = {
        "access_log": lambda etag=None: api.access_log(OFFICER_ID, etag),
        "rules": api.rules,
        "sources": api.sources,
    }[name]
    body, etag = call()
    assert body is not None and etag
    assert call(etag) == (None, etag)


def test_generic_calls(api: ServerConnection) -> None:
    rules = api.request_json("GET", "/v1/rules", model=wire.RuleCatalogue)
    assert rules.rules
    cached, etag = api.get_cached("/v1/rules", wire.RuleCatalogue)
    assert cached == rules and etag
    assert api.get_cached("/v1/rules", wire.RuleCatalogue, etag) == (None, etag)
