"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every void call and to True
on every signal emit; the app must outlive a long, chatty session anyway.

Each check runs in a child process: without `recourse.ui.refcounts` the child aborts
with "Fatal Python error: none_dealloc / bool_dealloc", which would take this test run
down with it if it happened here.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

# A sync's progress reports, several times over, as the real Workers deliver them: each
# report is two signal emits (the worker's relay, then the job's progress signal).
_CHATTY_SESSION = textwrap.dedent("""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QLabel
    from recourse.ui.workers import Workers

    app = QApplication([])
    # A fresh process holds some 600 references to True and 5,000 to None: 20,000
    # reports (40,000 emits, 20,000 setText) and 60,000 processEvents exhaust both.
    reports = 20_000
    workers = Workers()
    label = QLabel()
    seen = []

    def chatty(job):
        for n in range(reports):
            job.report(n)
        return "done"

    def show(n):
        seen.append(n)
        label.setText(str(n))  # a void call per report, as the status bar makes

    job = workers.run(chatty, pass_job=True, on_progress=show, name="chatty")
    assert workers.wait_idle(120_000)
    for _ in range(60_000):  # an event loop spun by hand, as lock() and shutdown() do
        QCoreApplication.processEvents()
    print(job.result, len(seen) == reports, flush=True)
""")


def test_a_long_chatty_session_does_not_abort_the_process():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", _CHATTY_SESSION], capture_output=True,
                          text=True, env=env, timeout=240)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["done", "True"]

