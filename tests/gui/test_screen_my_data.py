"""My data: categories, filters, search, sorting, on/off duty, the detail pane."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QDate, QPoint, Qt
from tests.gui import screens_conftest_helpers as helpers

from recourse.domain.recheck import DutyRoster, count_off_duty
from recourse.protocol import wire
from recourse.ui.models.record_table_model import PINGS, TIME_COLUMN
from recourse.ui.screens import MyDataScreen

officer_store = helpers.officer_store
pings_store = helpers.pings_store


def choose(screen: MyDataScreen, category: str) -> None:
    screen.category_box.setCurrentIndex(screen.category_box.findData(category))


def test_categories_filters_and_detail(qtbot: Any, context: Any, officer_store: Any) -> None:
    from recourse.store import RecordQuery

    screen = MyDataScreen(context)
    qtbot.addWidget(screen)
    screen.set_store(officer_store)
    counts = officer_store.category_counts()
    listed = [screen.category_box.itemData(i) for i in range(screen.category_box.count())]
    # Every category is offered, empty ones too (their empty state explains).
    assert listed == list(wire.CATEGORIES)
    choose(screen, "roster_entries")
    assert screen.model.rowCount() == counts["roster_entries"]
    assert f"{counts['roster_entries']:,} records, oldest first." == screen.count_label.text()

    # Date filter: one week of the roster.
    first = officer_store.page("roster_entries", RecordQuery(), 0, 1)[0].occurred_at.date()
    screen.from_edit.setDate(QDate(first.year, first.month, first.day))
    last = first + timedelta(days=6)
    screen.to_edit.setDate(QDate(last.year, last.month, last.day))
    assert 0 < screen.model.rowCount() <= 7
    assert all(
        first <= screen.model.record_at(r).occurred_at.date() <= last
        for r in range(screen.model.rowCount())
    )
    screen.from_edit.setDate(screen.from_edit.minimumDate())
    screen.to_edit.setDate(screen.to_edit.minimumDate())
    assert screen.model.rowCount() == counts["roster_entries"]

    # Search (debounced): a word from a real summary narrows the table.
    choose(screen, "absences")
    word = officer_store.page("absences", RecordQuery(), 0, 1)[0].summary.split()[0]
    expected = officer_store.count("absences", RecordQuery(search=word))
    qtbot.keyClicks(screen.search_edit, word)
    qtbot.waitUntil(lambda: screen.model.query.search == word, timeout=3_000)
    assert screen.model.rowCount() == expected > 0
    screen.search_edit.setText("zzzznotaword")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0, timeout=3_000)
    assert screen.empty.isVisibleTo(screen) and "Clear the filters" in screen.empty.text()
    screen.search_edit.clear()
    qtbot.waitUntil(lambda: screen.model.rowCount() == counts["absences"], timeout=3_000)

    # Pings have no words: the search box says so instead of always finding nothing,
    # and a search typed elsewhere does not silently empty the pings table.
    screen.search_edit.setText(word)
    qtbot.waitUntil(lambda: screen.model.query.search == word, timeout=3_000)
    choose(screen, PINGS)
    assert not screen.search_edit.isEnabled() and screen.search_edit.text() == ""
    assert "filter by date" in screen.search_edit.placeholderText()
    assert screen.model.rowCount() == counts[PINGS] > 0
    choose(screen, "absences")
    assert screen.search_edit.isEnabled()
    assert screen.search_edit.placeholderText() == "Words in the record"

    # Sorting by time from the header, newest first and back.
    header = screen.view.horizontalHeader()
    x = header.sectionViewportPosition(TIME_COLUMN) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    newest = officer_store.page("absences", RecordQuery(descending=True), 0, 1)[0]
    assert screen.model.record_at(0).id == newest.id
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    # The detail pane shows the selected record's fields as plain text.
    screen.view.setCurrentIndex(screen.model.index(0, 0))
    assert newest.id in screen.detail.toPlainText()
    for key in newest.data:
        assert key.replace("_", " ").capitalize() in screen.detail.toPlainText()

    # The place survives a lock.
    place = screen.save_place()
    screen.set_store(None)
    assert screen.model.rowCount() == 0 and screen.detail.toPlainText() == ""
    screen.set_store(officer_store)
    screen.restore_place(place)
    assert screen.current_category() == "absences"
    assert screen.model.record_at(screen.view.currentIndex().row()).id == newest.id


def test_pings_marked_off_duty_and_counted(qtbot: Any, context: Any, officer_store: Any) -> None:
    screen = MyDataScreen(context)
    qtbot.addWidget(screen)
    screen.set_store(officer_store)
    choose(screen, PINGS)
    qtbot.waitUntil(lambda: bool(screen.off_duty_label.text()), timeout=30_000)
    roster = DutyRoster.from_entries(r.data for r in officer_store.iter_category("roster_entries"))
    expected = count_off_duty(roster, (r.occurred_at for r in officer_store.iter_category(PINGS)))
    assert 0 < expected.off_duty < expected.total
    assert screen.off_duty_label.isVisibleTo(screen)
    assert screen.off_duty_label.text() == (
        f"The force collected {expected.off_duty:,} location pings while you were off duty "
        f"({expected.percent:.0f}% of all pings)."
    )
    texts = {screen.model.index(r, 1).data() for r in range(200)}
    assert texts <= {"On duty", "Off duty"} and "Off duty" in texts
    choose(screen, "roster_entries")
    assert not screen.off_duty_label.isVisibleTo(screen)


def test_big_table_opens_and_shows_a_record_far_down(
    qtbot: Any, context: Any, pings_store: Any
) -> None:
    screen = MyDataScreen(context)
    qtbot.addWidget(screen)
    screen.resize(1000, 700)
    screen.show()
    screen.set_store(pings_store)
    choose(screen, PINGS)
    assert screen.model.rowCount() == helpers.PINGS_PER_YEAR
    assert screen.show_record("ping-500000")
    row = screen.view.currentIndex().row()
    assert row == 500_000
    assert screen.model.cache.cached_blocks <= screen.model.cache.max_blocks
    assert screen.model.cache.cached_rows < 5_000  # a few blocks, never the category
    # Locking cancels the background count of 525,600 pings promptly.
    screen.set_store(None)
    assert context.workers.wait_idle(10_000)
    assert screen.model.rowCount() == 0


def test_off_duty_pings_are_counted_once_pings_are_shown_and_left_alone(
    qtbot: Any, context: Any, officer_store: Any
) -> None:
    # Streaming every ping competes with the GUI thread; unlocking onto another category
    # must not pay for it.
    screen = MyDataScreen(context)
    qtbot.addWidget(screen)
    screen.set_store(officer_store)
    assert screen.current_category() != PINGS
    assert context.workers.pending("recourse.off-duty-count") == 0
    choose(screen, PINGS)
    # Not while the officer is still narrowing the pings down: after a pause.
    screen.from_edit.setDate(QDate(2026, 3, 1))
    assert context.workers.pending("recourse.off-duty-count") == 0
    qtbot.waitUntil(lambda: bool(screen.off_duty_label.text()), timeout=30_000)
    choose(screen, "roster_entries")
    choose(screen, PINGS)  # counted once per sync, not at every visit
    assert context.workers.pending("recourse.off-duty-count") == 0
    assert screen.off_duty_label.text()
