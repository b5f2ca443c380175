"""Every interactive widget of the shell has an accessible name and is reachable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QWidget,
)

from recourse.ui.app import Session
from recourse.ui.main_window import MainWindow
from recourse.ui.settings_screen import SettingsScreen
from recourse.ui.signin import SignInScreen
from recourse.ui.unlock import FirstRunScreen, UnlockScreen

INTERACTIVE = (QAbstractButton, QLineEdit, QAbstractSpinBox, QComboBox, QAbstractItemView)


def unnamed_controls(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if widget.objectName().startswith("qt_"):
            continue  # Qt's own parts (a spin box's line edit): named by their owner
        if isinstance(widget, QHeaderView):
            continue  # part of its table, which carries the name
        if (isinstance(widget.parentWidget(), QLineEdit)
                or widget.window() is not root.window()):
            continue  # a line edit's clear button, a combo box's popup: Qt's own parts
        if isinstance(widget, INTERACTIVE) and not widget.accessibleName():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} "
                           f"{getattr(widget, 'text', lambda: '')()!r}")
    return missing


class _NoProfile:
    """Stands in for a folder with no profile: only exists() and retry_delay() are read."""

    def exists(self) -> bool:
        return False

    def retry_delay(self) -> float:
        return 0.0


def test_gate_pages_and_settings_name_every_control(qtbot, context):
    for widget in (FirstRunScreen(context, None), UnlockScreen(context, None),
                   SignInScreen(context), SettingsScreen(context)):
        qtbot.addWidget(widget)
        assert widget.accessibleName()
        assert unnamed_controls(widget) == []


def test_main_window_controls_named(qtbot, context):
    window = MainWindow(context, _NoProfile(), Session(context))
    qtbot.addWidget(window)
    window.start()
    assert window.pages.currentWidget() is window.first_run
    assert unnamed_controls(window) == []


def test_first_run_tab_order_reaches_create(qtbot, context):
    screen = FirstRunScreen(context, None)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    screen.passphrase.setFocus()
    reached = set()
    for _ in range(10):
        reached.add(screen.focusWidget())
        qtbot.keyClick(screen.focusWidget(), Qt.Key.Key_Tab)
    assert {screen.passphrase, screen.confirm, screen.server, screen.create_button} <= reached


def test_shortcuts_reach_every_screen_and_every_control_is_named(qtbot, context):
    window = MainWindow(context, _NoProfile(), Session(context))
    qtbot.addWidget(window)
    window.build_screens()  # the real screens, locked (no store): the data-free state
    window.pages.setCurrentWidget(window.workspace)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    keys = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5,
            Qt.Key.Key_6]
    for key, expected in zip(keys, ["overview", "flags", "my-data", "access-log", "requests",
                                    "settings"], strict=True):
        qtbot.keyClick(window.focusWidget() or window, key,
                       Qt.KeyboardModifier.ControlModifier)
        assert window.current_screen_key() == expected
        assert window.screen_stack.currentWidget() is window.screens[expected]
    assert unnamed_controls(window) == []
    # The navigation list works with arrow keys too.
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_Up)
    assert window.current_screen_key() == "requests"
