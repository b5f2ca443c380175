"""Pieces every screen uses: tables set up for keyboard use, empty states, category names."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from recourse.ui.models.formatting import CATEGORY_NAMES, category_name
from recourse.ui.widgets.plain import plain_label

__all__ = ["CATEGORY_NAMES", "category_name"]


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

    def current(self, token: int) -> bool:
        return token == self.value


def acting_for_name(context: object) -> str | None:
    """The member a representative's screens are about ("PC Hughes"), or None when they
    show the signed-in officer's own data and speak to "you"."""
    member = getattr(context, "acting_for", None)
    return None if member is None else str(member.short)
