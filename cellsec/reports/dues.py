"""The monthly dues collection sheet "SỔ THU ĐẢNG PHÍ" with its remittance summary (PDF).

One line per member owing dues that month: the basis and which month's salary it is, the amount due, the
amount paid, the date, and an empty column for the member's signature; then the totals and the split
between the share the cell keeps and the share remitted to the committee above.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain import dues as D
from ..domain.dates import format_date
from .engine.document import (
    FieldList,
    Heading,
    KeepTogether,
    LayoutSettings,
    Paragraph,
    PartyDocument,
    SignatureBlock,
    Signatures,
    Table,
    cell_header,
    default_layout,
)
from .engine.layout import render

if TYPE_CHECKING:
    from ..services.dues.service import MonthSheet
    from ..services.facade import Services

TITLE = "SỔ THU ĐẢNG PHÍ"


def _money(amount: int) -> str:
    return D.format_money(amount)


def _percent(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


def _basis(line) -> str:
    return _money(line.basis) if line.uses_basis else "Cố định"


def _category(key: str) -> str:
    msg = D.CATEGORY_SHORT.get(key)
    return msg.vi if msg else key


BASIS_NOTES = {
    "previous_month_salary": "tiền lương tháng {month} làm căn cứ đóng bảo hiểm xã hội bắt buộc",
    "income": "tiền lương, thu nhập tháng {month}",
    "allowance": "trợ cấp ốm đau, thai sản tháng {month}",
    "pension": "lương hưu tháng {month}",
}


def _basis_note(sheet: MonthSheet) -> str:
    """Which month each kind of basis is, e.g. 'tiền lương tháng 09/2026 làm căn cứ đóng BHXH bắt buộc'."""
    months: dict[str, dt.date] = {}
    for line in sheet.lines:
        if line.uses_basis and line.basis_month is not None:
            months.setdefault(line.basis_kind, line.basis_month)
    parts = [BASIS_NOTES[kind].format(month=D.month_label(months[kind])) for kind in BASIS_NOTES if kind in months]
    text = "Căn cứ tính: " + "; ".join(parts) + "." if parts else ""
    if any(not line.uses_basis for line in sheet.lines):
        text += (" " if text else "") + "\"Cố định\": mức đóng hằng tháng theo đối tượng, không tính theo tiền lương."
    return text


def dues_sheet_document(cell: Any, sheet: MonthSheet, on: dt.date, layout: LayoutSettings | None = None,
                        collector: str = "") -> PartyDocument:
    layout = layout or default_layout()
    rows = []
    for i, line in enumerate(sheet.lines, 1):
        note = line.excused_reason or line.note
        rows.append([str(i), line.full_name + (f"\n({note})" if note else ""), _category(line.category), _basis(line),
                     _money(line.amount_due), _money(line.amount_paid) if line.amount_paid else "",
                     format_date(line.paid_on), ""])
    rows.append(["", "Cộng", "", "", _money(sheet.total_due), _money(sheet.total_paid), "", ""])
    table = Table(["TT", "Họ và tên", "Đối tượng", "Căn cứ tính (đồng)", "Phải đóng (đồng)", "Đã đóng (đồng)",
                   "Ngày nộp", "Ký nhận"], rows,
                  col_widths=[6, 40, 31, 20, 15, 15, 18, 20],  # mm of the 165 mm text width
                  align=["center", "left", "left", "right", "right", "right", "center", "center"],
                  bold_rows=(len(rows) - 1,), size=layout.table_size - 1)
    kept_label = f"Trích để lại chi bộ ({_percent(sheet.retained_percent)}%)"
    remitted_label = f"Nộp lên cấp ủy cấp trên ({_percent(Decimal(100) - sheet.retained_percent)}%)"
    summary = KeepTogether([
        Heading("TỔNG HỢP THU, NỘP ĐẢNG PHÍ THÁNG " + D.month_label(sheet.month), level=1, indent=False),
        FieldList([
            ("Số đảng viên phải đóng", str(sum(1 for line in sheet.lines if line.owed))),
            ("Số đảng viên đã đóng đủ", str(sheet.paid_count)),
            ("Số đảng viên chưa đóng đủ", str(sheet.unpaid_count)),
            ("Tổng số phải thu", f"{_money(sheet.total_due)} đồng"),
            ("Tổng số đã thu", f"{_money(sheet.total_paid)} đồng"),
            (kept_label, f"{_money(sheet.kept)} đồng"),
            (remitted_label, f"{_money(sheet.remitted)} đồng"),
        ], label_width_mm=95, bullet="- "),
    ])
    blocks: list = [
        Paragraph(f"Áp dụng: {sheet.rules_name or sheet.rules_version}.", italic=True, align="center", indent=False,
                  size=layout.table_size, space_after=6),
        table,
        Paragraph(_basis_note(sheet), italic=True, indent=False, size=layout.table_size - 1, space_before=2),
        summary,
    ]
    left = SignatureBlock(["NGƯỜI THU"], name=collector, note="(Ký, ghi rõ họ tên)")
    right = Signatures.for_cell(cell.secretary_name).right
    return PartyDocument(header=cell_header(cell, on, None, layout), title=TITLE,
                         subtitle=f"Tháng {sheet.month.month:02d} năm {sheet.month.year}", blocks=blocks,
                         signatures=Signatures(left=left, right=right))


def sheet_day(month: dt.date, today: dt.date | None = None) -> dt.date:
    today = today or dt.date.today()
    return min(today, D.month_end(month))


def write_dues_sheet(svc: Services, month: dt.date | str, path: Path, today: dt.date | None = None) -> Path:
    month = D.parse_month(month)
    sheet = svc.dues.sheet(month, today=today)
    on = sheet_day(month, today)
    collectors = [line.collector for line in sheet.lines if line.collector]
    collector = max(set(collectors), key=collectors.count) if collectors else ""
    layout = svc.layout.get()
    return render(dues_sheet_document(svc.cell.get(on), sheet, on, layout, collector), Path(path), layout)
