"""The workers helper: results, failures and progress arrive on the GUI thread; keyed jobs queue."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QThread

from recourse.ui.workers import Workers


@pytest.fixture
def workers(qapp):
    w = Workers()
    yield w
    w.shutdown()


def test_success_and_progress_arrive_on_gui_thread(qtbot, workers):
    gui = QThread.currentThread()
    seen = []

    def work(handle, n):
        for i in range(n):
            handle.report(i)
        return threading.current_thread().name

    job = workers.run(work, 3, pass_job=True,
                      on_progress=lambda v: seen.append((v, QThread.currentThread() is gui)))
    with qtbot.waitSignal(job.succeeded, timeout=5000) as blocker:
        pass
    assert blocker.args[0] != threading.main_thread().name  # ran elsewhere
    assert seen == [(0, True), (1, True), (2, True)]
    assert job.done


def test_failure_is_delivered_as_value(qtbot, workers):
    def boom():
        raise ValueError("nope")

    job = workers.run(boom)
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        pass
    assert isinstance(blocker.args[0], ValueError)


def test_jobs_with_same_key_queue_and_cancelled_waiting_job_never_runs(qtbot, workers):
    order = []
    lock = threading.Lock()

    def step(name):
        with lock:
            order.append(("start", name))
        time.sleep(0.05)
        with lock:
            order.append(("end", name))

    first = workers.run(step, "a", key="sync")
    second = workers.run(step, "b", key="sync")
    skipped = workers.run(step, "c", key="sync")
    skipped.cancel()
    assert workers.pending("sync") == 3
    with qtbot.waitSignal(skipped.finished, timeout=5000):
        pass
    assert workers.wait_idle(5000)
    assert first.done and second.done
    assert order == [("start", "a"), ("end", "a"), ("start", "b"), ("end", "b")]
    assert not workers.busy
