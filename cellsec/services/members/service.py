"""The member registry: add, edit, change activity status, delete (tombstone), search and batch reads.

Lists are built for 100,000 rows: `query_ids` returns ordered ids only (one narrow query, sorted in
Python with the Vietnamese name order) and `rows` fetches full records for the ids a table shows.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, literal_column, select
from sqlalchemy.orm import Session

from ...domain import members as rules
from ...domain.members import ACTIVITY_LABELS, ACTIVITY_STATUSES, FIELD_LABELS, IN_CELL_STATUSES, PARTY_STATUSES  # noqa: F401
from ...domain.messages import Msg
from ...domain.text import clean_line, clean_text, fold
from ...store.base import utcnow
from ...store.ids import new_id
from ...store.models.members import CardNumber, Member, MemberStatusChange
from ..context import Context
from ..errors import NotFound, ValidationFailed
from ..revisions import ensure_revision, revision_of
from .list_index import ListIndex, current as current_index
from .records import (  # noqa: F401  (re-exported: the UI, the CLI and other features import them from here)
    _COLUMN_FIELDS,
    INPUT_FIELDS,
    CardRecord,
    CheckResult,
    MemberInput,
    MemberQuery,
    MemberRecord,
    RECORD_COLUMNS,
    StatusChange,
    StatusRecord,
    member_record,
    membership_rules,
)


ADD_SUMMARY = Msg("Thêm đảng viên {name}", "Add member {name}")
UPDATE_SUMMARY = Msg("Sửa thông tin đảng viên {name}", "Edit member {name}")
STATUS_SUMMARY = Msg("Cập nhật tình trạng sinh hoạt của đảng viên {name}: {status}",
                     "Change the activity status of member {name}: {status}")
DELETE_SUMMARY = Msg("Xóa đảng viên {name}", "Delete member {name}")
CCCD_TAKEN = Msg("Số CCCD này đã dùng cho đồng chí {name}.", "This citizen ID is already used for {name}.")
CARD_TAKEN = Msg("Số thẻ đảng viên này đã dùng cho đồng chí {name}.",
                 "This party card number is already used for {name}.")
LIST_NO_TAKEN = Msg("Số SĐV {no} đã dùng cho đồng chí {name}.", "List number {no} is already used for {name}.")
MEMBER = Msg("đảng viên", "member")

SORTS = rules.MEMBER_SORTS
_CHUNK = 500  # ids per IN (...) query: well below SQLite's parameter limit


# (id, full name) of the live member holding a value, or None.
Owner = tuple[str, str] | None


@dataclass
class Owners:
    """Who already holds a CCCD, a card number or a list number (uniqueness checks)."""

    cccd: Callable[[str], Owner]
    card_no: Callable[[str], Owner]
    list_no: Callable[[int], Owner]


def clean_input(data: MemberInput) -> MemberInput:
    """The input as it will be stored: NFC, no hidden characters, normalised identifiers."""
    values = {}
    for name in INPUT_FIELDS:
        value = getattr(data, name)
        if isinstance(value, str):
            value = clean_text(value) if name == "note" else clean_line(value)
        values[name] = value
    values["full_name"] = rules.tidy_name(values["full_name"])
    values["cccd"] = rules.normalize_cccd(values["cccd"])
    values["card_no"] = re.sub(r"\s", "", values["card_no"])
    values["gender"] = values["gender"].lower()
    values["political_theory"] = rules.political_theory_key(values["political_theory"])
    values["dues_basis"] = int(values["dues_basis"] or 0)
    values["status"] = values["status"] or "du_bi"
    values["dues_category"] = values["dues_category"] or "bhxh_bat_buoc"
    return MemberInput(**values)


def check_clean(data: MemberInput, member_id: str | None, today: dt.date, owners: Owners) -> CheckResult:
    """Validation of cleaned input, with uniqueness against other live members."""
    errors, warnings = rules.check_member(data, today, rules=membership_rules(today))
    for name, owner_of, msg in (("cccd", owners.cccd, CCCD_TAKEN), ("card_no", owners.card_no, CARD_TAKEN)):
        value = getattr(data, name)
        if value and name not in errors:
            owner = owner_of(value)
            if owner and owner[0] != member_id:
                errors[name] = msg.format(name=owner[1])
    if data.list_no is not None and "list_no" not in errors:
        owner = owners.list_no(data.list_no)
        if owner and owner[0] != member_id:
            warnings["list_no"] = LIST_NO_TAKEN.format(no=data.list_no, name=owner[1])
    return CheckResult(errors, warnings)


def _live(cell_id: str):
    return (Member.cell_id == cell_id, Member.deleted_at.is_(None))


def db_owners(s: Session, cell_id: str) -> Owners:
    def lookup(column, in_cell_only: bool = False):
        def find(value) -> Owner:
            stmt = select(Member.id, Member.full_name).where(*_live(cell_id), column == value)
            if in_cell_only:
                stmt = stmt.where(Member.activity_status.in_(IN_CELL_STATUSES))
            row = s.execute(stmt.limit(1)).first()
            return (row[0], row[1]) if row else None
        return find

    return Owners(lookup(Member.cccd), lookup(Member.card_no), lookup(Member.list_no, True))


def preloaded_owners(s: Session, cell_id: str) -> Owners:
    """All owners read at once (an import checks many rows)."""
    by_cccd: dict[str, tuple[str, str]] = {}
    by_card: dict[str, tuple[str, str]] = {}
    by_list: dict[int, tuple[str, str]] = {}
    stmt = select(Member.id, Member.full_name, Member.cccd, Member.card_no, Member.list_no,
                  Member.activity_status).where(*_live(cell_id))
    for member_id, name, cccd, card_no, list_no, activity in s.execute(stmt):
        if cccd:
            by_cccd[cccd] = (member_id, name)
        if card_no:
            by_card[card_no] = (member_id, name)
        if list_no is not None and activity in IN_CELL_STATUSES:
            by_list.setdefault(list_no, (member_id, name))
    return Owners(by_cccd.get, by_card.get, by_list.get)


def new_member(s: Session, cell_id: str, data: MemberInput) -> Member:
    """A new member row from cleaned, checked input, with its first card-history entry."""
    return new_members(s, cell_id, [data])[0]


def new_members(s: Session, cell_id: str, items: list[MemberInput]) -> list[Member]:
    """New member rows (every column set, so the change-log snapshot equals the stored row)."""
    members = []
    for data in items:
        member = Member(id=new_id(), cell_id=cell_id, **NEW_MEMBER_COLUMNS)
        _copy_input(member, data)
        s.add(member)
        members.append(member)
    # Without ORM relationships a flush does not order inserts by foreign key: members first, then cards.
    s.flush()
    for member, data in zip(members, items):
        if data.card_no:
            s.add(_card_row(member, data))
    return members


def record_status(s: Session, member: Member, change: StatusChange) -> None:
    """Set the member's current activity status and append it to the status history."""
    for name, value in status_columns(change).items():
        setattr(member, name, value)
    s.add(MemberStatusChange(id=new_id(), **status_change_columns(member.cell_id, member.id, change)))


