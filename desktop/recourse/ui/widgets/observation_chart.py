"""The observed values of a flag over its window, against the rule's threshold.

Drawn with QPainter (bars, value axis, threshold line, legend), so the app needs no
QtCharts; the same numbers are offered as text (accessible description and a "values as
text" view) for screen readers and for anyone who cannot read a chart.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QPlainTextEdit, QToolButton, QVBoxLayout, QWidget

from recourse.ui.models.formatting import format_short_day, format_value

if TYPE_CHECKING:
    from recourse.protocol.wire import Observation

#: Beyond this many bars, labels crowd out; every second/third label is blanked instead.
_MAX_LABELS = 16


def short_label(observation: Observation) -> str:
    """A category label short enough to read under a bar: `W33` for ISO weeks, else the
    label itself, or the period's start date when the label is long."""
    label = str(observation.label)
    if len(label) == 8 and label[4:6] == "-W":
        return label[5:]
    if len(label) <= 10:
        return label
    return format_short_day(observation.period_start)


def series_name(observations: list[Observation]) -> str:
    labels = {str(o.label) for o in observations}
    if len(labels) == 1 and len(observations) > 1:
        return labels.pop()
    return ""


def axis_top(highest: float) -> float:
    """The value axis's upper end: 100 for what reads as a percentage, else a round number
    just above the highest value or threshold."""
    if 50 <= highest <= 100:
        return 100.0  # a percentage: the full scale reads truest
    if highest <= 0:
        return 1.0
    target = highest * 1.1
    magnitude = 10.0 ** math.floor(math.log10(target))
    for step in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if step * magnitude >= target:
            return step * magnitude
    return 10 * magnitude


