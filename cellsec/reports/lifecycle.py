"""Papers of a member's lifecycle, from the member's record and status (reference §6.2–6.4): the cell's
resolution proposing that a probationary member be recognised as official, on exemption from work and
activities, and proposing removal from the list. The wording is template data
(resources/rules/lifecycle_papers.json, unverified; its notes are never printed). Each is dated by its
own event: the end of probation, the start of the exemption, the day of the removal decision.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.dates import format_date
from ..domain.documents import TYPE_RESOLUTION, document_number
from ..domain.messages import Msg
from .engine.document import LayoutSettings, Paragraph, PartyDocument, Signatures, Spacer, cell_header, default_layout
from .engine.layout import render
from .wording import shipped_part

if TYPE_CHECKING:
    from ..services.facade import Services

NO_PAPER = Msg("Đồng chí {name} không có văn bản nào để in: chỉ có với đảng viên dự bị, đảng viên được miễn "
               "sinh hoạt hoặc đã ghi xóa tên.",
               "No paper for {name}: only for probationary, exempt or removed members.")


def paper_kind(member: Any) -> str | None:
    """Which paper the member's standing calls for (None: none)."""
    if member.activity_status == "exempt":
        return "exempt"
    if member.activity_status == "removed":
        return "removed"
    if member.status == "du_bi" and member.official_on is None:
        return "official"
    return None


def paper_day(member: Any, kind: str) -> dt.date:
    if kind == "official":
        return member.probation_ends_on or dt.date.today()
    return member.status_from or dt.date.today()


def lifecycle_document(cell: Any, member: Any, kind: str, seq: int | None,
                       layout: LayoutSettings | None = None, template: dict[str, Any] | None = None) -> PartyDocument:
    """`template`: the wording of this kind with the cell's edits (default: as shipped)."""
    layout = layout or default_layout()
    on = paper_day(member, kind)
    t = template or shipped_part("lifecycle_papers", kind, on)
    values = {"name": member.full_name, "born": format_date(member.date_of_birth),
              "admitted": format_date(member.admitted_on), "probation_end": format_date(member.probation_ends_on),
              "reason": member.status_reason or "……", "start": format_date(member.status_from),
              "until": f" đến ngày {format_date(member.status_to)}" if member.status_to else "",
              "upper_committee": cell.upper_committee}
    blocks = [*[Paragraph(g.format(**values), italic=True) for g in t["grounds"]], Spacer(2),
              Paragraph(f"{cell.name.upper()} QUYẾT NGHỊ:", bold=True, align="center", indent=False,
                        keep_with_next=True, space_after=8),
              Paragraph(t["facts"].format(**values)), Paragraph(t["decides"].format(**values))]
    return PartyDocument(header=cell_header(cell, on, document_number(seq, TYPE_RESOLUTION, cell.abbreviation or "CB"),
                                            layout),
                         title=t["title"], subtitle=t["subtitle"].format(**values), blocks=blocks,
                         signatures=Signatures.for_cell(cell.secretary_name),
                         recipients=[f"{cell.upper_committee} (để báo cáo);", f"Đồng chí {member.full_name};",
                                     "Lưu chi bộ."])


def write_lifecycle(svc: Services, member_id: str, path: Path, seq: int | None = None) -> Path:
    """The paper the member's standing calls for, PDF or DOCX by the suffix."""
    from ..services.errors import ServiceError

    member = svc.members.get(member_id)
    kind = paper_kind(member)
    if kind is None:
        raise ServiceError(NO_PAPER, name=member.full_name)
    layout = svc.layout.get()
    on = paper_day(member, kind)
    template = svc.templates.part("lifecycle_papers", kind, on)
    return render(lifecycle_document(svc.cell.get(on), member, kind, seq, layout, template), Path(path), layout)
