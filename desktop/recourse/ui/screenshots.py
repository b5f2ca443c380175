"""`recourse --demo --screenshots DIR`: render each main screen to PNG and exit."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView, QWidget

if TYPE_CHECKING:
    from recourse.protocol.wire import FlagSummary
    from recourse.ui.main_window import MainWindow

log = logging.getLogger(__name__)

FILES = {
    "overview": "overview.png",
    "flags": "flags.png",
    "my-data": "my-data.png",
    "access-log": "access-log.png",
    "requests": "requests.png",
    "settings": "settings.png",
}

#: A representative's screens: his caseload, then a member opened from it.
REPRESENTATIVE_FILES = {
    "caseload": "caseload.png",
    "flags": "member-flags.png",
    "my-data": "member-data.png",
    "access-log": "member-access-log.png",
    "requests": "member-requests.png",
    "settings": "settings.png",
}
#: The member the representative's screenshots open: the one with the most to do.
FEATURED_MEMBER = "off-1042"

#: Small enough for a README, large enough for every screen's columns.
SIZE = (1280, 800)
#: The flag the screenshots explain: attendance counted leave and sickness as absence.
FEATURED_FLAG = "attendance"
PINGS = "location_pings"


def _settle(rounds: int = 5) -> None:
    for _ in range(rounds):
        QCoreApplication.processEvents()


def _wait_for(condition: Callable[[], bool], timeout_s: float = 20.0) -> bool:
    """Process events until `condition()` holds (workers report on the GUI thread)."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)
    return True


def dark_palette() -> QPalette:
    """A dark palette built from roles, to check that no screen hard-codes light colours."""
    palette = QPalette()
    dark, base, text = QColor(45, 45, 48), QColor(30, 30, 32), QColor(230, 230, 230)
    for role, colour in (
            (QPalette.ColorRole.Window, dark), (QPalette.ColorRole.WindowText, text),
            (QPalette.ColorRole.Base, base), (QPalette.ColorRole.AlternateBase, dark),
            (QPalette.ColorRole.Text, text), (QPalette.ColorRole.Button, dark),
            (QPalette.ColorRole.ButtonText, text), (QPalette.ColorRole.ToolTipBase, dark),
            (QPalette.ColorRole.ToolTipText, text), (QPalette.ColorRole.PlaceholderText,
                                                     QColor(150, 150, 150)),
            (QPalette.ColorRole.Highlight, QColor(42, 130, 218)),
            (QPalette.ColorRole.HighlightedText, QColor(255, 255, 255)),
            (QPalette.ColorRole.Link, QColor(120, 180, 255))):
        palette.setColor(role, colour)
    return palette


def apply_palette_from_environment() -> None:
    """RECOURSE_PALETTE=dark renders the screenshots with `dark_palette()` (Fusion)."""
    if os.environ.get("RECOURSE_PALETTE", "").lower() == "dark":
        QApplication.setStyle("Fusion")
        QApplication.setPalette(dark_palette())


def select_featured_flag(window: MainWindow) -> bool:
    """Select the attendance flag (else the first) so its explanation shows."""
    from recourse.ui.screens.flags import FlagsScreen

    store = window.context.store
    if store is None:
        return False
    flags = store.flags()
    featured = [f for f in flags if FEATURED_FLAG in _flag_words(f)]
    chosen = (featured or flags)[:1]
    if not chosen:
        return False
    return bool(window.workspace_screen("flags", FlagsScreen).select_flag(chosen[0].id))


def _flag_words(flag: FlagSummary) -> str:
    return " ".join((flag.rule.id, flag.rule.title, flag.headline)).lower()


def show_pings(window: MainWindow) -> bool:
    """My data on the location pings, with the off-duty count and a record open."""
    from recourse.ui.screens.my_data import MyDataScreen

    screen = window.workspace_screen("my-data", MyDataScreen)
    box = screen.category_box
    if box.findData(PINGS) < 0:
        return False
    box.setCurrentIndex(box.findData(PINGS))
    label = screen.off_duty_label
    _wait_for(lambda: bool(label.text()), 30)
    if screen.model.rowCount() > 0:
        screen.view.selectRow(0)
    return True


def select_first_row(screen: QWidget | None) -> None:
    """Open the first entry of a screen's table so its detail pane is not empty."""
    if screen is None:
        return
    for view in screen.findChildren(QAbstractItemView):
        model = view.model()
        if isinstance(view, QTableView) and model is not None and model.rowCount() > 0:
            view.selectRow(0)
            return


def capture_sar_wizard(window: MainWindow, path: Path) -> Path | None:
    """The subject access request wizard's first page, with a few kinds of data chosen;
    closed without sending (the draft stays in the demo's throw-away profile)."""
    from recourse.ui.screens.requests import RequestsScreen

    screen = window.workspace_screen("requests", RequestsScreen)
    window.show_screen("requests")
    wizard = screen.ask_for_data()
    if wizard is None:
        return None
    page = wizard.scope_page
    page.chosen.setChecked(True)
    for category in ("building_access", "location_pings", "system_lookups"):
        box = page.categories.get(category)
        if box is not None:
            box.setChecked(True)
    _settle()
    wizard.grab().save(str(path))
    wizard.reject()
    _settle()
    return path


