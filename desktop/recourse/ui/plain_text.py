"""Server text shown as what it is: never markup, never hidden characters.

Qt guesses whether a tooltip is rich text (`Qt::mightBeRichText`), so a record summary
such as `<h1>…</h1><img src=…>` would be rendered as a heading and an image, and a long
unbroken string makes a tooltip thousands of pixels wide. Every tooltip in the app goes
through `PlainToolTips` (one event filter on the application): the text the widget or
the model gives is escaped, cut to a readable length and wrapped, then shown.

Bidirectional overrides (U+202E makes `fdp.exe` read `exe.pdf`) and zero-width
characters change what the officer reads without being seen; `visible_controls` shows
each as a marker such as `[U+202E]`, wherever server text is displayed.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QToolTip, QWidget

__all__ = ["PlainToolTips", "install_plain_tooltips", "tooltip_markup", "visible_controls"]

#: Characters that reorder or hide text: bidi embeddings, overrides and isolates, the
#: directional marks, zero-width spaces and joiners, word joiner, BOM, soft hyphen.
_HIDDEN = frozenset(
    [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C,
     *range(0x200B, 0x200E), 0x2060, 0xFEFF, 0x00AD, 0x180E]
)
_MARKERS = {code: f"[U+{code:04X}]" for code in _HIDDEN}
#: Characters of a tooltip before it is cut, and of one unbroken run before it wraps.
TOOLTIP_CHARS = 600
_RUN = 60


def visible_controls(text: str) -> str:
    """`text` with every bidi control and zero-width character shown as `[U+XXXX]`."""
    if not any(ord(ch) in _HIDDEN for ch in text):
        return text
    return text.translate(_MARKERS)


def tooltip_markup(text: str) -> str:
    """Rich text that displays `text` literally: escaped, cut, wrapped, controls shown."""
    shown = visible_controls(text)
    if len(shown) > TOOLTIP_CHARS:
        shown = shown[:TOOLTIP_CHARS] + "…"
    words = []
    for word in shown.split(" "):
        # A zero-width space lets Qt wrap a long run (a URL, a hash) inside the tooltip.
        pieces = [word[i : i + _RUN] for i in range(0, len(word), _RUN)] or [""]
        words.append("\u200b".join(html.escape(piece) for piece in pieces))
    body = " ".join(words).replace("\n", "<br>")
    return f"<p style='white-space:pre-wrap'>{body}</p>"


class PlainToolTips(QObject):
    """Shows every tooltip of the application as plain text (see the module)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ToolTip or not isinstance(watched, QWidget):
            return False
        assert isinstance(event, QHelpEvent)
        text = _tooltip_of(watched, event)
        if not text:
            QToolTip.hideText()
            event.ignore()
            return True
        QToolTip.showText(event.globalPos(), tooltip_markup(text), watched)
        return True


def _tooltip_of(widget: QWidget, event: QHelpEvent) -> str:
    view = widget.parentWidget()
    if isinstance(view, QAbstractItemView) and view.viewport() is widget:
        index = view.indexAt(event.pos())
        if index.isValid():
            value = index.data(Qt.ItemDataRole.ToolTipRole)
            return "" if value is None else str(value)
        return ""
    return widget.toolTip()


_installed: list[PlainToolTips] = []


def install_plain_tooltips() -> None:
    """Install the filter on the running application, once."""
    app = QApplication.instance()
    if app is None or any(f.parent() is app for f in _installed):
        return
    tips = PlainToolTips(app)
    app.installEventFilter(tips)
    _installed[:] = [tips]
