"""Charts for printed reports, drawn with reportlab.graphics (vector in the PDF): meeting scores month by
month, attendance over the year, the cell's 5-good totals year on year, each member's attendance.

Drawn from primitives rather than reportlab's chart widgets so the Vietnamese font, the sizes and the
look match the Party document (Liberation Serif, sober colours that still read on a black-and-white
printer: filled bars with a dark outline, a dashed threshold line). The series come from
`ScoringService` (MonthValue, YearValue, MemberAttendanceRow); nothing here reads the database.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors

from .metrics import FONT, FONT_BOLD, register_fonts

BAR = colors.HexColor("#9E2A2B")        # deep red, prints as dark grey
BAR_LIGHT = colors.HexColor("#D9A5A5")  # the value not reached yet / a weaker band
GRID = colors.HexColor("#C8C8C8")
AXIS = colors.black
THRESHOLD = colors.HexColor("#1F4E79")
TEXT = colors.black
MUTED = colors.HexColor("#666666")

WIDTH = 460.0   # points (≈ 162 mm, within the text width of an A4 page with 30/15 mm margins)


def _fmt(value: float, digits: int = 1) -> str:
    """'92,9' — Vietnamese decimal comma; whole numbers without decimals."""
    if abs(value - round(value)) < 1e-9:
        return str(int(round(value)))
    return f"{value:.{digits}f}".replace(".", ",")


def _label(x: float, y: float, text: str, size: float = 8, anchor: str = "middle", bold: bool = False,
           color=TEXT) -> String:
    return String(x, y, text, fontName=FONT_BOLD if bold else FONT, fontSize=size, fillColor=color, textAnchor=anchor)


def _cleared(d: Drawing, label: String) -> None:
    """Add `label` on a white ground, so no grid or threshold line drawn before it crosses the figures."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    w = stringWidth(label.text, label.fontName, label.fontSize)
    start = {"start": label.x, "middle": label.x - w / 2, "end": label.x - w}[label.textAnchor]
    d.add(Rect(start - 1, label.y - label.fontSize * 0.25, w + 2, label.fontSize * 1.05, fillColor=colors.white,
               strokeColor=None, strokeWidth=0))
    d.add(label)


def _drawing(width: float, height: float) -> Drawing:
    register_fonts()
    d = Drawing(width, height)
    d.initialFontName = FONT  # else the PDF renderer starts with (and references) a non-embedded Helvetica
    return d


def _frame(d: Drawing, left: float, bottom: float, plot_w: float, plot_h: float, top_value: float,
           step: float, unit: str) -> None:
    """Horizontal grid lines with their values on the left, and the axes."""
    value = 0.0
    while value <= top_value + 1e-9:
        y = bottom + plot_h * value / top_value
        d.add(Line(left, y, left + plot_w, y, strokeColor=GRID if value else AXIS, strokeWidth=0.5))
        d.add(_label(left - 4, y - 3, _fmt(value) + unit, 7.5, "end", color=MUTED))
        value += step
    d.add(Line(left, bottom, left, bottom + plot_h, strokeColor=AXIS, strokeWidth=0.6))


def _threshold(d: Drawing, left: float, bottom: float, plot_w: float, plot_h: float, top_value: float,
               value: float, text: str) -> None:
    y = bottom + plot_h * value / top_value
    d.add(Line(left, y, left + plot_w, y, strokeColor=THRESHOLD, strokeWidth=1, strokeDashArray=[4, 3]))
    # Below the line at the right end: the values plotted above a threshold stay readable.
    if text:
        _cleared(d, _label(left + plot_w - 2, y - 9, text, 7.5, "end", color=THRESHOLD))


def column_chart(items: Sequence[tuple[str, float | None]], *, top_value: float = 100, step: float = 20,
                 unit: str = "", threshold: tuple[float, str] | None = None, width: float = WIDTH,
                 height: float = 190, empty_text: str = "chưa có") -> Drawing:
    """Vertical bars, one per (label, value); a missing value prints `empty_text` at the foot."""
    d = _drawing(width, height)
    left, right, bottom, top = 40.0, 8.0, 22.0, 14.0
    plot_w, plot_h = width - left - right, height - bottom - top
    _frame(d, left, bottom, plot_w, plot_h, top_value, step, unit)
    n = max(len(items), 1)
    slot = plot_w / n
    bar_w = min(slot * 0.62, 38)
    values: list[String] = []
    for i, (label, value) in enumerate(items):
        cx = left + slot * (i + 0.5)
        d.add(_label(cx, bottom - 11, label, 8))
        if value is None:
            d.add(_label(cx, bottom + 3, empty_text, 6.5, color=MUTED))
            continue
        h = plot_h * max(0.0, min(value, top_value)) / top_value
        d.add(Rect(cx - bar_w / 2, bottom, bar_w, h, fillColor=BAR, strokeColor=colors.black, strokeWidth=0.4))
        values.append(_label(cx, bottom + h + 2.5, _fmt(value), 7.5, bold=True))
    if threshold is not None:
        _threshold(d, left, bottom, plot_w, plot_h, top_value, *threshold)
    for value_label in values:  # last: the grid and threshold lines pass behind the figures
        _cleared(d, value_label)
    return d


