"""A table model with a fixed list of translated column headers: the row and column
counts and the header text that the flag, access-log, evidence and requests models
share. A subclass sets HEADERS (marked with QT_TRANSLATE_NOOP in its own context),
TRANSLATION_CONTEXT, and implements `row_total()`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

ModelIndex = QModelIndex | QPersistentModelIndex


class FixedColumnsModel(QAbstractTableModel):
    HEADERS: tuple[str, ...] = ()
    TRANSLATION_CONTEXT = ""

    def row_total(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.row_total()

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return QCoreApplication.translate(self.TRANSLATION_CONTEXT, self.HEADERS[section])
        return None
