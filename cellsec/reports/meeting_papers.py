"""The papers around a meeting (reference §1.2): the invitation to the members and the committee above
(time, place, content) and the attendance sign-in sheet (every member of the cell that day, a signature
column). The wording is template data (resources/rules/meeting_papers.json, unverified: no official form
was found), so a cell can word them its own way; the template's notes are never printed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.dates import date_line
from ..domain.documents import TYPE_INVITATION, document_number
from .engine.document import (
    FieldList,
    LayoutSettings,
    Paragraph,
    PartyDocument,
    Signatures,
    Spacer,
    Table,
    cell_header,
    default_layout,
)
from .engine.layout import render
from .wording import shipped_part

if TYPE_CHECKING:
    from ..services.facade import Services
    from ..services.meetings.records import MeetingRecord

PAPERS = "meeting_papers"


def paper_template(kind: str, on: dt.date | None = None) -> dict[str, Any]:
    """The wording of `kind` ("notice", "signin") as shipped, in force on `on` (the cell's edits: the
    template service)."""
    return shipped_part(PAPERS, kind, on)


def _time(t: dt.time | None) -> str:
    return f"{t.hour:02d} giờ {t.minute:02d}" if t else "…… giờ ……"


def _fields(record: MeetingRecord, cell: Any) -> dict[str, str]:
    c = record.content
    title = record.title or ""
    return {"meeting_title": title, "meeting_title_lower": title[:1].lower() + title[1:],
            "cell_name": cell.name, "upper_committee": cell.upper_committee or "",
            "time": _time(c.start_time), "day": date_line("", c.held_on) if c.held_on else "ngày …… tháng …… năm ……",
            "place": c.location or "……"}


def notice_document(cell: Any, record: MeetingRecord, on: dt.date, layout: LayoutSettings | None = None,
                    template: dict[str, Any] | None = None, seq: int | None = None) -> PartyDocument:
    """The invitation, dated `on` (sent before the meeting), numbered `seq` from the cell's register ("Số
    03-GM/CB"; none: no number line), signed for the chi ủy by the secretary."""
    layout = layout or default_layout()
    t = template or paper_template("notice", on)
    values = _fields(record, cell)
    recipients = [r.format(**values) for r in t["recipients"] if r.format(**values).strip(" ()")]
    addressed = ";\n".join(r for r in recipients[:-1])
    blocks = [
        Paragraph(t["addressed"].format(recipients=addressed, **values), align="left", indent=False,
                  left_indent_mm=20, space_after=10),
        Paragraph(t["intro"].format(**values)),
        Paragraph(t["time"].format(**values)),
        Paragraph(t["place"].format(**values)),
        Paragraph(t["content"].format(**values), keep_with_next=True, space_after=2),
        *[Paragraph(f"{i}. {item.title}", left_indent_mm=5, space_after=2)
          for i, item in enumerate(record.content.agenda, start=1)],
        Spacer(2),
        Paragraph(t["closing"].format(**values)),
    ]
    number = document_number(seq, TYPE_INVITATION, cell.abbreviation or "CB") if seq else None
    return PartyDocument(header=cell_header(cell, on, number, layout), title=t["title"],
                         subtitle=t["subtitle"].format(**values), blocks=blocks,
                         signatures=Signatures.for_cell(cell.secretary_name, on_behalf=t["on_behalf"]),
                         recipients=recipients)


def signin_document(cell: Any, record: MeetingRecord, layout: LayoutSettings | None = None,
                    template: dict[str, Any] | None = None) -> PartyDocument:
    """The sign-in sheet: the meeting's members (as frozen on its day) with a column to sign; exempt
    members are listed with the note and no signature line; guests follow."""
    layout = layout or default_layout()
    c = record.content
    t = template or paper_template("signin", c.held_on)
    values = _fields(record, cell)
    rows = []
    for i, a in enumerate(sorted(record.attendance, key=lambda a: (a.list_no is None, a.list_no or 0)), start=1):
        party = t["official"] if a.party_status == "chinh_thuc" else t["probationary"]
        note = t["exempt"] if a.status == "exempt" else ""
        rows.append([str(i), a.full_name, party, note, "" if not note else "—"])
    s = record.summary
    blocks: list = [
        Paragraph(t["when"].format(**values), italic=True, align="center", indent=False, space_after=8),
        Table(t["columns"], rows, col_widths=[8, 40, 16, 22, 30], align=["center", "left", "center", "left", "left"]),
        Paragraph(t["total"].format(total=s.total, exempt=s.exempt, expected=s.expected), indent=False,
                  space_before=6),
    ]
    if c.guests:
        blocks.append(Paragraph(t["guests"], bold=True, indent=False, keep_with_next=True, space_after=2))
        blocks.append(FieldList([(g.name, ", ".join(x for x in (g.position, g.unit) if x)) for g in c.guests],
                                bullet="- "))
    return PartyDocument(header=cell_header(cell, c.held_on, None, layout), title=t["title"],
                         subtitle=t["subtitle"].format(**values), blocks=blocks,
                         signatures=Signatures.for_minutes(c.secretary_name, c.chair_name))


def notice_day(record: MeetingRecord) -> dt.date:
    """The day an invitation bears: when the materials went out, else two days before the meeting."""
    c = record.content
    shared = c.checklist.materials_shared_on if c.checklist else None
    return shared or (c.held_on - dt.timedelta(days=2))


def write_notice(svc: Services, meeting_id: str, path: Path, on: dt.date | None = None,
                 seq: int | None = None) -> Path:
    """The invitation of a meeting as PDF or DOCX (by the suffix), numbered `seq` when given."""
    record = svc.meetings.get(meeting_id)
    on = on or notice_day(record)
    layout = svc.layout.get()
    template = svc.templates.part(PAPERS, "notice", on)
    return render(notice_document(svc.cell.get(on), record, on, layout, template, seq), Path(path), layout)


def write_signin(svc: Services, meeting_id: str, path: Path) -> Path:
    """The meeting's sign-in sheet as PDF or DOCX (by the suffix)."""
    record = svc.meetings.get(meeting_id)
    layout = svc.layout.get()
    held_on = record.content.held_on
    template = svc.templates.part(PAPERS, "signin", held_on)
    return render(signin_document(svc.cell.get(held_on), record, layout, template), Path(path), layout)
