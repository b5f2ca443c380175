"""Small Qt helpers shared by the shell's widgets."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget


def make_heading(widget: QWidget, scale: float = 1.5) -> None:
    """Larger bold text that follows the system font (and QT_SCALE_FACTOR)."""
    font = widget.font()
    size = font.pointSizeF()
    if size > 0:
        font.setPointSizeF(size * scale)
    font.setBold(True)
    widget.setFont(font)


def QT_TRANSLATE_NOOP(context: str, source_text: str) -> str:
    """Mark `source_text` for translation in `context` and return it unchanged, as Qt's
    does. Typed: PySide6's stub declares it to return `object`. lupdate reads calls by
    this name, so marked strings are still extracted."""
    return source_text


def to_date(day: QDate) -> date:
    """A `QDate` as a `datetime.date` (PySide6's `toPython()` is typed as returning object)."""
    return date(day.year(), day.month(), day.day())


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
