"""The representative's caseload as a table: one row per member (`CaseloadRow`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from recourse.contest.caseload import CaseloadRow, NextStep
from recourse.ui.models.formatting import format_long_day
from recourse.ui.qt import QT_TRANSLATE_NOOP

__all__ = ["ACTION_COLUMN", "COLUMNS", "NEXT_COLUMN", "CaseloadModel", "RowRole", "SortRole"]

COLUMNS = (QT_TRANSLATE_NOOP("CaseloadModel", "Member"),
           QT_TRANSLATE_NOOP("CaseloadModel", "Rank"),
           QT_TRANSLATE_NOOP("CaseloadModel", "Force no."),
           QT_TRANSLATE_NOOP("CaseloadModel", "Open flags"),
           QT_TRANSLATE_NOOP("CaseloadModel", "Action that followed"),
           QT_TRANSLATE_NOOP("CaseloadModel", "Open requests"),
           QT_TRANSLATE_NOOP("CaseloadModel", "Mandate until"),
           QT_TRANSLATE_NOOP("CaseloadModel", "What needs doing next"))
NEXT_COLUMN = COLUMNS.index("What needs doing next")
ACTION_COLUMN = COLUMNS.index("Action that followed")
#: The `CaseloadRow` of a row, for the screen and proxies.
RowRole = Qt.ItemDataRole.UserRole + 1
#: A value that sorts the column properly (numbers, dates, urgency).
SortRole = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class CaseloadModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CaseloadRow] = []

    def set_rows(self, rows: list[CaseloadRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section]) if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == SortRole:
            return (row.name, row.rank, row.force_number, row.open_flags, len(row.actions),
                    row.open_requests, row.expires_at.timestamp(), row.urgency)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (3, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: CaseloadRow, column: int) -> str:
        if column == 0:
            return row.name
        if column == 1:
            return row.rank
        if column == 2:
            return row.force_number
        if column == 3:
            return str(row.open_flags)
        if column == 4:
            return ", ".join(row.actions) or self.tr("none")
        if column == 5:
            if row.overdue_requests:
                return self.tr("{n} ({late} overdue)").format(n=row.open_requests,
                                                             late=row.overdue_requests)
            return str(row.open_requests)
        if column == 6:
            return format_long_day(row.expires_at)
        return self.next_text(row.next)

    def next_text(self, step: NextStep) -> str:
        """What needs doing next, in the representative's language."""
        # Separate texts for one and many: Welsh puts the singular after any number.
        if step.kind == "clarify":
            return self.tr("Answer the force's request for clarification ({reference})").format(
                reference=step.reference)
        if step.kind in ("chase", "chase_acknowledgement"):
            complaint = step.kind == "chase_acknowledgement"
            if step.days == 1:
                text = (self.tr("Chase {reference}: the acknowledgement of the complaint is "
                                "1 day overdue") if complaint else
                        self.tr("Chase {reference}: the reply is 1 day overdue"))
            else:
                text = (self.tr("Chase {reference}: the acknowledgement of the complaint is "
                                "{days} days overdue") if complaint else
                        self.tr("Chase {reference}: the reply is {days} days overdue"))
            return text.format(reference=step.reference, days=step.days)
        if step.kind == "renew" and step.day is not None:
            return self.tr("Mandate ends {day}: ask {surname} to renew it").format(
                day=format_long_day(step.day), surname=step.surname)
        if step.kind == "reply_due" and step.day is not None:
            return self.tr("Reply due from the force by {day} ({reference})").format(
                day=format_long_day(step.day), reference=step.reference)
        if step.kind == "review":
            text = (self.tr("Review 1 open flag with {surname}") if step.count == 1 else
                    self.tr("Review {count} open flags with {surname}"))
            return text.format(count=step.count, surname=step.surname)
        return self.tr("Nothing due")
