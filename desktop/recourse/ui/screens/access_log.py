"""Access log: who in the force viewed your data, when, their role and the reason given."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import QHeaderView, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget

from recourse.ui.models.access_log_model import TIME_COLUMN, AccessLogModel
from recourse.ui.models.formatting import format_time
from recourse.ui.plain_text import visible_controls
from recourse.ui.screens.common import (
    acting_for_name,
    current_row,
    empty_state,
    make_table,
    select_row,
)
from recourse.ui.widgets.plain import heading_label, plain_label

if TYPE_CHECKING:
    from recourse.store import Store
    from recourse.ui.app import AppContext

#: How many rows the column widths are measured on.
RESIZE_PRECISION_ROWS = 200


class AccessLogScreen(QWidget):
    #: What it shows, for AppContext.data_changed. The access log arrives with the records.
    shows = frozenset({"records"})
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._store: Store | None = None
        self.setAccessibleName(self.tr("Access log"))
        layout = QVBoxLayout(self)
        self._who = acting_for_name(context)
        layout.addWidget(heading_label(
            self.tr("Who in the force viewed your data") if self._who is None
            else self.tr("Who viewed {who}'s data").format(who=self._who)))
        self.summary = plain_label(accessible_name=self.tr("Access log summary"))
        layout.addWidget(self.summary)

        self.model = AccessLogModel(self)
        self.view = make_table(self.tr("Access log entries"))
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(TIME_COLUMN, Qt.SortOrder.DescendingOrder)
        header.sectionClicked.connect(self._header_clicked)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName(self.tr("Selected access, in full"))
        self.detail.setPlaceholderText(self.tr("Select an entry to read it in full."))

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        layout.addWidget(self.splitter, 1)
        self.empty = empty_state(
            self.tr(
                "No one in the force is recorded as having viewed your data, or your "
                "local copy has not been synced yet."
            ) if self._who is None else self.tr(
                "No one is recorded as having viewed {who}'s data, or the copy on this PC "
                "has not been synced yet.").format(who=self._who)
        )
        layout.addWidget(self.empty)
        self._update_visibility()

    def set_store(self, store: Store | None) -> None:
        self._store = store
        self.refresh()

    def refresh(self) -> None:
        place = self.save_place()
        entries = self._store.access_log() if self._store is not None else []
        self.model.set_entries(entries)
        self.detail.setPlainText("")
        if entries:
            viewers = {entry.viewer for entry in entries}
            if self._who is not None:
                self.summary.setText((self.tr(
                    "{n} views of {who}'s data by {people} people, newest first.")
                    if self.model.descending else self.tr(
                    "{n} views of {who}'s data by {people} people, oldest first.")).format(
                        n=len(entries), who=self._who, people=len(viewers)))
            else:
                self.summary.setText(
                    self.tr("{n} views of your data by {people} people, newest first.").format(
                        n=len(entries), people=len(viewers)
                    )
                    if self.model.descending
                    else self.tr("{n} views of your data by {people} people, oldest "
                                 "first.").format(n=len(entries), people=len(viewers))
                )
            header = self.view.horizontalHeader()
            # Widths from the first rows only: a long log would otherwise be measured
            # row by row on the GUI thread after every sync.
            header.setResizeContentsPrecision(RESIZE_PRECISION_ROWS)
            self.view.resizeColumnsToContents()
            for column in range(self.model.columnCount() - 1):
                header.resizeSection(column, min(header.sectionSize(column), 280))
        else:
            self.summary.setText("")
        self._update_visibility()
        self.restore_place(place)

    def _update_visibility(self) -> None:
        has_rows = self.model.rowCount() > 0
        self.splitter.setVisible(has_rows)
        self.empty.setVisible(not has_rows)

    def _header_clicked(self, section: int) -> None:
        if section != TIME_COLUMN:
            # Only time is sortable; keep the indicator on it.
            self.view.horizontalHeader().setSortIndicator(
                TIME_COLUMN,
                Qt.SortOrder.DescendingOrder
                if self.model.descending
                else Qt.SortOrder.AscendingOrder,
            )
            return
        order = (
            Qt.SortOrder.AscendingOrder if self.model.descending else Qt.SortOrder.DescendingOrder
        )
        self.model.sort(TIME_COLUMN, order)
        self.view.horizontalHeader().setSortIndicator(TIME_COLUMN, order)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        row = current_row(self.view)
        entry = self.model.entry_at(row) if row is not None else None
        if entry is None:
            self.detail.setPlainText("")
            return
        self.detail.setPlainText(
            "\n".join(
                [
                    self.tr("Viewed: {when}").format(when=format_time(entry.viewed_at)),
                    self.tr("By: {viewer} ({role})").format(
                        viewer=visible_controls(entry.viewer),
                        role=visible_controls(entry.viewer_role),
                    ),
                    self.tr("What: {what}").format(what=visible_controls(entry.what)),
                    self.tr("Reason given: {reason}").format(
                        reason=visible_controls(entry.reason)),
                ]
            )
        )

    def save_place(self) -> dict[str, Any]:
        row = current_row(self.view)
        entry = self.model.entry_at(row) if row is not None else None
        return {
            "entry_id": entry.id if entry is not None else None,
            "descending": self.model.descending,
        }

    def restore_place(self, place: dict[str, Any]) -> None:
        descending = place.get("descending", True)
        if descending != self.model.descending:
            self._header_clicked(TIME_COLUMN)
        entry_id = place.get("entry_id")
        if entry_id is None:
            return
        for row in range(self.model.rowCount()):
            entry = self.model.entry_at(row)
            if entry is not None and entry.id == entry_id:
                select_row(self.view, row)
                return
