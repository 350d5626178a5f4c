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
from .wording import shipped_part

if TYPE_CHECKING:
    from ..services.facade import Services

TEMPLATE = ("attention_list", "list")  # the wording: resources/rules/attention_list.json + the cell's edits


def _day(iso: str) -> str:
    return format_date(dt.date.fromisoformat(iso))


def evidence(item: Any, t: dict[str, Any]) -> str:
    """Which records the entry comes from (the minutes, the dues book, the reviews, the member file)."""
    data = item.data
    if item.kind == A.ABSENT_WITHOUT_REASON and data.get("dates"):
        return t["absent_dates"].format(dates=", ".join(_day(d) for d in data["dates"]))
    if item.kind == A.ABSENT_MONTHS and data.get("months"):
        return t["absent_months"].format(months=", ".join(f"{m:02d}" for m in data["months"]), year=data["year"])
    if item.kind == A.CONSECUTIVE_ABSENCES and data.get("last_absent_on"):
        return t["last_absent"].format(day=_day(data["last_absent_on"]))
    if item.kind == A.DUES_UNPAID and data.get("months"):
        return t["dues_months"].format(months=", ".join(f"{m[5:7]}/{m[:4]}" for m in data["months"]))
    if item.kind == A.FAILED_TWO_YEARS and data.get("years"):
        return t["failed_years"].format(years=", ".join(str(y) for y in data["years"]))
    if data.get("ends_on"):
        return t["member_file"].format(day=_day(data["ends_on"]))
    return ""


def attention_document(cell: Any, items: list, on: dt.date, layout: LayoutSettings | None = None,
                       template: dict[str, Any] | None = None) -> PartyDocument:
    layout = layout or default_layout()
    t = template or shipped_part(*TEMPLATE, on)
    rows = [[str(i), item.full_name, f"{item.kind_label} ({t.get('severity_' + item.severity, item.severity)})",
             item.text, evidence(item, t)] for i, item in enumerate(items, start=1)]
    blocks: list = [Paragraph(t["as_of"].format(day=format_date(on)), italic=True, align="center", indent=False,
                              space_after=8)]
    if rows:
        blocks.append(Table(list(t["columns"]), rows, col_widths=[6, 17, 20, 37, 20],
                            align=["center", "left", "left", "left", "left"]))
        members = len({item.member_id for item in items})
        blocks.append(Paragraph(t["total"].format(members=members, items=len(items)), indent=False, space_before=6))
    else:
        blocks.append(Paragraph(t["empty"], indent=False))
    return PartyDocument(header=cell_header(cell, on, None, layout), title=t["title"],
                         subtitle=t["subtitle"].format(cell_name=cell.name), blocks=blocks, landscape=True,
                         signatures=Signatures.for_cell(cell.secretary_name))


def write_attention(svc: Services, path: Path, on: dt.date | None = None) -> Path:
    """The attention list as of `on` (default today), PDF or DOCX by the suffix."""
    on = on or dt.date.today()
    layout = svc.layout.get()
    document = attention_document(svc.cell.get(on), svc.attention.list(on), on, layout,
                                  svc.templates.part(*TEMPLATE, on))
    return render(document, Path(path), layout)
