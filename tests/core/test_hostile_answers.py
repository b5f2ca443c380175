"""Sync through a tampering proxy in front of the real server, into the real store.

The proxy rewrites the real server's answers the way a compromised server or a
middlebox could: NaN and Infinity where numbers belong, duplicated keys, strings where
booleans and numbers belong, record data nested or sized without bound, JSON nested past
any recursion limit. Each must be refused at validation with a typed error in words,
nothing of that page saved, and the store must always read back what it holds; a store
that holds something unreadable (written by an older version) says so in a typed error
and an honest sync repairs it.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

import pytest
import requests
from test_store_helpers import PASS, fast_profile
from test_sync_helpers import stored_digests
from tests.support.browser import log_in_through_form
from tests.support.damage import make_one_flag_unreadable
from tests.support.server import RunningServer, start_server
from tests.support.tamper_proxy import TamperingProxy

from recourse.api import ResponseInvalid, ServerConnection
from recourse.protocol import wire
from recourse.store import Store, StoredDataUnreadable
from recourse.sync import FeedNotAdvancing, SyncEngine
from recourse_server.synth.accounts import HUGHES

Rewrite = Callable[[Any], Any]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    with start_server(
        tmp_path_factory.mktemp("server"), only=[HUGHES.username], ping_interval=1440
    ) as running:
        yield running


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with fast_profile(tmp_path / "profile").create(PASS) as opened:
        yield opened


class Tamper:
    """Rewrites the answers of paths matching a pattern; JSON in, JSON text out."""

    def __init__(self) -> None:
        self.rules: list[tuple[re.Pattern[str], Callable[[bytes], bytes]]] = []
        self.hits = 0
        #: The query of the request being answered ({} for none), for rewrites that
        #: depend on it (the cursor asked for).
        self.query: dict[str, str] = {}

    @staticmethod
    def everything_changed(body: bytes) -> bytes:
        """What changed: everything (no ETag matches), so a sync asks for every category
        and resource and the rewrites below are reached, whatever the real server says."""
        summary = json.loads(body)
        for officer in summary["officers"]:
            officer.update(changed=dict.fromkeys(wire.CATEGORIES, 1), etags={})
        summary["catalogues"] = {}
        return json.dumps(summary).encode()

    def json(self, pattern: str, rewrite: Rewrite) -> None:
        # allow_nan: json.dumps writes NaN and Infinity as the bare words a server could.
        self.raw(pattern, lambda body: json.dumps(rewrite(json.loads(body))).encode())

    def raw(self, pattern: str, rewrite: Callable[[bytes], bytes]) -> None:
        self.rules.append((re.compile(pattern), rewrite))

    def __call__(self, method: str, path: str, status: int, body: bytes) -> bytes | None:
        if status != 200:
            return None
        path, _, query = path.partition("?")
        if path.endswith("/v1/changes"):
            return self.everything_changed(body)
        self.query = {k: v[0] for k, v in parse_qs(query).items()}
        for pattern, rewrite in self.rules:
            if pattern.search(path):
                self.hits += 1
                return rewrite(body)
        return None


@pytest.fixture
def tamper() -> Tamper:
    return Tamper()


@pytest.fixture
def upstream_path() -> dict[str, Callable[[str], str]]:
    """Set ["rewrite"] to change what the real server is asked (the client never knows)."""
    return {"rewrite": lambda path: path}


@pytest.fixture
def proxy(server: RunningServer, tamper: Tamper,
          upstream_path: dict[str, Callable[[str], str]]) -> Iterator[TamperingProxy]:
    with TamperingProxy(server.url, tamper,
                        lambda path: upstream_path["rewrite"](path)) as running:
        yield running


@pytest.fixture
def api(server: RunningServer, proxy: TamperingProxy, store: Store) -> Iterator[ServerConnection]:
    """Signed in at the real issuer; the API answers come through the proxy."""

    def browser(authorize_url: str) -> bool:
        redirect = log_in_through_form(authorize_url, HUGHES.username, HUGHES.password)
        requests.get(redirect, timeout=10)
        return True

    connection = ServerConnection(proxy.url, store, issuer=server.url, browser=browser,
                                  retries=0)
    connection.sign_in()
    yield connection
    connection.close()


def _first_observation_value(value: float) -> Rewrite:
    def rewrite(flag: dict[str, Any]) -> dict[str, Any]:
        observations = flag["provenance"]["observations"]
        assert observations, "the test needs a flag with observations"
        observations[0]["value"] = value
        return flag

    return rewrite


def _flags_with_observations(server: RunningServer, api: ServerConnection) -> str:
    listed, _etag = api.flags(HUGHES.officer_id)
    assert listed is not None
    for summary in listed.flags:
        if api.flag(HUGHES.officer_id, summary.id).provenance.observations:
            return summary.id
    raise AssertionError("no flag with observations in the demo data")


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_a_non_finite_observation_is_refused_and_the_store_still_reads(
    server: RunningServer, api: ServerConnection, store: Store, tamper: Tamper, value: float
) -> None:
    flag_id = _flags_with_observations(server, api)
    tamper.json(rf"/flags/{re.escape(flag_id)}$", _first_observation_value(value))

    result = SyncEngine(api, store).run()

    assert tamper.hits, "the proxy never saw the flag"
    assert result.state == "failed"
    assert isinstance(result.error, ResponseInvalid)
    assert "could not accept" in result.message  # in words, for the officer
    # Nothing unreadable was kept: every read works, the last sync says it failed.
    store.flags()
    store.me()
    last = store.last_sync()
    assert last is not None and last.state == "failed"

    tamper.rules.clear()  # the server is honest again
    healed = SyncEngine(api, store).run()
    assert healed.state == "ok", healed.message
    assert flag_id in {f.id for f in store.flags()}


def test_an_unreadable_stored_flag_is_a_typed_error_and_a_sync_repairs_it(
    server: RunningServer, api: ServerConnection, store: Store
) -> None:
    assert SyncEngine(api, store).run().state == "ok"
    flag_id = make_one_flag_unreadable(store)

    with pytest.raises(StoredDataUnreadable) as raised:
        store.flags()
    assert raised.value.message and raised.value.next_step  # something to show and do
    with pytest.raises(StoredDataUnreadable):
        store.flag(flag_id)

    result = SyncEngine(api, store).run()  # against the honest server
    assert result.state == "ok", result.message
    assert {f.id for f in store.flags()} >= {flag_id}
    assert store.last_sync() is not None and store.last_sync().state == "ok"


def _records_page(rewrite: Callable[[dict[str, Any]], None]) -> Rewrite:
    """Rewrite the first upsert of a feed page."""

    def page(body: dict[str, Any]) -> dict[str, Any]:
        for change in body["changes"]:
            if change["op"] == "upsert":
                rewrite(change["record"])
                break
        return body

    return page


def _nest(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = {"a": value}
    return value


HOSTILE_DATA: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
    ("NaN in data", lambda r: r["data"].update(x=float("nan"))),
    ("Infinity in data", lambda r: r["data"].update(x=float("inf"))),
    ("a long text", lambda r: r["data"].update(x="y" * 2_000_000)),
    ("deep nesting", lambda r: r["data"].update(x=_nest(20))),
    ("many members", lambda r: r["data"].update(x=[{} for _ in range(200_000)])),
    ("an unsafe integer", lambda r: r["data"].update(x=2**60)),
    ("a boolean as text", lambda r: r.update(summary=False)),
]


@pytest.mark.parametrize(("label", "change"), HOSTILE_DATA, ids=[h[0] for h in HOSTILE_DATA])
def test_hostile_record_data_is_refused_before_anything_is_saved(
    api: ServerConnection, store: Store, tamper: Tamper, label: str,
    change: Callable[[dict[str, Any]], None],
) -> None:
    tamper.json(r"/feed/absences$", _records_page(change))
    started = time.monotonic()
    result = SyncEngine(api, store).run()
    assert tamper.hits
    assert result.state == "failed", label
    assert isinstance(result.error, ResponseInvalid), (label, result.error)
    assert time.monotonic() - started < 30
    assert store.cursor("absences") is None  # nothing of that category was saved
    assert not [d for d in stored_digests(store) if d.startswith("absence")]


RAW_ATTACKS: list[tuple[str, str, Callable[[bytes], bytes]]] = [
    ("a duplicated officer id", r"/v1/me$",
     lambda b: b[:-1] + b',"officer_id":"off-someone-else"}'),
    ("has_more as text", r"/feed/absences$",
     lambda b: b.replace(b'"has_more":false', b'"has_more":"false"')
                .replace(b'"has_more":true', b'"has_more":"true"')),
    ("a count as text", r"/feed/absences$",
     lambda b: re.sub(rb'"remaining":(\d+)', rb'"remaining":"\1"', b)),
    ("nesting past any recursion limit", r"/feed/absences$",
     lambda b: b[:-1] + b',"x":' + b"[" * 200_000 + b"]" * 200_000 + b"}"),
    ("a number of 100,000 digits", r"/feed/absences$",
     lambda b: b[:-1] + b',"x":' + b"9" * 100_000 + b"}"),
    ("a time as seconds", r"/feed/absences$",
     lambda b: re.sub(rb'"occurred_at":"[^"]+"', b'"occurred_at":"1700000000"', b, count=1)),
]


@pytest.mark.parametrize(("label", "pattern", "rewrite"), RAW_ATTACKS,
                         ids=[a[0] for a in RAW_ATTACKS])
def test_ambiguous_or_unbounded_json_is_refused_in_words(
    api: ServerConnection, store: Store, tamper: Tamper, label: str, pattern: str,
    rewrite: Callable[[bytes], bytes],
) -> None:
    tamper.raw(pattern, lambda body: rewrite(body.replace(b", ", b",").replace(b": ", b":")))
    result = SyncEngine(api, store).run()
    assert tamper.hits
    assert result.state == "failed", label
    assert isinstance(result.error, ResponseInvalid), (label, result.error)
    assert result.message and "could not accept" in result.message
    me = store.me()
    assert me is None or me.officer_id == HUGHES.officer_id
    assert store.cursor("absences") is None


def test_the_wire_models_are_strict_and_finite() -> None:
    # The same models serve the server's contract, so it cannot send these either.
    base = {"id": "r1", "category": "logins", "occurred_at": "2026-01-01T00:00:00Z",
            "updated_at": "2026-01-01T00:00:00Z"}
    wire.Record.model_validate_json(json.dumps(base))
    for bad in ({"summary": 0}, {"data": {"x": float("nan")}}, {"id": 5},
                {"occurred_at": 1700000000}):
        with pytest.raises(ValueError):
            wire.Record.model_validate_json(json.dumps({**base, **bad}))
    page = {"category": "logins", "changes": [], "next_cursor": "c", "has_more": "false"}
    with pytest.raises(ValueError):
        wire.FeedPage.model_validate_json(json.dumps(page))


# --- a feed that never ends ---------------------------------------------------------------


def _without_cursor(path: str) -> str:
    """Ask the real server for the first page again, whatever cursor the client sent."""
    base, _, query = path.partition("?")
    kept = {k: v[0] for k, v in parse_qs(query).items() if k != "cursor"}
    return f"{base}?{urlencode(kept)}" if kept else base


@pytest.mark.timeout(120)  # the bug this guards against is a loop without end
def test_a_cursor_that_does_not_move_on_stops_the_sync(
    api: ServerConnection, store: Store, tamper: Tamper, proxy: TamperingProxy,
    upstream_path: dict[str, Callable[[str], str]],
) -> None:
    upstream_path["rewrite"] = _without_cursor

    def same_place(page: dict[str, Any]) -> dict[str, Any]:
        # Back where the client already was (or, the first time, a fixed place).
        return {**page, "has_more": True, "next_cursor": tamper.query.get("cursor", "c-1")}

    tamper.json(r"/feed/absences$", same_place)
    result = SyncEngine(api, store).run()
    assert isinstance(result.error, FeedNotAdvancing), result.error
    assert "absences" in result.message and "already passed" in result.message
    assert "downloaded is kept" in result.message
    feed_requests = [p for _m, p in proxy.requests if "/feed/absences" in p]
    assert len(feed_requests) <= 3
    assert store.last_sync() is not None and store.last_sync().state == "failed"


@pytest.mark.timeout(120)
@pytest.mark.parametrize("empty", [False, True], ids=["same-changes", "empty-pages"])
def test_an_ever_new_cursor_stops_at_the_announced_count(
    api: ServerConnection, store: Store, tamper: Tamper, proxy: TamperingProxy,
    upstream_path: dict[str, Callable[[str], str]], empty: bool,
) -> None:
    upstream_path["rewrite"] = _without_cursor

    def endless(page: dict[str, Any]) -> dict[str, Any]:
        changes = [] if empty and "cursor" in tamper.query else page["changes"]
        return {**page, "changes": changes, "has_more": True,
                "next_cursor": f"c-{uuid.uuid4().hex}"}

    tamper.json(r"/feed/absences$", endless)
    started = time.monotonic()
    result = SyncEngine(api, store).run()
    assert isinstance(result.error, FeedNotAdvancing), result.error
    assert "absences" in result.message
    feed_requests = [p for _m, p in proxy.requests if "/feed/absences" in p]
    assert len(feed_requests) < 40, len(feed_requests)
    assert time.monotonic() - started < 30
    # What came before the loop was applied and kept; the loop did not duplicate it.
    assert store.count("absences") > 0


# --- pages that will be refused cost no memory; large honest records still come down ------


def test_a_page_of_too_many_changes_is_refused_from_its_bytes(
    api: ServerConnection, store: Store, tamper: Tamper
) -> None:
    def flood(page: dict[str, Any]) -> dict[str, Any]:
        tombstone = {"op": "delete", "id": "x", "deleted_at": "2026-01-01T00:00:00Z"}
        return {**page, "changes": [tombstone] * (wire.MAX_PAGE_SIZE + 1)}

    tamper.json(r"/feed/absences$", flood)
    result = SyncEngine(api, store).run()
    assert isinstance(result.error, ResponseInvalid), result.error
    assert "more items than Recourse accepts" in result.message
    assert store.cursor("absences") is None


def test_the_bounded_reader_refuses_a_flood_without_building_it() -> None:
    import tracemalloc

    from recourse.protocol.canonical import JsonLimits, JsonTooManyValues, loads_bounded

    tombstone = b'{"op":"delete","id":"x","deleted_at":"2026-01-01T00:00:00Z"},'
    body = b'{"category":"absences","changes":[' + tombstone * 400_000 + b'{}],"x":1}'
    limits = JsonLimits(max_bytes=64 * 1024 * 1024, max_members_at=(2, wire.MAX_PAGE_SIZE))
    tracemalloc.start()
    try:
        with pytest.raises(JsonTooManyValues):
            loads_bounded(body, limits)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # A few copies of the bytes at most; parsed, 400,000 objects would be ~20 times this.
    assert peak < 4 * len(body), (peak, len(body))


def test_pages_too_large_for_the_client_are_asked_for_again_smaller(
    server: RunningServer, api: ServerConnection, store: Store,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from recourse_server import admin

    # As if every record were large: a page may be at most 40 kB.
    monkeypatch.setattr(wire, "MAX_FEED_PAGE_BYTES", 40_000)
    result = SyncEngine(api, store).run()
    assert result.state == "ok", result.message
    assert stored_digests(store) == admin.record_digests(server.database_url, HUGHES.officer_id)


# --- feed consistency: a page touches its own category, flags are the officer's own -------


def _a_roster_id(store: Store) -> str:
    from recourse.store import RecordQuery

    return store.page("roster_entries", RecordQuery(), 0, 1)[0].id


@pytest.mark.parametrize("change", ["tombstone", "upsert"])
def test_a_page_cannot_touch_a_record_of_another_category(
    api: ServerConnection, store: Store, tamper: Tamper, change: str
) -> None:
    assert SyncEngine(api, store).run().state == "ok"
    victim = _a_roster_id(store)
    before = store.record(victim)
    assert before is not None

    def inject(page: dict[str, Any]) -> dict[str, Any]:
        if change == "tombstone":
            extra = {"op": "delete", "id": victim, "deleted_at": "2026-06-01T00:00:00Z"}
        else:
            extra = {"op": "upsert", "record": {
                "id": victim, "category": "absences", "occurred_at": "2026-06-01T00:00:00Z",
                "updated_at": "2026-06-01T00:00:00Z", "summary": "moved", "data": {}}}
        return {**page, "changes": [*page["changes"], extra]}

    tamper.json(r"/feed/absences$", inject)
    cursor = store.cursor("absences")
    result = SyncEngine(api, store).run()
    assert tamper.hits and result.state == "failed"
    assert "another category" in result.message
    assert store.record(victim) == before  # still there, still a roster entry
    assert store.cursor("absences") == cursor


@pytest.mark.parametrize("where", ["list", "detail"])
def test_a_flag_about_another_officer_is_refused(
    api: ServerConnection, store: Store, tamper: Tamper, where: str
) -> None:
    def other(flag: dict[str, Any]) -> dict[str, Any]:
        return {**flag, "officer_id": "off-someone-else"}

    if where == "list":
        tamper.json(r"/flags$", lambda body: {"flags": [other(f) for f in body["flags"]]})
    else:
        tamper.json(r"/flags/[^/]+$", other)
    result = SyncEngine(api, store).run()
    assert tamper.hits and result.state == "failed"
    assert isinstance(result.error, ResponseInvalid)
    assert "another officer" in result.message
    assert all(f.officer_id == HUGHES.officer_id for f in store.flags())


def test_an_unexpected_error_in_sync_never_leaves_last_sync_ok(
    api: ServerConnection, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert SyncEngine(api, store).run().state == "ok"
    assert store.last_sync() is not None and store.last_sync().state == "ok"

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("a bug")

    monkeypatch.setattr(api, "access_log", broken)
    with pytest.raises(RuntimeError):
        SyncEngine(api, store).run()
    last = store.last_sync()
    assert last is not None and last.state == "failed" and last.message
