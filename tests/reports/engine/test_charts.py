"""Chart labels are never crossed by the grid or threshold lines: every figure is drawn after all lines,
on a white ground."""

from __future__ import annotations

from reportlab.graphics.shapes import Line, Rect, String
from reportlab.lib import colors

from cellsec.reports.engine.charts import column_chart, line_chart


def _check(drawing, figures):
    items = list(drawing.contents)
    last_line = max(i for i, x in enumerate(items) if isinstance(x, Line))
    for i, x in enumerate(items):
        if isinstance(x, String) and x.text in figures:
            assert i > last_line, x.text  # drawn after every line
            ground = items[i - 1]
            assert isinstance(ground, Rect) and ground.fillColor == colors.white
            assert ground.x <= x.x <= ground.x + ground.width


def test_column_values_near_the_threshold_stay_readable():
    d = column_chart([("T1", 84.0), ("T2", 86.5), ("T3", 62.0)], threshold=(85, "Ngưỡng 85%"))
    _check(d, {"84", "86,5", "62", "Ngưỡng 85%"})


def test_line_values_stay_readable():
    d = line_chart([("T1", 80.0), ("T2", 85.0), ("T3", None), ("T4", 100.0)], threshold=(85, "Ngưỡng 85%"))
    _check(d, {"80", "85", "100"})
