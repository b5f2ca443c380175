"""Golden path: the attendance flag, its records, "check the arithmetic", open a record.

Against the real reference server's demo data synced into a real encrypted profile;
every expected number is read from that data, none is written here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from tests.gui import screens_conftest_helpers as helpers

from recourse.domain.recheck import check_flag
from recourse.ui.screens import FlagsScreen, MyDataScreen

officer_store = helpers.officer_store


def attendance_flag(store: Any) -> Any:
    return next(f for f in store.flags() if f.rule.id == "hybrid-attendance")


def test_attendance_flag_explained_checked_and_opened(
    qtbot: Any, context: Any, officer_store: Any
) -> None:
    flags = FlagsScreen(context)
    my_data = MyDataScreen(context)
    qtbot.addWidget(flags)
    qtbot.addWidget(my_data)
    flags.open_record.connect(my_data.show_record)
    flags.set_store(officer_store)
    my_data.set_store(officer_store)
    flag = attendance_flag(officer_store)
    observed = flag.provenance.observed

    assert flags.select_flag(flag.id)
    assert flags.current_flag.id == flag.id
    # The explanation is built from the provenance numbers.
    text = flags.explanation.text()
    assert f"counted {observed['days_attended']} of {observed['days_counted']} working days" in text
    assert flag.headline == flags.headline.text()
    assert "NOT reviewed by a person" in flags.review_label.text()
    assert flags.review_label.font().bold()
    # The rule card shows the flag's parameters with their units.
    card = " ".join(label.text() for label in flags.rule_card.findChildren(QLabel))
    assert "hybrid-attendance" in card and "80 %" in card and "12 weeks" in card
    # The chart: one bar series and the threshold line, with a text alternative.
    assert flags.chart.series_count() == 2
    assert flags.chart.text_alternative().startswith("Threshold: < 80")
    assert len(flags.chart.text_alternative().splitlines()) == len(flag.provenance.observations) + 1

    # The evidence table holds exactly the input records, fetched from the store.
    ids = list(flag.provenance.input_record_ids)
    assert flags.evidence_model.rowCount() == len(ids)
    assert flags.evidence_model.record_at(0).id == ids[0]

    # Check the arithmetic, in a worker, with the same rule code.
    assert flags.arithmetic.isVisibleTo(flags)
    with qtbot.waitSignal(flags.arithmetic.differences_changed, timeout=30_000):
        qtbot.mouseClick(flags.arithmetic.button, Qt.MouseButton.LeftButton)
    result = flags.arithmetic.result
    expected = check_flag(flag, officer_store.iter_category)
    assert result.reproduces
    force_percent = observed["attendance_percent"]
    corrected = expected.corrected.observed["attendance_percent"]
    assert force_percent < 80 <= corrected  # the demo story: leave and sickness made it fire
    assert f"the same as the force's figure ({force_percent:g}%)" in (
        flags.arithmetic.reproduced_label.text()
    )
    corrected_text = flags.arithmetic.corrected_label.text()
    assert f"Annual leave ({expected.days('annual_leave')} days)" in corrected_text
    assert f"sickness ({expected.days('sickness')} days)" in corrected_text
    assert f"{corrected:g}%, above the 80% threshold" in corrected_text
    differences = flags.arithmetic.differences()
    assert differences == expected.difference_ids() and differences
    assert set(differences) <= set(ids)
    assert flags.arithmetic.differences_list.count() == len(expected.differences)

    # Enter on an evidence record opens it in My data.
    row = ids.index(differences[0])
    flags.evidence_view.setFocus()
    flags.evidence_view.setCurrentIndex(flags.evidence_model.index(row, 0))
    with qtbot.waitSignal(flags.open_record, timeout=5_000) as opened:
        qtbot.keyClick(flags.evidence_view, Qt.Key.Key_Return)
    assert opened.args == [differences[0]]
    record = officer_store.record(differences[0])
    assert my_data.current_category() == record.category
    current = my_data.view.currentIndex()
    assert my_data.model.record_at(current.row()).id == record.id
    assert record.id in my_data.detail.toPlainText()


def test_lock_empties_and_unlock_restores_the_place(
    qtbot: Any, context: Any, officer_store: Any
) -> None:
    flags = FlagsScreen(context)
    qtbot.addWidget(flags)
    flags.set_store(officer_store)
    flag = attendance_flag(officer_store)
    flags.select_flag(flag.id)
    place = flags.save_place()
    flags.set_store(None)
    assert flags.model.rowCount() == 0
    assert flags.evidence_model.rowCount() == 0
    assert flags.current_flag is None
    assert flags.empty.isVisibleTo(flags)
    flags.set_store(officer_store)
    flags.restore_place(place)
    assert flags.current_flag.id == flag.id


def test_server_text_is_shown_as_plain_text(qtbot: Any, context: Any, officer_store: Any) -> None:
    flags = FlagsScreen(context)
    qtbot.addWidget(flags)
    flags.set_store(officer_store)
    for flag in officer_store.flags():
        flags.select_flag(flag.id)
        for label in flags.findChildren(QLabel):
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()[:60]
