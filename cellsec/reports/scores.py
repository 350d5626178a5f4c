"""The yearly scores report (PDF, with charts) and its Excel export.

"BÁO CÁO KẾT QUẢ CHẤM ĐIỂM CHẤT LƯỢNG SINH HOẠT VÀ ĐÁNH GIÁ 5 TỐT": the year's meeting scores (table and
monthly chart), attendance over the year and per member (charts), the cell's 5-good assessment with its
groups and the year-on-year chart, and the members' 5-good results. Built from `ScoringService.report`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain import rubrics as R
from ..domain import scores as S
from ..domain.dates import format_date
from ..domain.documents import TYPE_REPORT, document_number
from .engine.charts import attendance_chart, five_good_chart, meeting_scores_chart, member_attendance_chart
from .engine.document import (
    Heading,
    Image,
    KeepTogether,
    LayoutSettings,
    Paragraph,
    PartyDocument,
    Rich,
    Signatures,
    Table,
    cell_header,
    default_layout,
)
from .engine.layout import render
from .engine.sheets import protect_text

if TYPE_CHECKING:
    from ..services.facade import Services
    from ..services.scoring.records import ScoresReport

TITLE = "BÁO CÁO\nKẾT QUẢ CHẤM ĐIỂM CHẤT LƯỢNG SINH HOẠT\nVÀ ĐÁNH GIÁ \"CHI BỘ 5 TỐT\", \"ĐẢNG VIÊN 5 TỐT\""


def _pts(value: float | None) -> str:
    return "" if value is None else R.format_points(value)


def _pct(value: float | None) -> str:
    return "—" if value is None else R.format_points(round(value, 1)) + "%"


def _meetings_blocks(report: ScoresReport, layout: LayoutSettings) -> list:
    scored = [m for m in report.meetings if m.total is not None]
    blocks: list = [Heading("I. CHẤT LƯỢNG SINH HOẠT CHI BỘ")]
    if not report.meetings:
        blocks.append(Paragraph(f"Năm {report.year} chưa có buổi sinh hoạt nào được thông qua biên bản."))
        return blocks
    bands = Counter(m.band for m in scored)
    band_text = "; ".join(f"{label}: {count}" for label, count in bands.most_common())
    average = sum(m.percent for m in scored) / len(scored) if scored else None
    text = (f"Năm {report.year}, chi bộ tổ chức {len(report.meetings)} buổi sinh hoạt đã thông qua biên bản, "
            f"đã chấm điểm {len(scored)} buổi")
    if scored:
        text += f"; điểm bình quân đạt {_pct(average)} số điểm tối đa; xếp loại — {band_text}."
    else:
        text += "."
    blocks.append(Paragraph(text))
    rows = [[str(i), format_date(m.held_on), m.title,
             _pct(m.attendance_rate), f"{_pts(m.total)}/{_pts(m.max_points)}" if m.total is not None else "",
             m.band]
            for i, m in enumerate(report.meetings, 1)]
    blocks.append(Table(["TT", "Ngày", "Buổi sinh hoạt", "Tỷ lệ dự", "Điểm", "Xếp loại"], rows,
                        col_widths=[0.6, 1.5, 5.2, 1.2, 1.3, 1.4],
                        align=["center", "center", "left", "center", "center", "center"]))
    blocks.append(_figure(meeting_scores_chart(report.monthly_scores),
                          "Hình 1. Điểm chất lượng sinh hoạt bình quân theo tháng (% số điểm tối đa)", layout))
    blocks.append(_figure(attendance_chart(report.monthly_attendance),
                          "Hình 2. Tỷ lệ đảng viên dự sinh hoạt theo tháng (không tính đảng viên miễn sinh hoạt)",
                          layout))
    return blocks


def _figure(drawing, caption: str, layout: LayoutSettings) -> KeepTogether:
    # At the drawing's own size, so the renderer does not rescale it (its fonts and line widths are sized
    # for print). The caption is a paragraph of its own kept with the chart (the renderer's Image caption
    # cannot be attached to a vector drawing).
    return KeepTogether([Image(drawing=drawing, width_mm=drawing.width * 25.4 / 72),
                         Paragraph(caption, italic=True, align="center", indent=False, size=layout.table_size,
                                   space_before=2, space_after=8)])


def _attendance_blocks(report: ScoresReport, layout: LayoutSettings) -> list:
    blocks: list = [Heading("II. TỶ LỆ DỰ SINH HOẠT CỦA TỪNG ĐẢNG VIÊN")]
    rows = report.member_attendance
    if not rows:
        blocks.append(Paragraph("Chưa có dữ liệu điểm danh."))
        return blocks
    low = [r for r in rows if r.rate is not None and r.rate <= 85]
    if low:
        names = ", ".join(f"{r.full_name} ({_pct(r.rate)})" for r in low)
        blocks.append(Paragraph(f"Đảng viên có tỷ lệ dự sinh hoạt không quá 85%: {names}."))
    else:
        blocks.append(Paragraph("Tất cả đảng viên có tỷ lệ dự sinh hoạt trên 85%."))
    blocks.append(_figure(member_attendance_chart(rows),
                          "Hình 3. Tỷ lệ dự sinh hoạt của từng đảng viên (số buổi dự/số buổi phải dự)", layout))
    return blocks


def _cell_blocks(report: ScoresReport, layout: LayoutSettings) -> list:
    blocks: list = [Heading("III. ĐÁNH GIÁ \"CHI BỘ 5 TỐT\"")]
    cell, sheet = report.cell, report.cell_sheet
    if cell is None or cell.assessment_id is None or sheet is None:
        blocks.append(Paragraph(f"Chi bộ chưa tự đánh giá \"Chi bộ 5 tốt\" năm {report.year}."))
    else:
        blocks.append(Rich.format("Theo {rubric}, chi bộ tự đánh giá đạt <b>{total}/{max} điểm</b>, xếp loại "
                                  "<b>{band}</b>.", rubric=sheet.rubric.name, total=_pts(cell.total),
                                  max=_pts(cell.max_points), band=cell.band))
        rows = [[group.id, group.title, _pts(group.max_points), _pts(sheet.result.group_totals.get(group.id))]
                for group in sheet.rubric.groups]
        rows.append(["", "Tổng cộng", _pts(sheet.result.max_points), _pts(sheet.result.total)])
        blocks.append(Table(["TT", "Nội dung", "Điểm tối đa", "Điểm đạt"], rows, col_widths=[0.6, 6.6, 1.4, 1.4],
                            align=["center", "left", "center", "center"], bold_rows=(len(rows) - 1,)))
        if cell.proposal:
            blocks.append(Paragraph(f"Chi bộ đề nghị: {cell.proposal}."))
        if cell.recognized_title:
            decision = ", ".join(x for x in (cell.decision_no, f"ngày {format_date(cell.decision_date)}"
                                             if cell.decision_date else "") if x)
            blocks.append(Rich.format("Cấp ủy cấp trên công nhận: <b>{title}</b>{decision}.",
                                      title=cell.recognized_title, decision=f" ({decision})" if decision else ""))
    if report.history:
        blocks.append(_figure(five_good_chart(report.history),
                              "Hình 4. Tổng điểm \"Chi bộ 5 tốt\" qua các năm (% số điểm tối đa)", layout))
    return blocks


def _members_blocks(report: ScoresReport) -> list:
    blocks: list = [Heading("IV. ĐÁNH GIÁ \"ĐẢNG VIÊN 5 TỐT\"")]
    assessed = [m for m in report.members if m.assessment_id]
    if not assessed:
        blocks.append(Paragraph(f"Chưa đánh giá \"Đảng viên 5 tốt\" năm {report.year}."))
        return blocks
    recognised = [m for m in assessed if m.recognized_title]
    blocks.append(Paragraph(f"Đã đánh giá {len(assessed)}/{len(report.members)} đảng viên; được công nhận: "
                            f"{len(recognised)} đảng viên."))
    rows = [[str(i), m.name, f"{_pts(m.total)}/{_pts(m.max_points)}" if m.total is not None else "", m.band,
             _recognition(m)]
            for i, m in enumerate(report.members, 1)]
    blocks.append(Table(["TT", "Họ và tên", "Điểm", "Xếp loại", "Được công nhận"], rows,
                        col_widths=[0.6, 3.6, 1.3, 2.0, 2.2], align=["center", "left", "center", "center", "center"]))
    sentence = _decisions_sentence(report.members)
    if sentence:
        blocks.append(Paragraph(sentence, space_before=4))
    return blocks


def _recognition(a) -> str:
    """The decision number when recognised ('Số 119-QĐ/ĐU'), 'Đã đề nghị' while undecided."""
    if a.recognized_title:
        return a.decision_no or a.recognized_title
    return "Đã đề nghị" if a.proposal else ""


def _decisions_sentence(members) -> str | None:
    """'Quyết định Số 119-QĐ/ĐU ngày 28/12/2025 của Đảng ủy xã Hưng Nguyên công nhận 9 đồng chí đạt
    "Đảng viên 5 tốt".' — one clause per decision."""
    groups: dict[tuple, int] = {}
    for m in members:
        if m.recognized_title:
            key = (m.decision_no, m.decision_date, m.decision_org, m.recognized_title)
            groups[key] = groups.get(key, 0) + 1
    parts = []
    for (number, date, org, title), count in groups.items():
        what = " ".join(x for x in ("Quyết định", number, f"ngày {format_date(date)}" if date else "",
                                    f"của {org}" if org else "") if x)
        parts.append(f"{what} công nhận {count} đồng chí đạt \"{title}\"")
    return "; ".join(parts) + "." if parts else None