# The column values below are shared with the import's bulk writer (import_write.py), so both paths store
# the same rows.
NEW_MEMBER_COLUMNS = dict(activity_status="active", status_from=None, status_to=None, status_reason="",
                          status_decision="", status_org="", deleted_at=None)


def input_columns(data: MemberInput) -> dict[str, Any]:
    """The member columns set from cleaned input."""
    values = {name: getattr(data, name) for name in _COLUMN_FIELDS}
    # NULL, so the partial unique indexes ignore members without one
    values["cccd"], values["card_no"] = values["cccd"] or None, values["card_no"] or None
    values["name_folded"] = fold(data.full_name)
    return values


def status_columns(change: StatusChange) -> dict[str, Any]:
    """The member columns holding the current activity status."""
    return dict(activity_status=change.activity_status, status_from=change.status_from,
                status_to=change.status_to, status_reason=change.reason, status_decision=change.decision,
                status_org=change.org)


def status_change_columns(cell_id: str, member_id: str, change: StatusChange) -> dict[str, Any]:
    """A status history row's columns (without its id)."""
    return dict(cell_id=cell_id, member_id=member_id, activity_status=change.activity_status,
                status_from=change.status_from, status_to=change.status_to, reason=change.reason,
                decision=change.decision, org=change.org, deleted_at=None)


