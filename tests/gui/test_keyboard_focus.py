"""Keyboard alone: Tab reaches every control of every screen and dialog and comes back to
where it started, focus is visible (WCAG 2.2 focus appearance, measured on grabs) in
light, dark and high-contrast palettes, and the shortcuts are listed under F1.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QToolButton,
    QWidget,
)
from tests.gui import contest_helpers as h
from tests.gui.conftest import build_window, close_window, first_run_through_ui

from recourse.ui.focus_ring import contrast
from recourse.ui.screenshots import dark_palette

MAX_TABS = 150


def describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    return f"{type(widget).__name__} {widget.accessibleName()!r}"


def focusable(window: QWidget) -> set[QWidget]:
    """Every control a keyboard user must be able to reach in `window` as it is shown."""
    found = set()
    for widget in window.findChildren(QWidget):
        if (widget.window() is not window or not widget.isVisible()
                or not widget.isEnabled()
                or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                or widget.focusProxy() is not None
                or isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox))):
            continue  # a spin box's or combo box's own line edit gets focus through it
        found.add(widget)
    return found


def tab_cycle(qtbot: Any, start: QWidget, *, backwards: bool = False) -> list[QWidget]:
    """Press Tab from `start` until focus is back on it; every widget focus passed."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start, timeout=3000)
    seen: list[QWidget] = [start]
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    for _ in range(MAX_TABS):
        qtbot.keyClick(QApplication.focusWidget(), key)
        now = QApplication.focusWidget()
        if now is start:
            return seen
        assert now is not None and now not in seen[1:], (
            f"Tab is stuck or loops without returning to {describe(start)}: "
            f"{[describe(w) for w in seen[-8:]]} then {describe(now)}")
        seen.append(now)
    raise AssertionError(f"{MAX_TABS} Tabs never came back to {describe(start)}: "
                         f"{[describe(w) for w in seen[-10:]]}")


def assert_tab_reaches_everything(qtbot: Any, window: QWidget, start: QWidget,
                                  where: str) -> None:
    forwards = tab_cycle(qtbot, start)
    missed = focusable(window) - set(forwards)
    assert not missed, f"{where}: Tab never reaches {sorted(describe(w) for w in missed)}"
    backwards = tab_cycle(qtbot, start, backwards=True)
    assert set(backwards) == set(forwards), f"{where}: Shift+Tab takes another path"


@pytest.fixture
def window(qtbot: Any, profile: Any, server: Any) -> Iterator[Any]:
    window = build_window(qtbot, profile, server, "ci.okafor")
    window.resize(1280, 800)
    try:
        yield window
    finally:
        close_window(window)


def activate(qtbot: Any, widget: QWidget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=3000)


def test_tab_reaches_every_control_of_every_screen_and_dialog(
        qtbot: Any, window: Any, server: Any) -> None:
    from recourse.ui.screens.flags import FlagsScreen
    from recourse.ui.screens.my_data import MyDataScreen
    from recourse.ui.screens.requests import RequestsScreen

    window.start()
    activate(qtbot, window)
    assert_tab_reaches_everything(qtbot, window, window.first_run.passphrase, "first run")
    first_run_through_ui(qtbot, window, server.url)
    for key in window.screens:
        window.show_screen(key)
        if key == "my-data":  # a record open, so the detail pane is there too
            screen = window.workspace_screen(key, MyDataScreen)
            screen.view.selectRow(0)
        assert_tab_reaches_everything(qtbot, window, window.nav, key)

    # My data's date fields: Tab leaves them, and typing makes a date, not "Any datex".
    screen = window.workspace_screen("my-data", MyDataScreen)
    window.show_screen("my-data")
    screen.from_edit.setFocus()
    qtbot.keyClick(screen.from_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is screen.to_edit
    qtbot.keyClick(screen.to_edit, Qt.Key.Key_X)
    assert screen.to_edit.text() == "Any date"
    qtbot.keyClicks(screen.to_edit, "2026")
    assert screen.to_edit.date().year() == 2026 and screen.to_edit.text() != "Any date"
    qtbot.keyClick(screen.to_edit, Qt.Key.Key_Delete)
    assert screen.to_edit.date() == QDate(2000, 1, 1) and screen.to_edit.text() == "Any date"

    # The shortcuts list, under F1.
    qtbot.keyClick(window.nav, Qt.Key.Key_F1)
    dialog = window.shortcuts_dialog
    assert dialog is not None and dialog.isVisible()
    keys = {dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())}
    assert {f"Ctrl+{n}" for n in range(1, 7)} | {"Ctrl+L"} <= keys
    activate(qtbot, dialog)
    assert_tab_reaches_everything(qtbot, dialog, dialog.table, "shortcuts")
    dialog.reject()

    # The challenge wizard, every page, and the first-use key dialog.
    window.show_screen("flags")
    flags = window.workspace_screen("flags", FlagsScreen)
    wizard = flags.contest_current_flag()
    qtbot.waitUntil(lambda: wizard.keys.dialog is not None and wizard.keys.dialog.isVisible(),
                    timeout=30_000)
    trust = wizard.keys.dialog
    activate(qtbot, trust)
    assert_tab_reaches_everything(qtbot, trust, trust.focusWidget() or trust.trust_button,
                                  "server key")
    h.trust_server_key(qtbot, wizard)
    activate(qtbot, wizard)
    wizard.grounds_page.boxes["rectification"].setChecked(True)
    wizard.statement_page.editor.setPlainText("Leave counted as absence.")
    for _ in range(8):
        page = wizard.currentPage()
        qtbot.waitUntil(lambda: wizard.focusWidget() is not None, timeout=3000)
        assert_tab_reaches_everything(qtbot, wizard, wizard.focusWidget(),
                                      f"challenge: {page.title()}")
        if page is wizard.review_page:
            break
        wizard.next()
    wizard.reject()

    # The subject access request wizard, every page.
    window.show_screen("requests")
    sar = window.workspace_screen("requests", RequestsScreen).ask_for_data()
    activate(qtbot, sar)
    for _ in range(6):
        page = sar.currentPage()
        qtbot.waitUntil(lambda: sar.focusWidget() is not None, timeout=3000)
        assert_tab_reaches_everything(qtbot, sar, sar.focusWidget(), f"request: {page.title()}")
        if page is sar.review_page:
            break
        sar.next()
    sar.reject()

    # Locked: the unlock page.
    window.lock()
    activate(qtbot, window)
    assert_tab_reaches_everything(qtbot, window, window.unlock_screen.passphrase, "unlock")