def scores_document(cell: Any, report: ScoresReport, on: dt.date, layout: LayoutSettings | None = None,
                    seq: int | None = None) -> PartyDocument:
    """The year's scores report; `seq` is the number the secretary gave it (None: left to write by hand)."""
    layout = layout or default_layout()
    blocks = [*_meetings_blocks(report, layout), *_attendance_blocks(report, layout), *_cell_blocks(report, layout),
              *_members_blocks(report)]
    return PartyDocument(header=cell_header(cell, on, document_number(seq, TYPE_REPORT, cell.abbreviation), layout),
                         title=TITLE, subtitle=f"Năm {report.year}", blocks=blocks,
                         signatures=Signatures.for_cell(cell.secretary_name),
                         recipients=[f"{cell.upper_committee} (để báo cáo);", "Lưu chi bộ."])


def report_day(year: int, today: dt.date | None = None) -> dt.date:
    today = today or dt.date.today()
    return min(today, dt.date(year, 12, 31)) if year >= today.year else dt.date(year, 12, 31)


def write_scores(svc: Services, year: int, path: Path, today: dt.date | None = None, seq: int | None = None) -> Path:
    """The yearly scores report as PDF (or DOCX by suffix), dated by the year's end once the year is over."""
    on = report_day(year, today)
    layout = svc.layout.get()
    report = svc.scoring.report(year, today)
    return render(scores_document(svc.cell.get(on), report, on, layout, seq), Path(path), layout)


