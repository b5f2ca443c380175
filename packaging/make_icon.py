"""Draws Recourse's icon (a white R on the app's blue) as a multi-size .ico for the exe and
Add/Remove Programs: generated at build time, so no binary file is kept in the repository."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#1d4f91"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRectF(0, 0, size, size), size * 0.18, size * 0.18)
    font = QFont("DejaVu Sans")
    font.setBold(True)
    font.setPixelSize(int(size * 0.72))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, "R")
    painter.end()
    return image


def main(path: str) -> None:
    _app = QGuiApplication([])
    # Qt's ICO writer stores one image; a PNG-compressed 256 px entry is what Windows scales.
    if not draw(256).save(path, "ICO"):
        sys.exit(f"cannot write {path}")


if __name__ == "__main__":
    main(sys.argv[1])