def card_columns(cell_id: str, member_id: str, data: MemberInput) -> dict[str, Any]:
    """A card-history row's columns (without its id)."""
    return dict(cell_id=cell_id, member_id=member_id, card_no=data.card_no, valid_from=data.card_valid_from,
                note="", deleted_at=None)


def _copy_input(member: Member, data: MemberInput) -> None:
    for name, value in input_columns(data).items():
        setattr(member, name, value)


def _card_row(member: Member, data: MemberInput) -> CardNumber:
    return CardNumber(id=new_id(), **card_columns(member.cell_id, member.id, data))


def apply_input(s: Session, member: Member, data: MemberInput,
                current_card: Callable[[Session, str, str], CardNumber | None] | None = None) -> None:
    """Copy cleaned input onto an existing member row; a new card number starts a card-history entry.
    `current_card` looks up the card entry being held (`current_cards` for many members at once)."""
    old_card = member.card_no
    _copy_input(member, data)
    if not data.card_no:
        return
    if data.card_no != old_card:
        s.add(_card_row(member, data))
        return
    current = (current_card or _current_card)(s, member.id, data.card_no)
    if current is not None and current.valid_from != data.card_valid_from:
        current.valid_from = data.card_valid_from


def current_cards(s: Session, member_ids: list[str]) -> Callable[[Session, str, str], CardNumber | None]:
    """`_current_card` for these members, read in one query per 500 members (an import updates thousands).
    Where two live entries of one number share the latest time, which one SQLite's own ordering picks is
    left to `_current_card` itself."""
    latest: dict[tuple[str, str], list[CardNumber]] = {}
    for chunk in _chunks(member_ids):
        for card in s.scalars(select(CardNumber).where(CardNumber.member_id.in_(chunk),
                                                       CardNumber.deleted_at.is_(None))):
            same = latest.setdefault((card.member_id, card.card_no), [])
            if not same or card.created_at > same[0].created_at:
                same[:] = [card]
            elif card.created_at == same[0].created_at:
                same.append(card)

    def find(session: Session, member_id: str, card_no: str) -> CardNumber | None:
        found = latest.get((member_id, card_no), [])
        return found[0] if len(found) == 1 else (None if not found else _current_card(session, member_id, card_no))
    return find


def _current_card(s: Session, member_id: str, card_no: str) -> CardNumber | None:
    return s.scalars(
        select(CardNumber)
        .where(CardNumber.member_id == member_id, CardNumber.card_no == card_no, CardNumber.deleted_at.is_(None))
        .order_by(CardNumber.created_at.desc())
        .limit(1)
    ).first()


def to_record(member: Member, card_valid_from: dt.date | None) -> MemberRecord:
    return member_record({name: getattr(member, name) for name in RECORD_COLUMNS}, card_valid_from,
                         membership_rules)  # looked up here on each call: tests put in edited rules


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


