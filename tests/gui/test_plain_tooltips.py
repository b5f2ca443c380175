"""Every tooltip shows server text as plain text, through real tooltip events.

A QHelpEvent of type ToolTip is sent to a real view's viewport over a real cell, as Qt
does when the mouse rests there; the tooltip Qt then shows must hold the server's text
escaped (no heading, image or link rendered), bidi overrides and zero-width characters
made visible, and stay a readable width however long the text.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from recourse.protocol import wire
from recourse.ui.plain_text import install_plain_tooltips
from recourse.ui.screens import AccessLogScreen, MyDataScreen

HOSTILE = [
    '<h1>Heading</h1><img src="file:///etc/passwd"><a href="https://evil.example">click</a>',
    "<table width=29000><tr><td>wide</td></tr></table>",
    "invoice fdp\u202eexe.pdf and a zero\u200bwidth\ufeffjoin",
    "x" * 20_000,
]


def _tooltip_over(qtbot: Any, view: Any, row: int, column: int) -> tuple[str, int]:
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=2_000)
    rect = view.visualRect(view.model().index(row, column))
    pos = rect.center()
    viewport = view.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2_000)
    labels = [w for w in QApplication.topLevelWidgets()
              if w.metaObject().className() == "QTipLabel" and w.isVisible()]
    return QToolTip.text(), max(w.width() for w in labels)


def _check(text: str, width: int, hostile: str) -> None:
    for tag in ("<h1>", "<img", "<a ", "<table"):
        assert tag not in text, text[:200]
    if "<h1>" in hostile:
        assert "&lt;h1&gt;Heading&lt;/h1&gt;" in text
    if "\u202e" in hostile:
        assert "[U+202E]" in text and "[U+200B]" in text and "[U+FEFF]" in text
        assert "\u202e" not in text
    assert width < 900, width


@pytest.mark.parametrize("hostile", HOSTILE, ids=["markup", "wide-table", "bidi", "long"])
def test_record_tooltips_are_plain_text(qtbot: Any, context: Any, tmp_path: Path,
                                        hostile: str) -> None:
    from recourse.store import Profile

    install_plain_tooltips()
    record = wire.Record(id="abse-1", category="absences",
                         occurred_at=datetime(2026, 1, 5, tzinfo=UTC),
                         updated_at=datetime(2026, 1, 5, tzinfo=UTC), summary=hostile,
                         data={"kind": hostile[:200]})
    with Profile(tmp_path / "p").create("correct horse battery staple 42") as store:
        store.apply_feed_page(wire.FeedPage(
            category="absences", changes=[wire.Upsert(op="upsert", record=record)],
            next_cursor="c", has_more=False))
        screen = MyDataScreen(context)
        qtbot.addWidget(screen)
        screen.resize(1000, 500)
        screen.show()
        screen.set_store(store)
        screen.category_box.setCurrentIndex(screen.category_box.findData("absences"))
        for column in (1, 2):  # the summary, and a data field
            text, width = _tooltip_over(qtbot, screen.view, 0, column)
            _check(text, width, hostile if column == 1 else hostile[:200])
        QToolTip.hideText()
        screen.set_store(None)


def test_access_log_tooltips_are_plain_text(qtbot: Any, context: Any, tmp_path: Path) -> None:
    from recourse.store import Profile

    install_plain_tooltips()
    entries = [wire.AccessLogEntry(id=f"a{i}", viewed_at=datetime(2026, 2, 1, tzinfo=UTC),
                                   viewer=text[:200], viewer_role="analyst",
                                   reason=text, what=text[:200])
               for i, text in enumerate(HOSTILE)]
    with Profile(tmp_path / "p").create("correct horse battery staple 42") as store:
        store.replace_access_log(wire.AccessLog(entries=entries), etag=None)
        screen = AccessLogScreen(context)
        qtbot.addWidget(screen)
        screen.resize(1000, 500)
        screen.show()
        screen.set_store(store)
        view = screen.view
        for row in range(view.model().rowCount()):
            entry = view.model().entry_at(row)
            text, width = _tooltip_over(qtbot, view, row, 4)  # the reason
            _check(text, width, entry.reason)
            # The cells and the detail pane show the hidden characters too.
            if "\u202e" in entry.reason:
                assert "[U+202E]" in view.model().index(row, 4).data()
                view.selectRow(row)
                assert "[U+202E]" in screen.detail.toPlainText()
                assert "\u202e" not in screen.detail.toPlainText()
        QToolTip.hideText()
        screen.set_store(None)
