"""The list of members who need attention ("đảng viên cần quan tâm") with the facts behind each entry:
what the records show (months absent, months unpaid, dates, years rated) and which records they are in, so
the chi ủy can discuss each case from the evidence. Dated the day it is printed for (`on`): it is a list
of the situation on that day.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain import attention as A
from ..domain.dates import format_date
from .engine.document import LayoutSettings, Paragraph, PartyDocument, Signatures, Table, cell_header, default_layout
from .engine.layout import render

if TYPE_CHECKING:
    from ..services.facade import Services

TITLE = "Danh sách đảng viên cần quan tâm"
COLUMNS = ["STT", "Họ và tên", "Vấn đề", "Sự việc", "Căn cứ trong hồ sơ"]
SEVERITY = {"danger": "Cần xem xét ngay", "warning": "Cần nhắc nhở", "info": "Cần chuẩn bị"}


def evidence(item: Any) -> str:
    """Which records the entry comes from (the minutes, the dues book, the reviews, the member file)."""
    data = item.data
    if item.kind == A.ABSENT_WITHOUT_REASON and data.get("dates"):
        return "Biên bản sinh hoạt ngày " + ", ".join(format_date(dt.date.fromisoformat(d)) for d in data["dates"])
    if item.kind == A.ABSENT_MONTHS and data.get("months"):
        return f"Biên bản sinh hoạt các tháng {', '.join(f'{m:02d}' for m in data['months'])}/{data['year']}"
    if item.kind == A.CONSECUTIVE_ABSENCES and data.get("last_absent_on"):
        return f"Biên bản sinh hoạt, lần vắng gần nhất ngày {format_date(dt.date.fromisoformat(data['last_absent_on']))}"
    if item.kind == A.DUES_UNPAID and data.get("months"):
        months = ", ".join(f"{m[5:7]}/{m[:4]}" for m in data["months"])
        return f"Sổ thu đảng phí tháng {months}"
    if item.kind == A.FAILED_TWO_YEARS and data.get("years"):
        return "Kết quả xếp loại năm " + ", ".join(str(y) for y in data["years"])
    if data.get("ends_on"):
        return f"Hồ sơ đảng viên (đến ngày {format_date(dt.date.fromisoformat(data['ends_on']))})"
    return ""


def attention_document(cell: Any, items: list, on: dt.date, layout: LayoutSettings | None = None) -> PartyDocument:
    layout = layout or default_layout()
    rows = [[str(i), item.full_name, f"{item.kind_label} ({SEVERITY.get(item.severity, item.severity).lower()})",
             item.text, evidence(item)] for i, item in enumerate(items, start=1)]
    blocks: list = [Paragraph(f"(Tính đến ngày {format_date(on)})", italic=True, align="center", indent=False,
                              space_after=8)]
    if rows:
        blocks.append(Table(COLUMNS, rows, col_widths=[6, 17, 20, 37, 20],
                            align=["center", "left", "left", "left", "left"]))
        members = len({item.member_id for item in items})
        blocks.append(Paragraph(f"Tổng số: {members} đồng chí, {len(items)} nội dung cần quan tâm.", indent=False,
                                space_before=6))
    else:
        blocks.append(Paragraph("Không có đảng viên nào cần quan tâm.", indent=False))
    return PartyDocument(header=cell_header(cell, on, None, layout), title=TITLE, subtitle=cell.name,
                         blocks=blocks, landscape=True, signatures=Signatures.for_cell(cell.secretary_name))


def write_attention(svc: Services, path: Path, on: dt.date | None = None) -> Path:
    """The attention list as of `on` (default today), PDF or DOCX by the suffix."""
    on = on or dt.date.today()
    layout = svc.layout.get()
    return render(attention_document(svc.cell.get(on), svc.attention.list(on), on, layout), Path(path), layout)