class MemberService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._index: ListIndex | None = None
        self._index_lock = threading.Lock()  # the UI may query from a worker thread

    # ---- validation --------------------------------------------------------------------------------
    def check(self, data: MemberInput, member_id: str | None = None, today: dt.date | None = None) -> CheckResult:
        cleaned = clean_input(data)
        with self.ctx.read() as s:
            return check_clean(cleaned, member_id, today or dt.date.today(), db_owners(s, self.ctx.cell_id))

    def _checked(self, data: MemberInput, member_id: str | None, today: dt.date | None) -> MemberInput:
        cleaned = clean_input(data)
        with self.ctx.read() as s:
            result = check_clean(cleaned, member_id, today or dt.date.today(), db_owners(s, self.ctx.cell_id))
        if result.errors:
            raise ValidationFailed(result.errors, result.warnings)
        return cleaned

    # ---- mutations ---------------------------------------------------------------------------------
    def add(self, data: MemberInput, *, today: dt.date | None = None) -> MemberRecord:
        """Add a member. Errors raise ValidationFailed; warnings do not block."""
        cleaned = self._checked(data, None, today)
        cell_id = self.ctx.cell_id
        with self.ctx.mutation("members.add", ADD_SUMMARY.format(name=cleaned.full_name)) as s:
            member_id = new_member(s, cell_id, cleaned).id
        return self.get(member_id)

    def update(self, member_id: str, data: MemberInput, *, today: dt.date | None = None,
               base_rev: int | None = None) -> MemberRecord:
        """Save an edit. `base_rev`: the revision the edit started from (`revision`); when the member was
        changed since (another window, the command line, a sync), ChangedMeanwhile and nothing is written."""
        current = self.get(member_id)
        cleaned = self._checked(data, member_id, today)
        if cleaned == current.as_input():
            return current  # nothing changed: no empty action in the Undo menu
        with self.ctx.mutation("members.update", UPDATE_SUMMARY.format(name=cleaned.full_name)) as s:
            member = self._live_member(s, member_id)
            ensure_revision(s, member, base_rev, FIELD_LABELS)
            apply_input(s, member, cleaned)
        return self.get(member_id)

    def revision(self, member_id: str) -> int | None:
        """The member row's revision now: what an editor passes back as `base_rev` when it saves."""
        with self.ctx.read() as s:
            return revision_of(s, Member, member_id)

    def change_status(self, member_id: str, change: StatusChange, *, today: dt.date | None = None) -> MemberRecord:
        """Record a change of activity status (exempt, temporary, transferred out, removed, deceased,
        back to active); the member row holds the current one and the history keeps every change."""
        change = StatusChange(
            activity_status=clean_line(change.activity_status), status_from=change.status_from,
            status_to=change.status_to, reason=clean_text(change.reason), decision=clean_line(change.decision),
            org=clean_line(change.org),
        )
        errors = rules.check_status_change(change.activity_status, change.status_from, change.status_to,
                                           change.reason, change.decision, change.org, today or dt.date.today())
        if errors:
            raise ValidationFailed(errors)
        current = self.get(member_id)
        status_label = rules.label(ACTIVITY_LABELS, change.activity_status)
        with self.ctx.mutation("members.status", STATUS_SUMMARY.format(name=current.full_name, status=status_label)) as s:
            record_status(s, self._live_member(s, member_id), change)
        return self.get(member_id)

    def delete(self, member_id: str) -> None:
        """Tombstone: the member leaves every list but the row and its history stay (undo brings it back)."""
        current = self.get(member_id)
        with self.ctx.mutation("members.delete", DELETE_SUMMARY.format(name=current.full_name)) as s:
            self._live_member(s, member_id).deleted_at = utcnow()

    def _live_member(self, s: Session, member_id: str) -> Member:
        member = s.get(Member, member_id)
        if member is None or member.deleted_at is not None or member.cell_id != self.ctx.cell_id:
            raise NotFound(MEMBER.format())
        return member

    # ---- reads -------------------------------------------------------------------------------------
    def get(self, member_id: str) -> MemberRecord:
        found = self.rows([member_id])
        if member_id not in found:
            raise NotFound(MEMBER.format())
        return found[member_id]

    def query_ids(self, q: MemberQuery | None = None) -> list[str]:
        """Ids of the live members matching `q`, in order. Served from an in-memory index of the list
        columns that is rebuilt only when the members table changed (a cheap aggregate tells), so
        search-as-you-type stays quick on 100,000 rows."""
        with self._index_lock:  # the index is updated in place: one query or update at a time
            return self._current_index().query(q or MemberQuery())

    def listing(self, q: MemberQuery | None = None) -> tuple[list[str], int]:
        """`query_ids(q)` and how many live members the cell has, read together (the list's "12 of 100")."""
        with self._index_lock:
            index = self._current_index()
            return index.query(q or MemberQuery()), index.live_count

    def prepare_order(self, sort: str, descending: bool = False) -> None:
        """Compute the list order by `sort` ahead of the query that will ask for it, on the index already
        read (none is read for it): a click on a column header then answers at once. At 100,000 members an
        order takes 80-150 ms, in SQLite, without holding Python's interpreter lock."""
        with self._index_lock:
            if self._index is not None:
                self._index.order(sort, descending)

    def size_hint(self) -> int:
        """About how many members a list query goes through, at once and without waiting for a query under
        way: the live members of the index last read; before the first query, the highest rowid of the
        members table (a bound read from the end of its b-tree, where counting would read every row)."""
        index = self._index
        if index is not None:
            return index.live_count
        with self.ctx.read() as s:
            return s.scalar(select(func.max(literal_column("rowid"))).select_from(Member)) or 0

    def _current_index(self) -> ListIndex:
        """The list index, up to date (list_index.current); the caller holds _index_lock."""
        cell_id = self.ctx.cell_id
        with self.ctx.read() as s:
            if self._index is not None and self._index.fingerprint[:1] != (cell_id,):
                self._index = None
            self._index = current_index(self._index, s, cell_id)
            return self._index

    def rows(self, ids: list[str]) -> dict[str, MemberRecord]:
        """Full records for the given ids (live members only), in batches."""
        out: dict[str, MemberRecord] = {}
        cell_id = self.ctx.cell_id
        with self.ctx.read() as s:
            for chunk in _chunks(list(ids)):
                # Core rows, not ORM objects: the list asks for a screenful at a time while scrolling. Only the
                # ids in the query, so SQLite looks them up by key (with the cell too it scanned the cell's index).
                # Plain dicts: attribute lookups that fail over to __getattr__ cost a third of a screenful's read.
                members = [dict(zip(RECORD_COLUMNS, row)) for row in s.connection().execute(
                    select(*(getattr(Member, name) for name in RECORD_COLUMNS), Member.cell_id, Member.deleted_at)
                    .where(Member.id.in_(chunk))) if row[-2] == cell_id and row[-1] is None]
                if not members:
                    continue
                card_from: dict[tuple[str, str], dt.date | None] = {}
                cards = s.execute(
                    select(CardNumber.member_id, CardNumber.card_no, CardNumber.valid_from)
                    .where(CardNumber.member_id.in_([m["id"] for m in members]), CardNumber.deleted_at.is_(None))
                    .order_by(CardNumber.created_at)
                )
                for member_id, card_no, valid_from in cards:
                    card_from[(member_id, card_no)] = valid_from  # the latest entry wins
                for m in members:
                    card_valid_from = card_from.get((m["id"], m["card_no"])) if m["card_no"] else None
                    out[m["id"]] = member_record(m, card_valid_from, membership_rules)
        return out

    def list(self, q: MemberQuery | None = None) -> list[MemberRecord]:
        ids = self.query_ids(q)
        found = self.rows(ids)
        return [found[i] for i in ids if i in found]

    def card_history(self, member_id: str) -> list[CardRecord]:
        self.get(member_id)
        with self.ctx.read() as s:
            rows = s.scalars(
                select(CardNumber).where(CardNumber.member_id == member_id, CardNumber.deleted_at.is_(None))
                .order_by(CardNumber.created_at)
            ).all()
            return [CardRecord(r.card_no, r.valid_from, r.note) for r in rows]

    def status_history(self, member_id: str) -> list[StatusRecord]:
        self.get(member_id)
        with self.ctx.read() as s:
            rows = s.scalars(
                select(MemberStatusChange)
                .where(MemberStatusChange.member_id == member_id, MemberStatusChange.deleted_at.is_(None))
                .order_by(MemberStatusChange.created_at)
            ).all()
            return [StatusRecord(r.activity_status, r.status_from, r.status_to, r.reason, r.decision, r.org,
                                 r.created_at) for r in rows]

    def counts_by_status(self) -> dict[str, int]:
        """Live members per activity status (every status present, zero when none)."""
        counts = dict.fromkeys(ACTIVITY_STATUSES, 0)
        with self.ctx.read() as s:
            for status, n in s.execute(
                select(Member.activity_status, func.count()).where(*_live(self.ctx.cell_id))
                .group_by(Member.activity_status)
            ):
                counts[status] = n
        return counts

    def counts_by_party_status(self) -> dict[str, int]:
        """Members still in the cell, probationary vs official."""
        counts = dict.fromkeys(PARTY_STATUSES, 0)
        with self.ctx.read() as s:
            for status, n in s.execute(
                select(Member.status, func.count())
                .where(*_live(self.ctx.cell_id), Member.activity_status.in_(IN_CELL_STATUSES))
                .group_by(Member.status)
            ):
                counts[status] = n
        return counts

    def next_list_no(self) -> int:
        """The next free Số SĐV (one more than the largest used)."""
        with self.ctx.read() as s:
            top = s.scalar(select(func.max(Member.list_no)).where(*_live(self.ctx.cell_id)))
        return (top or 0) + 1

    def member_count(self) -> int:
        with self.ctx.read() as s:
            return s.scalar(select(func.count()).select_from(Member).where(*_live(self.ctx.cell_id))) or 0
