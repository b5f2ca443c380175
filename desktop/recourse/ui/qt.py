"""Small Qt helpers shared by the shell's widgets."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def make_heading(widget: QWidget, scale: float = 1.5) -> None:
    """Larger bold text that follows the system font (and QT_SCALE_FACTOR)."""
    font = widget.font()
    size = font.pointSizeF()
    if size > 0:
        font.setPointSizeF(size * scale)
    font.setBold(True)
    widget.setFont(font)
