"""Benchmark of the reference server: `python -m bench server`.

Seeds the heavy officer with a year of one-a-minute pings, then over HTTP on loopback,
always at the page size the desktop client syncs with (`wire.MAX_PAGE_SIZE`) and
accepting gzip as it does:
- full feed download (every category, requests, JSON parsed): records per second end to
  end, beside the same rows read straight from the SQLite file with sqlite3 (the
  baseline); and, separately, records per CPU-second the server spent, beside records
  per CPU-second of the sqlite3 read: on a shared 2-core machine the wall-clock figure
  also counts the benchmark's own client and every other process;
- the server's peak RSS after a short feed and after the full feed: it must not grow
  with the feed's length;
- 100 concurrent clients (threads, each with its own session and token) paging through
  the pings against 2 workers (one per core): p50/p99 page latency and errors, with the
  server's CPU per page, which bounds what latency 100 pages in flight can have.
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

from bench.common import REPO, cpu_seconds, emit, median, peak_rss_mb, percentile, progress

HEAVY, HEAVY_PASSWORD = "heavy", "demo-heavy-2026"
RUNS = 3
CLIENTS = 100
PAGES_PER_CLIENT = 5
WORKERS = 2


def _seed(database_url: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "recourse_server", "seed", "--database", database_url,
                    "--ping-interval", "1", "--only", HEAVY], check=True,
                   stdout=subprocess.DEVNULL, cwd=REPO)
    return time.perf_counter() - started


def _download(session: Any, url: str, officer_id: str, headers: dict[str, str],
               categories: tuple[str, ...], page_size: int,
               max_pages: int | None = None) -> int:
    count = 0
    for category in categories:
        cursor = None
        pages = 0
        while True:
            params: dict[str, Any] = {"limit": page_size}
            if cursor:
                params["cursor"] = cursor
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


_NEXT_CURSOR = b'"next_cursor":"'


def _concurrent(url: str, officer_id: str, tokens: list[str], server_pid: int,
                page_size: int) -> tuple[list[float], list[str], float, float, float]:
    """Every client pages through the pings at once; returns page latencies, errors, wall
    seconds, server and client CPU-seconds.

    A page's latency runs from sending the request to its last byte received, as the
    server's user sees it. What a real client then does with the page (inflate, parse,
    store) happens on its own machine; here 100 clients share one Python process and the
    server's two cores, so they do as little as they can afterwards: inflate, count the
    changes and take the cursor from the page's tail, without building 5,000 objects.
    """
    import zlib

    import requests

    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(len(tokens) + 1)

    def client(token: str) -> None:
        session = requests.Session()
        auth = {"Authorization": f"Bearer {token}"}
        cursor = None
        mine: list[float] = []
        try:
            # Signed in and connected, as the desktop client is when a sync starts (it
            # asks who it is first): the figure is page latency, not TCP handshakes.
            session.get(f"{url}/v1/me", headers=auth, timeout=60).raise_for_status()
        finally:
            barrier.wait()
        try:
            for _ in range(PAGES_PER_CLIENT):
                params: dict[str, Any] = {"limit": page_size}
                if cursor:
                    params["cursor"] = cursor
                started = time.perf_counter()
                response = session.get(f"{url}/v1/officers/{officer_id}/feed/location_pings",
                                       params=params, headers=auth, timeout=60, stream=True)
                raw = response.raw.read(decode_content=False)
                mine.append(time.perf_counter() - started)
                if response.status_code != 200:
                    raise RuntimeError(f"HTTP {response.status_code}")
                body = raw
                if response.headers.get("Content-Encoding") == "gzip":
                    body = zlib.decompress(raw, wbits=31)
                if body.count(b'{"op":') != page_size:
                    raise RuntimeError(f"a page without {page_size} changes")
                tail = body.rindex(_NEXT_CURSOR) + len(_NEXT_CURSOR)
                cursor = body[tail:body.index(b'"', tail)].decode()
        except Exception as error:  # every failure counts, whatever it is
            with lock:
                errors.append(repr(error))
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(t,)) for t in tokens]
    for thread in threads:
        thread.start()
    server_cpu, client_cpu = cpu_seconds(server_pid), time.process_time()
    started = time.perf_counter()
    barrier.wait()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    server_cpu = cpu_seconds(server_pid) - server_cpu
    client_cpu = time.process_time() - client_cpu
    return latencies, errors, elapsed, server_cpu, client_cpu


def main() -> None:
    import requests
    from tests.support.browser import sign_in
    from tests.support.server import start_server

    from recourse.protocol import wire

    page_size = wire.MAX_PAGE_SIZE  # what the desktop client's SyncEngine asks for
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
            session = requests.Session()  # sends Accept-Encoding: gzip, as the client does
            officer_id = session.get(f"{server.url}/v1/me", headers=headers,
                                     timeout=10).json()["officer_id"]
            others = tuple(c for c in wire.CATEGORIES if c != "location_pings")
            short = _download(session, server.url, officer_id, headers, others, page_size)
            short += _download(session, server.url, officer_id, headers, ("location_pings",),
                               page_size, max_pages=1)
            short_rss = peak_rss_mb(server.pid)
            progress(f"short feed: {short} records, server peak RSS {short_rss:.0f} MB")

            times, server_cpu, client_cpu, total = [], [], [], 0
            baseline_times, baseline_cpu = [], []
            for run in range(RUNS):
                server_before, client_before = cpu_seconds(server.pid), time.process_time()
                started = time.perf_counter()
                total = _download(session, server.url, officer_id, headers, wire.CATEGORIES,
                                  page_size)
                times.append(time.perf_counter() - started)
                server_cpu.append(cpu_seconds(server.pid) - server_before)
                client_cpu.append(time.process_time() - client_before)
                cpu_before = time.process_time()
                started = time.perf_counter()
                base_total = _baseline_read(db_path, officer_id, wire.CATEGORIES, page_size)
                baseline_times.append(time.perf_counter() - started)
                baseline_cpu.append(time.process_time() - cpu_before)
                assert base_total == total, (base_total, total)
                progress(f"run {run + 1}: {total} records in {times[-1]:.2f} s, server CPU "
                         f"{server_cpu[-1]:.2f} s, client CPU {client_cpu[-1]:.2f} s "
                         f"(sqlite3 {baseline_times[-1]:.2f} s, CPU {baseline_cpu[-1]:.2f} s)")
            full_rss = peak_rss_mb(server.pid)
        emit("server.feed_throughput", total / median(times), "records/s", target=100_000,
             better="higher", baseline=total / median(baseline_times), ratio_target=0.1,
             detail=f"end to end: full feed of {total} records over HTTP on loopback "
                    f"(requests, gzip accepted, page size {page_size}, JSON parsed), median of "
                    f"{RUNS}; the client used {median(client_cpu):.2f} CPU-s and the server "
                    f"{median(server_cpu):.2f} CPU-s of {median(times):.2f} s; baseline: the "
                    "same keyset pages read straight from the SQLite file with sqlite3")
        emit("server.feed_throughput_server", total / median(server_cpu), "records/CPU-s",
             target=100_000, better="higher", baseline=total / median(baseline_cpu),
             ratio_target=None,
             detail=f"server side: the full feed's {total} records per CPU-second the server "
                    f"process spent serving them (one worker: its ceiling in records/s when "
                    f"the client costs it nothing), median of {RUNS}; baseline: records per "
                    "CPU-second of the sqlite3 read")
        emit("server.peak_rss_short", short_rss, "MB", target=300, better="lower",
             detail=f"server peak RSS after serving a short feed ({short} records)")
        emit("server.peak_rss_full", full_rss, "MB", target=300, better="lower",
             baseline=short_rss, ratio_target=1.25,
             detail=f"server peak RSS after {RUNS} full feeds of {total} records; baseline: "
                    "after the short feed (the ratio shows growth with feed length)")

        with start_server(folder / "multi", database_url=database_url,
                          extra_args=["--workers", str(WORKERS)]) as server:
            progress(f"signing in {CLIENTS} clients…")
            tokens_list = [sign_in(server.url, HEAVY, HEAVY_PASSWORD)["access_token"]
                           for _ in range(CLIENTS)]
            runs = {}
            for size in (page_size, wire.DEFAULT_PAGE_SIZE):
                runs[size] = _concurrent(server.url, officer_id, tokens_list, server.pid, size)
                latencies, errors, elapsed, s_cpu, c_cpu = runs[size]
                progress(f"{CLIENTS} clients, pages of {size}: p50 "
                         f"{percentile(latencies, 0.5) * 1000:.0f} ms, p99 "
                         f"{percentile(latencies, 0.99) * 1000:.0f} ms, {len(errors)} errors, "
                         f"server CPU {s_cpu:.1f} s, client CPU {c_cpu:.1f} s, {elapsed:.1f} s")

        for size, name in ((page_size, "concurrent"), (wire.DEFAULT_PAGE_SIZE,
                                                       "concurrent_small_pages")):
            latencies, errors, elapsed, s_cpu, c_cpu = runs[size]
            pages = len(latencies)
            per_page = s_cpu / max(pages, 1) * 1000
            detail = (f"{CLIENTS} concurrent clients (each signed in and connected) x "
                      f"{PAGES_PER_CLIENT} pages of {size} pings (gzip accepted), request sent "
                      f"to last byte received, {WORKERS} uvicorn workers on {WORKERS} cores "
                      f"shared with the clients, {pages} pages in {elapsed:.1f} s; the server "
                      f"spent {per_page:.1f} CPU-ms a page and the clients {c_cpu:.1f} CPU-s, "
                      f"so with {CLIENTS} pages in flight the mean latency cannot be below "
                      f"~{CLIENTS * per_page / WORKERS:.0f} ms (Little's law)")
            target = 250 if size == page_size else None
            emit(f"server.{name}_p50", percentile(latencies, 0.5) * 1000, "ms", target=None,
                 better="lower", detail=detail)
            emit(f"server.{name}_p99", percentile(latencies, 0.99) * 1000, "ms",
                 target=target, better="lower", detail=detail)
            emit(f"server.{name}_errors", len(errors), "errors", target=0, better="lower",
                 detail=detail + (f"; first error: {errors[0]}" if errors else ""))


if __name__ == "__main__":
    main()
