"""The cell's member register ("DANH SÁCH ĐẢNG VIÊN") as a Party document, sorted by SĐV.

Landscape A4: eleven columns at the 12pt table size do not fit a portrait text width (165 mm) without
breaking names and dates; in landscape (252 mm) names and dates stay on one line and positions and notes
wrap at word boundaries.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..domain.dates import format_date
from ..domain.documents import TYPE_LIST, document_number
from ..domain.members import GENDER_LABELS, IN_CELL_STATUSES, name_sort_key
from .engine.document import LayoutSettings, Paragraph, PartyDocument, Signatures, Table, cell_header, default_layout

TITLE = "Danh sách đảng viên"
AS_OF = "(Tính đến ngày {date})"
COLUMNS = ["STT", "Số SĐV", "Họ và tên", "Ngày sinh", "Giới tính", "Ngày vào Đảng", "Ngày chính thức",
           "Số thẻ đảng viên", "Chức vụ", "Ghi chú"]
ALIGN = ["center", "center", "left", "center", "center", "center", "center", "center", "left", "left"]
NOTE_PROBATION = "Dự bị"
NOTE_EXEMPT = "Miễn sinh hoạt"
NOTE_UNTIL = "{what} đến {date}"
NOTE_TEMPORARY = "Sinh hoạt tạm thời"
SUMMARY = "Tổng số: {total} đồng chí; chính thức: {official}; dự bị: {probation}"
SUMMARY_EXEMPT = "; miễn sinh hoạt: {n}"
SUMMARY_TEMPORARY = "; sinh hoạt tạm thời: {n}"
_PAD_MM = 3 * 2 * 25.4 / 72 + 0.6  # cell padding left + right, and a little air


def register_order(members: list[Any]) -> list[Any]:
    """By SĐV; members without one after, in Vietnamese name order."""
    return sorted(members, key=lambda m: (m.list_no is None, m.list_no or 0, name_sort_key(m.full_name or "")))


def member_note(m: Any) -> str:
    parts = []
    if m.status == "du_bi":
        parts.append(NOTE_PROBATION)
    for status, what in (("exempt", NOTE_EXEMPT), ("temporary", NOTE_TEMPORARY)):
        if m.activity_status == status:
            parts.append(NOTE_UNTIL.format(what=what, date=format_date(m.status_to)) if m.status_to else what)
    return "; ".join(parts)


def member_position(m: Any) -> str:
    return "; ".join(p for p in (m.position_party, m.position_government) if p)


def summary_line(members: list[Any]) -> str:
    official = sum(1 for m in members if m.status == "chinh_thuc")
    text = SUMMARY.format(total=len(members), official=official, probation=len(members) - official)
    exempt = sum(1 for m in members if m.activity_status == "exempt")
    temporary = sum(1 for m in members if m.activity_status == "temporary")
    if exempt:
        text += SUMMARY_EXEMPT.format(n=exempt)
    if temporary:
        text += SUMMARY_TEMPORARY.format(n=temporary)
    return text + "."


def _column_widths(rows: list[list[str]], width_mm: float, size: float) -> list[float]:
    """Widths in mm: numbers and dates exactly fit, names fit on one line when the page allows,
    positions and notes share what is left (they wrap)."""
    from .engine.metrics import text_width

    def fit(col: int, low: float, high: float, header_lines: int = 1) -> float:
        widest = max([text_width(r[col], size) for r in rows] or [0]) * 25.4 / 72 + _PAD_MM
        head = text_width(COLUMNS[col], size, bold=True) * 25.4 / 72 / header_lines + _PAD_MM
        return min(high, max(low, widest, head))

    date_w = fit(3, 20, 30, header_lines=2)
    widths = [fit(0, 9, 14), fit(1, 11, 16, 2), fit(2, 34, 62), date_w, fit(4, 11, 14, 2), date_w, date_w,
              fit(7, 18, 30, 2)]
    rest = width_mm - sum(widths)
    if rest < 70:  # narrow page: give the free-text columns room by narrowing the name column
        widths[2] = max(30.0, widths[2] - (70 - rest))
        rest = width_mm - sum(widths)
    # Positions and notes: each its one-line width when both fit, else shares by those widths.
    natural = [max(25.0, fit(col, 0, 1000)) for col in (8, 9)]
    if sum(natural) <= rest:
        extra = (rest - sum(natural)) / 2
        return widths + [natural[0] + extra, natural[1] + extra]
    share = [max(25.0, rest * n / sum(natural)) for n in natural]
    return widths + [share[0], rest - share[0]]


def member_register_document(cell: Any, members: list[Any], on: dt.date, layout: LayoutSettings | None = None,
                             seq: int | None = None) -> PartyDocument:
    """The register as a PartyDocument (members who left the cell are not listed)."""
    layout = layout or default_layout()
    listed = register_order([m for m in members if m.activity_status in IN_CELL_STATUSES])
    rows = []
    for i, m in enumerate(listed, start=1):
        gender = GENDER_LABELS.get(m.gender)
        rows.append([str(i), str(m.list_no) if m.list_no is not None else "", m.full_name,
                     format_date(m.date_of_birth), gender.vi if gender else "", format_date(m.admitted_on),
                     format_date(m.official_on), m.card_no or "", member_position(m), member_note(m)])
    width_mm = 297 - layout.margin_left_mm - layout.margin_right_mm
    table = Table(COLUMNS, rows, col_widths=_column_widths(rows, width_mm, layout.table_size), align=ALIGN)
    return PartyDocument(
        header=cell_header(cell, on, document_number(seq, TYPE_LIST, cell.abbreviation or "CB"), layout),
        title=TITLE,
        subtitle=cell.name,
        blocks=[Paragraph(AS_OF.format(date=format_date(on)), italic=True, align="center", indent=False,
                          space_after=8),
                table,
                Paragraph(summary_line(listed), indent=False, space_before=4)],
        signatures=Signatures.for_cell(cell.secretary_name),
        landscape=True,
    )


def render_member_register(cell: Any, members: list[Any], path: Path, on: dt.date,
                           layout: LayoutSettings | None = None, seq: int | None = None) -> Path:
    """PDF of the member register at `path`. `cell` is a CellInfo valid on `on`; `members` are
    MemberRecords (only attributes are read). The number is left blank for handwriting unless `seq`."""
    from .engine.pdf import render_pdf

    layout = layout or default_layout()
    return render_pdf(member_register_document(cell, members, on, layout, seq), Path(path), layout)


def write_member_register(svc: Any, path: Path, on: dt.date, seq: int | None = None) -> Path:
    """The register as it stood on `on` (PDF or DOCX by the suffix): the members of that day, from the
    admission and status histories, under the cell's names of that day."""
    from ..services.documents.register import register_as_of
    from .engine.layout import render

    layout = svc.layout.get()
    document = member_register_document(svc.cell.get(on), register_as_of(svc, on), on, layout, seq)
    return render(document, Path(path), layout)
