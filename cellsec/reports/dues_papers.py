"""A member's yearly dues ledger (every month: basis, due, paid, when, to whom) and the month's remittance
slip to the committee above (collected, the share the cell keeps, the share remitted), as PDF and DOCX,
from the dues ledger (reference §5). A past year's ledger is dated at the year's end, a month's slip at
the month's end (or today, for the month under way).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain import dues as D
from ..domain.dates import format_date
from .engine.document import (
    FieldList,
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
    from ..services.facade import Services

LEDGER_TITLE = "Sổ theo dõi đóng đảng phí"
LEDGER_COLUMNS = ["Tháng", "Đối tượng", "Căn cứ tính", "Phải đóng", "Đã đóng", "Ngày đóng", "Người thu", "Ghi chú"]
SLIP_TITLE = "Giấy nộp đảng phí"


def _money(amount: int) -> str:
    return D.format_money(amount)


def ledger_document(cell: Any, member: Any, year: int, lines: list, on: dt.date, paid_through: dt.date | None,
                    layout: LayoutSettings | None = None) -> PartyDocument:
    """One member's recorded months of the year, with the totals and how far the dues are paid (as of the
    ledger's year: a later payment does not show in a past year's ledger)."""
    layout = layout or default_layout()
    rows = []
    for line in sorted(lines, key=lambda x: x.month):
        state = D.STATE_LABELS.get(line.state)
        note = line.excused_reason or line.note or (state.vi if state and line.state != "paid" else "")
        rows.append([D.month_label(line.month), line.category_label, _money(line.basis) if line.uses_basis else "Cố định",
                     _money(line.amount_due), _money(line.amount_paid), format_date(line.paid_on),
                     line.collector, note])
    due, paid = sum(x.amount_due for x in lines), sum(x.amount_paid for x in lines)
    rows.append(["Cộng", "", "", _money(due), _money(paid), "", "", ""])
    blocks = [
        FieldList([("Họ và tên", member.full_name), ("Ngày vào Đảng", format_date(member.admitted_on)),
                   ("Số thẻ đảng viên", member.card_no or "")], bullet="- "),
        Table(LEDGER_COLUMNS, rows, col_widths=[10, 14, 11, 11, 11, 11, 20, 14],
              align=["center", "left", "right", "right", "right", "center", "left", "left"],
              bold_rows=(len(rows) - 1,)),
        Paragraph(f"Đã đóng đảng phí hết tháng {D.month_label(paid_through)}." if paid_through
                  else "Chưa có tháng nào đóng đủ.", indent=False, space_before=6),
    ]
    return PartyDocument(header=cell_header(cell, on, None, layout), title=LEDGER_TITLE,
                         subtitle=f"Năm {year}", blocks=blocks, landscape=True,
                         signatures=Signatures(left=SignatureBlock(["ĐẢNG VIÊN"], name=member.full_name),
                                               right=SignatureBlock(["T/M CHI ỦY", "BÍ THƯ"], name=cell.secretary_name)))


def slip_document(cell: Any, sheet: Any, on: dt.date, layout: LayoutSettings | None = None) -> PartyDocument:
    """The month's remittance: what was collected, kept by the cell and remitted above."""
    layout = layout or default_layout()
    percent = format(sheet.retained_percent.normalize(), "f").replace(".", ",")
    blocks = [
        Paragraph(f"Kính gửi: {cell.upper_committee}", align="left", indent=False, left_indent_mm=20,
                  space_after=8),
        Paragraph(f"{cell.name} nộp đảng phí tháng {D.month_label(sheet.month)} như sau:"),
        FieldList([("Số đảng viên đã đóng", str(sheet.paid_count)),
                   ("Số đảng viên chưa đóng", str(sheet.unpaid_count)),
                   ("Tổng số đảng phí phải thu", f"{_money(sheet.total_due)} đồng"),
                   ("Tổng số đảng phí đã thu", f"{_money(sheet.total_paid)} đồng"),
                   (f"Chi bộ được giữ lại ({percent}%)", f"{_money(sheet.kept)} đồng"),
                   ("Số nộp lên cấp trên", f"{_money(sheet.remitted)} đồng")], bullet="- "),
        Paragraph(f"Áp dụng: {sheet.rules_name}.", italic=True, indent=False, space_before=4),
    ]
    return PartyDocument(header=cell_header(cell, on, None, layout), title=SLIP_TITLE,
                         subtitle=f"Tháng {D.month_label(sheet.month)}", blocks=blocks,
                         signatures=Signatures(left=SignatureBlock(["NGƯỜI NHẬN"]),
                                               right=SignatureBlock(["NGƯỜI NỘP"], name=cell.secretary_name)))


def write_ledger(svc: Services, member_id: str, year: int, path: Path, today: dt.date | None = None) -> Path:
    today = today or dt.date.today()
    on = min(today, dt.date(year, 12, 31))
    member = svc.members.get(member_id)
    lines = svc.dues.ledger(member_id, year)
    layout = svc.layout.get()
    through = svc.dues.paid_through(member_id)
    through = min(through, dt.date(year, 12, 1)) if through else None
    return render(ledger_document(svc.cell.get(on), member, year, lines, on, through, layout), Path(path), layout)


def write_slip(svc: Services, month: dt.date | str, path: Path, today: dt.date | None = None) -> Path:
    month = D.parse_month(month) if isinstance(month, str) else D.month_start(month)
    on = min(today or dt.date.today(), D.month_end(month))
    sheet = svc.dues.sheet(month, today=today)
    layout = svc.layout.get()
    return render(slip_document(svc.cell.get(on), sheet, on, layout), Path(path), layout)