def line_chart(items: Sequence[tuple[str, float | None]], *, top_value: float = 100, step: float = 20,
               unit: str = "%", threshold: tuple[float, str] | None = None, width: float = WIDTH,
               height: float = 170) -> Drawing:
    """A line through the values (gaps where a value is missing), with dots and value labels."""
    d = _drawing(width, height)
    left, right, bottom, top = 40.0, 8.0, 22.0, 14.0
    plot_w, plot_h = width - left - right, height - bottom - top
    _frame(d, left, bottom, plot_w, plot_h, top_value, step, unit)
    n = max(len(items), 1)
    slot = plot_w / n
    run: list[float] = []

    def flush() -> None:
        if len(run) >= 4:
            d.add(PolyLine(list(run), strokeColor=BAR, strokeWidth=1.5))
        run.clear()

    for i, (label, value) in enumerate(items):
        cx = left + slot * (i + 0.5)
        d.add(_label(cx, bottom - 11, label, 8))
        if value is None:
            flush()
            continue
        y = bottom + plot_h * max(0.0, min(value, top_value)) / top_value
        run += [cx, y]
    flush()
    if threshold is not None:
        _threshold(d, left, bottom, plot_w, plot_h, top_value, *threshold)
    for i, (_, value) in enumerate(items):
        if value is None:
            continue
        cx = left + slot * (i + 0.5)
        y = bottom + plot_h * max(0.0, min(value, top_value)) / top_value
        d.add(Rect(cx - 2.2, y - 2.2, 4.4, 4.4, fillColor=BAR, strokeColor=colors.black, strokeWidth=0.3))
        _cleared(d, _label(cx, y + 5, _fmt(value), 7))  # after the lines, on a white ground
    return d


def bar_list_chart(items: Sequence[tuple[str, float | None, str]], *, top_value: float = 100, step: float = 20,
                   unit: str = "%", threshold: tuple[float, str] | None = None, width: float = WIDTH,
                   row_height: float = 12.5) -> Drawing:
    """Horizontal bars, one row per (name, value, note): a member list that grows downwards."""
    name_w, right, bottom, top = 150.0, 60.0, 18.0, 6.0
    height = bottom + top + row_height * max(len(items), 1)
    d = _drawing(width, height)
    plot_w = width - name_w - right
    plot_h = height - bottom - top
    value = 0.0
    while value <= top_value + 1e-9:
        x = name_w + plot_w * value / top_value
        d.add(Line(x, bottom, x, bottom + plot_h, strokeColor=GRID if value else AXIS, strokeWidth=0.5))
        d.add(_label(x, bottom - 10, _fmt(value) + unit, 7.5, color=MUTED))
        value += step
    for i, (name, value, note) in enumerate(items):
        y = bottom + plot_h - row_height * (i + 1)
        d.add(_label(name_w - 5, y + row_height * 0.3, name, 8, "end"))
        if value is None:
            d.add(_label(name_w + 4, y + row_height * 0.3, note or "—", 7.5, "start", color=MUTED))
            continue
        w = plot_w * max(0.0, min(value, top_value)) / top_value
        low = threshold is not None and value <= threshold[0]
        d.add(Rect(name_w, y + row_height * 0.18, w, row_height * 0.64, fillColor=BAR_LIGHT if low else BAR,
                   strokeColor=colors.black, strokeWidth=0.3))
        d.add(_label(name_w + w + 4, y + row_height * 0.3, _fmt(value) + unit + (f"  {note}" if note else ""),
                     7.5, "start"))
    if threshold is not None:
        x = name_w + plot_w * threshold[0] / top_value
        d.add(Line(x, bottom, x, bottom + plot_h, strokeColor=THRESHOLD, strokeWidth=1, strokeDashArray=[4, 3]))
    return d


# ---- the report's charts ---------------------------------------------------------------------------

def month_labels() -> list[str]:
    return [f"T{m}" for m in range(1, 13)]


def meeting_scores_chart(monthly) -> Drawing:
    """Average meeting score per month, as % of the rubric maximum (MonthValue list of 12)."""
    return column_chart([(f"T{v.month}", v.value) for v in monthly], unit="")


def attendance_chart(monthly, threshold: float = 85) -> Drawing:
    """Average attendance per month, with the 85 % quality threshold (reference §1.6)."""
    return line_chart([(f"T{v.month}", v.value) for v in monthly],
                      threshold=(threshold, f"Ngưỡng {_fmt(threshold)}%"))


def five_good_chart(history) -> Drawing:
    """The cell's 5-good totals year on year (YearValue list), as % of each year's maximum."""
    items = [(str(h.year), h.percent) for h in history][-8:]
    return column_chart(items or [("—", None)], unit="", width=WIDTH * 0.7, height=140)


def member_attendance_chart(rows, threshold: float = 85) -> Drawing:
    """Each member's attendance rate at the year's meetings (MemberAttendanceRow list)."""
    items = [(r.full_name, r.rate, f"({r.present}/{r.expected})" if r.expected else "miễn sinh hoạt")
             for r in rows]
    return bar_list_chart(items, threshold=(threshold, ""))


def drawing_png(drawing: Drawing, dpi: int = 150) -> bytes:
    """The drawing as PNG (for DOCX or a preview), rasterised by PDFium (engine/raster.py)."""
    from .raster import drawing_png as png

    return png(drawing, dpi)
