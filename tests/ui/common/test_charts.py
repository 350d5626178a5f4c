"""The QPainter chart widget: bars, a line and horizontal bars are painted where the layout says, months
without data stay empty, and a chart without any value says so."""

from __future__ import annotations

from PySide6.QtGui import QColor

from cellsec.ui.common.charts import BAR_COLOR, BARS, HBARS, LINE, ChartPoint, ChartWidget, month_labels


def _chart(qtbot, points, **kwargs) -> ChartWidget:
    chart = ChartWidget()
    qtbot.addWidget(chart)
    chart.resize(640, 300)
    chart.set_data("Điểm chất lượng sinh hoạt bình quân theo tháng", points, **kwargs)
    chart.show()
    qtbot.waitExposed(chart)
    return chart


def _pixel(image, point) -> QColor:
    return QColor(image.pixel(int(point.x()), int(point.y())))


def test_bars_are_painted_and_empty_months_are_gaps(qtbot):
    values = [90.5, None, 86, 88.5, None, 88, 88, 90, 96, 94, 89, None]
    chart = _chart(qtbot, [ChartPoint(m, v) for m, v in zip(month_labels(), values)], kind=BARS)
    image = chart.grab().toImage()
    layout = chart.chart_layout()
    background = chart.palette().base().color()
    assert len(layout.bars) == 12
    for value, bar, slot in zip(values, layout.bars, layout.slots):
        if value is None:
            assert bar is None
            # The middle of an empty month's column is background: nothing was drawn there.
            middle = slot.center()
            middle.setY(slot.top() + slot.height() * 0.5)
            assert _pixel(image, middle) == background
        else:
            assert _pixel(image, bar.center()) == BAR_COLOR
            assert _pixel(image, bar.center()) != background
    # Taller value, taller bar.
    assert layout.bars[8].height() > layout.bars[2].height()


def test_values_at_or_under_the_threshold_are_lighter(qtbot):
    chart = _chart(qtbot, [ChartPoint("Nguyễn Văn An", 100.0, "(12/12)"), ChartPoint("Đậu Văn Lực", 75.0, "(9/12)"),
                           ChartPoint("Võ Thị Mai", None, "miễn sinh hoạt")], kind=HBARS, unit="%", threshold=85)
    image = chart.grab().toImage()
    layout = chart.chart_layout()
    full, low, none = layout.bars
    assert none is None
    assert full.width() > low.width()
    assert _pixel(image, full.center()) == BAR_COLOR
    assert _pixel(image, low.center()) not in (BAR_COLOR, chart.palette().base().color())
    # A full 100 % bar is not red (red means "wrong" on screen): its hue is far from red.
    hue = _pixel(image, full.center()).hsvHue()
    assert 60 < hue < 300, hue
    assert chart.minimumHeight() >= 3 * 20  # one row per member, the chart grows with the list


def test_line_breaks_at_missing_months(qtbot):
    values = [95.5, 95.5, None, 90.0] + [None] * 8
    chart = _chart(qtbot, [ChartPoint(m, v) for m, v in zip(month_labels(), values)], kind=LINE, unit="%",
                   threshold=85, threshold_label="ngưỡng 85%")
    image = chart.grab().toImage()
    points = chart.chart_layout().points
    background = chart.palette().base().color()
    # The dots are drawn; between T1 and T2 the line is drawn, across the missing T3 it is not.
    assert _pixel(image, points[0]) != background
    first, second = points[0], points[1]
    assert _pixel(image, (first + second) / 2) != background
    slot_t3 = chart.chart_layout().slots[2]
    across = slot_t3.center()
    across.setY(points[1].y())
    assert _pixel(image, across) == background


def test_a_chart_without_values_says_so(qtbot):
    chart = _chart(qtbot, [ChartPoint(m, None) for m in month_labels()], kind=BARS, empty_text="Chưa chấm điểm")
    assert not chart.has_values()
    assert all(bar is None for bar in chart.chart_layout().bars)
    image = chart.grab().toImage()
    plot = chart.chart_layout().plot
    # The message is painted in the middle of the plot.
    row = int(plot.center().y())
    background = chart.palette().base().color()
    assert any(QColor(image.pixel(x, row)) != background
               for x in range(int(plot.center().x()) - 40, int(plot.center().x()) + 40))
