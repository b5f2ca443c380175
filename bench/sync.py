"""Sync benchmark: the heavy profile (one ping a minute = 525,600 pings plus every other
category) served by the reference server on loopback.

Figures (../shared/BENCH.md):
* sync.full — first full sync into the encrypted store, in a child process; baseline:
  the naive same work with no encryption and no checks: the same pages (same size, gzip
  accepted) fetched one after another with requests, parsed with json, and each page's
  records (data re-serialised with json.dumps) written with its cursor in one
  transaction to plain sqlite3, in a child process too. The two alternate which goes
  first in each repetition. Also records/s and peak RSS.
* sync.incremental_nothing_new — a sync when nothing changed.
* sync.queries — a UI-like query workload (pages at offsets 0/250k/500k, date filter,
  search, counts) on the SQLCipher store vs the same data in plain SQLite.

RECOURSE_BENCH_REPEAT (default 3) sets how many times each timing is repeated.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.common import REPO, emit, median, progress

PASS = "bench passphrase"


def _child_sync(folder: str, url: str) -> None:
    from recourse.api import ServerConnection
    from recourse.store import MINIMUM_KDF, Profile
    from recourse.sync import SyncEngine

    store = Profile(Path(folder), kdf=MINIMUM_KDF).unlock(PASS)
    api = ServerConnection(url, store)
    began = time.perf_counter()
    result = SyncEngine(api, store).run()
    seconds = time.perf_counter() - began
    store.close()
    print(
        json.dumps(
            {"seconds": seconds, "items": result.items, "state": result.state, "rss": _peak_rss()}
        )
    )


def _child_cancel(folder: str, url: str, delay: str) -> None:
    """Cancel a first sync `delay` seconds into the pings (a page always in flight) and
    time how long `run` takes to return; then check the store holds whole pages."""
    import threading

    from recourse.api import ServerConnection
    from recourse.store import MINIMUM_KDF, Profile
    from recourse.sync import SyncEngine, SyncProgress

    store = Profile(Path(folder), kdf=MINIMUM_KDF).unlock(PASS)
    api = ServerConnection(url, store)
    cancel = threading.Event()
    set_at: list[float] = []

    def cancel_later() -> None:
        time.sleep(float(delay))
        set_at.append(time.perf_counter())
        cancel.set()

    timer = threading.Thread(target=cancel_later, daemon=True)

    def progress(p: SyncProgress) -> None:
        if p.current == "location_pings" and not timer.is_alive() and not set_at:
            timer.start()

    result = SyncEngine(api, store, progress).run(cancel)
    returned = time.perf_counter()
    pings = store.category_counts().get("location_pings", 0)
    store.close()
    print(
        json.dumps(
            {
                "seconds": returned - set_at[0],
                "state": result.state,
                "whole_pages": pings % 5000 == 0,
            }
        )
    )


def plain_store(db_path: str) -> Any:
    """The baseline's store: plain sqlite3 (WAL), records with a time index, cursors."""
    import sqlite3

    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(
        "CREATE TABLE records (rid INTEGER PRIMARY KEY, id TEXT UNIQUE, category TEXT, "
        "occurred_at TEXT, updated_at TEXT, summary TEXT, data TEXT)"
    )
    conn.execute("CREATE INDEX by_time ON records (category, occurred_at)")
    conn.execute("CREATE TABLE cursors (category TEXT PRIMARY KEY, cursor TEXT)")
    return conn


def plain_fetch_all(session: Any, conn: Any, url: str, officer_id: str) -> int:
    """The baseline's work: every page of every category fetched one after another,
    parsed with json, and written with its cursor in one transaction; returns the
    number of changes."""
    from recourse.protocol import wire

    items = 0
    for category in wire.CATEGORIES:
        cursor = None
        while True:
            params = {"limit": str(wire.MAX_PAGE_SIZE)}
            if cursor:
                params["cursor"] = cursor
            page = session.get(
                f"{url}/v1/officers/{officer_id}/feed/{category}", params=params, timeout=60
            ).json()
            conn.execute("BEGIN")
            ups = [c["record"] for c in page["changes"] if c["op"] == "upsert"]
            conn.executemany(
                "INSERT OR REPLACE INTO records (id, category, occurred_at, updated_at, "
                "summary, data) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (
                        r["id"],
                        r["category"],
                        r["occurred_at"],
                        r["updated_at"],
                        r.get("summary"),
                        json.dumps(r["data"]),
                    )
                    for r in ups
                ],
            )
            conn.execute(
                "INSERT OR REPLACE INTO cursors VALUES (?, ?)", (category, page["next_cursor"])
            )
            conn.execute("COMMIT")
            items += len(page["changes"])
            cursor = page["next_cursor"]
            if not page["has_more"]:
                break
    return items


