"""Labels that never interpret text as markup: server text is shown as plain text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


def plain_label(
    text: str = "",
    parent: QWidget | None = None,
    *,
    wrap: bool = True,
    selectable: bool = True,
    accessible_name: str | None = None,
) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    label.setText(text)
    if accessible_name:
        label.setAccessibleName(accessible_name)
    return label


def heading_label(text: str, parent: QWidget | None = None, *, level: int = 1) -> QLabel:
    label = plain_label(text, parent, selectable=False)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * (1.5 if level == 1 else 1.2))
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def emphasise(label: QLabel, on: bool = True) -> None:
    """Bold (and, for colour users, the palette's link-visited/accent role is avoided on
    purpose): weight carries the emphasis, so it holds in light, dark and high-contrast
    palettes alike."""
    font = label.font()
    font.setBold(on)
    label.setFont(font)
