"""Overview and Access log over the real demo data."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from tests.gui import screens_conftest_helpers as helpers

from recourse.ui.models.access_log_model import TIME_COLUMN
from recourse.ui.screens import AccessLogScreen, OverviewScreen
from recourse.ui.screens.common import category_name

officer_store = helpers.officer_store


def test_overview_lists_holdings_flags_deadlines_and_sync(
    qtbot: Any, context: Any, officer_store: Any
) -> None:
    screen = OverviewScreen(context)
    qtbot.addWidget(screen)
    screen.set_store(officer_store)
    counts = {c: n for c, n in officer_store.category_counts().items() if n}
    model = screen.holdings_model
    assert model.rowCount() == len(counts)
    sources = {s.category: s for s in officer_store.sources()}
    for row in range(model.rowCount()):
        category = model.item(row, 0).data(Qt.ItemDataRole.UserRole)
        assert model.item(row, 0).text() == category_name(category)
        assert model.item(row, 1).text() == f"{counts[category]:,}"
        assert model.item(row, 2).text() == sources[category].system
        assert model.item(row, 4).text() == sources[category].lawful_basis
        assert model.item(row, 5).text() == sources[category].retention
    open_flags = [f for f in officer_store.flags() if f.status in ("open", "under_review")]
    assert screen.open_flags_list.count() == len(open_flags) > 0
    assert open_flags[0].headline in "\n".join(
        screen.open_flags_list.item(r).text() for r in range(screen.open_flags_list.count())
    )
    assert screen.deadlines_label.text().startswith("No requests yet")
    status = officer_store.last_sync()
    assert status.finished_at.strftime("%Y-%m-%d %H:%M") in screen.sync_label.text()
    with qtbot.waitSignal(screen.open_flag) as opened:
        screen.open_flags_list.setFocus()
        screen.open_flags_list.setCurrentRow(0)
        qtbot.keyClick(screen.open_flags_list, Qt.Key.Key_Return)
    assert opened.args[0] in {f.id for f in open_flags}
    screen.set_store(None)
    assert model.rowCount() == 0 and screen.open_flags_list.count() == 0


def test_access_log_newest_first_reason_as_given(
    qtbot: Any, context: Any, officer_store: Any
) -> None:
    screen = AccessLogScreen(context)
    qtbot.addWidget(screen)
    screen.set_store(officer_store)
    entries = officer_store.access_log()
    assert screen.model.rowCount() == len(entries) > 0
    newest = max(entries, key=lambda e: e.viewed_at)
    assert screen.model.entry_at(0).id == newest.id
    assert screen.model.index(0, 4).data() == newest.reason  # shown as given
    header = screen.view.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(TIME_COLUMN) + 5, 5),
    )
    assert screen.model.entry_at(0).id == min(entries, key=lambda e: e.viewed_at).id
    screen.view.setCurrentIndex(screen.model.index(0, 0))
    detail = screen.detail.toPlainText()
    assert screen.model.entry_at(0).reason in detail and screen.model.entry_at(0).viewer in detail
    place = screen.save_place()
    screen.set_store(None)
    assert screen.model.rowCount() == 0 and screen.empty.isVisibleTo(screen)
    screen.set_store(officer_store)
    screen.restore_place(place)
    assert not screen.model.descending
    assert screen.model.entry_at(screen.view.currentIndex().row()).id == place["entry_id"]
