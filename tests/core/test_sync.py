"""Sync end to end against the real reference server over loopback, signed in through
the real OpenID Connect flow, into the real encrypted store."""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from test_store_helpers import PASS, fast_profile
from test_sync_helpers import RequestLog, ThrottlingProxy, sign_in, stored_digests
from tests.support.server import RunningServer, start_server
from tests.support.tls_proxy import TlsFront, make_certificate

from recourse.api import ServerConnection
from recourse.api.errors import NotFound
from recourse.protocol import wire
from recourse.store import Store
from recourse.sync import SyncEngine, SyncProgress
from recourse_server import admin
from recourse_server.synth.accounts import HUGHES


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


def test_first_incremental_and_nothing_changed_syncs(server: RunningServer, store: Store) -> None:
    api = sign_in(server.url, store, HUGHES.username, HUGHES.password)
    requests_made = RequestLog()
    requests_made.attach(api)
    seen: list[SyncProgress] = []

    # First sync: the store holds exactly what the server holds.
    result = SyncEngine(api, store, seen.append, page_size=500).run()
    assert result.state == "ok", result.message
    expected = admin.record_digests(server.database_url, HUGHES.officer_id)
    assert len(expected) > 1000
    assert stored_digests(store) == expected
    assert result.items == len(expected)
    assert store.me() is not None and store.me().officer_id == HUGHES.officer_id
    assert store.flags() and store.rules() and store.sources()
    assert store.last_sync() is not None and store.last_sync().state == "ok"
    assert {p.current for p in seen} >= {"me", "roster_entries", "flags", "done"}
    assert seen[-1].current == "done" and seen[-1].items == result.items
    assert all(a.items <= b.items and a.bytes <= b.bytes for a, b in itertools.pairwise(seen))

    # The force changes, adds and deletes records, raises a flag, looks at the file.
    records = admin.current_records(server.database_url, HUGHES.officer_id)
    victim, changed = sorted(records)[:2]
    altered = dict(records[changed], summary="Amended by the force")
    admin.upsert_record(server.database_url, HUGHES.officer_id, altered)
    admin.upsert_record(
        server.database_url,
        HUGHES.officer_id,
        {
            "id": "absence-new-1",
            "category": "absences",
            "occurred_at": "2026-02-02T00:00:00Z",
            "updated_at": "2026-02-03T00:00:00Z",
            "summary": "Sickness absence added later",
            "data": {
                "kind": "sickness",
                "start_date": "2026-02-02",
                "end_date": "2026-02-02",
                "certified": False,
                "reason": "flu",
            },
        },
    )
    admin.delete_record(server.database_url, HUGHES.officer_id, victim)
    flag = store.flags()[0].model_dump(mode="json")
    flag.update(id="flag-added-later", headline="A new flag")
    admin.add_flag(server.database_url, HUGHES.officer_id, flag)
    admin.add_access_log_entry(
        server.database_url,
        HUGHES.officer_id,
        {
            "id": "access-later",
            "viewed_at": "2026-02-04T10:00:00Z",
            "viewer": "PSD analyst",
            "viewer_role": "analyst",
            "reason": "review",
            "what": "roster",
        },
    )
    requests_made.clear()
    result = SyncEngine(api, store).run()
    assert result.state == "ok", result.message
    assert stored_digests(store) == admin.record_digests(server.database_url, HUGHES.officer_id)
    assert store.record(victim) is None
    assert store.record(changed).summary == "Amended by the force"
    assert store.record("absence-new-1") is not None
    assert store.flag("flag-added-later") is not None
    assert "access-later" in {e.id for e in store.access_log()}
    # Only the new flag's details were fetched, not every flag's again.
    detail_calls = [p for _, p, _, _ in requests_made.seen if "/flags/" in p]
    assert detail_calls == [f"/v1/officers/{HUGHES.officer_id}/flags/flag-added-later"]
    # Only the categories that changed were asked for; the catalogues, unchanged, not.
    feeds = {p.rsplit("/", 1)[-1] for _, p, _, _ in requests_made.seen if "/feed/" in p}
    assert feeds == {"absences", records[victim]["category"], records[changed]["category"]}
    assert not {"/v1/rules", "/v1/sources"} & {p for _, p, _, _ in requests_made.seen}

    # Nothing changed: `/me` and one `changes` request, however many categories.
    requests_made.clear()
    result = SyncEngine(api, store).run()
    assert result.state == "ok" and result.items == 0
    paths = [p for _, p, _, _ in requests_made.seen]
    assert paths == ["/v1/me", "/v1/changes"], paths
    assert result.requests == 2
    assert stored_digests(store) == admin.record_digests(server.database_url, HUGHES.officer_id)


