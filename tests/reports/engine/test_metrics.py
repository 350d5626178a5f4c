"""Text metrics shared by the PDF and DOCX backends."""

import pytest

from cellsec.reports.engine.document import Header, LayoutSettings, Table
from cellsec.reports.engine.metrics import balanced_lines, column_widths, header_left_width, text_width


def test_bold_is_wider_and_nfd_measures_as_nfc():
    assert text_width("ĐẢNG CỘNG SẢN", 14, bold=True) > text_width("ĐẢNG CỘNG SẢN", 14) > 0
    assert text_width("Nghe\u0323 An", 14) == pytest.approx(text_width("Nghệ An", 14))


def test_balanced_lines_are_as_even_as_possible():
    text = "ĐẢNG BỘ CÁC CƠ QUAN ĐẢNG TỈNH NGHỆ AN"
    lines = balanced_lines(text, 14, text_width(text, 14) * 0.7)
    assert len(lines) == 2 and " ".join(lines) == text
    widths = [text_width(line, 14) for line in lines]
    assert max(widths) - min(widths) < text_width("ĐẢNG BỘ", 14)


def test_header_left_column_is_never_narrower_than_42_percent():
    h = Header("ĐẢNG ỦY XÃ A", "CHI BỘ B", "Số 01-BB/CB", "Nghệ An, ngày 01 tháng 02 năm 2026")
    assert header_left_width(h, LayoutSettings(), 450) == pytest.approx(450 * 0.42)


def test_column_widths_keep_the_callers_proportions_when_words_fit():
    table = Table(["A", "B"], [["x", "y"]], col_widths=[1, 3])
    assert column_widths(table, 400, 12) == pytest.approx([100, 300])
