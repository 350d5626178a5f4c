"""The cell's own description: name, abbreviations, place, officers, and the committees above it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from ...domain.messages import Msg
from ...domain.text import clean_line
from ...store.ids import new_id
from ...store.models.core import Cell, CommitteeName
from ..context import Context
from ..errors import ServiceError, ValidationFailed
from .officers import DeputyChoice, add_deputy_member, deputy_candidates, find_deputy, linked_deputy, relink_deputy

REQUIRED = Msg("Không được để trống.", "This field is required.")
ABBREVIATION_FORMAT = Msg(
    "Chữ viết tắt chỉ gồm chữ cái và số, không dấu cách (ví dụ \"CB\").",
    "The abbreviation may only hold letters and digits, no spaces (e.g. \"CB\").",
)
ALREADY_SET_UP = Msg("Chi bộ đã được thiết lập.", "The cell is already set up.")
SETUP_SUMMARY = Msg("Thiết lập chi bộ {name}", "Set up cell {name}")
UPDATE_SUMMARY = Msg("Sửa thông tin chi bộ", "Edit the cell's details")
COMMITTEE_SUMMARY = Msg("Đổi tên cấp ủy cấp trên: {name}", "Rename upper committee: {name}")


@dataclass
class CellInfo:
    name: str
    abbreviation: str = "CB"
    place_name: str = ""
    secretary_name: str = ""
    deputy_name: str = ""
    # Names in force today: level 1 = directly above the cell, level 2 = above that.
    upper_committee: str = ""
    top_committee: str = ""
    id: str = ""
    # The member record of the deputy (services/settings/officers.py); "" when the deputy is only a name.
    deputy_member_id: str = ""


@dataclass
class CommitteeNameRecord:
    id: str
    level: int
    name: str
    valid_from: dt.date


def _validate(info: CellInfo) -> CellInfo:
    cleaned = CellInfo(
        name=clean_line(info.name),
        abbreviation=clean_line(info.abbreviation),
        place_name=clean_line(info.place_name),
        secretary_name=clean_line(info.secretary_name),
        deputy_name=clean_line(info.deputy_name),
        upper_committee=clean_line(info.upper_committee),
        top_committee=clean_line(info.top_committee),
        id=info.id,
        deputy_member_id=info.deputy_member_id,
    )
    errors: dict[str, str] = {}
    for name in ("name", "abbreviation", "place_name", "upper_committee"):
        if not getattr(cleaned, name):
            errors[name] = REQUIRED.format()
    if cleaned.abbreviation and not cleaned.abbreviation.replace("Đ", "D").replace("đ", "d").isalnum():
        errors["abbreviation"] = ABBREVIATION_FORMAT.format()
    if errors:
        raise ValidationFailed(errors)
    return cleaned


class CellService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def is_set_up(self) -> bool:
        return self.ctx.cell_id_or_none() is not None

    def setup(self, info: CellInfo, *, since: dt.date | None = None, deputy_as_member: bool = False) -> CellInfo:
        """Create the cell. `deputy_as_member`: the deputy named becomes a member record of the cell, linked
        as its deputy, in the same transaction (the setup wizard's choice)."""
        info = _validate(info)
        if self.is_set_up():
            raise ServiceError(ALREADY_SET_UP)
        since = since or dt.date.today()
        with self.ctx.mutation("cell.setup", SETUP_SUMMARY.format(name=info.name), undoable=False) as s:
            cell_id = new_id()
            s.add(Cell(id=cell_id, cell_id=cell_id, name=info.name, abbreviation=info.abbreviation,
                       place_name=info.place_name, secretary_name=info.secretary_name,
                       deputy_name=info.deputy_name))
            s.flush()
            for level, name in ((1, info.upper_committee), (2, info.top_committee)):
                if name:
                    # The first name is taken as valid since long ago, so old documents print with it.
                    s.add(CommitteeName(cell_id=cell_id, level=level, name=name, valid_from=dt.date(1930, 2, 3)))
            if deputy_as_member and info.deputy_name:
                add_deputy_member(s, cell_id, info.deputy_name)
        return self.get()

    def get(self, on: dt.date | None = None) -> CellInfo:
        cell_id = self.ctx.cell_id
        with self.ctx.read() as s:
            cell = s.get(Cell, cell_id)
            upper, top = self._committees_on(s, cell_id, on or dt.date.today())
            deputy = linked_deputy(s)  # a renamed deputy prints under the member record's name
            return CellInfo(id=cell.id, name=cell.name, abbreviation=cell.abbreviation, place_name=cell.place_name,
                            secretary_name=cell.secretary_name,
                            deputy_name=deputy.full_name if deputy else cell.deputy_name,
                            upper_committee=upper, top_committee=top, deputy_member_id=deputy.id if deputy else "")

    def deputy_choices(self) -> list[DeputyChoice]:
        """The members the deputy may be chosen from (official, in the cell), the current deputy included."""
        with self.ctx.read() as s:
            found = deputy_candidates(s, self.ctx.cell_id)
            current = linked_deputy(s)
            if current is not None and current not in found:
                found.insert(0, current)
            return [DeputyChoice(m.id, m.full_name, m.card_no or "") for m in found]

    def set_deputy(self, text: str) -> CellInfo:
        """Make the member named `text` (or holding card number `text`) the deputy; refused in Vietnamese
        unless exactly one official member of the cell matches (the command line's `cell --deputy`)."""
        with self.ctx.read() as s:
            chosen = find_deputy(s, self.ctx.cell_id, text)
            member_id, name = chosen.id, chosen.full_name
        info = self.get()
        info.deputy_name, info.deputy_member_id = name, member_id
        return self.update(info)

    @staticmethod
    def _committees_on(s, cell_id: str, on: dt.date) -> tuple[str, str]:
        names = []
        for level in (1, 2):
            name = s.scalars(
                select(CommitteeName.name)
                .where(CommitteeName.cell_id == cell_id, CommitteeName.level == level,
                       CommitteeName.deleted_at.is_(None), CommitteeName.valid_from <= on)
                .order_by(CommitteeName.valid_from.desc(), CommitteeName.created_at.desc())
                .limit(1)
            ).first()
            names.append(name or "")
        return names[0], names[1]

    def update(self, info: CellInfo, *, committees_since: dt.date | None = None) -> CellInfo:
        """Edit the cell. A changed committee name starts a new history entry from `committees_since`
        (default today), so documents dated before keep the old name."""
        info = _validate(info)
        since = committees_since or dt.date.today()
        current = self.get(since)
        with self.ctx.mutation("cell.update", UPDATE_SUMMARY.format()) as s:
            cell = s.get(Cell, self.ctx.cell_id)
            cell.name, cell.abbreviation, cell.place_name = info.name, info.abbreviation, info.place_name
            cell.secretary_name = info.secretary_name
            cell.deputy_name = relink_deputy(s, cell.id, info.deputy_name, info.deputy_member_id)
            for level, old, new in ((1, current.upper_committee, info.upper_committee),
                                    (2, current.top_committee, info.top_committee)):
                if new != old:
                    s.add(CommitteeName(cell_id=cell.id, level=level, name=new, valid_from=since))
        return self.get()

    def committee_history(self) -> list[CommitteeNameRecord]:
        with self.ctx.read() as s:
            rows = s.scalars(
                select(CommitteeName)
                .where(CommitteeName.cell_id == self.ctx.cell_id, CommitteeName.deleted_at.is_(None))
                .order_by(CommitteeName.level, CommitteeName.valid_from)
            ).all()
            return [CommitteeNameRecord(r.id, r.level, r.name, r.valid_from) for r in rows]
