"""A member's commitment registration form (bản đăng ký cam kết, reference §2.7) and its year-end result,
from the commitment the cell recorded. No official national form was found: the wording is template data
(resources/rules/commitment_form.json, marked unverified; its notes are never printed).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.dates import format_date
from ..domain.messages import Msg
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

NO_COMMITMENT = Msg("Đảng viên này chưa có bản đăng ký cam kết năm {year}.", "This member registered no commitment for {year}.")


def form_template(kind: str, on: dt.date | None = None, values: dict[str, Any] | None = None) -> dict[str, Any]:
    """Part `kind` of the wording: from `values` (the cell's edited template) or as shipped."""
    return values[kind] if values is not None else shipped_part("commitment_form", kind, on)


def _identity(t: dict[str, Any], member: Any, cell: Any) -> FieldList:
    position = "; ".join(p for p in (member.position_party, member.position_government, member.position_mass_org) if p)
    values = [member.full_name, format_date(member.date_of_birth), position, member.workplace, cell.name]
    return FieldList(list(zip(t["identity"], values)), bullet="- ")


def _signatures(t: dict[str, Any], member_name: str) -> Signatures:
    return Signatures(left=SignatureBlock(t["left"]), right=SignatureBlock(t["right"], name=member_name))


def registration_document(cell: Any, member: Any, commitment: Any, layout: LayoutSettings | None = None,
                          values: dict[str, Any] | None = None) -> PartyDocument:
    """The registration, dated the day it was registered."""
    layout = layout or default_layout()
    on = commitment.registered_on or dt.date(commitment.year, 1, 1)
    t = form_template("registration", on, values)
    rows = [[str(i), item.text] for i, item in enumerate(commitment.items, start=1)]
    blocks = [_identity(t, member, cell), Paragraph(t["intro"].format(year=commitment.year), space_before=4),
              Table(t["columns"], rows, col_widths=[8, 92], align=["center", "left"]),
              Paragraph(t["promise"], space_before=6)]
    return PartyDocument(header=cell_header(cell, on, None, layout), title=t["title"],
                         subtitle=t["subtitle"].format(year=commitment.year), blocks=blocks,
                         signatures=_signatures(t, member.full_name))


def result_document(cell: Any, member: Any, commitment: Any, layout: LayoutSettings | None = None,
                    values: dict[str, Any] | None = None) -> PartyDocument:
    """The year-end result: each item with what was done and achieved or not, the mid-year check and the
    year-end result; dated the day of the year-end check (the year's end when not recorded)."""
    layout = layout or default_layout()
    on = commitment.yearend_on or dt.date(commitment.year, 12, 31)
    t = form_template("result", on, values)
    judged = {True: t["achieved"], False: t["not_achieved"], None: t["not_judged"]}
    rows = [[str(i), item.text, item.result_note, judged[item.achieved]]
            for i, item in enumerate(commitment.items, start=1)]
    blocks: list = [_identity(form_template("registration", on, values), member, cell),
                    Table(t["columns"], rows, col_widths=[8, 48, 30, 14], align=["center", "left", "left", "center"])]
    if commitment.midyear_check:
        blocks += [Paragraph(t["midyear"].format(day=format_date(commitment.midyear_on)), bold=True,
                             keep_with_next=True, space_before=6, space_after=2), Paragraph(commitment.midyear_check)]
    if commitment.yearend_result:
        blocks += [Paragraph(t["yearend"], bold=True, keep_with_next=True, space_before=6, space_after=2),
                   Paragraph(commitment.yearend_result)]
    return PartyDocument(header=cell_header(cell, on, None, layout), title=t["title"],
                         subtitle=t["subtitle"].format(year=commitment.year), blocks=blocks,
                         signatures=_signatures(t, member.full_name))


def write_commitment(svc: Services, member_id: str, year: int, path: Path, *, result: bool = False) -> Path:
    """The registration (or with `result` the year-end result) as PDF or DOCX (by the suffix)."""
    from ..services.errors import ServiceError

    commitment = svc.reviews.get_commitment(member_id, year)
    if commitment is None:
        raise ServiceError(NO_COMMITMENT, year=year)
    member = svc.members.get(member_id)
    layout = svc.layout.get()
    build = result_document if result else registration_document
    on = (commitment.yearend_on if result else commitment.registered_on) or dt.date(year, 12, 31)
    document = build(svc.cell.get(on), member, commitment, layout, svc.templates.values("commitment_form", on))
    return render(document, Path(path), layout)
