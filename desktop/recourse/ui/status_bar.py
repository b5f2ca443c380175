"""The main window's status bar: sync progress with Cancel, last sync, server, Lock."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QProgressBar, QPushButton, QStatusBar, QWidget

from recourse.ui.models.formatting import category_name, format_time
from recourse.ui.widgets.plain import plain_label


class StatusBar(QStatusBar):
    cancel_sync = Signal()
    lock_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress_text = plain_label(wrap=False, selectable=False)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel_sync)
        self.last_sync = plain_label(wrap=False, selectable=False)
        self.server = plain_label(wrap=False, selectable=False)
        self.lock_button = QPushButton()
        self.retranslate()
        self.lock_button.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_button.clicked.connect(self.lock_requested)
        self.addWidget(self.progress_text, 1)
        self.addWidget(self.progress)
        self.addWidget(self.cancel_button)
        self.addPermanentWidget(self.last_sync)
        self.addPermanentWidget(self.server)
        self.addPermanentWidget(self.lock_button)
        self.sync_finished()

    def retranslate(self) -> None:
        """Its fixed texts in the language now installed."""
        self.setAccessibleName(self.tr("Status"))
        self.progress.setAccessibleName(self.tr("Sync progress"))
        self.progress_text.setAccessibleName(self.tr("Sync activity"))
        self.cancel_button.setText(self.tr("&Cancel sync"))
        self.cancel_button.setAccessibleName(self.tr("Cancel sync"))
        self.last_sync.setAccessibleName(self.tr("Last sync"))
        self.server.setAccessibleName(self.tr("Server address"))
        self.lock_button.setText(self.tr("Lock"))
        self.lock_button.setAccessibleName(self.tr("Lock Recourse"))
        self.lock_button.setToolTip(self.tr("Lock now (Ctrl+L)"))

    def sync_started(self) -> None:
        self.progress.setRange(0, 0)  # busy until the first progress report
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.progress_text.setText(self.tr("Syncing…"))

    def sync_progress(self, report: object) -> None:
        """Show a `recourse.sync.SyncProgress`: step of steps, what, items, time left."""
        # Imported here: the sync engine (and the store under it) is not on the unlock path.
        from recourse.sync.outcome import SyncProgress

        if not isinstance(report, SyncProgress):
            raise TypeError(f"not a sync progress report: {type(report).__name__}")
        items, current, eta = report.items, report.current, report.eta_seconds
        total, done = report.category_total, report.category_items
        counted = total is not None and total > 0
        if total is not None and total > 0:
            # The server counted this category's changes: the bar shows how far it is
            # (a year of pings is most of a first sync, so steps alone would stall).
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
            self.progress.setFormat(self.tr("%p%"))
        elif report.steps > 0:
            self.progress.setRange(0, report.steps)
            self.progress.setValue(min(report.step, report.steps))
            self.progress.setFormat(self.tr("Step %v of %m"))
        text = self.tr("Syncing…")
        if current and current != "done":
            text = self.tr("Syncing {what}…").format(what=self.describe_step(current))
        if counted:
            text += " " + self.tr("{done} of {total}").format(done=f"{done:,}",
                                                               total=f"{total:,}")
        elif items:
            text += " " + self.tr("{n} items").format(n=f"{items:,}")
        if eta is not None and eta >= 1:
            text += " " + self.tr("(about {s} s left)").format(s=int(eta))
        self.progress_text.setText(text)

    def describe_step(self, current: str) -> str:
        named = {
            "me": self.tr("your details"),
            "flags": self.tr("flags"),
            "access_log": self.tr("the access log"),
            "rules": self.tr("the rules"),
            "sources": self.tr("the data sources"),
        }
        if current in named:
            return named[current]
        # A category's own records: its name, as the screens say it ("building access").
        words = category_name(current)
        return words[:1].lower() + words[1:]

    def sync_finished(self, message: str | None = None) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.progress_text.setText(message or "")

    def set_last_sync(self, when: datetime | None, state: str | None = None) -> None:
        if when is None:
            self.last_sync.setText(self.tr("Never synced"))
        else:
            text = self.tr("Last sync {when}").format(when=format_time(when))
            if state and state not in ("ok", "complete", "succeeded"):
                text += " " + self.tr("(incomplete)")
            self.last_sync.setText(text)

    def set_server(self, url: str | None) -> None:
        self.server.setText(url or self.tr("No server"))
