"""The monthly report to the committee above (báo cáo tháng, reference §7.1), from the month's records:
the members of the cell at the month's end, the month's meetings (date, attendance, content, resolution),
the dues collected and remitted, and the tasks: those the next month's meeting set when it was held by the
report's date ("nhiệm vụ tháng tới"), else those the month's own meeting set, under a heading saying so (a
report written at the month's end cannot know next month's resolution). The exact form is unverified
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
from .wording import shipped_part

if TYPE_CHECKING:
    from ..services.facade import Services

TEMPLATE = ("report_papers", "monthly")  # the wording: resources/rules/report_papers.json + the cell's edits


def _members_blocks(members: list, month: dt.date, t: dict[str, Any]) -> list:
    official = sum(1 for m in members if m.status == "chinh_thuc")
    exempt = sum(1 for m in members if m.activity_status == "exempt")
    return [Heading(t["members_heading"]),
            Paragraph(t["members"].format(day=format_date(D.month_end(month)), total=len(members), official=official,
                                          probationary=len(members) - official, exempt=exempt))]


def _meeting_blocks(records: list, t: dict[str, Any]) -> list:
    blocks: list = [Heading(t["meetings_heading"])]
    if not records:
        return blocks + [Paragraph(t["no_meeting"])]
    for r in records:
        s, c = r.summary, r.content
        absent = [f"{name} ({reason})" for name, reason in s.absent_with_reason] + \
                 [f"{name} ({t['no_reason']})" for name in s.absent_without_reason]
        blocks.append(Paragraph(t["meeting"].format(
            day=format_date(c.held_on), kind=t.get(f"kind_{c.kind}", ""),
            topic=" " + t["topic"].format(topic=c.topic) if c.topic else "", present=s.present, expected=s.expected,
            rate=format_percent(s.rate), absent="; " + t["absent"].format(names=", ".join(absent)) if absent else "")))
        if c.agenda:
            blocks.append(Paragraph(t["agenda"].format(items="; ".join(item.title for item in c.agenda))))
    return blocks


def _dues_blocks(sheet: Any, t: dict[str, Any]) -> list:
    money = D.format_money
    return [Heading(t["dues_heading"]),
            Paragraph(t["dues"].format(paid=money(sheet.total_paid), due=money(sheet.total_due),
                                       paid_count=sheet.paid_count, unpaid_count=sheet.unpaid_count,
                                       remitted=money(sheet.remitted), kept=money(sheet.kept)))]


def _task_blocks(records: list, next_records: list, t: dict[str, Any]) -> list:
    def lines(of: list) -> list[str]:
        return [line for r in of for line in resolution_body(r.content.resolution_text).split("\n") if line.strip()]

    ahead = lines(next_records)
    tasks = ahead or lines(records)
    heading = t["tasks_heading"] if ahead or not tasks else t["month_tasks_heading"]
    return [Heading(heading), *([Paragraph(line) for line in tasks] or [Paragraph(t["no_tasks"])])]


def monthly_document(cell: Any, month: dt.date, members: list, records: list, sheet: Any, on: dt.date,
                     seq: int | None, layout: LayoutSettings | None = None,
                     template: dict[str, Any] | None = None, next_records: list | None = None) -> PartyDocument:
    """`records`: the month's meetings; `next_records`: the next month's held by the report's date `on`."""
    layout = layout or default_layout()
    t = template or shipped_part(*TEMPLATE, on)
    next_records = next_records or []
    blocks = [*_members_blocks(members, month, t), *_meeting_blocks(records, t), *_dues_blocks(sheet, t),
              *_task_blocks(records, next_records, t)]
    number = document_number(seq, TYPE_REPORT, cell.abbreviation or "CB")
    return PartyDocument(header=cell_header(cell, on, number, layout), title=t["title"],
                         subtitle=t["subtitle"].format(month=month.month, year=month.year), blocks=blocks,
                         signatures=Signatures.for_cell(cell.secretary_name),
                         recipients=[r.format(upper_committee=cell.upper_committee) for r in t["recipients"]])


def _meetings_of(svc: Services, month: dt.date) -> list:
    return [svc.meetings.get(m.id) for m in svc.meetings.list(month.year)
            if m.held_on.year == month.year and m.held_on.month == month.month]


def write_monthly(svc: Services, month: dt.date | str, path: Path, on: dt.date, seq: int | None = None) -> Path:
    """The report of `month`, dated `on`, numbered `seq`; PDF or DOCX by the suffix."""
    from ..services.documents.register import register_as_of

    month = D.parse_month(month) if isinstance(month, str) else D.month_start(month)
    after = D.month_end(month) + dt.timedelta(days=1)
    records, next_records = _meetings_of(svc, month), [r for r in _meetings_of(svc, after) if r.content.held_on <= on]
    layout = svc.layout.get()
    document = monthly_document(svc.cell.get(on), month, register_as_of(svc, min(D.month_end(month), on)), records,
                                svc.dues.sheet(month, today=on), on, seq, layout, svc.templates.part(*TEMPLATE, on),
                                next_records)
    return render(document, Path(path), layout)
