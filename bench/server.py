"""Benchmark of the reference server: `python -m bench server`.

Seeds the heavy officer with a year of one-a-minute pings, then over HTTP on loopback:
- full feed download (every category, default page size, requests): records per second,
  beside the same rows read straight from the SQLite file with sqlite3 (the baseline);
- the server's peak RSS after a short feed and after the full feed: it must not grow
  with the feed's length;
- 100 concurrent clients (threads, each with its own session and token) paging through
  the pings: p50/p99 page latency and errors.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from bench.common import REPO, emit, median, peak_rss_mb, percentile, progress

HEAVY, HEAVY_PASSWORD = "heavy", "demo-heavy-2026"
RUNS = 3
CLIENTS = 100
PAGES_PER_CLIENT = 5


def _seed(database_url: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "recourse_server", "seed", "--database", database_url,
                    "--ping-interval", "1", "--only", HEAVY], check=True,
                   stdout=subprocess.DEVNULL, cwd=REPO)
    return time.perf_counter() - started


def _download(session: Any, url: str, officer_id: str, headers: dict[str, str],
              categories: tuple[str, ...], max_pages: int | None = None) -> int:
    count = 0
    for category in categories:
        cursor = None
        pages = 0
        while True:
            params = {"cursor": cursor} if cursor else {}
            response = session.get(f"{url}/v1/officers/{officer_id}/feed/{category}",
                                   params=params, headers=headers, timeout=60)
            response.raise_for_status()
            page = response.json()
            count += len(page["changes"])
            cursor = page["next_cursor"]
            pages += 1
            if not page["has_more"] or (max_pages is not None and pages >= max_pages):
                break
    return count


def _baseline_read(db_path: Path, officer_id: str, categories: tuple[str, ...],
                   page_size: int) -> int:
    """The same rows, page by page with the same keyset query, straight from the file."""
    connection = sqlite3.connect(db_path)
    count = 0
    for category in categories:
        after = 0
        while True:
            rows = connection.execute(
                "SELECT seq, body FROM changes WHERE officer_id=? AND category=? AND seq>? "
                "ORDER BY seq LIMIT ?", (officer_id, category, after, page_size)).fetchall()
            if not rows:
                break
            count += len(rows)
            after = rows[-1][0]
    connection.close()
    return count


def main() -> None:
    import requests
    from tests.support.browser import sign_in
    from tests.support.server import start_server

    from recourse.protocol import wire

    with tempfile.TemporaryDirectory(prefix="recourse-bench-") as tmp:
        folder = Path(tmp)
        db_path = folder / "recourse-server.sqlite3"
        database_url = f"sqlite:///{db_path}"
        progress("seeding the heavy officer (one ping a minute for a year)…")
        seed_seconds = _seed(database_url)
        emit("server.seed", seed_seconds, "s", target=60, better="lower",
             detail="seeding the heavy officer-year at one ping a minute into SQLite")

        with start_server(folder / "single", database_url=database_url) as server:
            tokens = sign_in(server.url, HEAVY, HEAVY_PASSWORD)
            headers = {"Authorization": f"Bearer {tokens['access_token']}"}
            session = requests.Session()
            officer_id = session.get(f"{server.url}/v1/me", headers=headers,
                                     timeout=10).json()["officer_id"]
            others = tuple(c for c in wire.CATEGORIES if c != "location_pings")
            short = _download(session, server.url, officer_id, headers, others)
            short += _download(session, server.url, officer_id, headers, ("location_pings",),
                               max_pages=1)
            short_rss = peak_rss_mb(server.pid)
            progress(f"short feed: {short} records, server peak RSS {short_rss:.0f} MB")

            times, baseline_times, total = [], [], 0
            for run in range(RUNS):
                started = time.perf_counter()
                total = _download(session, server.url, officer_id, headers, wire.CATEGORIES)
                times.append(time.perf_counter() - started)
                started = time.perf_counter()
                base_total = _baseline_read(db_path, officer_id, wire.CATEGORIES,
                                            wire.DEFAULT_PAGE_SIZE)
                baseline_times.append(time.perf_counter() - started)
                assert base_total == total, (base_total, total)
                progress(f"run {run + 1}: {total} records in {times[-1]:.2f} s "
                         f"(sqlite3 {baseline_times[-1]:.2f} s)")
            full_rss = peak_rss_mb(server.pid)
        emit("server.feed_throughput", total / median(times), "records/s", target=100_000,
             better="higher", baseline=total / median(baseline_times), ratio_target=0.1,
             detail=f"full feed of {total} records over HTTP (requests, page size "
                    f"{wire.DEFAULT_PAGE_SIZE}, JSON parsed), median of {RUNS}; baseline: the "
                    "same keyset pages read straight from the SQLite file with sqlite3")
        emit("server.peak_rss_short", short_rss, "MB", target=300, better="lower",
             detail=f"server peak RSS after serving a short feed ({short} records)")
        emit("server.peak_rss_full", full_rss, "MB", target=300, better="lower",
             baseline=short_rss, ratio_target=1.25,
             detail=f"server peak RSS after {RUNS} full feeds of {total} records; baseline: "
                    "after the short feed (the ratio shows growth with feed length)")

        with start_server(folder / "multi", database_url=database_url,
                          extra_args=["--workers", "2"]) as server:
            progress(f"signing in {CLIENTS} clients…")
            tokens_list = [sign_in(server.url, HEAVY, HEAVY_PASSWORD)["access_token"]
                           for _ in range(CLIENTS)]
            latencies: list[float] = []
            errors: list[str] = []
            lock = threading.Lock()
            barrier = threading.Barrier(CLIENTS)

            def client(token: str) -> None:
                session = requests.Session()
                auth = {"Authorization": f"Bearer {token}"}
                cursor = None
                mine: list[float] = []
                barrier.wait()
                try:
                    for _ in range(PAGES_PER_CLIENT):
                        params = {"cursor": cursor} if cursor else {}
                        started = time.perf_counter()
                        response = session.get(
                            f"{server.url}/v1/officers/{officer_id}/feed/location_pings",
                            params=params, headers=auth, timeout=60)
                        body = response.content
                        mine.append(time.perf_counter() - started)
                        if response.status_code != 200:
                            raise RuntimeError(f"HTTP {response.status_code}")
                        cursor = requests.models.complexjson.loads(body)["next_cursor"]
                except Exception as error:  # every failure counts, whatever it is
                    with lock:
                        errors.append(repr(error))
                with lock:
                    latencies.extend(mine)

            threads = [threading.Thread(target=client, args=(t,)) for t in tokens_list]
            started = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.perf_counter() - started
        pages = len(latencies)
        detail = (f"{CLIENTS} concurrent clients x {PAGES_PER_CLIENT} pages of "
                  f"{wire.DEFAULT_PAGE_SIZE} pings, 2 uvicorn workers, {pages} pages in "
                  f"{elapsed:.1f} s")
        emit("server.concurrent_p50", percentile(latencies, 0.5) * 1000, "ms", target=None,
             better="lower", detail=detail)
        emit("server.concurrent_p99", percentile(latencies, 0.99) * 1000, "ms", target=250,
             better="lower", detail=detail)
        emit("server.concurrent_errors", len(errors), "errors", target=0, better="lower",
             detail=detail + (f"; first error: {errors[0]}" if errors else ""))


if __name__ == "__main__":
    main()
