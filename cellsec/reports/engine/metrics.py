"""Text metrics of printed documents: Liberation Serif (metric-compatible with Times New Roman) registered
with reportlab, the width of a line, table column widths that never split a word, the header's column
width and evenly balanced header lines. The PDF and DOCX backends lay out with the same numbers.
"""

from __future__ import annotations

import re
import threading

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ...domain.text import nfc
from ...paths import resources_dir
from .document import LayoutSettings, Rich, Table, upper

FONT = "LiberationSerif"
FONT_BOLD = "LiberationSerif-Bold"
FONT_ITALIC = "LiberationSerif-Italic"
FONT_BOLD_ITALIC = "LiberationSerif-BoldItalic"
_FONT_FILES = {
    FONT: "LiberationSerif-Regular.ttf",
    FONT_BOLD: "LiberationSerif-Bold.ttf",
    FONT_ITALIC: "LiberationSerif-Italic.ttf",
    FONT_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}
PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
_GUTTER = 6  # points between the header's two blocks
_registered = False
_register_lock = threading.Lock()  # exports run on worker threads


def register_fonts() -> None:
    """Register Liberation Serif once, as a family so <b>/<i> pick the right face."""
    global _registered
    if _registered:
        return
    with _register_lock:
        if _registered:
            return
        folder = resources_dir() / "fonts"
        for name, file in _FONT_FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(folder / file)))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC,
                                      boldItalic=FONT_BOLD_ITALIC)
        _registered = True


def font_name(bold: bool = False, italic: bool = False) -> str:
    return {(False, False): FONT, (True, False): FONT_BOLD, (False, True): FONT_ITALIC,
            (True, True): FONT_BOLD_ITALIC}[(bold, italic)]


def text_width(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """Width in points of one line of `text` (same metrics as Times New Roman)."""
    register_fonts()
    return pdfmetrics.stringWidth(nfc(text) or "", font_name(bold, italic), size)



_CELL_PAD = 6  # points of left + right padding in table cells


def column_widths(t: Table, width: float, size: float) -> list[float]:
    """Column widths in points: the table's weights scaled to `width`, except that no column is narrower
    than its longest single word (header words bold), so cells wrap between words, never inside one.
    The columns with room to spare give it up in proportion to their weights."""
    n = len(t.columns)
    weights = t.col_widths or [1.0] * n
    spanned = {c for sp in t.spans if sp.first_col != sp.last_col for c in range(sp.first_col, sp.last_col + 1)
               for r in range(sp.first_row, sp.last_row + 1) if r < t.header_count}
    minimum = [0.0] * n
    for r, row in enumerate([*t.header_rows, t.columns, *t.rows]):
        head = r < t.header_count
        for c, cell in enumerate(row):
            if head and c in spanned and r < len(t.header_rows):
                continue  # a group title over several columns wraps across them
            text = cell.text if isinstance(cell, Rich) else cell
            words = (re.sub(r"<[^>]+>", " ", text) if isinstance(cell, Rich) else text).split()
            if words:
                longest = max(text_width(w, size, bold=head) for w in words)
                minimum[c] = max(minimum[c], longest + _CELL_PAD + 1)
    widths = [width * w / sum(weights) for w in weights]
    if sum(minimum) >= width:
        return widths  # cannot honour every word: keep the caller's proportions
    fixed: set[int] = set()
    while True:
        short = [c for c in range(n) if c not in fixed and widths[c] < minimum[c]]
        if not short:
            return widths
        fixed.update(short)
        free = width - sum(minimum[c] for c in fixed)
        loose = [c for c in range(n) if c not in fixed]
        loose_weight = sum(weights[c] for c in loose) or 1.0
        for c in range(n):
            widths[c] = minimum[c] if c in fixed else free * weights[c] / loose_weight


def header_left_width(h, lay: LayoutSettings, width: float) -> float:
    """Width of the header's left column (points): wide enough for the issuer on one line when the right
    block (party title, date line) still fits; never narrower than 42 % of the text width."""
    right_needed = max(text_width(PARTY_TITLE, lay.party_title_size, bold=True),
                       text_width(h.place_date, lay.header_size, italic=True)) + 2 * mm
    left_needed = max(text_width(upper(h.issuer), lay.header_size, bold=True),
                      text_width(upper(h.upper_committee), lay.header_size),
                      text_width(h.number or "", lay.header_size)) + _GUTTER + 2
    return max(width * 0.42, min(left_needed, width - right_needed))


def balanced_lines(text: str, size: float, max_width: float, bold: bool = False) -> list[str]:
    """Wrap at spaces into as few lines as fit `max_width`, with line lengths as even as possible."""
    words = text.split()
    if not words or text_width(text, size, bold) <= max_width:
        return [" ".join(words)]

    def wrap(limit: float) -> list[str]:
        lines, current = [], ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if current and text_width(candidate, size, bold) > limit:
                lines.append(current)
                current = word
            else:
                current = candidate
        return [*lines, current]

    target = len(wrap(max_width))
    low, high = 0.0, max_width
    for _ in range(20):  # shrink the limit while the line count stays the same
        mid = (low + high) / 2
        if len(wrap(mid)) <= target:
            high = mid
        else:
            low = mid
    return wrap(high)
