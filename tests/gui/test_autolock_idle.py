"""The idle timer: fires after the idle time, input resets it, 0 turns it off."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from recourse.ui.autolock import IdleLock

#: Qt's default (coarse) timers may fire up to 5% early, and the moment of each input is
#: read a little before Qt handles it: 15% below the idle time still tells a timer that was
#: reset by the latest input from one that was not (that one fires mid-typing, within
#: 100 ms of an input).
_EARLY = 0.85


def test_idle_fires_after_timeout(qtbot, qapp):
    lock = IdleLock()
    start = time.monotonic()
    lock.set_timeout_ms(150)
    # Generous: a loaded machine may run the event loop late, never early.
    with qtbot.waitSignal(lock.idle, timeout=10_000):
        pass
    assert time.monotonic() - start >= 0.150 * _EARLY
    lock.disarm()


def test_input_resets_timer_and_zero_disables(qtbot, qapp):
    field = QLineEdit()
    field.setAccessibleName("field")
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    lock = IdleLock()
    fired: list[float] = []
    lock.idle.connect(lambda: fired.append(time.monotonic()))
    inputs = [time.monotonic()]  # each taken just before the input that restarts the timer
    lock.set_timeout_ms(300)
    for _ in range(5):  # keep typing for ~0.5 s: longer than the idle time
        qtbot.wait(100)
        inputs.append(time.monotonic())
        qtbot.keyClick(field, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: bool(fired), timeout=10_000)
    # Ordering, not a deadline: it fires only once 300 ms pass after the latest input
    # (without the reset it fires ~300 ms after the start, mid-typing). A machine too
    # loaded to type every 100 ms may see it fire between keys, and that is right too.
    for moment in fired:
        latest_input = max(t for t in inputs if t < moment)
        assert moment - latest_input >= 0.300 * _EARLY, (moment, inputs)
    lock.set_timeout_ms(0)
    assert not lock.active
    lock.disarm()
