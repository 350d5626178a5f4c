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
from ..domain.documents import TYPE_PLAN, document_number
from ..domain.meetings.year import SLOT_STATE_LABELS
from .engine.document import LayoutSettings, Paragraph, PartyDocument, Signatures, Table, cell_header, default_layout
from .engine.layout import render
from .wording import shipped_part

if TYPE_CHECKING:
    from ..services.facade import Services

TEMPLATE = ("report_papers", "plan")  # the wording: resources/rules/report_papers.json + the cell's edits
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def plan_document(cell: Any, plan: Any, on: dt.date, seq: int | None, layout: LayoutSettings | None = None,
                  template: dict[str, Any] | None = None) -> PartyDocument:
    layout = layout or default_layout()
    t = template or shipped_part(*TEMPLATE, on)
    rows = []
    for q in plan.quarters:
        if q.meetings:
            for m in q.meetings:
                rows.append([ROMAN[q.quarter], format_date(m.held_on), m.topic or "",
                             SLOT_STATE_LABELS[q.state].vi])
        else:
            first, last = (q.quarter - 1) * 3 + 1, q.quarter * 3
            rows.append([ROMAN[q.quarter], t["months"].format(first=first, last=last, year=plan.year),
                         t["unassigned"], SLOT_STATE_LABELS[q.state].vi])
    blocks = [
        Paragraph(t["intro"].format(year=plan.year)),
        Table(list(t["columns"]), rows, col_widths=[8, 20, 50, 22], align=["center", "center", "left", "left"]),
        Paragraph(t["closing"].format(year=plan.year), space_before=6),
    ]
    number = document_number(seq, TYPE_PLAN, cell.abbreviation or "CB")
    return PartyDocument(header=cell_header(cell, on, number, layout), title=t["title"],
                         subtitle=t["subtitle"].format(year=plan.year), blocks=blocks,
                         signatures=Signatures.for_cell(cell.secretary_name),
                         recipients=[r.format(upper_committee=cell.upper_committee) for r in t["recipients"]])


def write_year_plan(svc: Services, year: int, path: Path, on: dt.date, seq: int | None = None) -> Path:
    """The thematic-meeting plan of `year`, dated `on` and numbered `seq`, PDF or DOCX by the suffix."""
    layout = svc.layout.get()
    plan = svc.meetings.year_view(year, today=on)
    document = plan_document(svc.cell.get(on), plan, on, seq, layout, svc.templates.part(*TEMPLATE, on))
    return render(document, Path(path), layout)
