"""A small chart widget drawn with QPainter (PySide6-Essentials has no QtCharts): vertical bars, a line, or
horizontal bars (one row per name, growing downwards), with a title, axis labels, values printed on the
bars, an optional dashed threshold line, and gaps where a value is missing (a month without a meeting).

    chart = ChartWidget()
    chart.set_data(self.tr("Meeting scores by month"), [ChartPoint("T1", 90.5), ChartPoint("T2", None), ...],
                   kind=BARS, unit="%", threshold=85, threshold_label=self.tr("Threshold 85%"))

The geometry is computed in `chart_layout()` (also used by tests to find where the bars are drawn), so what is
painted and what is measured cannot disagree. The printed report (cellsec/reports/charts.py) keeps its own colours.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...domain.rubrics import format_points

BARS, LINE, HBARS = "bars", "line", "hbars"

# On screen red means "something is wrong" (error lines, overdue tiles): a full 100 % bar must not look like
# one. Bars are a calm blue; a value at or under the threshold is amber, as the warnings are.
BAR_COLOR = QColor("#4a7fb0")
BAR_LOW_COLOR = QColor("#e0a84a")    # a value at or under the threshold
GRID_COLOR = QColor("#dadce0")
AXIS_COLOR = QColor("#5f6368")
THRESHOLD_COLOR = QColor("#1f4e79")
MUTED_COLOR = QColor("#80868b")

ROW_HEIGHT = 20          # horizontal bars: pixels per row
PAD = 10


def month_labels() -> list[str]:
    """T1 … T12 (tháng), the month names under a year's chart."""
    return [f"T{m}" for m in range(1, 13)]


def format_value(value: float) -> str:
    """92,9 — one decimal at most, Vietnamese decimal comma."""
    return format_points(round(value, 1))


@dataclass
class ChartPoint:
    label: str
    value: float | None          # None: no data (drawn as a gap)
    note: str = ""               # printed after the value on horizontal bars, e.g. "(20/21)"


@dataclass
class ChartLayout:
    """Where things are drawn: the plot area and one rectangle (bars) or point (line) per value."""

    plot: QRectF
    bars: list[QRectF | None] = field(default_factory=list)
    points: list[QPointF | None] = field(default_factory=list)
    slots: list[QRectF] = field(default_factory=list)    # the band of each label (its column or row)


class ChartWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.points: list[ChartPoint] = []
        self.kind = BARS
        self.top = 100.0
        self.step = 20.0
        self.unit = ""
        self.threshold: float | None = None
        self.threshold_label = ""
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(320, 180))

    def set_data(self, title: str, points: list[ChartPoint], *, kind: str = BARS, top: float = 100,
                 step: float = 20, unit: str = "", threshold: float | None = None, threshold_label: str = "",
                 empty_text: str = "") -> None:
        self.title = title
        self.points = list(points)
        self.kind = kind
        self.top = float(top) if top > 0 else 1.0
        self.step = float(step) if step > 0 else self.top
        self.unit = unit
        self.threshold = threshold
        self.threshold_label = threshold_label
        self.empty_text = empty_text or self.tr("No data yet")
        if kind == HBARS:
            self.setMinimumHeight(self._hbars_height(len(self.points)))
        else:
            self.setMinimumHeight(180)
        self.updateGeometry()
        self.update()

    def has_values(self) -> bool:
        return any(p.value is not None for p in self.points)

    # ---- geometry ------------------------------------------------------------------------------------------
    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        base = QFont(self.font())
        title = QFont(base)
        title.setBold(True)
        title.setPointSizeF(base.pointSizeF() * 1.05)
        small = QFont(base)
        small.setPointSizeF(max(base.pointSizeF() * 0.85, 7.0))
        return title, base, small

    def _title_height(self, width: float | None = None) -> int:
        """Height of the title, wrapped onto a second line when the chart is narrow (never elided)."""
        fm = QFontMetrics(self._fonts()[0])
        width = int((width if width is not None else self.width()) - 2 * PAD)
        if not self.title or width <= 0:
            return fm.height()
        return fm.boundingRect(QRect(0, 0, width, 10 * fm.height()), int(Qt.TextFlag.TextWordWrap), self.title).height()

    def _hbars_height(self, rows: int) -> int:
        return int(PAD + self._title_height() + 8 + ROW_HEIGHT * max(rows, 1) + 26 + PAD)

    def resizeEvent(self, event) -> None:
        # The title may wrap differently at the new width: a list of bars keeps room for every row.
        if self.kind == HBARS:
            height = self._hbars_height(len(self.points))
            if height != self.minimumHeight():
                self.setMinimumHeight(height)
        super().resizeEvent(event)

    def sizeHint(self) -> QSize:
        if self.kind == HBARS:
            return QSize(520, self._hbars_height(len(self.points)))
        return QSize(520, 240)

    def _axis_text(self, value: float) -> str:
        return format_value(value) + self.unit

    def chart_layout(self) -> ChartLayout:
        """The plot area and where each value is drawn, for the widget's current size."""
        title_font, base, small = self._fonts()
        fm, sfm = QFontMetrics(base), QFontMetrics(small)
        w, h = float(self.width()), float(self.height())
        top = PAD + self._title_height() + 8
        n = max(len(self.points), 1)
        if self.kind == HBARS:
            names = [p.label for p in self.points] or [""]
            name_w = min(max(fm.horizontalAdvance(s) for s in names) + 12, w * 0.38)
            # Room on the right for the axis' last label; a value goes inside its bar when it fits there,
            # else just after the bar (where a short bar leaves room).
            value_w = fm.horizontalAdvance(self._axis_text(self.top)) + 8
            plot = QRectF(PAD + name_w, top, max(w - 2 * PAD - name_w - value_w, 40.0), ROW_HEIGHT * n)
            out = ChartLayout(plot)
            for i, p in enumerate(self.points):
                slot = QRectF(PAD, plot.top() + ROW_HEIGHT * i, w - 2 * PAD, ROW_HEIGHT)
                out.slots.append(slot)
                if p.value is None:
                    out.bars.append(None)
                    continue
                length = plot.width() * self._share(p.value)
                out.bars.append(QRectF(plot.left(), slot.top() + ROW_HEIGHT * 0.2, max(length, 1.0), ROW_HEIGHT * 0.6))
            return out
        left = PAD + max(sfm.horizontalAdvance(self._axis_text(v)) for v in self._ticks()) + 6
        bottom = h - PAD - sfm.height() - 4
        plot = QRectF(left, top + sfm.height(), max(w - left - PAD, 40.0), max(bottom - top - sfm.height(), 30.0))
        out = ChartLayout(plot)
        slot_w = plot.width() / n
        bar_w = min(slot_w * 0.62, 46.0)
        for i, p in enumerate(self.points):
            slot = QRectF(plot.left() + slot_w * i, plot.top(), slot_w, plot.height())
            out.slots.append(slot)
            if p.value is None:
                out.bars.append(None)
                out.points.append(None)
                continue
            height = plot.height() * self._share(p.value)
            cx = slot.center().x()
            out.bars.append(QRectF(cx - bar_w / 2, plot.bottom() - height, bar_w, max(height, 1.0)))
            out.points.append(QPointF(cx, plot.bottom() - height))
        return out

    def _share(self, value: float) -> float:
        return max(0.0, min(value, self.top)) / self.top

    def _ticks(self) -> list[float]:
        ticks, value = [], 0.0
        while value <= self.top + 1e-9:
            ticks.append(value)
            value += self.step
        return ticks

    def _bar_text(self, p: ChartPoint) -> str:
        if p.value is None:
            return p.note or "—"
        return format_value(p.value) + self.unit + (f"  {p.note}" if p.note else "")

    def _low(self, value: float) -> bool:
        return self.threshold is not None and value <= self.threshold + 1e-9

    # ---- painting ------------------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        title_font, base, small = self._fonts()
        text_color = self.palette().text().color()
        painter.setFont(title_font)
        painter.setPen(text_color)
        painter.drawText(QRectF(PAD, PAD, self.width() - 2 * PAD, self._title_height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, self.title)
        geometry = self.chart_layout()
        if self.kind == HBARS:
            self._paint_hbars(painter, geometry, base, small, text_color)
        else:
            self._paint_columns(painter, geometry, base, small, text_color)
        if not self.has_values():
            painter.setFont(base)
            painter.setPen(MUTED_COLOR)
            painter.drawText(geometry.plot, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)
        painter.end()

    def _paint_columns(self, painter: QPainter, g: ChartLayout, base: QFont, small: QFont, text: QColor) -> None:
        plot = g.plot
        sfm = QFontMetrics(small)
        painter.setFont(small)
        for value in self._ticks():
            y = plot.bottom() - plot.height() * self._share(value)
            painter.setPen(QPen(AXIS_COLOR if value == 0 else GRID_COLOR, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(AXIS_COLOR)
            painter.drawText(QRectF(PAD, y - sfm.height() / 2, plot.left() - PAD - 6, sfm.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self._axis_text(value))
        painter.setPen(QPen(AXIS_COLOR, 1))
        painter.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.left(), plot.bottom()))
        # Labels under the axis; every other one when they would overlap.
        widest = max((sfm.horizontalAdvance(p.label) for p in self.points), default=0)
        every = 1 if not g.slots or widest + 4 <= g.slots[0].width() else 2
        painter.setPen(text)
        for i, (p, slot) in enumerate(zip(self.points, g.slots)):
            if i % every == 0:
                painter.drawText(QRectF(slot.left() - 10, plot.bottom() + 3, slot.width() + 20, sfm.height()),
                                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, p.label)
        self._paint_threshold(painter, plot, small)
        value_font = QFont(small)
        value_font.setBold(True)
        vfm = QFontMetrics(value_font)
        if self.kind == LINE:
            self._paint_line(painter, g)
        for p, bar, point, slot in zip(self.points, g.bars, g.points, g.slots):
            if p.value is None:
                # A gap: a short muted dash on the axis says "no data" rather than zero.
                painter.setPen(QPen(MUTED_COLOR, 1))
                cx = slot.center().x()
                painter.drawLine(QPointF(cx - 4, plot.bottom() - 4), QPointF(cx + 4, plot.bottom() - 4))
                continue
            if self.kind == BARS:
                painter.setPen(QPen(QColor("#3c1010"), 0.8))
                painter.setBrush(BAR_LOW_COLOR if self._low(p.value) else BAR_COLOR)
                painter.drawRect(bar)
                anchor_y = bar.top()
            else:
                painter.setPen(QPen(QColor("#3c1010"), 0.8))
                painter.setBrush(BAR_COLOR)
                painter.drawEllipse(point, 3.5, 3.5)
                anchor_y = point.y() - 3
            painter.setFont(value_font)
            painter.setPen(text)
            label = format_value(p.value)
            box = QRectF(slot.center().x() - 30, anchor_y - vfm.height() - 1, 60, vfm.height())
            if box.top() < plot.top() - vfm.height():
                box.moveTop(plot.top() - vfm.height())
            painter.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, label)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_line(self, painter: QPainter, g: ChartLayout) -> None:
        painter.setPen(QPen(BAR_COLOR, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        path = QPainterPath()
        pen_down = False
        for point in g.points:
            if point is None:
                pen_down = False  # a month without data breaks the line
                continue
            if pen_down:
                path.lineTo(point)
            else:
                path.moveTo(point)
                pen_down = True
        painter.drawPath(path)

    def _paint_threshold(self, painter: QPainter, plot: QRectF, small: QFont) -> None:
        if self.threshold is None:
            return
        y = plot.bottom() - plot.height() * self._share(self.threshold)
        painter.setPen(QPen(THRESHOLD_COLOR, 1.2, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        if self.threshold_label:
            painter.setFont(small)
            sfm = QFontMetrics(small)
            # Under the line: the values worth drawing the eye to are usually above it.
            painter.drawText(QRectF(plot.left(), y + 1, plot.width() - 2, sfm.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, self.threshold_label)

    def _paint_hbars(self, painter: QPainter, g: ChartLayout, base: QFont, small: QFont, text: QColor) -> None:
        plot = g.plot
        fm, sfm = QFontMetrics(base), QFontMetrics(small)
        painter.setFont(small)
        for value in self._ticks():
            x = plot.left() + plot.width() * self._share(value)
            painter.setPen(QPen(AXIS_COLOR if value == 0 else GRID_COLOR, 1))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(AXIS_COLOR)
            painter.drawText(QRectF(x - 30, plot.bottom() + 3, 60, sfm.height()),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self._axis_text(value))
        if self.threshold is not None:
            x = plot.left() + plot.width() * self._share(self.threshold)
            painter.setPen(QPen(THRESHOLD_COLOR, 1.2, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        painter.setFont(base)
        name_w = plot.left() - PAD - 8
        for p, bar, slot in zip(self.points, g.bars, g.slots):
            painter.setPen(text)
            painter.drawText(QRectF(slot.left(), slot.top(), name_w, slot.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             fm.elidedText(p.label, Qt.TextElideMode.ElideRight, int(name_w)))
            if bar is None:
                painter.setPen(MUTED_COLOR)
                painter.drawText(QRectF(plot.left() + 6, slot.top(), plot.width(), slot.height()),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._bar_text(p))
                continue
            low = self._low(p.value)
            painter.setPen(QPen(QColor("#3c1010"), 0.8))
            painter.setBrush(BAR_LOW_COLOR if low else BAR_COLOR)
            painter.drawRect(bar)
            label = self._bar_text(p)
            if fm.horizontalAdvance(label) + 12 <= bar.width():
                painter.setPen(QColor("#3c1010") if low else QColor("white"))
                painter.drawText(bar.adjusted(0, 0, -6, 0), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 label)
            else:
                painter.setPen(text)
                painter.drawText(QRectF(bar.right() + 6, slot.top(), self.width() - bar.right(), slot.height()),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
        painter.setBrush(Qt.BrushStyle.NoBrush)
