"""`recourse --demo --screenshots DIR`: render each main screen to PNG and exit."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication

if TYPE_CHECKING:
    from recourse.ui.main_window import MainWindow

log = logging.getLogger(__name__)

FILES = {
    "overview": "overview.png",
    "flags": "flags.png",
    "my-data": "my-data.png",
    "access-log": "access-log.png",
    "settings": "settings.png",
}


def _settle(rounds: int = 5) -> None:
    for _ in range(rounds):
        QCoreApplication.processEvents()


def select_first_flag(window: MainWindow) -> None:
    """Select the first flag so its detail shows (the screen's own API if it has one)."""
    screen = window.screens.get("flags")
    if screen is None:
        return
    for name in ("select_first", "select_flag_row"):
        method = getattr(screen, name, None)
        if callable(method):
            method(0) if name == "select_flag_row" else method()
            return
    for view in screen.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None and model.rowCount() > 0 and view.isVisibleTo(screen):
            view.setCurrentIndex(model.index(0, 0))
            return


def capture(window: MainWindow, folder: Path) -> list[Path]:
    """Save every main screen and the unlock screen; locks the window at the end."""
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    for key, filename in FILES.items():
        window.show_screen(key)
        if key == "flags":
            select_first_flag(window)
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


def capture_when_synced(window: MainWindow, folder: Path, passphrase: str) -> None:
    """After the first sync, capture everything and quit the application."""
    del passphrase  # the demo profile is locked at the end; nothing to unlock again

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
