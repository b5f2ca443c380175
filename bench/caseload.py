"""Caseload benchmark: a representative with 50 members, each with a year of hourly
location pings and every other category, served by the reference server on loopback.

Figures (../shared/BENCH.md):
* caseload.full — the first caseload sync (every member's data into that member's
  encrypted store), in a child process; baseline: the same pages fetched one after
  another with requests, parsed with json and written with their cursors in one
  transaction each to plain sqlite3 (one database per member), in a child process too.
* caseload.nothing_new — a caseload sync when nothing changed, for all 50 members
  (after one sync that lets the members' access logs take his reads), median of 5.
* caseload.screen — the caseload screen built, filled from the 50 member stores and
  painted (offscreen), median of 5.
* caseload.peak_memory — peak RSS of the syncing process.

RECOURSE_BENCH_REPEAT (default 3) sets how many times the full sync is repeated.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import REPO, emit, median, peak_rss_mb, progress

PASS = "bench passphrase"
MEMBERS = 50
REP_USERNAME, REP_PASSWORD, REP_ID = "rep.bench", "bench-rep-2026", "off-7000"


def _accounts() -> tuple[Any, ...]:
    from recourse_server.synth.accounts import Account

    members = tuple(
        Account(f"bench.m{i:02}", f"bench-member-{i:02}", f"off-7{i:03}", f"Member {i:02}",
                "officer", f"NP7{i:03}", "Police Constable",
                "Response Team A, Eastgate" if i % 2 else "Response Team C, Kirkgate")
        for i in range(1, MEMBERS + 1))
    rep = Account(REP_USERNAME, REP_PASSWORD, REP_ID, "Bench Representative",
                  "representative", "NP7000", "Police Constable",
                  "Police Federation, Northshire Branch",
                  represents=tuple(m.officer_id for m in members))
    return (*members, rep)


def _seed(database_url: str) -> dict[str, int]:
    from recourse_server.seeding import seed
    from recourse_server.synth.dataset import Dataset

    dataset = Dataset(2026, 60)  # a ping an hour: 8,760 a member
    dataset.accounts = _accounts()
    return seed(database_url, ping_interval=60, dataset=dataset, progress=None)


def _peak_rss() -> float:
    return peak_rss_mb(os.getpid())


def _child_sync(folder: str, url: str) -> None:
    """The first caseload sync, then nothing-new syncs: one settles the access logs,
    five are timed."""
    from recourse.api import ServerConnection
    from recourse.contest.caseload import refresh_caseload_requests
    from recourse.store import MINIMUM_KDF, Profile
    from recourse.sync import sync_caseload

    store = Profile(Path(folder), kdf=MINIMUM_KDF).unlock(PASS)
    api = ServerConnection(url, store)

    def caseload() -> tuple[Any, float]:
        began = time.perf_counter()
        result = sync_caseload(api, store)
        refresh_caseload_requests(api, store, list(result.members), result.changes)
        return result, time.perf_counter() - began

    first, seconds = caseload()
    items = sum(r.items for r in first.members.values())
    rss = _peak_rss()
    caseload()
    quiet = []
    for _ in range(5):
        result, took = caseload()
        assert all(r.items == 0 for r in result.members.values())
        quiet.append((took, result.summary(took).requests))
    api.close()
    store.close()
    print(json.dumps({"seconds": seconds, "items": items, "ok": first.ok,
                      "members": len(first.members), "rss": rss,
                      "quiet": [q[0] for q in quiet], "quiet_requests": quiet[-1][1]}))


def _child_baseline(folder: str, url: str, token: str, officers: str) -> None:
    import requests

    from bench.sync import plain_fetch_all, plain_store

    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    began = time.perf_counter()
    items = 0
    for officer_id in officers.split(","):
        conn = plain_store(str(Path(folder) / f"{officer_id}.db"))
        items += plain_fetch_all(session, conn, url, officer_id)
        conn.close()
    print(json.dumps({"seconds": time.perf_counter() - began, "items": items,
                      "rss": _peak_rss()}))


def _child_screen(folder: str) -> None:
    """The caseload screen built, filled and painted, five times (offscreen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from recourse.store import MINIMUM_KDF, Profile
    from recourse.ui.app import AppContext
    from recourse.ui.screens.caseload import CaseloadScreen
    from recourse.ui.settings_registry import Settings

    app = QApplication([])
    store = Profile(Path(folder), kdf=MINIMUM_KDF).unlock(PASS)
    times = []
    rows = 0
    for _ in range(5):
        began = time.perf_counter()
        screen = CaseloadScreen(AppContext(settings=Settings(policy={}), store=store, api=None))
        screen.resize(1280, 800)
        screen.set_store(store)
        screen.show()
        screen.repaint()
        app.processEvents()
        times.append(time.perf_counter() - began)
        rows = screen.model.rowCount()
        screen.close()
        screen.deleteLater()
        app.processEvents()
    store.close()
    print(json.dumps({"times": times, "rows": rows}))


def _run_child(code: str, *args: str) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c",
         f"import sys; from bench.caseload import {code}; {code}(*sys.argv[1:])", *args],
        capture_output=True, text=True, env=env, check=True, cwd=REPO)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    import requests
    from tests.support.browser import log_in_through_form
    from tests.support.server import start_server

    from recourse.api import ServerConnection
    from recourse.store import MINIMUM_KDF, Profile

    repeat = int(os.environ.get("RECOURSE_BENCH_REPEAT", "3"))
    with tempfile.TemporaryDirectory(prefix="recourse-bench-caseload-") as tmp:
        folder = Path(tmp)
        database_url = f"sqlite:///{folder / 'caseload.sqlite3'}"
        progress(f"caseload: seeding {MEMBERS} members (a ping an hour each)…")
        counts = _seed(database_url)
        with start_server(folder / "server", database_url=database_url, timeout=900,
                          extra_args=["--access-token-ttl", "7200"]) as server:

            def browser(url: str) -> bool:
                requests.get(log_in_through_form(url, REP_USERNAME, REP_PASSWORD), timeout=30)
                return True

            template = folder / "template"
            with Profile(template, kdf=MINIMUM_KDF).create(PASS) as store:
                connection = ServerConnection(server.url, store, browser=browser)
                connection.sign_in()
                token = connection.auth.access_token()
                connection.close()
            members = ",".join(f"off-7{i:03}" for i in range(1, MEMBERS + 1))
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
                        progress(f"caseload: first caseload sync {i + 1}/{repeat}…")
                        ours.append(_run_child("_child_sync", str(run), server.url))
                        assert ours[-1]["ok"] and ours[-1]["members"] == MEMBERS, ours[-1]
                        progress(f"caseload: {ours[-1]['seconds']:.1f} s")
                    else:
                        plain = folder / f"plain-{i}"
                        plain.mkdir()
                        progress(f"caseload: baseline {i + 1}/{repeat}…")
                        base.append(_run_child("_child_baseline", str(plain), server.url,
                                               token, members))
                        progress(f"caseload: baseline {base[-1]['seconds']:.1f} s")
                        shutil.rmtree(plain)
                if i == repeat - 1:
                    run.rename(last)
                else:
                    shutil.rmtree(run)
            screen = _run_child("_child_screen", str(last))
    items = ours[0]["items"]
    detail = (f"{MEMBERS} members, {items} changes in all ({counts['records']} records "
              f"seeded), median of {repeat}; runs "
              + ", ".join(f"{r['seconds']:.1f}" for r in ours) + " s, baseline "
              + ", ".join(f"{r['seconds']:.1f}" for r in base) + " s; load average "
              + ", ".join(f"{x:.1f}" for x in loads))
    emit("caseload.full", median([r["seconds"] for r in ours]), "s", target=None,
         better="lower", baseline=median([r["seconds"] for r in base]), ratio_target=2.0,
         detail=detail)
    quiet = [t for r in ours for t in r["quiet"]]
    emit("caseload.nothing_new", median(quiet), "s", target=1.0, better="lower",
         detail=f"caseload sync with nothing new for all {MEMBERS} members, median of "
                f"{len(quiet)}; {ours[-1]['quiet_requests']} requests each")
    emit("caseload.screen", median(screen["times"]) * 1000, "ms", target=200, better="lower",
         detail=f"caseload screen built, filled from {screen['rows']} member stores and "
                f"painted at 1280x800 (offscreen), median of {len(screen['times'])}")
    emit("caseload.peak_memory", max(r["rss"] for r in ours), "MB", target=None,
         better="lower", baseline=max(r["rss"] for r in base),
         detail="peak RSS of the process during the first caseload sync (baseline: "
                "requests+json+sqlite3)")


if __name__ == "__main__":
    main()
