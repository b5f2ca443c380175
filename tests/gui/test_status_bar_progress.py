"""The status bar's sync progress, from the sync engine's own progress reports."""

from __future__ import annotations

from recourse.sync import SyncProgress
from recourse.ui.status_bar import StatusBar


def _report(**counts) -> SyncProgress:
    return SyncProgress(current="location_pings", items=41_000, bytes=4_000_000,
                        elapsed=3.0, step=3, steps=12, **counts)


def test_a_counted_category_shows_how_far_it_is_and_the_time_left(qtbot):
    bar = StatusBar()
    qtbot.addWidget(bar)
    bar.sync_started()
    bar.sync_progress(_report(eta_seconds=9.6, category_total=525_600,
                              category_items=40_000, remaining=485_600))
    assert (bar.progress.minimum(), bar.progress.maximum()) == (0, 525_600)
    assert bar.progress.value() == 40_000 and bar.progress.text() == "7%"
    text = bar.progress_text.text()
    assert "location pings" in text and "40,000 of 525,600" in text
    assert "about 9 s left" in text


def test_without_a_count_it_falls_back_to_steps(qtbot):
    bar = StatusBar()
    qtbot.addWidget(bar)
    bar.sync_started()
    bar.sync_progress(_report(eta_seconds=None))
    assert bar.progress.maximum() == 12 and bar.progress.text() == "Step 3 of 12"
    assert "41,000 items" in bar.progress_text.text()
    assert "left" not in bar.progress_text.text()
