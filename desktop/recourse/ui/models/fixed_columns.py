"""A table model with a fixed list of translated column headers: the row and column
counts, header text and read-only item flags that the flag, access-log, evidence and requests models
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


def read_only_flags(index: ModelIndex) -> Qt.ItemFlag:
    """Item flags of a flat, read-only table: cells can be selected, never edited."""
    if not index.isValid():
        return Qt.ItemFlag.NoItemFlags
    return (
        Qt.ItemFlag.ItemIsEnabled
        | Qt.ItemFlag.ItemIsSelectable
        | Qt.ItemFlag.ItemNeverHasChildren
    )


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

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return read_only_flags(index)
