"""The attention list with the facts and the records behind each entry."""

from __future__ import annotations

import docx

from cellsec.reports.attention import write_attention
from tests.reports.pdfcheck import pages_text

from ..conftest import DEMO_TODAY


def test_attention_list_of_the_demo(demo_services, tmp_path):
    items = demo_services.attention.list(DEMO_TODAY)
    text = " ".join(" ".join(pages_text(write_attention(demo_services, tmp_path / "qt.pdf", DEMO_TODAY))).split())
    assert "DANH SÁCH ĐẢNG VIÊN CẦN QUAN TÂM" in text and "ngày 22 tháng 11 năm 2026" in text
    for item in items:
        assert item.full_name in text
    assert "Sổ thu đảng phí tháng 02/2026, 05/2026, 08/2026" in text  # the dues months behind the entry
    assert "Biên bản sinh hoạt ngày" in text and "Kết quả xếp loại năm 2025, 2026" in text
    assert f"{len(items)} nội dung cần quan tâm" in text
    word = docx.Document(str(write_attention(demo_services, tmp_path / "qt.docx", DEMO_TODAY)))
    assert "Căn cứ trong hồ sơ" in [c.text for t in word.tables for row in t.rows for c in row.cells]
