"""The idle timer: fires after the idle time, input resets it, 0 turns it off."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from recourse.ui.autolock import IdleLock


def test_idle_fires_after_timeout(qtbot, qapp):
    lock = IdleLock()
    lock.set_timeout_ms(150)
    with qtbot.waitSignal(lock.idle, timeout=2000):
        pass
    lock.disarm()


def test_input_resets_timer_and_zero_disables(qtbot, qapp):
    field = QLineEdit()
    field.setAccessibleName("field")
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    lock = IdleLock()
    fired = []
    lock.idle.connect(lambda: fired.append(time.monotonic()))
    start = time.monotonic()
    lock.set_timeout_ms(300)
    for _ in range(5):  # keep typing for ~0.5 s: longer than the idle time
        qtbot.wait(100)
        qtbot.keyClick(field, Qt.Key.Key_A)
    assert fired == []
    qtbot.waitUntil(lambda: bool(fired), timeout=2000)
    assert fired[0] - start > 0.5
    lock.set_timeout_ms(0)
    assert not lock.active
    lock.disarm()
