"""The observed values of a flag over its window, against the rule's threshold.

QtCharts draws the bars and the threshold line; the same numbers are offered as text
(accessible description and a "values as text" view) for screen readers and for
anyone who cannot read a chart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QPlainTextEdit, QToolButton, QVBoxLayout, QWidget

from recourse.ui.models.formatting import format_value

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
    return observation.period_start.strftime("%d %b")


def series_name(observations: list[Observation]) -> str:
    labels = {str(o.label) for o in observations}
    if len(labels) == 1 and len(observations) > 1:
        return labels.pop()
    return ""


class ObservationChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Chart of observed values against the threshold"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._chart = QChart()
        self._chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self._chart.setMargins(QMargins(4, 4, 4, 4))
        self._chart.setBackgroundRoundness(0)
        self._view = QChartView(self._chart)
        self._view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._view.setMinimumHeight(240)
        self._view.setAccessibleName(self.accessibleName())
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
        layout.addWidget(self._view)
        layout.addWidget(self._toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self._text)
        self._text_alternative = ""

    def text_alternative(self) -> str:
        return self._text_alternative

    def series_count(self) -> int:
        return len(self._chart.series())

    def _apply_palette(self) -> None:
        palette = self.palette()
        self._chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
        self._chart.setTitleBrush(palette.color(QPalette.ColorRole.Text))
        self._chart.legend().setLabelColor(palette.color(QPalette.ColorRole.Text))
        for axis in self._chart.axes():
            axis.setLabelsColor(palette.color(QPalette.ColorRole.Text))
            axis.setTitleBrush(palette.color(QPalette.ColorRole.Text))
            axis.setLinePenColor(palette.color(QPalette.ColorRole.Mid))
            axis.setGridLineColor(palette.color(QPalette.ColorRole.Midlight))

    def set_observations(
        self,
        observations: list[Observation],
        threshold: float | None,
        value_label: str,
        comparison: str | None = None,
    ) -> None:
        self._chart.removeAllSeries()
        for axis in self._chart.axes():
            self._chart.removeAxis(axis)
        if not observations:
            self._chart.setTitle(self.tr("No observations over the window were given"))
            self._text_alternative = self.tr("The flag gives no observations to chart.")
            self._text.setPlainText(self._text_alternative)
            self.setAccessibleDescription(self._text_alternative)
            self._apply_palette()
            return
        self._chart.setTitle("")
        bars = QBarSet(series_name(observations) or value_label or self.tr("Observed value"))
        bars.setColor(self.palette().color(QPalette.ColorRole.Highlight))
        labels: list[str] = []
        stride = max(1, -(-len(observations) // _MAX_LABELS))
        for position, observation in enumerate(observations):
            bars.append(float(observation.value))
            label = short_label(observation)
            # Category axes need unique labels; blanked ones get distinct widths of space.
            labels.append(label if position % stride == 0 else " " * (position + 1))
        series = QBarSeries()
        series.append(bars)
        self._chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append(labels)
        axis_x.setLabelsAngle(-45 if len(observations) > 6 else 0)
        self._chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        values = [float(o.value) for o in observations]
        highest = max([*values, threshold or 0.0])
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%.0f" if highest >= 5 else "%.2g")
        if 50 <= highest <= 100:
            axis_y.setRange(0, 100)  # a percentage: the full scale reads truest
        else:
            axis_y.setRange(0, highest * 1.1 or 1.0)
            axis_y.applyNiceNumbers()
        self._chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        if threshold is not None:
            # The threshold as a line across the bars, on a hidden 0..n value axis so it
            # spans the full width regardless of the category axis.
            line = QLineSeries()
            line.setName(self.tr("Threshold ({value})").format(value=format_value(threshold)))
            line.append(0, threshold)
            line.append(len(observations), threshold)
            pen = line.pen()
            pen.setWidth(3)
            pen.setStyle(Qt.PenStyle.DashLine)
            pen.setColor(self.palette().color(QPalette.ColorRole.Text))
            line.setPen(pen)
            self._chart.addSeries(line)
            axis_line_x = QValueAxis()
            axis_line_x.setRange(0, len(observations))
            axis_line_x.setVisible(False)
            self._chart.addAxis(axis_line_x, Qt.AlignmentFlag.AlignTop)
            line.attachAxis(axis_line_x)
            line.attachAxis(axis_y)
        self._apply_palette()
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
        self._view.setAccessibleDescription(self._text_alternative)
