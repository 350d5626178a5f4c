"""The year's thematic-meeting plan (reference §1.2: the cell plans its thematic meetings for the year and
reports the plan to the committee above): one row per quarter with the meetings held or scheduled, their
topics, and what is still to be arranged. Numbered and dated as the secretary gives them (a plan is
issued once, early in the year; a reprint keeps that date).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.dates import format_date
from ..domain.documents import document_number
from ..domain.meetings.year import SLOT_STATE_LABELS
from .engine.document import LayoutSettings, Paragraph, PartyDocument, Signatures, Table, cell_header, default_layout
from .engine.layout import render

if TYPE_CHECKING:
    from ..services.facade import Services

TYPE_PLAN = "KH"
TITLE = "Kế hoạch"
COLUMNS = ["Quý", "Thời gian", "Chủ đề sinh hoạt chuyên đề", "Tình trạng"]
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def plan_document(cell: Any, plan: Any, on: dt.date, seq: int | None, layout: LayoutSettings | None = None) -> PartyDocument:
    layout = layout or default_layout()
    rows = []
    for q in plan.quarters:
        if q.meetings:
            for m in q.meetings:
                rows.append([ROMAN[q.quarter], format_date(m.held_on), m.topic or "",
                             SLOT_STATE_LABELS[q.state].vi])
        else:
            first, last = (q.quarter - 1) * 3 + 1, q.quarter * 3
            rows.append([ROMAN[q.quarter], f"Tháng {first}–{last}/{plan.year}", "(chi ủy phân công chuẩn bị)",
                         SLOT_STATE_LABELS[q.state].vi])
    blocks = [
        Paragraph("Thực hiện quy định mỗi quý sinh hoạt chuyên đề ít nhất một lần (không thay thế sinh hoạt "
                  f"thường kỳ), chi bộ xây dựng kế hoạch sinh hoạt chuyên đề năm {plan.year} như sau:"),
        Table(COLUMNS, rows, col_widths=[8, 20, 50, 22], align=["center", "center", "left", "left"]),
        Paragraph("Chi ủy phân công đảng viên chuẩn bị nội dung từng chuyên đề, gửi tài liệu cho đảng viên "
                  "trước kỳ sinh hoạt ít nhất 01 ngày và báo cáo kết quả lên cấp ủy cấp trên.", space_before=6),
    ]
    return PartyDocument(header=cell_header(cell, on, document_number(seq, TYPE_PLAN, cell.abbreviation or "CB"),
                                            layout),
                         title=TITLE, subtitle=f"Sinh hoạt chuyên đề năm {plan.year}", blocks=blocks,
                         signatures=Signatures.for_cell(cell.secretary_name),
                         recipients=[f"{cell.upper_committee} (để báo cáo);", "Các đảng viên trong chi bộ;",
                                     "Lưu chi bộ."])


def write_year_plan(svc: Services, year: int, path: Path, on: dt.date, seq: int | None = None) -> Path:
    """The thematic-meeting plan of `year`, dated `on` and numbered `seq`, PDF or DOCX by the suffix."""
    layout = svc.layout.get()
    plan = svc.meetings.year_view(year, today=on)
    return render(plan_document(svc.cell.get(on), plan, on, seq, layout), Path(path), layout)
