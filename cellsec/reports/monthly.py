"""The monthly report to the committee above (báo cáo tháng, reference §7.1), from the month's records:
the members of the cell at the month's end, the month's meetings (date, attendance, content, resolution),
the dues collected and remitted, and the tasks set for the next month. The exact form is unverified
(reference §7.1: "theo mẫu", not retrieved); numbered and dated as the secretary gives them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain import dues as D
from ..domain.dates import format_date
from ..domain.documents import TYPE_REPORT, document_number, resolution_body
from ..domain.meetings import format_percent
from .engine.document import Heading, LayoutSettings, Paragraph, PartyDocument, Signatures, cell_header, default_layout
from .engine.layout import render

if TYPE_CHECKING:
    from ..services.facade import Services

KIND_WORDS = {"thuong_ky": "thường kỳ", "chuyen_de": "chuyên đề", "combined": "thường kỳ kết hợp chuyên đề",
              "bat_thuong": "bất thường"}


def _members_blocks(members: list, month: dt.date) -> list:
    official = sum(1 for m in members if m.status == "chinh_thuc")
    exempt = sum(1 for m in members if m.activity_status == "exempt")
    return [Heading("I. TÌNH HÌNH ĐẢNG VIÊN"),
            Paragraph(f"Đến ngày {format_date(D.month_end(month))}, chi bộ có {len(members)} đảng viên "
                      f"({official} chính thức, {len(members) - official} dự bị); {exempt} đồng chí được miễn "
                      "sinh hoạt đảng.")]


def _meeting_blocks(records: list) -> list:
    blocks: list = [Heading("II. SINH HOẠT CHI BỘ")]
    if not records:
        return blocks + [Paragraph("Trong tháng chi bộ chưa tổ chức sinh hoạt.")]
    for r in records:
        s, c = r.summary, r.content
        absent = [f"{name} ({reason})" for name, reason in s.absent_with_reason] + \
                 [f"{name} (không có lý do)" for name in s.absent_without_reason]
        blocks.append(Paragraph(
            f"Ngày {format_date(c.held_on)}, chi bộ sinh hoạt {KIND_WORDS.get(c.kind, '')}"
            + (f" về \"{c.topic}\"" if c.topic else "") + f": có mặt {s.present}/{s.expected} đảng viên phải "
            f"dự ({format_percent(s.rate)})" + (f"; vắng: {', '.join(absent)}" if absent else "") + "."))
        if c.agenda:
            blocks.append(Paragraph("Nội dung: " + "; ".join(item.title for item in c.agenda) + "."))
    return blocks


def _dues_blocks(sheet: Any) -> list:
    return [Heading("III. THU, NỘP ĐẢNG PHÍ"),
            Paragraph(f"Đã thu {D.format_money(sheet.total_paid)}/{D.format_money(sheet.total_due)} đồng của "
                      f"{sheet.paid_count} đảng viên; {sheet.unpaid_count} đảng viên chưa đóng. Nộp cấp trên "
                      f"{D.format_money(sheet.remitted)} đồng, chi bộ giữ lại {D.format_money(sheet.kept)} đồng.")]


def monthly_document(cell: Any, month: dt.date, members: list, records: list, sheet: Any, on: dt.date,
                     seq: int | None, layout: LayoutSettings | None = None) -> PartyDocument:
    layout = layout or default_layout()
    tasks = [line for r in records for line in resolution_body(r.content.resolution_text).split("\n") if line.strip()]
    blocks = [*_members_blocks(members, month), *_meeting_blocks(records), *_dues_blocks(sheet),
              Heading("IV. NHIỆM VỤ THÁNG TỚI"),
              *([Paragraph(line) for line in tasks] or [Paragraph("Theo nghị quyết của chi bộ.")])]
    return PartyDocument(header=cell_header(cell, on, document_number(seq, TYPE_REPORT, cell.abbreviation or "CB"),
                                            layout),
                         title="Báo cáo", subtitle=f"Kết quả sinh hoạt chi bộ tháng {month.month} năm {month.year}",
                         blocks=blocks, signatures=Signatures.for_cell(cell.secretary_name),
                         recipients=[f"{cell.upper_committee} (để báo cáo);", "Lưu chi bộ."])


def write_monthly(svc: Services, month: dt.date | str, path: Path, on: dt.date, seq: int | None = None) -> Path:
    """The report of `month`, dated `on`, numbered `seq`; PDF or DOCX by the suffix."""
    from ..services.documents.register import register_as_of

    month = D.parse_month(month) if isinstance(month, str) else D.month_start(month)
    records = [svc.meetings.get(m.id) for m in svc.meetings.list(month.year)
               if m.held_on.year == month.year and m.held_on.month == month.month]
    layout = svc.layout.get()
    document = monthly_document(svc.cell.get(on), month, register_as_of(svc, min(D.month_end(month), on)), records,
                                svc.dues.sheet(month, today=on), on, seq, layout)
    return render(document, Path(path), layout)
