"""Pieces every screen uses: tables set up for keyboard use, empty states, category names."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from recourse.ui.widgets.plain import plain_label

CATEGORY_NAMES = {
    "roster_entries": QT_TRANSLATE_NOOP("Categories", "Duty roster"),
    "roster_audit": QT_TRANSLATE_NOOP("Categories", "Roster changes (audit log)"),
    "absences": QT_TRANSLATE_NOOP("Categories", "Absences (sickness and leave)"),
    "overtime": QT_TRANSLATE_NOOP("Categories", "Overtime claims"),
    "building_access": QT_TRANSLATE_NOOP("Categories", "Building access"),
    "logins": QT_TRANSLATE_NOOP("Categories", "Computer log-ins"),
    "declarations": QT_TRANSLATE_NOOP("Categories", "Your declarations"),
    "registry_matches": QT_TRANSLATE_NOOP("Categories", "Outside-registry matches"),
    "system_lookups": QT_TRANSLATE_NOOP("Categories", "Police system look-ups"),
    "standards_actions": QT_TRANSLATE_NOOP("Categories", "Professional standards actions"),
    "location_pings": QT_TRANSLATE_NOOP("Categories", "Device location pings"),
    "access_log": QT_TRANSLATE_NOOP("Categories", "Access log"),
    "flags": QT_TRANSLATE_NOOP("Categories", "Flags"),
}


def category_name(category: str) -> str:
    text = CATEGORY_NAMES.get(category)
    if text is None:
        return category.replace("_", " ").capitalize()
    return QCoreApplication.translate("Categories", text)


def make_table(accessible_name: str, parent: QWidget | None = None) -> QTableView:
    view = QTableView(parent)
    view.setAccessibleName(accessible_name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setHighlightSections(False)
    view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return view


def empty_state(text: str, parent: QWidget | None = None) -> QLabel:
    label = plain_label(text, parent, accessible_name=text)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setMargin(24)
    return label


def select_row(view: QTableView, row: int) -> None:
    model = view.model()
    if model is None or not 0 <= row < model.rowCount():
        return
    index = model.index(row, 0)
    view.setCurrentIndex(index)
    view.selectRow(row)
    view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)


def current_row(view: QTableView) -> int | None:
    index = view.currentIndex()
    return index.row() if index.isValid() else None


class Generation:
    """Guards worker results against a store that was locked or swapped meanwhile."""

    def __init__(self) -> None:
        self.value = 0

    def bump(self) -> int:
        self.value += 1
        return self.value

    def current(self, token: Any) -> bool:
        return token == self.value
