"""UI benchmark: the desktop shell on the heavy profile (one ping a minute = 525,600
pings plus every other category), synced from the reference server on loopback.

Figures (../shared/BENCH.md), each measured in a child process (offscreen Qt):
* ui.cold_start — process start to the unlock screen painted, vs a bare PySide6 window
  painted in the same run (ratio target ≤ 4×);
* ui.unlock — passphrase submitted (KDF included) to the main window painted with its
  data (< 1.5 s);
* ui.open_pings — My data switched to the pings and painted (< 200 ms);
* ui.date_filter — a date filter on the pings applied and painted (< 150 ms);
* ui.search — a full-text search on the largest category with words (pings have
  none) applied and painted (< 150 ms);
* ui.sync_stall — the longest gap between ticks of a 10 ms QTimer on the GUI thread
  during a full sync (< 100 ms);
* ui.peak_memory — peak RSS with the pings table open (< 350 MB).

RECOURSE_BENCH_REPEAT (default 5) sets how many cold starts are measured.
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

from bench.common import REPO, emit, median, progress

PASS = "bench passphrase for the ui"
PINGS = "location_pings"


# ---- children ---------------------------------------------------------------------------

_WATCH: Any = None


def _paint_watch() -> Any:
    """One application-wide watcher of paint events for the whole child. It sees every
    event, as the app's own idle-lock filter does, so it costs the figures a little:
    they err on the slow side."""
    global _WATCH
    from PySide6.QtCore import QCoreApplication, QEvent, QObject

    if _WATCH is None:
        class Watch(QObject):
            def __init__(self) -> None:
                super().__init__()
                self.top: Any = None
                self.times: list[float] = []

            def eventFilter(self, obj: Any, event: Any) -> bool:
                if (event.type() == QEvent.Type.Paint and self.top is not None
                        and obj.isWidgetType() and obj.window() is self.top):
                    self.times.append(time.perf_counter())
                return False

        _WATCH = Watch()
        QCoreApplication.instance().installEventFilter(_WATCH)
    return _WATCH


def _painted(widget: Any) -> float:
    """Process events until `widget`'s window has painted what changed; the time that
    frame was finished.

    Watches the whole window, not one widget: Qt sends no paint event to a plain
    container, and a hidden view (an empty result) paints nothing either."""
    from PySide6.QtCore import QCoreApplication

    watch = _paint_watch()
    watch.top = widget.window()
    watch.times = []
    widget.update()
    deadline = time.monotonic() + 30
    while not watch.times and time.monotonic() < deadline:
        QCoreApplication.processEvents()
    QCoreApplication.processEvents()  # the rest of the same frame
    finished = time.perf_counter()
    watch.top = None
    return finished if watch.times else float("nan")


def _child_bare() -> None:
    from PySide6.QtWidgets import QApplication, QLabel

    _app = QApplication(sys.argv[:1])
    label = QLabel("Hello")
    label.resize(1180, 760)
    label.show()
    _painted(label)
    _finish({"done": time.time()})


def _child_cold(folder: str) -> None:
    # What `recourse --profile DIR` does up to the first screen.
    from PySide6.QtWidgets import QApplication

    _app = QApplication(sys.argv[:1])
    from recourse.store import Profile
    from recourse.ui.app import AppContext, Session
    from recourse.ui.main_window import MainWindow

    context = AppContext(profile_folder=Path(folder))
    window = MainWindow(context, Profile(Path(folder)), Session(context))
    window.start()
    window.show()
    _painted(window.unlock_screen)
    _finish({"done": time.time(), "modules": len(sys.modules)})


def _open_window(folder: str, url: str) -> tuple[Any, Any]:
    from PySide6.QtWidgets import QApplication

    _app = QApplication(sys.argv[:1])
    from recourse.store import Profile
    from recourse.ui.app import AppContext, Session
    from recourse.ui.main_window import MainWindow
    from recourse.ui.settings_registry import Settings

    context = AppContext(profile_folder=Path(folder), server_url=url,
                         settings=Settings(policy={}))
    window = MainWindow(context, Profile(Path(folder)), Session(context))
    window.resize(1280, 800)
    window.start()
    window.show()
    _painted(window.unlock_screen)
    return _app, window


def _wait(condition: Any, timeout: float = 600) -> None:
    """Run the real event loop (as the app does) until `condition()` holds.

    A busy processEvents() loop would compete with the workers for the GIL and the
    cores and distort what is measured; a 5 ms check timer barely registers."""
    from PySide6.QtCore import QEventLoop, QTimer

    if condition():
        return
    loop = QEventLoop()
    deadline = time.monotonic() + timeout
    check = QTimer()
    check.setInterval(5)
    check.timeout.connect(
        lambda: (condition() or time.monotonic() > deadline) and loop.quit())
    check.start()
    loop.exec()
    check.stop()
    if not condition():
        raise TimeoutError("the UI did not get there in time")


def _child_session(folder: str, url: str) -> None:
    """Unlock, open the pings, filter, search; with the sync left out (nothing new)."""
    from PySide6.QtCore import QDate

    _app, window = _open_window(folder, url)
    shown: list[bool] = []
    window.workspace_shown.connect(lambda: shown.append(True))
    window.context.api = None  # measure the UI, not a sync racing it
    window.session.connect = lambda store: None  # type: ignore[method-assign]
    kdf: list[float] = []  # the store's own unlock (key derivation + open), timed as is
    profile_unlock = window.profile.unlock

    def timed_unlock(passphrase: str) -> Any:
        started = time.perf_counter()
        try:
            return profile_unlock(passphrase)
        finally:
            kdf.append(time.perf_counter() - started)

    window.profile.unlock = timed_unlock
    screen = window.unlock_screen
    screen.passphrase.setText(PASS)
    began = time.perf_counter()
    screen.submit()
    _wait(lambda: bool(shown))
    overview = window.screens["overview"]
    assert window.current_screen_key() == "overview"
    unlock = _painted(overview) - began

    window.show_screen("my-data")
    my_data = window.screens["my-data"]
    _painted(my_data)
    began = time.perf_counter()
    my_data.category_box.setCurrentIndex(my_data.category_box.findData(PINGS))
    opened = _painted(my_data.view.viewport()) - began
    rows = my_data.model.rowCount()

    began = time.perf_counter()
    my_data.from_edit.setDate(QDate(2026, 3, 1))
    filtered = _painted(my_data.view.viewport()) - began
    filtered_rows = my_data.model.rowCount()
    my_data.from_edit.setDate(my_data.from_edit.minimumDate())

    # Pings have no words to search (the box says so); search the largest category
    # that has, for the first word of one of its records, as an officer would.
    from recourse.store import RecordQuery

    store = window.context.store
    counts = store.category_counts()
    searched_category = max((c for c in counts if c != PINGS), key=lambda c: counts[c])
    summary = store.page(searched_category, RecordQuery(), 0, 1)[0].summary
    word = next(w for w in summary.split() if w.isalpha() and len(w) >= 4)
    my_data.category_box.setCurrentIndex(my_data.category_box.findData(searched_category))
    _painted(my_data.view.viewport())
    my_data.search_edit.blockSignals(True)
    my_data.search_edit.setText(word)
    my_data.search_edit.blockSignals(False)
    began = time.perf_counter()
    my_data._apply_filters()  # what the debounce timer calls
    searched = _painted(my_data.view.viewport()) - began
    searched_rows = my_data.model.rowCount()
    search_about = (f"{word!r} in {counts[searched_category]:,} {searched_category}, "
                    f"{searched_rows:,} found")
    my_data.search_edit.clear()
    my_data.category_box.setCurrentIndex(my_data.category_box.findData(PINGS))
    _painted(my_data.view.viewport())
    my_data.view.scrollToBottom()
    _painted(my_data.view.viewport())
    # Peak memory includes the off-duty count, which streams every ping once.
    _wait(lambda: my_data.off_duty_text() != "", 300)
    window.show_screen("overview")  # the next run opens where this one did
    window.shutdown()
    _finish({"unlock": unlock, "open_pings": opened, "rows": rows,
             "date_filter": filtered, "filtered_rows": filtered_rows,
             "search": searched, "search_about": search_about, "kdf": kdf[0],
             "rss": _peak_rss()})


def _child_stall(folder: str, url: str) -> None:
    """A full sync started from the window; a 10 ms timer measures the GUI's stalls."""
    from PySide6.QtCore import QTimer

    _app, window = _open_window(folder, url)
    results: list[bool] = []
    window.sync_done.connect(results.append)
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    window.unlock_screen.passphrase.setText(PASS)
    window.unlock_screen.submit()
    _wait(lambda: window.sync_job is not None, 60)
    began = time.perf_counter()
    last[0] = began
    timer.start()
    _wait(lambda: bool(results), 1800)
    timer.stop()
    seconds = time.perf_counter() - began
    pings = window.context.store.count(PINGS)
    window.shutdown()
    _finish({"ok": results[0], "max_gap": max(gaps), "ticks": len(gaps),
             "seconds": seconds, "pings": pings})


