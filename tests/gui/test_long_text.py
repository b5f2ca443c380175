"""Long server text is shown at once, cut, with the rest one click away.

Record data is bounded at validation (see tests/core/test_hostile_answers.py), but even
within the bounds a value of tens of thousands of characters on one line takes a text
view seconds to lay out. The detail pane shows the start of each long value and says how
much more there is; "Show the whole record" shows all of it.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from recourse.protocol import wire
from recourse.ui.screens import MyDataScreen


def test_a_record_of_long_values_opens_at_once_and_shows_all_on_request(
        qtbot: Any, context: Any, tmp_path: Path) -> None:
    from recourse.store import Profile

    long = "A" * (wire.MAX_DATA_TEXT - 1)  # one unbroken line, as long as data allows
    record = wire.Record(
        id="abse-long", category="absences", occurred_at=datetime(2026, 1, 5, tzinfo=UTC),
        updated_at=datetime(2026, 1, 5, tzinfo=UTC), summary="S" * 20_000,
        data={"reason": long, "note": "B" * 20_000, "kind": "sickness"},
    )
    page = wire.FeedPage(category="absences", changes=[wire.Upsert(op="upsert", record=record)],
                         next_cursor="c", has_more=False)
    with Profile(tmp_path / "p").create("correct horse battery staple 42") as store:
        store.apply_feed_page(page)
        screen = MyDataScreen(context)
        qtbot.addWidget(screen)
        screen.resize(1000, 600)
        screen.show()
        screen.set_store(store)
        screen.category_box.setCurrentIndex(screen.category_box.findData("absences"))
        started = time.monotonic()
        screen.view.selectRow(0)
        qtbot.wait(10)  # let it paint
        shown = screen.detail.toPlainText()
        assert time.monotonic() - started < 1.0
        assert "more characters" in shown and len(shown) < 10_000
        assert "Kind: sickness" in shown or "sickness" in shown
        assert screen.show_all_button.isVisible()
        screen.grab().save(str(tmp_path / "long-record.png"))

        screen.show_all_button.click()
        whole = screen.detail.toPlainText()
        assert long in whole and "B" * 20_000 in whole and "S" * 20_000 in whole
        assert not screen.show_all_button.isVisible()
        screen.set_store(None)
