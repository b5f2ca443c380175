"""Layout at 1280×800: the data screens read without scrolling sideways.

The screens are sized as the main window lays them out at 1280×800 (the navigation
takes the rest), with the real demo data and its long lawful-basis texts.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from tests.gui import screens_conftest_helpers as helpers

from recourse.ui.screens import FlagsScreen, OverviewScreen

officer_store = helpers.officer_store

#: The screen area of a 1280×800 main window, less navigation and status bar.
WORKSPACE = (1060, 740)


def _show(qtbot: Any, screen: Any) -> None:
    qtbot.addWidget(screen)
    screen.resize(*WORKSPACE)
    screen.show()
    qtbot.waitExposed(screen)


def _header_texts_fit(view: Any) -> list[str]:
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    model = view.model()
    clipped = []
    for column in range(model.columnCount()):
        title = model.headerData(column, Qt.Orientation.Horizontal)
        if header.sectionSize(column) < metrics.horizontalAdvance(title) + 8:
            clipped.append(title)
    return clipped


def test_overview_holdings_fit_the_width_and_show_every_row(
    qtbot: Any, context: Any, officer_store: Any
) -> None:
    screen = OverviewScreen(context)
    _show(qtbot, screen)
    screen.set_store(officer_store)
    view = screen.holdings_view
    qtbot.waitUntil(lambda: view.horizontalHeader().length() <= view.viewport().width())
    assert view.horizontalScrollBar().maximum() == 0
    assert view.verticalScrollBar().maximum() == 0  # the screen scrolls, not the table
    assert _header_texts_fit(view) == []
    lawful = view.horizontalHeader().sectionSize(4)
    assert lawful == max(view.horizontalHeader().sectionSize(c) for c in range(6))
    for row in range(view.model().rowCount()):
        # Wrapped, never cut: each row is as tall as its longest cell needs.
        assert view.rowHeight(row) >= view.sizeHintForRow(row)


def test_flag_list_shows_every_column_beside_the_detail(
    qtbot: Any, context: Any, officer_store: Any
) -> None:
    screen = FlagsScreen(context)
    _show(qtbot, screen)
    screen.set_store(officer_store)
    view = screen.list_view
    qtbot.waitUntil(lambda: view.horizontalHeader().length() <= view.viewport().width())
    assert view.horizontalScrollBar().maximum() == 0
    assert _header_texts_fit(view) == []
    metrics = view.fontMetrics()
    for row in range(view.model().rowCount()):
        raised = view.model().index(row, 2).data()
        assert view.columnWidth(2) >= metrics.horizontalAdvance(raised)
    assert screen.detail_scroll.width() >= screen.list_view.width()