def test_a_server_without_the_changes_request_is_synced_category_by_category(
    server: RunningServer, store: Store
) -> None:
    api = sign_in(server.url, store, HUGHES.username, HUGHES.password)
    assert SyncEngine(api, store).run().state == "ok"
    requests_made = RequestLog()
    requests_made.attach(api)

    def no_such_request(*_args: object, **_kwargs: object) -> object:
        raise NotFound("Not Found")

    api.changes = no_such_request  # type: ignore[method-assign]
    result = SyncEngine(api, store).run()
    assert result.state == "ok" and result.items == 0
    paths = [p for _, p, _, _ in requests_made.seen]
    assert len(paths) == 1 + len(wire.CATEGORIES) + 4, paths
    # 304s carry no body (no Content-Length, logged as -1); feed pages are tiny.
    assert all(size < 1024 for _, _, _, size in requests_made.seen), requests_made.seen
    statuses = {p.rsplit("/", 1)[-1]: s for _, p, s, _ in requests_made.seen}
    assert [statuses[r] for r in ("flags", "access-log", "rules", "sources")] == [304] * 4


def test_cancel_and_resume(server: RunningServer, store: Store) -> None:
    api = sign_in(server.url, store, HUGHES.username, HUGHES.password)
    cancel = threading.Event()
    pages = []

    def progress(p: SyncProgress) -> None:
        pages.append(p)
        if p.items >= 600:
            cancel.set()

    result = SyncEngine(api, store, progress, page_size=200).run(cancel)
    assert result.state == "cancelled" and result.message
    assert "cancelled" in result.message  # said as what it was, not as a failure
    assert 600 <= result.items <= 800  # stopped at the next page boundary
    assert store.last_sync().state == "cancelled"
    assert "cancelled" in (store.last_sync().message or "")
    assert sum(store.category_counts().values()) == result.items
    result = SyncEngine(api, store, page_size=200).run()
    assert result.state == "ok"
    assert stored_digests(store) == admin.record_digests(server.database_url, HUGHES.officer_id)


