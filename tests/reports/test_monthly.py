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


def test_the_tasks_are_next_months_only_once_that_meeting_was_held(demo_services, tmp_path):
    """Written at the month's end, the report cannot know next month's resolution: it gives the tasks the
    month's meeting set, and says so; written after next month's meeting, it gives that meeting's tasks."""
    def text(on):
        path = write_monthly(demo_services, "2026-10", tmp_path / f"bc-{on}.pdf", on, 9)
        return " ".join(" ".join(pages_text(path)).split())

    at_end = text(dt.date(2026, 10, 31))
    assert "IV. NHIỆM VỤ TRỌNG TÂM CHI BỘ ĐỀ RA TRONG THÁNG" in at_end and "NHIỆM VỤ THÁNG TỚI" not in at_end
    assert "nhiệm vụ trọng tâm tháng 10 năm 2026" in at_end
    later = text(dt.date(2026, 11, 6))  # the November meeting (05/11) has set November's tasks
    assert "IV. NHIỆM VỤ THÁNG TỚI" in later and "nhiệm vụ trọng tâm tháng 11 năm 2026" in later
    assert "nhiệm vụ trọng tâm tháng 10 năm 2026" not in later
