"""The deputy secretary as a member of the cell: the cell names its deputy by a link to the member record
(a cell preference, so it syncs like the cell's other data and needs no column pointing from the cell
back at its members), and the member's record carries the Party position.

The cell row keeps the name as text as well: documents made before the link, the committee's server and a
deputy who is later deleted still print a name."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.members import IN_CELL_STATUSES
from ...domain.messages import Msg
from ...domain.text import clean_line, fold
from ...store import preferences
from ...store.models.members import Member
from ..members.records import MemberInput
from ..errors import ServiceError
from ..members.service import new_member

DEPUTY_KEY = "deputy_member_id"
# Written on the record of a member made deputy, unless the record already names a position.
DEPUTY_POSITION = "Phó Bí thư chi bộ"


def linked_deputy(s: Session) -> Member | None:
    """The live member the cell names as its deputy, if any."""
    member_id = preferences.read(s, DEPUTY_KEY)
    member = s.get(Member, member_id) if member_id else None
    return member if member is not None and member.deleted_at is None else None


def add_deputy_member(s: Session, cell_id: str, name: str) -> Member:
    """A new member record for the deputy named at setup: an official member (a deputy secretary is one)
    holding the position; the rest of the record is filled in later on the members page."""
    member = new_member(s, cell_id, MemberInput(full_name=clean_line(name), status="chinh_thuc",
                                                position_party=DEPUTY_POSITION))
    preferences.write(s, cell_id, DEPUTY_KEY, member.id)
    return member


def relink_deputy(s: Session, cell_id: str, name: str, member_id: str = "") -> str:
    """After the cell's deputy was edited: link the member chosen (`member_id`), else the one live member
    whose name is exactly `name`, else nobody (the name stays text). Returns the name to keep on the cell.
    A member who stops being deputy loses the position only if it is the one this link wrote."""
    current = linked_deputy(s)
    chosen = _member(s, member_id) if member_id else None
    if chosen is None and current is not None and current.full_name == name:
        chosen = current
    if chosen is None and name:
        same = s.scalars(select(Member).where(Member.cell_id == cell_id, Member.deleted_at.is_(None),
                                              Member.full_name == name).limit(2)).all()
        chosen = same[0] if len(same) == 1 else None
    if current is not None and current is not chosen and current.position_party == DEPUTY_POSITION:
        current.position_party = ""
    if chosen is not None and not chosen.position_party:
        chosen.position_party = DEPUTY_POSITION
    if (chosen.id if chosen else "") != (current.id if current else ""):
        preferences.write(s, cell_id, DEPUTY_KEY, chosen.id if chosen else "")
    return chosen.full_name if chosen is not None else name


NO_MATCH = Msg("Không có đảng viên chính thức nào trong chi bộ có tên hoặc số thẻ \"{text}\". Phó bí thư phải là "
               "đảng viên chính thức có trong danh sách (thêm hoặc nhập đảng viên trước).",
               "No official member of the cell has the name or card number \"{text}\". The deputy must be an "
               "official member on the list (add or import the member first).")
MANY = Msg("Có {n} đảng viên tên \"{text}\" ({cards}): hãy ghi số thẻ đảng của người được chọn.",
           "{n} members are called \"{text}\" ({cards}): give the chosen one's party card number.")
NO_CARD = Msg("chưa có số thẻ", "no card number")


@dataclass(frozen=True)
class DeputyChoice:
    member_id: str
    full_name: str
    card_no: str


def deputy_candidates(s: Session, cell_id: str) -> list[Member]:
    """Who may be the deputy: the cell's official members in the cell now (a probationary member cannot be
    elected to the cell's committee), by list number then name."""
    return list(s.scalars(select(Member).where(
        Member.cell_id == cell_id, Member.deleted_at.is_(None), Member.status == "chinh_thuc",
        Member.activity_status.in_(IN_CELL_STATUSES)).order_by(Member.list_no.is_(None), Member.list_no,
                                                               Member.name_folded)))


def find_deputy(s: Session, cell_id: str, text: str) -> Member:
    """The one candidate whose party card number is `text`, else whose name is `text` (accents and case as
    typed or not); a ServiceError in Vietnamese when none or several."""
    wanted = clean_line(text)
    candidates = deputy_candidates(s, cell_id)
    by_card = [m for m in candidates if m.card_no and m.card_no == wanted.replace(" ", "")]
    if by_card:
        return by_card[0]
    exact = [m for m in candidates if m.full_name == wanted]
    same = exact or [m for m in candidates if m.name_folded == fold(wanted)]
    if len(same) == 1:
        return same[0]
    if not same:
        raise ServiceError(NO_MATCH, text=wanted)
    raise ServiceError(MANY, n=len(same), text=wanted,
                       cards=", ".join(m.card_no or NO_CARD.format() for m in same))


def _member(s: Session, member_id: str) -> Member | None:
    member = s.get(Member, member_id)
    return member if member is not None and member.deleted_at is None else None
