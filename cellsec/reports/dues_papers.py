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
from .wording import shipped_part

if TYPE_CHECKING:
    from ..services.facade import Services

LEDGER = ("dues_papers", "ledger")  # the wording: resources/rules/dues_papers.json + the cell's edits
SLIP = ("dues_papers", "slip")


def _money(amount: int) -> str:
    return D.format_money(amount)


def ledger_document(cell: Any, member: Any, year: int, lines: list, on: dt.date, paid_through: dt.date | None,
                    layout: LayoutSettings | None = None, template: dict[str, Any] | None = None) -> PartyDocument:
    """One member's recorded months of the year, with the totals and how far the dues are paid (as of the
    ledger's year: a later payment does not show in a past year's ledger)."""
    layout = layout or default_layout()
    t = template or shipped_part(*LEDGER, on)
    rows = []
    for line in sorted(lines, key=lambda x: x.month):
        state = D.STATE_LABELS.get(line.state)
        note = line.excused_reason or line.note or (state.vi if state and line.state != "paid" else "")
        rows.append([D.month_label(line.month), line.category_label, _money(line.basis) if line.uses_basis else t["fixed"],
                     _money(line.amount_due), _money(line.amount_paid), format_date(line.paid_on),
                     line.collector, note])
    due, paid = sum(x.amount_due for x in lines), sum(x.amount_paid for x in lines)
    rows.append([t["total_row"], "", "", _money(due), _money(paid), "", "", ""])
    blocks = [
        FieldList([(t["name"], member.full_name), (t["admitted"], format_date(member.admitted_on)),
                   (t["card"], member.card_no or "")], bullet="- "),
        Table(list(t["columns"]), rows, col_widths=[10, 14, 11, 11, 11, 11, 20, 14],
              align=["center", "left", "right", "right", "right", "center", "left", "left"],
              bold_rows=(len(rows) - 1,)),
        Paragraph(t["paid_through"].format(month=D.month_label(paid_through)) if paid_through
                  else t["nothing_paid"], indent=False, space_before=6),
    ]
    return PartyDocument(header=cell_header(cell, on, None, layout), title=t["title"],
                         subtitle=t["subtitle"].format(year=year), blocks=blocks, landscape=True,
                         signatures=Signatures(left=SignatureBlock([t["member_signs"]], name=member.full_name),
                                               right=SignatureBlock([t["on_behalf"], t["secretary"]],
                                                                    name=cell.secretary_name)))


def slip_document(cell: Any, sheet: Any, on: dt.date, layout: LayoutSettings | None = None,
                  template: dict[str, Any] | None = None) -> PartyDocument:
    """The month's remittance: what was collected, kept by the cell and remitted above."""
    layout = layout or default_layout()
    t = template or shipped_part(*SLIP, on)
    month = D.month_label(sheet.month)
    percent = format(sheet.retained_percent.normalize(), "f").replace(".", ",")

    def amount(value: int) -> str:
        return t["amount"].format(amount=_money(value))

    blocks = [
        Paragraph(t["addressed"].format(upper_committee=cell.upper_committee), align="left", indent=False,
                  left_indent_mm=20, space_after=8),
        Paragraph(t["intro"].format(cell_name=cell.name, month=month)),
        FieldList([(t["paid_count"], str(sheet.paid_count)),
                   (t["unpaid_count"], str(sheet.unpaid_count)),
                   (t["total_due"], amount(sheet.total_due)),
                   (t["total_paid"], amount(sheet.total_paid)),
                   (t["kept"].format(percent=percent), amount(sheet.kept)),
                   (t["remitted"], amount(sheet.remitted))], bullet="- "),
        Paragraph(t["applies"].format(rules_name=sheet.rules_name), italic=True, indent=False, space_before=4),
    ]
    return PartyDocument(header=cell_header(cell, on, None, layout), title=t["title"],
                         subtitle=t["subtitle"].format(month=month), blocks=blocks,
                         signatures=Signatures(left=SignatureBlock([t["receiver"]]),
                                               right=SignatureBlock([t["payer"]], name=cell.secretary_name)))


def write_ledger(svc: Services, member_id: str, year: int, path: Path, today: dt.date | None = None) -> Path:
    today = today or dt.date.today()
    on = min(today, dt.date(year, 12, 31))
    member = svc.members.get(member_id)
    lines = svc.dues.ledger(member_id, year)
    layout = svc.layout.get()
    through = svc.dues.paid_through(member_id)
    through = min(through, dt.date(year, 12, 1)) if through else None
    document = ledger_document(svc.cell.get(on), member, year, lines, on, through, layout,
                               svc.templates.part(*LEDGER, on))
    return render(document, Path(path), layout)


def write_slip(svc: Services, month: dt.date | str, path: Path, today: dt.date | None = None) -> Path:
    month = D.parse_month(month) if isinstance(month, str) else D.month_start(month)
    on = min(today or dt.date.today(), D.month_end(month))
    sheet = svc.dues.sheet(month, today=today)
    layout = svc.layout.get()
    document = slip_document(svc.cell.get(on), sheet, on, layout, svc.templates.part(*SLIP, on))
    return render(document, Path(path), layout)
