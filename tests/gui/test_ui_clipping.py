"""No text is cut off: at 1280×800, in English and in Welsh, at 100% and (in a child
process, QT_SCALE_FACTOR=2) 200%, every label shown on every screen, the unlock page, the
shortcuts list and the request wizard has the room its text needs, unless it elides or
wraps on purpose, and every button and check box is as wide as its text.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QWidget,
)
from tests.gui.conftest import build_window, close_window, first_run_through_ui

ROOT = Path(__file__).resolve().parents[2]
SCREENS = ("overview", "flags", "my-data", "access-log", "requests", "settings")
SLACK = 1  # pixels of rounding


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def clipped(window: QWidget) -> list[str]:
    """Every control in `window`, as shown, whose text does not fit it."""
    problems = []
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisible():
            continue
        if widget.property("elides"):  # cuts its text with "…" on purpose (and a tooltip)
            continue
        rect = widget.contentsRect()
        if isinstance(widget, QLabel):
            text = widget.text()
            rich = widget.textFormat() == Qt.TextFormat.RichText or (
                widget.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text))
            if not text or rich:
                continue
            metrics = widget.fontMetrics()
            if widget.wordWrap():
                need = widget.heightForWidth(widget.width())
                if need > widget.height() + SLACK:
                    problems.append(f"label {text[:60]!r}: {widget.height()} px high of {need}")
            else:
                shown = _plain(text) if widget.buddy() is not None else text
                need = max(metrics.horizontalAdvance(line) for line in shown.split("\n"))
                if need > rect.width() + SLACK:
                    problems.append(f"label {text[:60]!r}: {rect.width()} px of {need}")
        elif isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
            model, metrics = widget.model(), widget.fontMetrics()
            for column in range(model.columnCount() if model is not None else 0):
                title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
                # A section's padding takes some 6 px.
                need = metrics.horizontalAdvance(title) + 6
                if (not widget.isSectionHidden(column) and title
                        and widget.sectionSize(column) < need):
                    problems.append(f"column {title!r}: {widget.sectionSize(column)} px of "
                                    f"{need}")
        elif isinstance(widget, QPushButton | QCheckBox | QRadioButton) and widget.text():
            button: QAbstractButton = widget
            need = button.sizeHint().width()
            if need > button.width() + SLACK:
                problems.append(f"{type(button).__name__} {button.text()!r}: "
                                f"{button.width()} px of {need}")
    return problems


def _settle(qtbot: Any) -> None:
    qtbot.wait(50)
    QApplication.processEvents()


@pytest.fixture(params=["en_GB", "cy"])
def language(request, qapp) -> Iterator[str]:
    from recourse.ui.i18n import set_language

    set_language(qapp, request.param)
    yield request.param
    set_language(qapp, "en_GB")


@pytest.fixture
def window(qtbot: Any, profile: Any, server: Any, language: str) -> Iterator[Any]:
    window = build_window(qtbot, profile, server)
    window.resize(1280, 800)
    first_run_through_ui(qtbot, window, server.url)
    yield window
    close_window(window)


def test_no_text_is_cut_off_at_1280_by_800(qtbot: Any, window: Any, language: str) -> None:
    from recourse.ui.screens.requests import RequestsScreen

    found: dict[str, list[str]] = {}
    for key in SCREENS:
        window.show_screen(key)
        _settle(qtbot)
        found[key] = clipped(window)
    dialog = window.show_shortcuts()
    qtbot.waitExposed(dialog)
    _settle(qtbot)
    found["shortcuts"] = clipped(dialog)
    dialog.close()
    wizard = window.workspace_screen("requests", RequestsScreen).ask_for_data()
    if wizard is not None:
        qtbot.waitExposed(wizard)
        _settle(qtbot)
        found["request wizard"] = clipped(wizard)
        wizard.reject()
    window.lock()
    _settle(qtbot)
    found["unlock"] = clipped(window)
    problems = {key: items for key, items in found.items() if items}
    assert not problems, f"{language} at {os.environ.get('QT_SCALE_FACTOR', '1')}×: {problems}"


@pytest.mark.skipif(os.environ.get("QT_SCALE_FACTOR") is not None,
                    reason="this is the child process")
def test_no_text_is_cut_off_at_200_percent() -> None:
    env = dict(os.environ, QT_SCALE_FACTOR="2", QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x",
         f"{Path(__file__)}::test_no_text_is_cut_off_at_1280_by_800"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=900, check=False)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