def write_scores_xlsx(svc: Services, year: int, path: Path, today: dt.date | None = None) -> Path:
    """The year's scores as an Excel workbook: meetings, the cell's criteria, members, attendance."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    report = svc.scoring.report(year, today)
    wb = Workbook()
    bold = Font(bold=True)

    def sheet(title: str, headers: list[str], rows: list[list[Any]], widths: list[int]):
        ws = wb.create_sheet(title)
        ws.append(headers)
        for c in ws[1]:
            c.font = bold
            c.alignment = Alignment(wrap_text=True, vertical="center")
        for row in rows:
            ws.append(row)
        for i, w in enumerate(widths, 1):
            ws.column_dimensions[ws.cell(1, i).column_letter].width = w
        for row in ws.iter_rows(min_row=2):
            for c in row:
                if isinstance(c.value, dt.date):
                    c.number_format = "DD/MM/YYYY"
        ws.freeze_panes = "A2"
        return ws

    wb.remove(wb.active)
    sheet("Sinh hoạt", ["Ngày", "Loại", "Buổi sinh hoạt", "Tỷ lệ dự (%)", "Bộ tiêu chí", "Điểm", "Điểm tối đa",
                        "Xếp loại"],
          [[m.held_on, m.kind_label, m.title, m.attendance_rate, m.rubric_name, m.total, m.max_points, m.band]
           for m in report.meetings], [12, 24, 60, 12, 40, 8, 10, 12])
    cell_rows: list[list[Any]] = []
    if report.cell_sheet is not None:
        s = report.cell_sheet
        for group in s.rubric.groups:
            for c in group.criteria:
                item = s.items.get(c.id, S.ItemScore())
                cell_rows.append([c.id, group.title, c.text, c.max_points, item.auto_value, item.points, item.note])
        cell_rows.append(["", "Tổng cộng", s.result.band, s.result.max_points, None, s.result.total, ""])
    sheet("Chi bộ 5 tốt", ["Mã", "Nhóm", "Tiêu chí", "Điểm tối đa", "Số liệu tự động", "Điểm", "Minh chứng"],
          cell_rows, [8, 36, 70, 10, 14, 8, 40])
    sheet("Đảng viên 5 tốt", ["Số SĐV", "Họ và tên", "Điểm", "Điểm tối đa", "Xếp loại", "Đề nghị",
                              "Công nhận", "Số quyết định", "Ngày quyết định"],
          [[m.list_no, m.name, m.total, m.max_points, m.band, m.proposal, m.recognized_title, m.decision_no,
            m.decision_date] for m in report.members], [8, 28, 8, 10, 16, 30, 18, 16, 14])
    sheet("Dự sinh hoạt", ["Số SĐV", "Họ và tên", "Số buổi phải dự", "Có mặt", "Vắng có lý do", "Vắng không lý do",
                           "Tỷ lệ dự (%)"],
          [[r.list_no, r.full_name, r.expected, r.present, r.absent_with_reason, r.absent_without_reason, r.rate]
           for r in report.member_attendance], [8, 28, 14, 10, 14, 16, 12])
    sheet("Qua các năm", ["Năm", "Tổng điểm", "Điểm tối đa", "Xếp loại", "Công nhận"],
          [[h.year, h.total, h.max_points, h.band, h.recognized_title] for h in report.history], [8, 12, 12, 16, 20])
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    protect_text(wb)  # names, evidence notes and decision numbers typed by users stay text, never formulas
    wb.save(tmp)
    tmp.replace(path)
    return path
