"""The one way the UI runs work off the GUI thread.

`Workers.run(fn, *args, **kwargs)` runs ``fn`` on a QThreadPool and returns a `Job`
whose `progress`, `succeeded` and `failed` signals are delivered on the GUI thread.
Workers never touch widgets: they get plain arguments and return plain values.

Jobs that share a ``key`` (for example two syncs, or a sync and a passphrase change
that both write the store) queue and run one after the other; jobs without a key run
as soon as a pool thread is free.

A function that wants to report progress or honour cancellation asks for the job's
thread-safe handle with ``pass_job=True``; it is then called as
``fn(handle, *args, **kwargs)`` and may call ``handle.report(obj)`` and check
``handle.cancel_event`` (a `threading.Event`, handy to pass straight to
`SyncEngine.run(cancel=...)`).

Signals are re-emitted from a GUI-thread object, so connecting right after `run()`
returns is always in time, even if the function finishes immediately.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class JobHandle:
    """What a worker function sees: report progress, notice cancellation. Thread-safe."""

    def __init__(self, job: Job) -> None:
        self._job = job
        self.cancel_event = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def report(self, value: object) -> None:
        # Emitted from the worker thread; the queued connection hops to the GUI thread.
        self._job.relay_progress(value)


class Job(QObject):
    """One unit of background work; lives on (and signals on) the GUI thread."""

    progress = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception instance
    finished = Signal()  # after succeeded or failed, or when cancelled before starting

    # Internal relays emitted from the worker thread.
    _relay_progress = Signal(object)
    _relay_result = Signal(bool, object)

    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any],
                 key: str | None, pass_job: bool, name: str) -> None:
        super().__init__()
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.key = key
        self.name = name
        self.pass_job = pass_job
        self.handle = JobHandle(self)
        self.state = "queued"  # queued → running → done
        self.result: object = None
        self.error: BaseException | None = None
        self.ran = False
        # Explicitly queued: the relays are emitted on a worker thread and must be
        # delivered on the GUI thread this object lives on.
        self._relay_progress.connect(self._deliver_progress, Qt.ConnectionType.QueuedConnection)
        self._relay_result.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def cancel_event(self) -> threading.Event:
        return self.handle.cancel_event

    def cancel(self) -> None:
        """Ask the job to stop; a queued job is dropped, a running one sees cancel_event."""
        self.handle.cancel_event.set()

    @property
    def done(self) -> bool:
        return self.state == "done"

    def relay_progress(self, value: object) -> None:  # worker thread
        self._relay_progress.emit(value)

    def execute(self) -> None:  # worker thread, called by the pool
        try:
            if self.pass_job:
                value = self.fn(self.handle, *self.args, **self.kwargs)
            else:
                value = self.fn(*self.args, **self.kwargs)
        except Exception as exc:  # delivered to the GUI as a value, never lost
            # Log the type and traceback location only: messages may carry personal data.
            log.debug("job %s failed: %s", self.name, type(exc).__name__, exc_info=True)
            self._relay_result.emit(False, exc)
        else:
            self._relay_result.emit(True, value)

    @Slot(object)
    def _deliver_progress(self, value: object) -> None:  # GUI thread
        self.progress.emit(value)

    @Slot(bool, object)
    def _deliver(self, ok: bool, value: object) -> None:  # GUI thread
        self.state = "done"
        if ok:
            self.result = value
            self.succeeded.emit(value)
        else:
            assert isinstance(value, BaseException)
            self.error = value
            self.failed.emit(value)
        self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job
        self.setAutoDelete(True)

    def run(self) -> None:
        self.job.execute()


class Workers(QObject):
    """Runs functions on a thread pool; queues jobs that share a key."""

    busy_changed = Signal(bool)

    def __init__(self, max_threads: int = 4, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._active: set[Job] = set()  # strong references until delivered
        self._queues: dict[str, deque[Job]] = {}
        self._running_keys: set[str] = set()

    def run(self, fn: Callable[..., Any], *args: Any, key: str | None = None,
            pass_job: bool = False,
            on_progress: Callable[[object], None] | None = None,
            on_success: Callable[[object], None] | None = None,
            on_failure: Callable[[BaseException], None] | None = None,
            name: str | None = None, **kwargs: Any) -> Job:
        """Run ``fn(*args, **kwargs)`` off the GUI thread and return its `Job`."""
        job = Job(fn, args, kwargs, key, pass_job, name or str(getattr(fn, "__name__", "job")))
        if on_progress is not None:
            job.progress.connect(on_progress)
        if on_success is not None:
            job.succeeded.connect(on_success)
        if on_failure is not None:
            job.failed.connect(on_failure)
        job.finished.connect(lambda: self._finished(job))
        was_busy = self.busy
        self._active.add(job)
        if key is not None and key in self._running_keys:
            self._queues.setdefault(key, deque()).append(job)
        else:
            self._start(job)
        if not was_busy:
            self.busy_changed.emit(True)
        return job

    __call__ = run

    @property
    def busy(self) -> bool:
        return bool(self._active)

    def pending(self, key: str) -> int:
        """Jobs with this key that are running or waiting."""
        return sum(1 for job in self._active if job.key == key)

    def _start(self, job: Job) -> None:
        job.state = "running"
        job.ran = True
        if job.key is not None:
            self._running_keys.add(job.key)
        self._pool.start(_Runnable(job))

    def _finished(self, job: Job) -> None:
        self._active.discard(job)
        key = job.key
        if key is not None and job.ran:
            self._running_keys.discard(key)
            queue = self._queues.get(key)
            while queue:
                nxt = queue.popleft()
                if nxt.cancel_event.is_set():
                    # Cancelled while waiting: never ran; tell its listeners it is over.
                    nxt.state = "done"
                    nxt.finished.emit()
                    continue
                self._start(nxt)
                break
            if queue is not None and not queue:
                self._queues.pop(key, None)
        if not self.busy:
            self.busy_changed.emit(False)

    def wait_idle(self, timeout_ms: int = 30_000) -> bool:
        """Process events until every job has delivered (for shutdown, tests, benches)."""
        import time

        deadline = time.monotonic() + timeout_ms / 1000
        while self.busy and time.monotonic() < deadline:
            self._pool.waitForDone(10)
            QCoreApplication.processEvents()
        return not self.busy

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Cancel everything and wait for running functions to return."""
        for job in list(self._active):
            job.cancel()
        self._pool.waitForDone(timeout_ms)
