"""The list of flags raised against the officer: status, rule and version, date, action."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from recourse.ui.models.fixed_columns import FixedColumnsModel
from recourse.ui.models.formatting import format_long_day
from recourse.ui.plain_text import visible_controls
from recourse.ui.qt import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from recourse.protocol.wire import FlagDetail, FlagSummary

FlagRole = Qt.ItemDataRole.UserRole + 1
ModelIndex = QModelIndex | QPersistentModelIndex

HEADERS = (
    QT_TRANSLATE_NOOP("FlagTableModel", "Status"),
    QT_TRANSLATE_NOOP("FlagTableModel", "Rule"),
    QT_TRANSLATE_NOOP("FlagTableModel", "Raised"),
    QT_TRANSLATE_NOOP("FlagTableModel", "Action taken"),
)
STATUS_COLUMN, RULE_COLUMN, RAISED_COLUMN, ACTION_COLUMN = range(4)

STATUS_TEXT = {
    "open": QT_TRANSLATE_NOOP("FlagTableModel", "Open"),
    "under_review": QT_TRANSLATE_NOOP("FlagTableModel", "Under review"),
    "withdrawn": QT_TRANSLATE_NOOP("FlagTableModel", "Withdrawn"),
    "amended": QT_TRANSLATE_NOOP("FlagTableModel", "Amended"),
    "upheld": QT_TRANSLATE_NOOP("FlagTableModel", "Upheld"),
    "closed": QT_TRANSLATE_NOOP("FlagTableModel", "Closed"),
}
ACTION_TEXT = {
    "none": QT_TRANSLATE_NOOP("FlagTableModel", "No action"),
    "management_advice": QT_TRANSLATE_NOOP("FlagTableModel", "Management advice"),
    "prevention_notice": QT_TRANSLATE_NOOP("FlagTableModel", "Prevention notice"),
    "misconduct_assessment": QT_TRANSLATE_NOOP("FlagTableModel", "Misconduct assessment"),
    "gross_misconduct_investigation": QT_TRANSLATE_NOOP(
        "FlagTableModel", "Gross misconduct investigation"
    ),
    "arrest": QT_TRANSLATE_NOOP("FlagTableModel", "Arrest"),
}
OPEN_STATUSES = frozenset({"open", "under_review"})


def _tr(text: str) -> str:
    return QCoreApplication.translate("FlagTableModel", text)


def status_text(status: str) -> str:
    return _tr(STATUS_TEXT.get(status, status))


def action_text(action: str) -> str:
    return _tr(ACTION_TEXT.get(action, action))


def rule_text(flag: FlagSummary) -> str:
    return _tr("{title} (v{version})").format(
        title=visible_controls(flag.rule.title), version=flag.rule.version)


class FlagTableModel(FixedColumnsModel):
    HEADERS = HEADERS
    TRANSLATION_CONTEXT = "FlagTableModel"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._flags: list[FlagDetail] = []

    def set_flags(self, flags: list[FlagDetail]) -> None:
        self.beginResetModel()
        # Open flags first, newest first within each group: what needs attention on top.
        self._flags = sorted(
            flags, key=lambda f: (f.status not in OPEN_STATUSES, -f.raised_at.timestamp(), f.id)
        )
        self.endResetModel()

    def flag_at(self, row: int) -> FlagDetail | None:
        return self._flags[row] if 0 <= row < len(self._flags) else None

    def row_of(self, flag_id: str) -> int | None:
        for row, flag in enumerate(self._flags):
            if flag.id == flag_id:
                return row
        return None

    def row_total(self) -> int:
        return len(self._flags)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        flag = self.flag_at(index.row())
        if flag is None:
            return None
        column = index.column()
        if role == FlagRole:
            return flag
        if role == Qt.ItemDataRole.DisplayRole:
            if column == STATUS_COLUMN:
                return status_text(flag.status)
            if column == RULE_COLUMN:
                return rule_text(flag)
            if column == RAISED_COLUMN:
                return format_long_day(flag.raised_at)  # the time is in the detail
            if column == ACTION_COLUMN:
                return action_text(flag.action)
        if role == Qt.ItemDataRole.ToolTipRole:
            return visible_controls(flag.headline)
        if role == Qt.ItemDataRole.FontRole and flag.status in OPEN_STATUSES:
            font = QFont()
            font.setBold(True)
            return font
        return None


# lupdate reads only calls that name their context, so the texts `_tr` translates
# above are listed for it here (tests/gui/test_shell_translations.py checks none is missing).
_CATALOGUE = (
    QT_TRANSLATE_NOOP("FlagTableModel", "{title} (v{version})"),
)