# ---- focus appearance ---------------------------------------------------------------------

def high_contrast_palette() -> QPalette:
    """Like Windows' High Contrast Black: black ground, white text, cyan/yellow accents."""
    palette = QPalette()
    black, white = QColor(0, 0, 0), QColor(255, 255, 255)
    for role, colour in (
            (QPalette.ColorRole.Window, black), (QPalette.ColorRole.WindowText, white),
            (QPalette.ColorRole.Base, black), (QPalette.ColorRole.AlternateBase, black),
            (QPalette.ColorRole.Text, white), (QPalette.ColorRole.Button, black),
            (QPalette.ColorRole.ButtonText, white),
            (QPalette.ColorRole.Highlight, QColor(26, 235, 255)),
            (QPalette.ColorRole.HighlightedText, black)):
        palette.setColor(role, colour)
    return palette


PALETTES = {"light": None, "dark": dark_palette, "high-contrast": high_contrast_palette}


def changed_enough(before: QImage, after: QImage) -> tuple[int, int]:
    """(pixels whose focused colour contrasts at least 3:1 with the unfocused one,
    the area of a 2 px band around the control's perimeter), in device pixels."""
    ratio = after.devicePixelRatio()
    width, height = after.width(), after.height()
    strong = sum(1 for y in range(height) for x in range(width)
                 if contrast(QColor(after.pixel(x, y)), QColor(before.pixel(x, y))) >= 3.0)
    band = int(2 * ratio * 2 * (width + height))
    return strong, band


@pytest.mark.parametrize("palette_name", list(PALETTES))
def test_focus_is_visible_on_every_kind_of_control(
        qtbot: Any, window: Any, server: Any, palette_name: str) -> None:
    from recourse.ui.screens.flags import FlagsScreen
    from recourse.ui.screens.my_data import MyDataScreen

    app = QApplication.instance()
    old_palette, old_style = app.palette(), app.style().name()
    make = PALETTES[palette_name]
    if make is not None:
        app.setStyle("Fusion")
        app.setPalette(make())
    try:
        window.start()
        first_run_through_ui(qtbot, window, server.url)
        activate(qtbot, window)
        flags = window.workspace_screen("flags", FlagsScreen)
        my_data = window.workspace_screen("my-data", MyDataScreen)
        settings = window.screens["settings"]
        controls = {
            "navigation list": ("overview", window.nav),
            "table": ("flags", flags.list_view),
            "push button": ("flags", flags.contest_button),
            "tool button": ("flags", flags.chart.findChild(QToolButton)),
            "combo box": ("my-data", my_data.category_box),
            "date field": ("my-data", my_data.from_edit),
            "line edit": ("my-data", my_data.search_edit),
            "spin box": ("settings", settings.auto_lock),
            "lock button": ("overview", window.status.lock_button),
        }
        for name, (key, widget) in controls.items():
            window.show_screen(key)
            window.nav.setFocus()
            if widget is window.nav:
                window.status.lock_button.setFocus()
            qtbot.waitUntil(lambda w=widget: not w.hasFocus(), timeout=2000)
            before = widget.grab().toImage()
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            qtbot.waitUntil(lambda w=widget: w.hasFocus(), timeout=2000)
            after = widget.grab().toImage()
            strong, band = changed_enough(before, after)
            assert strong >= band, (
                f"{palette_name}: focus on the {name} changes only {strong} pixels by 3:1 "
                f"or more; a 2 px ring around it is {band}")
        # A check box too (the wizard's grounds): Qt draws no focus on it at all.
        window.show_screen("flags")
        wizard = flags.contest_current_flag()
        h.trust_server_key(qtbot, wizard)
        activate(qtbot, wizard)
        box = wizard.grounds_page.boxes["context"]
        wizard.grounds_page.boxes["rectification"].setFocus()
        before = box.grab().toImage()
        box.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(box.hasFocus, timeout=2000)
        strong, band = changed_enough(before, box.grab().toImage())
        assert strong >= band, f"{palette_name}: check box focus is {strong} < {band}"
        wizard.reject()
    finally:
        app.setPalette(old_palette)
        app.setStyle(old_style)