def test_progress_has_the_servers_totals_and_a_falling_eta(
    server: RunningServer, store: Store
) -> None:
    api = sign_in(server.url, store, HUGHES.username, HUGHES.password)
    seen: list[SyncProgress] = []
    result = SyncEngine(api, store, seen.append, page_size=50).run()
    assert result.state == "ok", result.message
    feed = [p for p in seen if p.current in wire.CATEGORIES and p.category_items]
    by_category: dict[str, list[SyncProgress]] = {}
    for p in feed:
        by_category.setdefault(p.current, []).append(p)
    assert set(by_category) == {c for c, n in result.changed.items() if n and c in wire.CATEGORIES}
    for category, reports in by_category.items():
        # The server's count on the first page is the category's whole share of the run.
        assert [p.category_total for p in reports] == [result.changed[category]] * len(reports)
        assert [p.remaining for p in reports] == [
            result.changed[category] - p.category_items for p in reports
        ]
        assert reports[-1].remaining == 0 and reports[-1].eta_seconds == 0
        assert reports[-1].bytes_remaining == 0
    # The biggest category spans many pages: its ETA falls as they arrive.
    biggest = max(by_category.values(), key=len)
    assert len(biggest) >= 8
    etas = [p.eta_seconds for p in biggest]
    assert all(e is not None and e >= 0 for e in etas)
    assert etas[0] > etas[len(etas) // 2] > etas[-1] == 0
    falling = sum(b < a for a, b in itertools.pairwise(etas))  # type: ignore[operator]
    assert falling >= 0.75 * (len(etas) - 1), etas
    assert all(p.bytes_remaining is not None for p in biggest)
    # The status bar's names for the same figures.
    assert seen[-1].category == "done" and seen[-1].eta == 0


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_cancel_interrupts_a_page_in_flight_and_the_next_sync_resumes(
    server: RunningServer, store: Store, tmp_path: Path, scheme: str
) -> None:
    sign_in(server.url, store, HUGHES.username, HUGHES.password).close()
    options: dict[str, str] = {}
    tls: TlsFront | None = None
    upstream = server.url
    if scheme == "https":  # TLS as a force deploys it; the slow link in front of it
        certificate = make_certificate(tmp_path / "certs", "force-server")
        tls = TlsFront(int(server.url.rsplit(":", 1)[1]), certificate)
        upstream = tls.url
        options["ca_bundle"] = str(certificate.cert_file)
    proxy = ThrottlingProxy(upstream, rate=4096)
    try:
        api = ServerConnection(proxy.url, store, issuer=server.url, **options)
        cancel = threading.Event()
        cancelled_at: list[float] = []

        def cancel_soon() -> None:
            time.sleep(0.3)  # the next page is on its way by now, slowly
            cancelled_at.append(time.monotonic())
            cancel.set()

        def progress(p: SyncProgress) -> None:
            if p.items and not cancelled_at and proxy.throttled.is_set() is False:
                proxy.throttled.set()  # from the second page on, a slow link
                threading.Thread(target=cancel_soon, daemon=True).start()

        result = SyncEngine(api, store, progress, page_size=200).run(cancel)
        returned = time.monotonic()
        assert result.state == "cancelled", result.message
        # The request was interrupted, not left to finish in the background: the client
        # hung up while the slow link was still passing the page on.
        assert proxy.client_gone.wait(10.0)
        # Promptly, with a wide margin for a loaded machine (`python -m bench sync`
        # measures it: sync.cancel); the page in flight takes far longer at 4 KiB/s.
        assert returned - cancelled_at[0] < 5.0, returned - cancelled_at[0]
        # The store holds exactly the pages applied, up to a page boundary.
        applied = result.items
        feed = feed_counts(server)
        # Every category was applied whole or in whole pages (none half-written).
        changed = {c: n for c, n in result.changed.items() if c in wire.CATEGORIES}
        assert all(n == feed[c] or n % 200 == 0 for c, n in changed.items()), changed
        assert 0 < applied < sum(feed.values())
        assert store.integrity_errors() == []

        proxy.throttled.clear()
        resumed = SyncEngine(api, store, page_size=200).run()
        assert resumed.state == "ok", resumed.message
        expected = admin.record_digests(server.database_url, HUGHES.officer_id)
        assert stored_digests(store) == expected
        assert resumed.items == sum(feed.values()) - applied  # carried on, nothing again
        api.close()
    finally:
        proxy.close()
        if tls is not None:
            tls.close()


def feed_counts(server: RunningServer) -> dict[str, int]:
    """Changes (records and deletions) per category in the server's feed."""
    path = server.database_url.removeprefix("sqlite:///")
    with contextlib.closing(sqlite3.connect(path)) as conn:
        rows = conn.execute(
            "SELECT category, count(*) FROM changes WHERE officer_id = ? GROUP BY category",
            (HUGHES.officer_id,),
        ).fetchall()
    return {category: n for category, n in rows}


# Last: it stops the module's server.
def test_an_api_error_leaves_the_store_as_it_was(server: RunningServer, store: Store) -> None:
    api = sign_in(server.url, store, HUGHES.username, HUGHES.password)
    SyncEngine(api, store).run()
    before = stored_digests(store)
    cursors = {c: store.cursor(c) for c in wire.CATEGORIES}
    admin.upsert_record(
        server.database_url,
        HUGHES.officer_id,
        {
            "id": "absence-new-2",
            "category": "absences",
            "occurred_at": "2026-02-05T00:00:00Z",
            "updated_at": "2026-02-05T00:00:00Z",
            "summary": "Another",
            "data": {},
        },
    )
    server.stop()  # the server goes away mid-run: no answer at all
    result = SyncEngine(api, store).run()
    assert result.state == "failed"
    assert result.error is not None and result.error.message
    assert stored_digests(store) == before
    assert {c: store.cursor(c) for c in wire.CATEGORIES} == cursors
    status = store.last_sync()
    assert status is not None and status.state == "failed" and status.message
    assert status.finished_at <= datetime.now(UTC)
