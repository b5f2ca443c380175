"""Parts of the workspace that the main window puts together: the table of screens, the
background import of their modules while the officer types the passphrase, the sync job
that counts what it brought, and the banner that says what went wrong."""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from recourse.ui.messages import OfficerMessage

if TYPE_CHECKING:
    from recourse.store import Store
    from recourse.sync import SyncResult
    from recourse.ui.workers import JobHandle

log = logging.getLogger(__name__)

#: (key, module, class) of each screen, in navigation order; the title comes from tr().
SCREENS = (
    ("overview", "recourse.ui.screens.overview", "OverviewScreen"),
    ("flags", "recourse.ui.screens.flags", "FlagsScreen"),
    ("my-data", "recourse.ui.screens.my_data", "MyDataScreen"),
    ("access-log", "recourse.ui.screens.access_log", "AccessLogScreen"),
    ("requests", "recourse.ui.screens.requests", "RequestsScreen"),
    ("settings", "recourse.ui.settings_screen", "SettingsScreen"),
)

#: The officer's own screens, which a representative (who has no data of his own) does not
#: see: he has his caseload and the member he opened instead (`MainWindow.apply_role`).
OWN_DATA_SCREENS = frozenset({"overview", "flags", "my-data", "access-log", "requests"})

#: Also needed as the workspace opens: the server connection (`Session.connect`) and the
#: contest service (the Overview's deadlines).
WORKSPACE_MODULES = (*(module for _key, module, _cls in SCREENS),
                     "recourse.api", "recourse.contest")
#: The officer takes longer than this to type a passphrase; the unlock screen is painted
#: by then, so importing in the background does not delay it.
WARM_UP_DELAY_MS = 250


class WorkspaceImport:
    """Imports the workspace's modules on a worker while the unlock screen waits for the
    passphrase and the key is derived (Argon2 releases the GIL), so the GUI thread only
    builds widgets once the store opens. Imports are about half the unlock time."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state = "pending"  # pending -> running -> done, or pending -> skipped
        self._done = threading.Event()

    def run(self) -> None:  # worker
        with self._lock:
            if self._state != "pending":
                return
            self._state = "running"
        try:
            for name in WORKSPACE_MODULES:
                try:
                    importlib.import_module(name)
                except Exception:  # the GUI thread imports it again and says why
                    log.debug("warm-up import of %s failed", name, exc_info=True)
        finally:
            with self._lock:
                self._state = "done"
            self._done.set()

    def settle(self, timeout_s: float = 60.0) -> None:
        """Before the GUI thread imports the same modules: wait for a running warm-up
        (two threads importing one module graph can deadlock on import locks), or skip
        one that has not started (the pool may be busy)."""
        with self._lock:
            if self._state == "pending":
                self._state = "skipped"
                return
        self._done.wait(timeout_s)


def sync_and_count(handle: JobHandle, sync: Callable[[JobHandle], SyncResult],
                   store: Store) -> SyncResult:  # worker
    """Sync, then count the records by category: every screen's refresh asks the store
    for those counts, and on the heavy profile the query is a tenth of a second that
    would otherwise stall the GUI thread (the store keeps the answer until it changes)."""
    result = sync(handle)
    try:
        store.category_counts()
    except Exception:  # only a head start: the screens ask again and report problems
        log.debug("counting after the sync failed", exc_info=True)
    return result


class Banner(QFrame):
    """A message with its next step across the top of the workspace; never a traceback."""

    action = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.palette().ColorRole.AlternateBase)
        self.setAccessibleName(self.tr("Message"))
        self._action = ""
        layout = QHBoxLayout(self)
        texts = QVBoxLayout()
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-weight: bold;")
        self.title.setAccessibleName(self.tr("Message title"))
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setAccessibleName(self.tr("Message text"))
        texts.addWidget(self.title)
        texts.addWidget(self.text)
        layout.addLayout(texts, 1)
        self.action_button = QPushButton()
        self.action_button.setAccessibleName(self.tr("Message action"))
        self.action_button.clicked.connect(lambda: self.action.emit(self._action))
        self.close_button = QPushButton(self.tr("&Dismiss"))
        self.close_button.setAccessibleName(self.tr("Dismiss message"))
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.action_button)
        layout.addWidget(self.close_button)
        self.info: OfficerMessage | None = None
        self.hide()

    def show_message(self, info: OfficerMessage, action: str = "", action_text: str = "") -> None:
        self.info = info
        self.title.setText(info.title)
        self.text.setText(f"{info.message} {info.next_step}")
        self._action = action
        self.action_button.setText(action_text)
        self.action_button.setVisible(bool(action))
        self.show()
