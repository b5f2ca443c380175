"""Who in the force viewed the officer's data: when, their role, and the reason given."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from recourse.ui.models.fixed_columns import FixedColumnsModel
from recourse.ui.models.formatting import format_time
from recourse.ui.plain_text import visible_controls
from recourse.ui.qt import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from recourse.protocol.wire import AccessLogEntry

EntryRole = Qt.ItemDataRole.UserRole + 1
ModelIndex = QModelIndex | QPersistentModelIndex

HEADERS = (
    QT_TRANSLATE_NOOP("AccessLogModel", "Viewed"),
    QT_TRANSLATE_NOOP("AccessLogModel", "Viewer"),
    QT_TRANSLATE_NOOP("AccessLogModel", "Role"),
    QT_TRANSLATE_NOOP("AccessLogModel", "What was viewed"),
    QT_TRANSLATE_NOOP("AccessLogModel", "Reason given"),
)
TIME_COLUMN = 0


class AccessLogModel(FixedColumnsModel):
    HEADERS = HEADERS
    TRANSLATION_CONTEXT = "AccessLogModel"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[AccessLogEntry] = []
        self._descending = True

    def set_entries(self, entries: list[AccessLogEntry]) -> None:
        self.beginResetModel()
        self._entries = sorted(entries, key=lambda e: (e.viewed_at, e.id), reverse=self._descending)
        self.endResetModel()

    def entry_at(self, row: int) -> AccessLogEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    @property
    def descending(self) -> bool:
        return self._descending

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column != TIME_COLUMN:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if descending == self._descending:
            return
        self.layoutAboutToBeChanged.emit()
        self._descending = descending
        self._entries.reverse()
        self.layoutChanged.emit()

    def row_total(self) -> int:
        return len(self._entries)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entry_at(index.row())
        if entry is None:
            return None
        if role == EntryRole:
            return entry
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            # Shown as the server gave it, as plain text: the views render no markup.
            return (
                format_time(entry.viewed_at),
                visible_controls(entry.viewer),
                visible_controls(entry.viewer_role),
                visible_controls(entry.what),
                visible_controls(entry.reason),
            )[index.column()]
        return None