def _finish(figures: dict[str, Any]) -> None:
    """Print the child's figures and leave at once: tearing down PySide6 at interpreter
    exit has crashed (none_dealloc) after the work was done, failing a good run."""
    print(json.dumps(figures), flush=True)
    sys.stderr.flush()
    os._exit(0)


def _peak_rss() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _run_child(code: str, *args: str) -> tuple[dict[str, Any], float]:
    """Run a child; its JSON line, and the wall-clock time the process was started."""
    path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH")) if p)
    env = {**os.environ, "PYTHONPATH": path, "QT_QPA_PLATFORM": "offscreen"}
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-c",
         f"import sys; from bench.ui import {code}; {code}(*sys.argv[1:])", *args],
        capture_output=True, text=True, env=env, cwd=REPO)
    if done.returncode != 0:
        raise RuntimeError(f"{code} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1]), started


# ---- the benchmark ------------------------------------------------------------------------

def main() -> None:
    sys.path.insert(0, str(REPO))
    import requests
    from tests.support.browser import log_in_through_form
    from tests.support.server import start_server

    from recourse.api import ServerConnection
    from recourse.store import Profile
    from recourse.sync import SyncEngine
    from recourse.ui.settings_registry import SERVER_URL
    from recourse_server.synth.accounts import HEAVY

    repeat = int(os.environ.get("RECOURSE_BENCH_REPEAT", "5"))
    with tempfile.TemporaryDirectory(prefix="recourse-bench-ui-") as tmp:
        folder = Path(tmp)
        progress("ui: seeding the heavy profile (one ping a minute)…")
        with start_server(folder / "server", only=[HEAVY.username], ping_interval=1,
                          timeout=900) as server:

            def browser(url: str) -> bool:
                requests.get(log_in_through_form(url, HEAVY.username, HEAVY.password),
                             timeout=30)
                return True

            signed_in = folder / "signed-in"  # tokens, no data: for the sync stall
            with Profile(signed_in).create(PASS) as store:
                store.put_setting(SERVER_URL.key, server.url)
                connection = ServerConnection(server.url, store, browser=browser)
                connection.sign_in()
                connection.close()
            synced = folder / "synced"
            shutil.copytree(signed_in, synced)
            progress("ui: syncing the heavy profile…")
            store = Profile(synced).unlock(PASS)
            connection = ServerConnection(server.url, store)
            result = SyncEngine(connection, store).run()
            connection.close()
            store.close()
            assert result.state == "ok", result

            progress(f"ui: cold starts ×{repeat}…")
            cold, bare = [], []
            for _ in range(repeat):
                out, started = _run_child("_child_bare")
                bare.append(out["done"] - started)
                out, started = _run_child("_child_cold", str(synced))
                cold.append(out["done"] - started)
            emit("ui.cold_start", median(cold), "s", target=None, better="lower",
                 baseline=median(bare), ratio_target=4.0,
                 detail=f"process start to the unlock screen painted vs a bare PySide6 "
                        f"window painted; medians of {repeat}, offscreen")

            progress("ui: unlock, pings, filter, search…")
            runs = [_run_child("_child_session", str(synced), server.url)[0]
                    for _ in range(3)]
            rows = runs[0]["rows"]
            kdf = median([r["kdf"] for r in runs])
            emit("ui.unlock", median([r["unlock"] for r in runs]), "s", target=1.5,
                 better="lower", detail="passphrase submitted (KDF included) to the main "
                 f"window painted with its data; median of 3; the store's own unlock "
                 f"(Argon2id + open) took {kdf:.2f} s of it")
            emit("ui.open_pings", median([r["open_pings"] for r in runs]) * 1000, "ms",
                 target=200, better="lower",
                 detail=f"My data switched to {rows:,} pings and painted; median of 3")
            emit("ui.date_filter", median([r["date_filter"] for r in runs]) * 1000, "ms",
                 target=150, better="lower",
                 detail=f"a 'from' date on the pings ({runs[0]['filtered_rows']:,} rows "
                        "left) applied and painted; median of 3")
            emit("ui.search", median([r["search"] for r in runs]) * 1000, "ms",
                 target=150, better="lower",
                 detail=f"a full-text search for {runs[0]['search_about']}, applied and "
                        "painted (pings have no words: their search box says to filter by "
                        "date); median of 3")
            emit("ui.peak_memory", max(r["rss"] for r in runs), "MB", target=350,
                 better="lower", detail="peak RSS of the app with the pings table open, "
                 "filtered, searched, scrolled to the end and its off-duty pings counted; "
                 "the highest of 3")

            progress("ui: GUI-thread stalls during a full sync…")
            stall_profile = folder / "stall"
            shutil.copytree(signed_in, stall_profile)
            out, _ = _run_child("_child_stall", str(stall_profile), server.url)
            assert out["ok"], out
            emit("ui.sync_stall", out["max_gap"] * 1000, "ms", target=100, better="lower",
                 detail=f"longest gap between 10 ms timer ticks during a full sync of "
                        f"{out['pings']:,} pings ({out['seconds']:.0f} s, "
                        f"{out['ticks']:,} ticks)")


if __name__ == "__main__":
    main()