def _child_baseline(db_path: str, url: str, officer_id: str, token: str) -> None:
    import requests

    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    conn = plain_store(db_path)
    began = time.perf_counter()
    items = plain_fetch_all(session, conn, url, officer_id)
    seconds = time.perf_counter() - began
    print(json.dumps({"seconds": seconds, "items": items, "rss": _peak_rss()}))


def _peak_rss() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _run_child(code: str, *args: str) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import sys; from bench.sync import {code}; {code}(*sys.argv[1:])",
            *args,
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=REPO,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _workload(store: Any) -> None:
    from recourse.store import RecordQuery

    store.records_changed()  # cold caches: what the UI sees right after a sync
    q = RecordQuery()
    for offset in (0, 250_000, 500_000):
        store.page("location_pings", q, offset, 50)
    store.count("location_pings")
    since = datetime(2025, 6, 1, tzinfo=UTC)
    dated = RecordQuery(since=since, until=since + timedelta(days=30))
    store.count("location_pings", dated)
    store.page("location_pings", dated, 20_000, 50)
    for category in ("roster_entries", "system_lookups", "building_access"):
        searched = RecordQuery(search="Kirkgate")
        store.count(category, searched)
        store.page(category, searched, 0, 50)
    store.category_counts()


def main() -> None:
    sys.path.insert(0, str(REPO))
    import requests
    from tests.support.browser import log_in_through_form
    from tests.support.server import start_server

    from recourse.api import ServerConnection
    from recourse.store import MINIMUM_KDF, Profile, Store
    from recourse.store.header import DerivedKeys
    from recourse.sync import SyncEngine
    from recourse_server.synth.accounts import HEAVY

    repeat = int(os.environ.get("RECOURSE_BENCH_REPEAT", "3"))
    with tempfile.TemporaryDirectory(prefix="recourse-bench-sync-") as tmp:
        folder = Path(tmp)
        progress("sync: seeding the heavy profile (one ping a minute)…")
        with start_server(
            folder / "server", only=[HEAVY.username], ping_interval=1, timeout=900
        ) as server:

            def browser(url: str) -> bool:
                requests.get(log_in_through_form(url, HEAVY.username, HEAVY.password), timeout=30)
                return True

            template = folder / "template"
            with Profile(template, kdf=MINIMUM_KDF).create(PASS) as store:
                connection = ServerConnection(server.url, store, browser=browser)
                connection.sign_in()
                token = connection.auth.access_token()
                connection.close()
            ours: list[dict[str, Any]] = []
            base: list[dict[str, Any]] = []
            loads: list[float] = []
            last = folder / "last"
            for i in range(repeat):
                run = folder / f"run-{i}"
                shutil.copytree(template, run)
                loads.append(os.getloadavg()[0])
                for turn in ("ours", "base") if i % 2 == 0 else ("base", "ours"):
                    if turn == "ours":
                        progress(f"sync: full sync {i + 1}/{repeat}…")
                        ours.append(_run_child("_child_sync", str(run), server.url))
                        assert ours[-1]["state"] == "ok", ours[-1]
                        progress(f"sync: {ours[-1]['seconds']:.1f} s")
                    else:
                        progress(f"sync: baseline {i + 1}/{repeat}…")
                        base.append(
                            _run_child(
                                "_child_baseline",
                                str(folder / f"plain-{i}.db"),
                                server.url,
                                HEAVY.officer_id,
                                token,
                            )
                        )
                        progress(f"sync: baseline {base[-1]['seconds']:.1f} s")
                if i == repeat - 1:
                    run.rename(last)
                else:
                    shutil.rmtree(run)
            items = ours[0]["items"]
            full = median([r["seconds"] for r in ours])
            baseline = median([r["seconds"] for r in base])
            detail = (
                f"{items} changes (heavy profile), median of {repeat}; runs "
                + ", ".join(f"{r['seconds']:.1f}" for r in ours)
                + " s, baseline "
                + ", ".join(f"{r['seconds']:.1f}" for r in base)
                + " s; load average "
                + ", ".join(f"{x:.1f}" for x in loads)
            )
            emit(
                "sync.full",
                full,
                "s",
                target=20,
                better="lower",
                baseline=baseline,
                ratio_target=2.0,
                detail=detail,
            )
            emit(
                "sync.records_per_second",
                items / full,
                "records/s",
                target=None,
                better="higher",
                detail=detail,
            )
            emit(
                "sync.peak_memory",
                max(r["rss"] for r in ours),
                "MB",
                target=300,
                better="lower",
                baseline=max(r["rss"] for r in base),
                detail="peak RSS of the syncing process (baseline: requests+json+sqlite3)",
            )

            cancels = []
            for i in range(repeat):
                run = folder / f"cancel-{i}"
                shutil.copytree(template, run)
                progress(f"sync: cancel during the pings {i + 1}/{repeat}…")
                cancels.append(_run_child("_child_cancel", str(run), server.url, str(0.5 + i)))
                assert cancels[-1]["state"] == "cancelled" and cancels[-1]["whole_pages"], cancels
                shutil.rmtree(run)
            emit(
                "sync.cancel",
                median([c["seconds"] for c in cancels]),
                "s",
                target=0.5,
                better="lower",
                detail=f"from cancel to SyncEngine.run returning, 0.5-{repeat - 0.5:.1f} s "
                f"into the pings (a 5,000-record page in flight), median of {repeat}; the "
                "store was left at a page boundary every time",
            )

            with Profile(last, kdf=MINIMUM_KDF).unlock(PASS, verify=False) as store:
                api = ServerConnection(server.url, store)
                times = []
                for _ in range(max(3, repeat)):
                    began = time.perf_counter()
                    assert SyncEngine(api, store).run().items == 0
                    times.append(time.perf_counter() - began)
                emit(
                    "sync.incremental_nothing_new",
                    median(times),
                    "s",
                    target=0.5,
                    better="lower",
                    detail=f"sync with no changes, median of {len(times)}",
                )
                plain = folder / "plain-copy.db"
                with store.reading() as db:
                    db.execute(f"ATTACH DATABASE '{plain}' AS plaintext KEY ''")
                    db.execute("SELECT sqlcipher_export('plaintext')")
                    db.execute("DETACH DATABASE plaintext")
                import sqlcipher3

                plain_conn = sqlcipher3.connect(
                    str(plain), check_same_thread=False, isolation_level=None
                )
                plain_store = Store(
                    plain_conn, Profile(folder / "none"), DerivedKeys(bytearray(32), bytearray(32))
                )
                enc, pla = [], []
                for _ in range(max(5, repeat)):
                    began = time.perf_counter()
                    _workload(store)
                    enc.append(time.perf_counter() - began)
                    began = time.perf_counter()
                    _workload(plain_store)
                    pla.append(time.perf_counter() - began)
                plain_conn.close()
                emit(
                    "sync.queries",
                    median(enc),
                    "s",
                    target=None,
                    better="lower",
                    baseline=median(pla),
                    ratio_target=1.5,
                    detail="pages at 0/250k/500k, date filter, search, counts: SQLCipher "
                    "vs the same data in plain SQLite, cold caches, median",
                )
                began = time.perf_counter()
                store.records_changed()
                store.page(
                    "location_pings", __import__("recourse.store").store.RecordQuery(), 500_000, 50
                )
                cold = time.perf_counter() - began
                began = time.perf_counter()
                store.page(
                    "location_pings", __import__("recourse.store").store.RecordQuery(), 500_050, 50
                )
                warm = time.perf_counter() - began
                emit(
                    "sync.page_500000",
                    cold * 1000,
                    "ms",
                    target=50,
                    better="lower",
                    detail=f"rows 500,000-500,050 of the pings, first call (next: "
                    f"{warm * 1000:.1f} ms)",
                )