def capture_representative(window: MainWindow, folder: Path) -> list[Path]:
    """The caseload, then the featured member's screens as the representative sees them."""
    from recourse.ui.screens.caseload import CaseloadScreen
    from recourse.ui.screens.member import MemberView

    saved = []
    window.show_screen("caseload")
    _settle()
    caseload = window.workspace_screen("caseload", CaseloadScreen)
    caseload.view.setFocus()
    saved.append(folder / REPRESENTATIVE_FILES["caseload"])
    window.grab().save(str(saved[-1]))
    rows = [r.officer_id for r in caseload.model.rows]
    member = FEATURED_MEMBER if FEATURED_MEMBER in rows else (rows[:1] or [""])[0]
    if member and window.open_member(member):
        view = window.workspace_screen("member", MemberView)
        for key in ("flags", "my-data", "access-log", "requests"):
            view.show_screen(key)
            page = view.screens.get(key)
            if key in ("access-log", "requests"):
                select_first_row(page)
            _settle()
            saved.append(folder / REPRESENTATIVE_FILES[key])
            window.grab().save(str(saved[-1]))
    window.show_screen("settings")
    _settle()
    saved.append(folder / REPRESENTATIVE_FILES["settings"])
    window.grab().save(str(saved[-1]))
    return saved


def capture(window: MainWindow, folder: Path) -> list[Path]:
    """Save every main screen and the unlock screen; locks the window at the end."""
    folder.mkdir(parents=True, exist_ok=True)
    window.resize(*SIZE)
    _settle()
    saved = []
    if window.role == "representative":
        saved = capture_representative(window, folder)
        window.lock()
        _settle()
        saved.append(folder / "unlock.png")
        window.grab().save(str(saved[-1]))
        return saved
    if QGuiApplication.platformName() != "offscreen":
        # On a real display, also what the display itself shows: proof that the window
        # reached the screen (widget grabs render without one).
        path = folder / "display.png"
        screen = window.screen()
        screen.grabWindow(0).save(str(path))
        saved.append(path)
    for key, filename in FILES.items():
        window.show_screen(key)
        if key == "flags":
            select_featured_flag(window)
        elif key == "my-data":
            show_pings(window)
        elif key == "access-log":
            select_first_row(window.screens.get(key))
        elif key == "requests":  # the challenge's review page, then the sent challenge
            saved.append(capture_for_screenshots(window, folder / "challenge.png"))
            sar = capture_sar_wizard(window, folder / "sar.png")
            if sar is not None:
                saved.append(sar)
            window.show_screen(key)
        _settle()
        path = folder / filename
        window.grab().save(str(path))
        saved.append(path)
    window.lock()
    _settle()
    path = folder / "unlock.png"
    window.grab().save(str(path))
    saved.append(path)
    return saved


def capture_when_synced(window: MainWindow, folder: Path) -> None:
    """After the first sync, capture everything and quit the application."""
    apply_palette_from_environment()

    def done(ok: bool) -> None:
        window.sync_done.disconnect(done)
        if not ok:
            log.error("demo sync failed; screenshots show what was cached")
        QTimer.singleShot(300, lambda: _capture_and_quit(window, folder))

    window.sync_done.connect(done)


def _capture_and_quit(window: MainWindow, folder: Path) -> None:
    for path in capture(window, folder):
        print(path)
    QApplication.quit()


def capture_for_screenshots(window: MainWindow, path: Path, timeout_s: float = 60.0) -> Path:
    """`recourse --demo --screenshots`: contest the selected flag on the demo server,
    save the review page (the exact bytes) to `path`, then sign and send it so the
    Requests screen has something to show. Demo only: it trusts the demo server's key."""
    def wait(condition: Callable[[], bool]) -> bool:
        deadline = time.monotonic() + timeout_s
        while not condition() and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.01)
        return bool(condition())

    from recourse.ui.screens.flags import FlagsScreen
    from recourse.ui.screens.requests import RequestsScreen

    window.show_screen("flags")
    wizard = window.workspace_screen("flags", FlagsScreen).contest_current_flag()
    if wizard is None:
        return path
    wait(lambda: wizard.keys.is_ready or (wizard.keys.dialog is not None
                                          and wizard.keys.dialog.isVisible()))
    if wizard.keys.dialog is not None and not wizard.keys.is_ready:
        wizard.keys.dialog.accept()
        wait(lambda: wizard.keys.is_ready)
    wizard.grounds_page.boxes["rectification"].setChecked(True)
    wizard.grounds_page.boxes["context"].setChecked(True)
    wizard.statement_page.editor.setPlainText(
        "My annual leave and two days of certified sickness were counted as absences. "
        "The duty system records both; they are not days I chose not to attend.")
    while wizard.currentPage() is not wizard.review_page and wizard.currentId() >= 0:
        wizard.next()
    wait(lambda: wizard.review_page.send_button.isEnabled())
    QCoreApplication.processEvents()
    wizard.grab().save(str(path))
    wizard.sign_and_send()
    wait(lambda: wizard.currentPage() is wizard.result_page)
    wizard.accept()
    window.workspace_screen("requests", RequestsScreen).refresh()
    return path