class BarCanvas(QWidget):
    """Bars for the values, a dashed line for the threshold, axes and a legend."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: list[float] = []
        self.labels: list[str] = []
        self.threshold: float | None = None
        self.bar_name = ""
        self.threshold_name = ""
        self.message = ""
        self.setMinimumHeight(240)
        self.setAutoFillBackground(False)

    def sizeHint(self) -> QSize:
        return QSize(480, 260)

    def tick_format(self, value: float, top: float) -> str:
        return f"{value:.0f}" if top >= 5 else f"{value:.2g}"

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        if not self.values:
            painter.setPen(text)
            painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self.message)
            painter.end()
            return
        top = axis_top(max([*self.values, self.threshold or 0.0]))
        ticks = [top * i / 5 for i in range(6)]
        left = 8 + max(metrics.horizontalAdvance(self.tick_format(t, top)) for t in ticks)
        rotate = len(self.values) > 6
        label_room = (max((metrics.horizontalAdvance(x) for x in self.labels), default=0)
                      * 0.72 + line) if rotate else line + 4
        legend_y = self.height() - line - 6
        plot = QRectF(left + 4, line / 2 + 6, self.width() - left - 16,
                      legend_y - label_room - line / 2 - 12)
        if plot.width() < 10 or plot.height() < 10:
            painter.end()
            return

        def y_of(value: float) -> float:
            return plot.bottom() - plot.height() * value / top

        # Value axis: grid lines and labels.
        for tick in ticks:
            y = y_of(tick)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Midlight), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            painter.drawText(QRectF(0, y - line / 2, left, line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             self.tick_format(tick, top))
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        # Bars and their labels.
        slot = plot.width() / len(self.values)
        bar_colour = palette.color(QPalette.ColorRole.Highlight)
        for index, (value, label) in enumerate(zip(self.values, self.labels, strict=True)):
            x = plot.left() + slot * index
            painter.fillRect(QRectF(x + slot * 0.2, y_of(value), slot * 0.6,
                                    plot.bottom() - y_of(value)), bar_colour)
            if not label.strip():
                continue
            painter.setPen(text)
            centre = x + slot / 2
            if rotate:
                painter.save()
                painter.translate(centre, plot.bottom() + 4)
                painter.rotate(-45)
                width = metrics.horizontalAdvance(label)
                painter.drawText(QRectF(-width, 0, width, line),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, label)
                painter.restore()
            else:
                painter.drawText(QRectF(x, plot.bottom() + 2, slot, line),
                                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, label)
        dashed = QPen(text, 3, Qt.PenStyle.DashLine)
        if self.threshold is not None:
            painter.setPen(dashed)
            y = y_of(self.threshold)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        # Legend, centred under the plot.
        entries: list[tuple[str, QColor | QPen]] = [(self.bar_name, bar_colour)]
        if self.threshold is not None:
            entries.append((self.threshold_name, dashed))
        widths = [24 + metrics.horizontalAdvance(name) for name, _ in entries]
        x = (self.width() - sum(widths) - 16 * (len(entries) - 1)) / 2
        for (name, mark), width in zip(entries, widths, strict=True):
            middle = legend_y + line / 2
            if isinstance(mark, QColor):
                painter.fillRect(QRectF(x, middle - 6, 16, 12), mark)
            else:
                painter.setPen(mark)
                painter.drawLine(QPointF(x, middle), QPointF(x + 16, middle))
            painter.setPen(text)
            painter.drawText(QRectF(x + 22, legend_y, width, line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
            x += width + 16
        painter.end()


class ObservationChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Chart of observed values against the threshold"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._canvas = BarCanvas()
        self._canvas.setAccessibleName(self.accessibleName())
        self._toggle = QToolButton()
        self._toggle.setText(self.tr("Show values as &text"))
        self._toggle.setCheckable(True)
        self._toggle.setAccessibleName(self.tr("Show chart values as text"))
        self._text = QPlainTextEdit()
        self._text.setReadOnly(True)
        self._text.setAccessibleName(self.tr("Chart values as text"))
        self._text.setMaximumHeight(160)
        self._text.setVisible(False)
        self._toggle.toggled.connect(self._text.setVisible)
        layout.addWidget(self._canvas)
        layout.addWidget(self._toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self._text)
        self._text_alternative = ""

    def text_alternative(self) -> str:
        return self._text_alternative

    def series_count(self) -> int:
        """The data series drawn: the bars, and the threshold line if there is one."""
        canvas = self._canvas
        return (1 if canvas.values else 0) + (canvas.threshold is not None and bool(canvas.values))

    def set_observations(
        self,
        observations: list[Observation],
        threshold: float | None,
        value_label: str,
        comparison: str | None = None,
    ) -> None:
        canvas = self._canvas
        canvas.values, canvas.labels, canvas.threshold = [], [], None
        if not observations:
            canvas.message = self.tr("No observations over the window were given")
            self._text_alternative = self.tr("The flag gives no observations to chart.")
            self._text.setPlainText(self._text_alternative)
            self.setAccessibleDescription(self._text_alternative)
            canvas.update()
            return
        canvas.message = ""
        canvas.bar_name = series_name(observations) or value_label or self.tr("Observed value")
        stride = max(1, -(-len(observations) // _MAX_LABELS))
        for position, observation in enumerate(observations):
            canvas.values.append(float(observation.value))
            canvas.labels.append(short_label(observation) if position % stride == 0 else "")
        if threshold is not None:
            canvas.threshold = float(threshold)
            canvas.threshold_name = self.tr("Threshold ({value})").format(
                value=format_value(threshold))
        canvas.update()
        lines = [
            self.tr("{label} ({start} to {end}): {value}").format(
                label=o.label,
                start=o.period_start.isoformat(),
                end=o.period_end.isoformat(),
                value=format_value(float(o.value)),
            )
            for o in observations
        ]
        if threshold is not None:
            lines.insert(
                0,
                self.tr("Threshold: {comparison} {value}")
                .format(comparison=comparison or "", value=format_value(threshold))
                .replace("  ", " "),
            )
        self._text_alternative = "\n".join(lines)
        self._text.setPlainText(self._text_alternative)
        self.setAccessibleDescription(self._text_alternative)
        canvas.setAccessibleDescription(self._text_alternative)
