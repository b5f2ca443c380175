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
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recourse.ui.messages import OfficerMessage
from recourse.ui.models.formatting import format_time
from recourse.ui.shortcuts import HELP_KEYS

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

    # What the window says at each turn of the session, in one place.
    def show_not_signed_in(self) -> None:
        self.show_message(OfficerMessage(
            self.tr("Not signed in"), self.tr("You are looking at the data saved on this PC."),
            self.tr("Sign in to sync the latest data."), "SignedOut", True),
            "sign-in", self.tr("&Sign in"))

    def show_signed_out(self) -> None:
        self.show_message(OfficerMessage(
            self.tr("Signed out"), self.tr("You are signed out. Your data stays on this PC."),
            self.tr("Sign in again to sync."), "SignedOut", True),
            "sign-in", self.tr("&Sign in"))

    def show_contest_not_ready(self, info: OfficerMessage) -> None:
        self.show_message(OfficerMessage(
            self.tr("Contesting is not ready yet"),
            self.tr("Your data is available, but Recourse could not set up the key "
                    "that signs your requests: {reason}").format(reason=info.message),
            info.next_step, info.kind, info.expected), "contest", self.tr("&Try again"))

    def show_mandate_ended(self, name: str) -> None:
        self.show_message(OfficerMessage(
            self.tr("Mandate ended"),
            self.tr("The mandate from {name} has ended, so their data has been removed "
                    "from this PC.").format(name=name),
            self.tr("Ask the member to grant a new mandate if you still act for them."),
            "MandateEnded", True))


    def show_log_altered(self, found: str, summary: str) -> None:
        self.show_message(OfficerMessage(
            self.tr("The force's record of what you sent has changed"),
            self.tr("The force's record of what you sent has changed since {found}: "
                    "{summary} A record that only grows cannot change like this; the force "
                    "has altered it. Recourse has kept the proof: the force's own signed "
                    "statements and your receipts, on this PC.").format(
                found=found, summary=summary),
            self.tr("Export the evidence bundle of your requests and keep it safe; show it "
                    "to your Federation representative or the ICO."),
            "LogAltered", True))

    def show_log_alerts(self, store: Store) -> bool:
        """Say the first alteration of the force's log found and not yet said."""
        from recourse.store.receipt_log import LogStore

        logs = LogStore(store)
        alerts = logs.alerts(unseen_only=True)
        if not alerts:
            return False
        held = [h for h in logs.heads() if h.seen_at < alerts[0].found_at]
        since = max(held, key=lambda h: h.seen_at).seen_at if held else alerts[0].found_at
        # UK time with its zone, as every time the officer reads.
        self.show_log_altered(format_time(since), alerts[0].detail)
        logs.mark_alerts_seen()
        return True


class WorkspacePage(QWidget):
    """The workspace: the navigation with the shortcuts button under it on the left, the
    banner above the screens on the right. The window fills in the screens."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.nav = QListWidget()
        self.nav.setMaximumWidth(180)
        self.screen_stack = QStackedWidget()
        self.banner = Banner()
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.banner)
        right.addWidget(self.screen_stack, 1)
        # Under the navigation, so the shortcuts are found without hovering anything.
        self.shortcuts_button = QPushButton()
        self.shortcuts_button.setMaximumWidth(180)
        self.retranslate()
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.nav, 1)
        left.addWidget(self.shortcuts_button)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addLayout(right, 1)

    def retranslate(self) -> None:
        """Its fixed texts in the language now installed (the window rebuilds the rest)."""
        self.setAccessibleName(self.tr("Workspace"))
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.screen_stack.setAccessibleName(self.tr("Screen"))
        self.shortcuts_button.setText(self.tr("Keyboard shortcuts (F1)"))
        self.shortcuts_button.setAccessibleName(self.tr("Keyboard shortcuts"))

    def screen_titles(self) -> dict[str, str]:
        """Each screen's title, through tr so lupdate sees every one."""
        return {
            "overview": self.tr("Overview"),
            "flags": self.tr("Flags"),
            "my-data": self.tr("My data"),
            "access-log": self.tr("Access log"),
            "requests": self.tr("Requests"),
            "settings": self.tr("Settings"),
        }

    def nav_item(self, key: str) -> QListWidgetItem | None:
        """The navigation entry of the screen `key`."""
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                return item
        return None

    def show_role(self, representative: bool, *, member_open: bool) -> None:
        """A representative sees his caseload (and the member he opened), not screens
        about himself; an officer the reverse."""
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            key = item.data(Qt.ItemDataRole.UserRole)
            if key in OWN_DATA_SCREENS:
                item.setHidden(representative)
            elif key == "caseload":
                item.setHidden(not representative)
            elif key == "member":
                item.setHidden(not representative or not member_open)


def window_shortcuts(window: QWidget, show_screen: Callable[[str], None],
                     show_help: Callable[[], object]) -> list[QShortcut]:
    """Ctrl+1... for the screens, in navigation order, and F1 / Ctrl+? for the list."""
    shortcuts = []
    for number, (key, _module, _cls) in enumerate(SCREENS, start=1):
        shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), window)
        shortcut.activated.connect(lambda key=key: show_screen(key))
        shortcuts.append(shortcut)
    for keys in HELP_KEYS:
        shortcut = QShortcut(QKeySequence(keys), window)
        shortcut.activated.connect(show_help)
        shortcuts.append(shortcut)
    return shortcuts
