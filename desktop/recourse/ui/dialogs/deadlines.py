"""Deadlines: every open clock of the officer's requests and complaints, and the calendar
file the officer may save for their own calendar (an export on purpose; nothing is
written until they choose where).

The clocks: the force's reply (UK GDPR Art. 12(3)), an extended reply, a complaint's
acknowledgement (DPA 2018 s.164A) and the officer's own last day to complain to the ICO.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recourse.domain import deadlines, letters_cy
from recourse.domain.escalation import CLOCK_KINDS
from recourse.ui.dialogs.challenge.common import CONTEST_JOB, error_text, make_service
from recourse.ui.file_dialogs import save_file
from recourse.ui.models.formatting import format_law, format_letter_day, in_welsh
from recourse.ui.qt import QT_TRANSLATE_NOOP
from recourse.ui.widgets.plain import heading_label, plain_label

if TYPE_CHECKING:
    from recourse.domain.escalation import DeadlineClock
    from recourse.store import Store
    from recourse.ui.app import AppContext
    from recourse.ui.workers import Job


class DeadlinesDialog(QDialog):
    def __init__(self, context: AppContext, store: Store, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store = store
        self.today = today
        title = self.tr("Deadlines")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(self.tr("Every deadline still running"), level=2))
        self.clocks: list[DeadlineClock] = make_service(context, store).deadline_clocks(today)
        self.table = QTableWidget(len(self.clocks), 4)
        self.table.setAccessibleName(self.tr("Deadlines still running"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("What is due"), self.tr("Days left"), self.tr("Law")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        for row, clock in enumerate(self.clocks):
            left = deadlines.days_left(clock.due, today)
            when = (self.tr("Today") if left == 0 else
                    self.tr("{n} days ago").format(n=-left) if left < 0 else
                    self.tr("{n} days").format(n=left))
            for column, text in enumerate((format_letter_day(clock.due), self.what(clock), when,
                                           format_law(clock.law))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        layout.addWidget(self.table, 1)
        self.empty = plain_label(self.tr(
            "No deadline is running: every request has been answered."), selectable=False)
        self.empty.setVisible(not self.clocks)
        layout.addWidget(self.empty)
        layout.addWidget(plain_label(self.tr(
            "The calendar file has one all-day event per deadline, named by the force's "
            "reference; importing a newer one updates the same events. It holds nothing "
            "else about you."), selectable=False))
        self.status = plain_label(accessible_name=self.tr("Calendar status"))
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.addButton(self.tr("&Save as a calendar file…"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setEnabled(bool(self.clocks))
        self.save_button.clicked.connect(self._choose)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(960, 420)

    def what(self, clock: DeadlineClock) -> str:
        return f"{clock.reference}: {self.tr(CLOCK_KINDS[clock.kind])}"

    def _choose(self) -> None:
        path = save_file(self, self.tr("Save the deadlines calendar"),
                         "recourse-deadlines.ics", self.tr("Calendar (*.ics)"))
        if path is not None:
            self.save(path)

    def save(self, path: Path) -> Job | None:
        """Write the calendar to `path` (the officer chose it)."""
        service = make_service(self.context, self.store)
        today = self.today
        # The events in the officer's language; the domain's English titles say a little
        # more (what a complaint is about), so they stay when the officer reads English.
        kinds = {kind: self.tr(words) for kind, words in CLOCK_KINDS.items()}
        name, welsh = self.tr("Recourse deadlines"), in_welsh()

        def retitle(clock: DeadlineClock) -> DeadlineClock:
            return replace(clock, title=f"{clock.reference}: {kinds[clock.kind]}",
                           law=letters_cy.law(clock.law))

        def work() -> Path:
            path.write_bytes(service.calendar_file(
                today, retitle=retitle if welsh else None, name=name))
            return path

        return self.context.run_in_worker(
            work, key=CONTEST_JOB,
            on_success=lambda p: self.status.setText(
                self.tr("Calendar saved to {path}").format(path=str(p))),
            on_failure=lambda e: self.status.setText(error_text(e)), name="contest.calendar")


__all__ = ["DeadlinesDialog"]


# lupdate cannot read the domain's CLOCK_KINDS, which `what` translates: listed here
# (a test checks each one is in the catalogue).
_CATALOGUE = (
    QT_TRANSLATE_NOOP("DeadlinesDialog", "The force's reply is due"),
    QT_TRANSLATE_NOOP("DeadlinesDialog", "The force's extended reply is due"),
    QT_TRANSLATE_NOOP("DeadlinesDialog", "The force must acknowledge your complaint"),
    QT_TRANSLATE_NOOP("DeadlinesDialog", "Last day to complain to the ICO"),
)
