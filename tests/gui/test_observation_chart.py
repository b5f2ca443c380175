"""The flag's chart, drawn with QPainter: bar heights follow the values (0–100 for
percentages), the threshold is a line at its value, and the same numbers are there as text."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtGui import QColor, QFontMetrics, QPalette

from recourse.protocol.wire import Observation
from recourse.ui.widgets.observation_chart import BarCanvas, ObservationChart, axis_top


def weeks(values):
    start = date(2026, 1, 5)
    return [Observation(label=f"2026-W{n + 2:02d}", period_start=start + timedelta(weeks=n),
                        period_end=start + timedelta(weeks=n, days=6), value=v)
            for n, v in enumerate(values)]


def bars(image, colour, bottom):
    """(first x, height in pixels) of each run of bar-coloured columns above `bottom`."""
    found, run = [], None
    for x in range(image.width()):
        height = sum(1 for y in range(bottom) if QColor(image.pixel(x, y)) == colour)
        if height and run is None:
            run = (x, height)
        elif not height and run is not None:
            found.append(run)
            run = None
    return found


def draw(qtbot, tmp_path, values, threshold):
    chart = ObservationChart()
    qtbot.addWidget(chart)
    chart.resize(600, 320)
    chart.set_observations(weeks(values), threshold, "attendance %", "<")
    chart.show()
    qtbot.waitExposed(chart)
    chart.grab().save(str(tmp_path / "chart.png"))
    canvas = chart.findChild(BarCanvas)
    legend_top = canvas.height() - QFontMetrics(canvas.font()).height() - 8
    return chart, canvas.grab().toImage(), legend_top


def test_bar_heights_follow_the_values(qtbot, tmp_path):
    chart, image, legend_top = draw(qtbot, tmp_path, [100, 50, 75, 25], None)
    heights = [h for _, h in bars(image, chart.palette().color(QPalette.ColorRole.Highlight),
                                  legend_top)]
    assert len(heights) == 4
    assert abs(heights[1] - heights[0] / 2) <= 2
    assert abs(heights[2] - heights[0] * 3 / 4) <= 2
    assert abs(heights[3] - heights[0] / 4) <= 2
    assert chart.series_count() == 1


def test_threshold_is_a_line_at_its_value(qtbot, tmp_path):
    chart, image, legend_top = draw(qtbot, tmp_path, [100, 10, 10, 10], 80)
    bar = chart.palette().color(QPalette.ColorRole.Highlight)
    text = chart.palette().color(QPalette.ColorRole.Text)
    (x0, full), *_ = bars(image, bar, legend_top)
    bar_top = next(y for y in range(legend_top) if QColor(image.pixel(x0 + 2, y)) == bar)
    bottom = bar_top + full
    # Over the 10 bars (short), the line must cross at 80 % of the full bar's height.
    x = image.width() * 3 // 4
    rows = [y for y in range(legend_top) if QColor(image.pixel(x, y)) == text]
    line = bottom - 0.8 * full
    assert any(abs(y - line) <= 3 for y in rows), (rows, line)
    assert chart.series_count() == 2
    assert chart.text_alternative().startswith("Threshold: < 80")


def test_no_observations_says_so_in_words(qtbot):
    chart = ObservationChart()
    qtbot.addWidget(chart)
    chart.set_observations([], None, "")
    assert chart.series_count() == 0
    assert chart.text_alternative() == "The flag gives no observations to chart."


def test_axis_top_is_a_round_number_above_the_values():
    assert axis_top(80) == 100  # a percentage
    assert axis_top(3.2) == 4
    assert axis_top(120) == 150
    assert axis_top(0) == 1
