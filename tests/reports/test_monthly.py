"""The monthly report from the month's records (demo October)."""

from __future__ import annotations

import datetime as dt

import docx

from cellsec.reports.monthly import write_monthly
from tests.reports.pdfcheck import pages_text


def test_october_report_of_the_demo(demo_services, tmp_path):
    on = dt.date(2026, 10, 31)
    text = " ".join(" ".join(pages_text(write_monthly(demo_services, "2026-10", tmp_path / "bc.pdf", on, 9))).split())
    sheet = demo_services.dues.sheet(dt.date(2026, 10, 1), today=on)
    assert "Số 09-BC/CB" in text and "ngày 31 tháng 10 năm 2026" in text
    assert "Ngày 05/10/2026, chi bộ sinh hoạt thường kỳ" in text
    assert f"Đã thu {sheet.total_paid:,}".replace(",", ".") in text
    assert "Cao Văn Dũng" not in text  # transferred out in August: not among October's members
    word = docx.Document(str(write_monthly(demo_services, "2026-10", tmp_path / "bc.docx", on, 9)))
    assert any(p.text == "III. THU, NỘP ĐẢNG PHÍ" for p in word.paragraphs)
