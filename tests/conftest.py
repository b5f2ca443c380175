"""Shared by every test directory; keep it minimal. Directories add their own fixtures.

Two rules hold for every test here:

* A test fails (an error at teardown) if it leaves a thread, a child process, a started
  QTimer or a running thread-pool job behind (napari's conftest is the model). What a
  fixture of wider scope (module, session) started is that fixture's to stop, so it is
  allowed until then; a function-scoped fixture's must be gone when the test is.
* With RECOURSE_REQUIRE_POSTGRES=1 (set by `.ci/test`) a test marked `postgres` fails,
  instead of skipping, when RECOURSE_TEST_POSTGRES is not set: CI never goes green
  without the PostgreSQL variants. By hand, without PostgreSQL, they still skip.
"""

from __future__ import annotations

import os
import sys
import threading
import time
import weakref
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

# So any test can `from tests.support.server import start_server`.
_REPO = str(Path(__file__).resolve().parent.parent)
if _REPO not in sys.path:
    sys.path.insert(0, _REPO)

#: How long a test's threads and processes get to finish after its teardown.
GRACE_SECONDS = 2.0


# ---- PostgreSQL required in CI ----------------------------------------------------------

@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    # tryfirst and registered after pytest's skipping plugin, so this runs before the
    # `skipif(not dsn)` on the postgres parameters is evaluated.
    if (item.get_closest_marker("postgres") is not None
            and os.environ.get("RECOURSE_REQUIRE_POSTGRES") == "1"
            and not os.environ.get("RECOURSE_TEST_POSTGRES", "").strip()):
        pytest.fail("RECOURSE_REQUIRE_POSTGRES=1 but RECOURSE_TEST_POSTGRES is not set: "
                    "PostgreSQL did not start, so this PostgreSQL variant cannot run",
                    pytrace=False)


# ---- leaks: threads, child processes, QTimers, thread-pool jobs --------------------------

#: Every QTimer started and QThreadPool used from Python (weakly: tracking must not keep
#: a timer alive that would otherwise be collected).
_timers: weakref.WeakSet[Any] = weakref.WeakSet()
_pools: weakref.WeakSet[Any] = weakref.WeakSet()


def _track_qt() -> None:
    """Route QTimer.start, QTimer.singleShot and QThreadPool.start through trackers."""
    try:
        from PySide6.QtCore import QCoreApplication, QObject, QThread, QThreadPool, QTimer
    except ImportError:  # the server-only install has no Qt; nothing to track
        return
    start_timer = QTimer.start
    single_shot = QTimer.singleShot
    start_pool = QThreadPool.start

    def start(self: Any, *args: Any) -> None:
        _timers.add(self)
        start_timer(self, *args)

    def singleShot(msec: int, *args: Any) -> None:
        # Qt's static single shot is invisible from Python; a real single-shot QTimer
        # (parented to the context object, so deleting that cancels it as Qt does) is not.
        app = QCoreApplication.instance()
        on_gui_thread = app is not None and QThread.currentThread() is app.thread()
        if on_gui_thread and len(args) == 1 and callable(args[0]):
            context, slot = None, args[0]
        elif on_gui_thread and len(args) == 2 and isinstance(args[0], QObject) \
                and callable(args[1]):
            context, slot = args
        else:
            single_shot(msec, *args)
            return
        timer = QTimer(context)
        timer.setSingleShot(True)
        keep = None
        if context is None:  # nothing owns it: hold it until it has fired
            keep = _pending_shots
            keep.add(timer)

        def fire() -> None:
            if keep is not None:
                keep.discard(timer)
            timer.deleteLater()
            slot()

        timer.timeout.connect(fire)
        start(timer, msec)

    def pool_start(self: Any, *args: Any) -> None:
        _pools.add(self)
        start_pool(self, *args)

    QTimer.start = start  # type: ignore[method-assign]
    QTimer.singleShot = staticmethod(singleShot)  # type: ignore[assignment]
    QThreadPool.start = pool_start  # type: ignore[method-assign]


_pending_shots: set[Any] = set()


def _is_valid(qobject: Any) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(qobject))


def _active_timers() -> set[Any]:
    return {t for t in list(_timers) if _is_valid(t) and t.isActive()}


def _busy_pools() -> set[Any]:
    pools = set(_pools)
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QThreadPool

        pools.add(QThreadPool.globalInstance())
    return {p for p in pools if _is_valid(p) and p.activeThreadCount() > 0}


def _idle_pool_worker(thread: threading.Thread) -> bool:
    """An AnyIO worker waiting for work: its pool (a TestClient's event loop, often
    module-scoped) starts it on first use and reclaims it; one running a job counts."""
    idle = getattr(thread, "idle_workers", None)
    return type(thread).__module__.startswith("anyio.") and idle is not None and thread in idle


