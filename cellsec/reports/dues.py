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
from .wording import shipped_part

if TYPE_CHECKING:
    from ..services.dues.service import MonthSheet
    from ..services.facade import Services

TEMPLATE = ("dues_papers", "sheet")  # the wording: resources/rules/dues_papers.json + the cell's edits


def _money(amount: int) -> str:
    return D.format_money(amount)


def _percent(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


def _category(key: str) -> str:
    msg = D.CATEGORY_SHORT.get(key)
    return msg.vi if msg else key


BASIS_KINDS = ("previous_month_salary", "income", "allowance", "pension")


def _basis_note(sheet: MonthSheet, t: dict[str, Any]) -> str:
    """Which month each kind of basis is, e.g. 'tiền lương tháng 09/2026 làm căn cứ đóng BHXH bắt buộc'."""
    months: dict[str, dt.date] = {}
    for line in sheet.lines:
        if line.uses_basis and line.basis_month is not None:
            months.setdefault(line.basis_kind, line.basis_month)
    parts = [t[f"basis_{kind}"].format(month=D.month_label(months[kind])) for kind in BASIS_KINDS if kind in months]
    text = f"{t['basis_intro']} " + "; ".join(parts) + "." if parts else ""
    if any(not line.uses_basis for line in sheet.lines):
        text += (" " if text else "") + t["fixed_note"]
    return text


def _summary(sheet: MonthSheet, t: dict[str, Any]) -> KeepTogether:
    def amount(value: int) -> str:
        return t["amount"].format(amount=_money(value))

    return KeepTogether([
        Heading(t["summary_heading"].format(month=D.month_label(sheet.month)), level=1, indent=False),
        FieldList([
            (t["owing"], str(sum(1 for line in sheet.lines if line.owed))),
            (t["paid_count"], str(sheet.paid_count)),
            (t["unpaid_count"], str(sheet.unpaid_count)),
            (t["total_due"], amount(sheet.total_due)),
            (t["total_paid"], amount(sheet.total_paid)),
            (t["kept"].format(percent=_percent(sheet.retained_percent)), amount(sheet.kept)),
            (t["remitted"].format(percent=_percent(Decimal(100) - sheet.retained_percent)), amount(sheet.remitted)),
        ], label_width_mm=95, bullet="- "),
    ])


def dues_sheet_document(cell: Any, sheet: MonthSheet, on: dt.date, layout: LayoutSettings | None = None,
                        collector: str = "", template: dict[str, Any] | None = None) -> PartyDocument:
    layout = layout or default_layout()
    t = template or shipped_part(*TEMPLATE, sheet.month)
    rows = []
    for i, line in enumerate(sheet.lines, 1):
        note = line.excused_reason or line.note
        rows.append([str(i), line.full_name + (f"\n({note})" if note else ""), _category(line.category),
                     _money(line.basis) if line.uses_basis else t["fixed"],
                     _money(line.amount_due), _money(line.amount_paid) if line.amount_paid else "",
                     format_date(line.paid_on), ""])
    rows.append(["", t["total_row"], "", "", _money(sheet.total_due), _money(sheet.total_paid), "", ""])
    table = Table(list(t["columns"]), rows,
                  col_widths=[6, 40, 31, 20, 15, 15, 18, 20],  # mm of the 165 mm text width
                  align=["center", "left", "left", "right", "right", "right", "center", "center"],
                  bold_rows=(len(rows) - 1,), size=layout.table_size - 1)
    blocks: list = [
        Paragraph(t["applies"].format(rules_name=sheet.rules_name or sheet.rules_version), italic=True,
                  align="center", indent=False, size=layout.table_size, space_after=6),
        table,
        Paragraph(_basis_note(sheet, t), italic=True, indent=False, size=layout.table_size - 1, space_before=2),
        _summary(sheet, t),
    ]
    left = SignatureBlock([t["collector"]], name=collector, note=t["collector_note"])
    right = Signatures.for_cell(cell.secretary_name).right
    return PartyDocument(header=cell_header(cell, on, None, layout), title=t["title"],
                         subtitle=t["subtitle"].format(month_number=f"{sheet.month.month:02d}", year=sheet.month.year),
                         blocks=blocks, signatures=Signatures(left=left, right=right))


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
    template = svc.templates.part(*TEMPLATE, month)
    return render(dues_sheet_document(svc.cell.get(on), sheet, on, layout, collector, template), Path(path), layout)
