"""A date field that may be empty ("Any date") and that Tab always leaves.

QDateEdit cannot be empty, so its minimum date stands for "no limit" and shows the
special text. Qt's own field swallows Tab while that text shows (its key handler
returns without moving focus), which traps a keyboard user, and lets letters be typed
after it ("Any datex"). Here Tab and Shift+Tab always move to the next or previous
field (Left and Right move between year, month and day); typing a digit over "Any date"
starts from today's date, with the year selected so the digits replace it; Delete goes
back to "Any date".
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget


class OptionalDateEdit(QDateEdit):
    def __init__(self, no_date: QDate, no_date_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(no_date)
        self.setSpecialValueText(no_date_text)
        self.setDate(no_date)

    def is_empty(self) -> bool:
        return self.date() == self.minimumDate()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Delete and not event.modifiers():
            self.setDate(self.minimumDate())
            event.accept()
            return
        text = event.text()
        if self.is_empty() and text:
            if not text.isdigit():
                event.accept()  # nothing to type into "Any date" but a date
                return
            self.setDate(QDate.currentDate())
            self.setCurrentSection(QDateTimeEdit.Section.YearSection)
            self.setSelectedSection(QDateTimeEdit.Section.YearSection)
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        # Qt moves between the date's sections here; focus moves to the next widget.
        return QWidget.focusNextPrevChild(self, next)
