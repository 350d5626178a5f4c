"""The transfer paper (giấy giới thiệu sinh hoạt đảng, reference §6.5) of a member transferred out, with
its return slip on the next page: the card, lý lịch and SĐV numbers, dates of admission and official
membership, "đã đóng đảng phí hết tháng …" from the dues ledger, the destination and the paper's number
from the member's status. The wording is template data (resources/rules/transfer_paper.json, unverified;
its notes are never printed). Dated the day of the transfer.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain import dues as D
from ..domain.dates import date_line, format_date
from ..domain.messages import Msg
from .engine.document import (
    Book,
    FieldList,
    Header,
    LayoutSettings,
    Paragraph,
    PartyDocument,
    SignatureBlock,
    Signatures,
    cell_header,
    default_layout,
)
from .engine.layout import render
from .wording import shipped_part

if TYPE_CHECKING:
    from ..services.facade import Services

NOT_TRANSFERRED = Msg("Đồng chí {name} không ở tình trạng chuyển sinh hoạt đi; hãy ghi việc chuyển sinh hoạt "
                      "(ngày chuyển, nơi đến) trước khi in giấy giới thiệu.",
                      "{name} is not recorded as transferred out; record the transfer (date, destination) first.")


def transfer_template(on: dt.date | None = None) -> dict[str, Any]:
    """The wording as shipped (the paper and the slip) in force on `on`."""
    return {part: shipped_part("transfer_paper", part, on) for part in ("paper", "slip")}


def transfer_book(cell: Any, member: Any, paid_through: dt.date | None, layout: LayoutSettings | None = None,
                  files: str = "", template: dict[str, Any] | None = None) -> Book:
    """`template`: both parts' wording with the cell's edits (default: as shipped)."""
    layout = layout or default_layout()
    on = member.status_from or dt.date.today()
    t = template or transfer_template(on)
    p, s = t["paper"], t["slip"]
    destination = member.status_org or "……"
    values = {"destination": destination, "cell_name": cell.name, "upper_committee": cell.upper_committee,
              "name": member.full_name, "paper_no": member.status_decision or p["title"].lower(),
              "day": date_line("", on),
              "paid_through": D.month_label(paid_through) if paid_through else "",
              "reason": member.status_reason or "……", "files": files or p["files_default"]}
    numbers = [member.card_no or "……", member.ly_lich_no or "……",
               str(member.list_no) if member.list_no is not None else "……", member.status_decision or "……"]
    person = [member.full_name, member.alias or "", format_date(member.date_of_birth),
              format_date(member.admitted_on), format_date(member.official_on)]
    blocks = [
        Paragraph(p["addressed"].format(**values), align="left", indent=False, left_indent_mm=20, space_after=8),
        FieldList(list(zip(p["identity"], numbers)), bullet="- "),
        Paragraph(p["intro"].format(**values), space_before=4, keep_with_next=True),
        FieldList(list(zip(p["fields"], person)), bullet="- "),
        Paragraph((p["dues"] if paid_through else p["dues_none"]).format(**values)),
        Paragraph(p["reason"].format(**values)),
        Paragraph(p["files"].format(**values)),
        Paragraph(p["closing"].format(**values)),
    ]
    paper = PartyDocument(header=cell_header(cell, on, None, layout), title=p["title"], subtitle=p["subtitle"],
                          blocks=blocks, signatures=Signatures.for_cell(cell.secretary_name, on_behalf=p["on_behalf"]),
                          toc_label=p["title"])
    # The slip is filled in and sent back by the committee where the member arrives: its header is theirs.
    slip = PartyDocument(
        header=Header(upper_committee="", issuer=destination, number=None,
                      place_date="……, ngày …… tháng …… năm ……"), title=s["title"],
        blocks=[Paragraph(s["addressed"].format(**values), align="left", indent=False, left_indent_mm=20,
                          space_after=8),
                Paragraph(s["text"].format(**values))],
        signatures=Signatures(right=SignatureBlock([s["on_behalf"]])), toc_label=s["title"])
    return Book(documents=[paper, slip], cover=[], toc_title=None, title=f"{p['title']} — {member.full_name}")


def write_transfer(svc: Services, member_id: str, path: Path, files: str = "") -> Path:
    """The transfer paper and its return slip (PDF or DOCX by the suffix) of a member transferred out."""
    from ..services.errors import ServiceError

    member = svc.members.get(member_id)
    if member.activity_status != "transferred_out":
        raise ServiceError(NOT_TRANSFERRED, name=member.full_name)
    on = member.status_from or dt.date.today()
    layout = svc.layout.get()
    book = transfer_book(svc.cell.get(on), member, svc.dues.paid_through(member_id), layout, files,
                         svc.templates.values("transfer_paper", on))
    return render(book, Path(path), layout)
