"""The representative's first screen: his caseload, one row per member he acts for
under a current mandate, with what needs doing next. Sortable and filterable from the
keyboard; Enter opens the member."""

from __future__ import annotations

from datetime import UTC, date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recourse.contest.caseload import CaseloadRow, caseload, overdue_chasers, overdue_chasers_pdf
from recourse.store.files import write_file_atomically
from recourse.ui.dialogs.challenge.common import error_text
from recourse.ui.file_dialogs import save_file
from recourse.ui.i18n import current_language
from recourse.ui.models.caseload_model import (
    ACTION_COLUMN,
    NEXT_COLUMN,
    CaseloadModel,
    RowRole,
    SortRole,
)
from recourse.ui.screens.common import empty_state, make_table, select_row
from recourse.ui.widgets.plain import heading_label, plain_label

if TYPE_CHECKING:
    from recourse.store import Store
    from recourse.ui.app import AppContext
    from recourse.ui.workers import Job


class CaseloadScreen(QWidget):
    #: The member chosen (Enter or double-click): their id.
    member_opened = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._store: Store | None = None
        self.setAccessibleName(self.tr("Caseload"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(self.tr("Your caseload")))
        self.summary = plain_label(accessible_name=self.tr("Caseload summary"))
        layout.addWidget(self.summary)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by name, force number or next step "
                                               "(Ctrl+F)"))
        self.filter.setAccessibleName(self.tr("Filter the caseload"))
        self.filter.setClearButtonEnabled(True)
        layout.addWidget(self.filter)
        QShortcut(QKeySequence.StandardKey.Find, self, self.filter.setFocus)

        self.model = CaseloadModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = make_table(self.tr("Members you act for"))
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(NEXT_COLUMN, Qt.SortOrder.AscendingOrder)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # What followed wraps in a column of its own width, so that what needs doing
        # next - the reason for the screen - always has the rest of the row.
        header.setSectionResizeMode(ACTION_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(ACTION_COLUMN, self.fontMetrics().averageCharWidth() * 24)
        header.setSectionResizeMode(NEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(True)
        self.view.setWordWrap(True)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.activated.connect(self._activated)
        layout.addWidget(self.view, 1)
        self.empty = empty_state(self.tr(
            "No member's data is on this PC yet. A member grants you a mandate from their "
            "own Recourse; their data arrives at your next sync."))
        layout.addWidget(self.empty)
        self.empty.hide()
        actions = QHBoxLayout()
        self.chasers_button = QPushButton(self.tr("Chaser letters for overdue requests…"))
        self.chasers_button.setToolTip(self.tr(
            "One PDF with a letter for every overdue request of every member, each naming "
            "the member, the reference, the day the force received it and the day it was "
            "due"))
        self.chasers_button.setAccessibleName(self.tr("Chaser letters for every overdue "
                                                      "request"))
        self.chasers_button.clicked.connect(self._choose_chasers)
        actions.addWidget(self.chasers_button)
        self.status = plain_label(accessible_name=self.tr("Caseload status"))
        actions.addWidget(self.status, 1)
        layout.addLayout(actions)

    # The screens contract.
    def set_store(self, store: Store | None) -> None:
        self._store = store
        self.refresh()

    def refresh(self) -> None:
        rows: list[CaseloadRow] = []
        if self._store is not None:
            rows = caseload(self._store, self.context.clock().astimezone(UTC).date())
        self.model.set_rows(rows)
        self.view.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        overdue = sum(r.overdue_requests for r in rows)
        flags = sum(r.open_flags for r in rows)
        self.summary.setText(self.tr(
            "{members} members; {flags} open flags; {overdue} overdue requests to chase."
        ).format(members=len(rows), flags=flags, overdue=overdue))
        if rows and not self.view.currentIndex().isValid():
            select_row(self.view, 0)
        self.chasers_button.setEnabled(overdue > 0)

    def _today(self) -> date:
        return self.context.clock().astimezone(UTC).date()

    def _choose_chasers(self) -> None:
        path = save_file(self, self.tr("Save the chaser letters"),
                         f"overdue-requests-{self._today().isoformat()}.pdf",
                         self.tr("PDF (*.pdf)"))
        if path is not None:
            self.save_chasers(path)

    def save_chasers(self, path: Path) -> Job | None:
        """Write a chaser letter for every overdue request of every member to `path`, one
        PDF (the representative chose where: an export on purpose)."""
        store = self._store
        if store is None:
            return None
        language = current_language() or "en"  # the representative's language
        chasers = overdue_chasers(store, self._today(), language)
        if not chasers:
            self.status.setText(self.tr("No member has an overdue request to chase."))
            return None

        def work() -> Path:
            write_file_atomically(path, overdue_chasers_pdf(chasers, language))
            return path

        self.status.setText(self.tr("Writing the chaser letters…"))
        return self.context.run_in_worker(
            work, key="caseload.chasers",
            on_success=lambda p: self.status.setText(self.tr(
                "{count} chaser letters saved to {path}").format(count=len(chasers),
                                                                 path=str(p))),
            on_failure=lambda e: self.status.setText(error_text(e)),
            name="caseload.chasers")

    def save_place(self) -> dict[str, Any]:
        return {"filter": self.filter.text()}

    def restore_place(self, place: dict[str, Any]) -> None:
        self.filter.setText(str(place.get("filter", "")))

    def current_member(self) -> CaseloadRow | None:
        index = self.view.currentIndex()
        row = index.data(RowRole) if index.isValid() else None
        return row if isinstance(row, CaseloadRow) else None

    def _activated(self, index: QModelIndex) -> None:
        row = index.data(RowRole)
        if isinstance(row, CaseloadRow):
            self.member_opened.emit(row.officer_id)
