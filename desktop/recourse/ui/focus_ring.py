"""A focus indicator that every focusable widget shows, in any palette.

Qt's styles mark focus faintly or not at all (a 1 px border on buttons, nothing on
check boxes, a selection colour that barely changes in lists). WCAG 2.2's focus
appearance asks for an indicator at least 2 px thick around the control whose pixels
contrast at least 3:1 with the same pixels unfocused. One ring does that for every
widget, whatever its style: a child of the focused widget, raised above its children,
transparent to the mouse, drawn inside its edge (so nothing around it clips it) in a
colour chosen from the widget's own palette, so light, dark and high-contrast themes
all get a ring that stands out.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget

#: The ring's width in logical pixels (WCAG: at least 2 CSS px).
RING_WIDTH = 3
#: Candidates for the ring, best first: a dark blue for light themes, a warm yellow for
#: dark ones (GOV.UK's focus colour), black and white for anything else.
CANDIDATES = (QColor("#0b4fa8"), QColor("#ffdd00"), QColor("#000000"), QColor("#ffffff"))
_PROPERTY = "recourse_focus_indicator"


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of an sRGB colour."""
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def ring_colour(palette: QPalette) -> QColor:
    """The candidate that contrasts best with every background a control is drawn on."""
    backgrounds = [palette.color(role) for role in (
        QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Button,
        QPalette.ColorRole.AlternateBase)]
    def worst(colour: QColor) -> float:
        return min(contrast(colour, background) for background in backgrounds)

    # A colour reads as focus better than a black or white frame; 4.5:1 leaves margin
    # over WCAG's 3:1 for anti-aliased edges.
    for colour in CANDIDATES:
        if worst(colour) >= 4.5:
            return colour
    return max(CANDIDATES, key=worst)


class FocusRing(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("recourse_focus_ring")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setAccessibleName("")

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        pen = QPen(ring_colour(self.palette()), RING_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = RING_WIDTH / 2
        painter.drawRect(QRectF(self.rect()).adjusted(half, half, -half, -half))
        painter.end()


class FocusIndicator(QObject):
    """Moves one `FocusRing` to whichever widget has the keyboard focus."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._ring: FocusRing | None = None
        self._target: QWidget | None = None
        app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self.follow(new)

    def follow(self, widget: QWidget | None) -> None:
        target = self._target
        if target is not None and shiboken6.isValid(target):
            target.removeEventFilter(self)
        self._target = None
        ring = self._ring if self._ring is not None and shiboken6.isValid(self._ring) else None
        if widget is None or not shiboken6.isValid(widget) or widget.isWindow():
            if ring is not None:
                ring.hide()
            return
        if ring is None:
            ring = self._ring = FocusRing()
        # A child of the focused widget: it moves, scrolls, hides and clips with it.
        ring.setParent(widget)
        ring.setGeometry(widget.rect())
        ring.raise_()
        ring.show()
        self._target = widget
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        ring = self._ring
        if watched is self._target and ring is not None and shiboken6.isValid(ring):
            kind = event.type()
            if kind == QEvent.Type.Resize and isinstance(watched, QWidget):
                ring.setGeometry(watched.rect())
            elif kind == QEvent.Type.ChildAdded:
                ring.raise_()  # stay above a child added later (a viewport, an editor)
        return False


def install_focus_indicator(app: QApplication | None = None) -> FocusIndicator | None:
    """Install the focus ring once per application (idempotent)."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    if not isinstance(app, QApplication):
        return None
    existing = app.property(_PROPERTY)
    if isinstance(existing, FocusIndicator) and shiboken6.isValid(existing):
        return existing
    indicator = FocusIndicator(app)
    app.setProperty(_PROPERTY, indicator)
    indicator.follow(app.focusWidget())
    return indicator