def _threads() -> set[threading.Thread]:
    # Threads Python did not start (a QThreadPool's, seen as _DummyThread) never leave
    # threading.enumerate(); the pools are checked instead.
    return {t for t in threading.enumerate()
            if not isinstance(t, threading._DummyThread) and not _idle_pool_worker(t)}


def _children() -> set[int]:
    """Pids of this process's running children (zombies have finished: not counted)."""
    me = os.getpid()
    found: set[int] = set()
    try:
        entries = os.listdir("/proc")
    except OSError:  # not Linux: the process check is Linux-only
        return found
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8", errors="replace") as f:
                stat = f.read()
        except OSError:
            continue
        # pid (comm) state ppid ...; comm may hold spaces and parentheses
        state, ppid = stat[stat.rindex(")") + 2:].split()[:2]
        if int(ppid) == me and state != "Z":
            found.add(int(entry))
    return found


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace").strip()[:200]
    except OSError:
        return "?"


@dataclass
class _Snapshot:
    threads: set[threading.Thread] = field(default_factory=set)
    children: set[int] = field(default_factory=set)
    timers: set[Any] = field(default_factory=set)
    pools: set[Any] = field(default_factory=set)

    @classmethod
    def take(cls) -> _Snapshot:
        return cls(_threads(), _children(), _active_timers(), _busy_pools())

    def __sub__(self, other: _Snapshot) -> _Snapshot:
        return _Snapshot(self.threads - other.threads, self.children - other.children,
                         self.timers - other.timers, self.pools - other.pools)

    def __ior__(self, other: _Snapshot) -> _Snapshot:
        self.threads |= other.threads
        self.children |= other.children
        self.timers |= other.timers
        self.pools |= other.pools
        return self

    def __bool__(self) -> bool:
        return bool(self.threads or self.children or self.timers or self.pools)


#: What fixtures of wider scope than a function started: theirs to stop, at their scope's
#: end. (Threads and pids are only compared, never kept alive by being listed here.)
_WIDER_SCOPE = _Snapshot()


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef: pytest.FixtureDef[Any]) -> Iterator[Any]:
    if fixturedef.scope == "function":
        return (yield)
    before = _Snapshot.take()
    try:
        return (yield)
    finally:
        _WIDER_SCOPE.__ior__(_Snapshot.take() - before)


def pytest_configure(config: pytest.Config) -> None:
    _track_qt()


def _settle() -> None:
    """Let closed widgets go (pytest-qt closes them and calls deleteLater) so their
    timers go with them."""
    if "PySide6.QtCore" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


def _leaks(before: _Snapshot) -> _Snapshot:
    _settle()
    deadline = time.monotonic() + GRACE_SECONDS
    while True:
        allowed = _Snapshot()
        allowed |= before
        allowed |= _WIDER_SCOPE
        leaked = _Snapshot.take() - allowed
        if not leaked.threads and not leaked.children and not leaked.pools:
            return leaked  # a timer still active now is left running, whatever the wait
        if time.monotonic() >= deadline:
            return leaked
        for thread in leaked.threads:
            thread.join(max(0.0, deadline - time.monotonic()) / max(1, len(leaked.threads)))
        for pool in leaked.pools:
            pool.waitForDone(50)
        if leaked.children:
            time.sleep(0.05)


def _describe(leaked: _Snapshot) -> str:
    lines = []
    for t in sorted(leaked.threads, key=lambda t: t.name):
        target = getattr(t, "_target", None)
        where = getattr(target, "__qualname__", None) or type(t).__name__
        lines.append(f"thread {t.name!r} ({where}, daemon={t.daemon})")
    lines += [f"child process {pid}: {_cmdline(pid)}" for pid in sorted(leaked.children)]
    for timer in leaked.timers:
        parent = timer.parent()
        owner = type(parent).__name__ if parent is not None else "no parent"
        lines.append(f"QTimer every {timer.interval()} ms (single shot: "
                     f"{timer.isSingleShot()}, owner: {owner})")
    lines += [f"QThreadPool with {p.activeThreadCount()} job(s) running"
              for p in leaked.pools]
    return "; ".join(lines)


@pytest.fixture(autouse=True)
def _nothing_left_running() -> Iterator[None]:
    """Fails the test that leaves a thread, process, timer or pool job running.

    Set up after every wider-scoped fixture (pytest orders by scope) and torn down after
    the test's other function-scoped fixtures (the reverse of setup), so "before" holds
    what module and session fixtures run, and "after" is after the test cleaned up."""
    before = _Snapshot.take()
    yield
    leaked = _leaks(before)
    if leaked:
        pytest.fail(f"left running after the test: {_describe(leaked)}", pytrace=False)
