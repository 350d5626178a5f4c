"""The year's thematic-meeting plan from the meetings of the year."""

from __future__ import annotations

import datetime as dt

import docx

from cellsec.reports.year_plan import write_year_plan
from tests.reports.pdfcheck import pages_text

from ..conftest import DEMO_TODAY


def test_plan_lists_every_quarter_and_what_is_missing(demo_services, tmp_path):
    text = " ".join(" ".join(pages_text(write_year_plan(demo_services, 2026, tmp_path / "kh.pdf",
                                                        dt.date(2026, 1, 15), 1))).split())
    assert "Số 01-KH/CB" in text and "ngày 15 tháng 01 năm 2026" in text
    plan = demo_services.meetings.year_view(2026, today=DEMO_TODAY)
    for q in plan.quarters:
        for m in q.meetings:
            assert m.held_on.strftime("%d/%m/%Y") in text
    assert "(chi ủy phân công chuẩn bị)" in text  # the quarter left out in the demo
    word = docx.Document(str(write_year_plan(demo_services, 2026, tmp_path / "kh.docx", dt.date(2026, 1, 15), 1)))
    assert "Chủ đề sinh hoạt chuyên đề" in [c.text for t in word.tables for row in t.rows for c in row.cells]
