"""The register of outgoing document numbers ("Số 09-BC/CB"): one sequence per year and type, shared by
every document of that type (reference §4.5: unique per year and type).

Reports, plans, invitations, lists and resolutions on a member take their number here when the secretary
gives it (the number dialog proposes the next); minutes and meeting resolutions are numbered by their own
tables at approval, and the register counts those too: a resolution on a member can never take the number
of a meeting's resolution, nor the reverse (`registered_max` is consulted when a meeting's resolution is
issued). A document is known by its kind and subject ("monthly_report", "2026-10"), so printing it again
keeps its number. A number already given is refused, naming the document that has it; a number that would
leave earlier numbers unused is refused too unless the secretary chose to leave them (`allow_gap`).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from ...domain.dates import format_date
from ...domain.documents import (
    RENUMBERED_BY_SYNC,
    TYPE_INVITATION,
    TYPE_LIST,
    TYPE_MINUTES,
    TYPE_PLAN,
    TYPE_REPORT,
    TYPE_RESOLUTION,
    document_number,
)
from ...domain.messages import Msg
from ...store.models.core import Audit, Cell, ChangeLog, Setting
from ...store.models.meetings import Meeting, Resolution
from ...store.models.numbers import DocumentNumber
from ..errors import ServiceError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..context import Context

# kind -> (type, what it is in words). Each kind's documents share the sequence of their type.
KINDS: dict[str, tuple[str, Msg]] = {
    "monthly_report": (TYPE_REPORT, Msg("Báo cáo tháng", "Monthly report")),
    "collective_report": (TYPE_REPORT, Msg("Báo cáo kiểm điểm tập thể", "Collective review report")),
    "scores_report": (TYPE_REPORT, Msg("Báo cáo chấm điểm 5 tốt", "5-good scores report")),
    "thematic_plan": (TYPE_PLAN, Msg("Kế hoạch sinh hoạt chuyên đề", "Thematic-meeting plan")),
    "resolution": (TYPE_RESOLUTION, Msg("Nghị quyết về đảng viên", "Resolution on a member")),
    "invitation": (TYPE_INVITATION, Msg("Giấy mời", "Invitation")),
    "register": (TYPE_LIST, Msg("Danh sách đảng viên", "Member register")),
}
MAX_SEQ = 999

UNKNOWN_KIND = Msg("Không có loại văn bản \"{kind}\" trong sổ đăng ký số.", "No document kind \"{kind}\" in the register.")
BAD_SEQ = Msg("Số văn bản phải từ 1 đến {max}.", "A document number must be from 1 to {max}.")
DUPLICATE = Msg("Số {number} năm {year} đã cấp cho \"{title}\"{day}. Mỗi số chỉ cấp một lần trong năm; "
                "số tiếp theo còn trống là {next:02d}.",
                "Number {number} of {year} was already given to \"{title}\"{day}. Each number is given once "
                "a year; the next free one is {next:02d}.")
GAP = Msg("Cấp số {number} sẽ bỏ trống {missing} (số tiếp theo là {next:02d}).",
          "Giving {number} leaves {missing} unused (the next is {next:02d}).")
BEFORE_REGISTER = "before_register"  # the kind of the numbers an earlier version gave (migration 0011)
BEFORE_KEY = "numbers_before_register"
BEFORE_TITLE = Msg("Các số đến số {seq:02d} cấp trước khi có sổ đăng ký số (có thể đã in)",
                   "Numbers up to {seq:02d} given before the register (may be printed)")
TAKE_SUMMARY = Msg("Cấp số {number}: {title}", "Give number {number}: {title}")


class GapNotChosen(ServiceError):
    """The number asked for would leave earlier numbers of the year unused; ask, then take with allow_gap."""

    def __init__(self, unused: list[int], **params: object) -> None:
        self.missing = unused
        super().__init__(GAP, **params)


@dataclass(frozen=True)
class NumberEntry:
    year: int
    doc_type: str
    seq: int
    number: str  # as printed: "Số 09-BC/CB"
    kind: str  # "monthly_report", …; "minutes" and "meeting_resolution" for those numbered by their tables
    subject: str
    title: str
    issued_on: dt.date | None


def title_for(kind: str, about: str = "") -> str:
    """The document in words for the register (Vietnamese, like the documents): "Báo cáo tháng 10/2026"."""
    kind_type(kind)
    return f"{KINDS[kind][1].vi} {about}".strip()


def kind_type(kind: str) -> str:
    if kind not in KINDS:
        raise ServiceError(UNKNOWN_KIND, kind=kind)
    return KINDS[kind][0]


def _register_rows(s: Session, cell_id: str, year: int | None, doc_type: str | None) -> list[NumberEntry]:
    q = select(DocumentNumber).where(DocumentNumber.cell_id == cell_id, DocumentNumber.deleted_at.is_(None))
    if year is not None:
        q = q.where(DocumentNumber.year == year)
    if doc_type is not None:
        q = q.where(DocumentNumber.doc_type == doc_type)
    return [NumberEntry(r.year, r.doc_type, r.seq, r.number_text, r.kind, r.subject, r.title, r.issued_on)
            for r in s.scalars(q)]


def _before_register(s: Session, cell_id: str, year: int | None, doc_type: str | None) -> list[NumberEntry]:
    """The numbers the number dialog of an earlier version gave, kept as "the highest of each type" of the
    year of the upgrade (migration 0011): 1..that number count as given, since any may be on paper."""
    row = s.get(Setting, BEFORE_KEY)
    data = json.loads(row.value) if row is not None else {}
    if not data or year not in (None, data.get("year")):
        return []
    abbreviation = s.get(Cell, cell_id).abbreviation or "CB"
    return [NumberEntry(data["year"], t, seq, document_number(seq, t, abbreviation), BEFORE_REGISTER, "",
                        BEFORE_TITLE.format(seq=seq), None)
            for t, seq in sorted(data.get("floors", {}).items()) if doc_type in (None, t) and seq > 0]


def _given_seqs(entries: list[NumberEntry]) -> dict[int, NumberEntry]:
    """seq -> the entry that has it; the numbers given before the register stand for 1..their highest."""
    taken: dict[int, NumberEntry] = {}
    for e in entries:
        for seq in range(1, e.seq + 1) if e.kind == BEFORE_REGISTER else (e.seq,):
            taken.setdefault(seq, e)
    return taken


MINUTES_TITLE = "Biên bản sinh hoạt chi bộ"


def _numbered_rows(s: Session, cell_id: str, year: int | None, doc_type: str | None) -> list[NumberEntry]:
    """Approved minutes (BB) and issued meeting resolutions (NQ): numbered by their own tables."""
    out: list[NumberEntry] = []
    if doc_type in (None, TYPE_MINUTES):
        q = select(Meeting.number_year, Meeting.number_seq, Meeting.number_text, Meeting.id, Meeting.topic,
                   Meeting.held_on).where(Meeting.cell_id == cell_id, Meeting.deleted_at.is_(None),
                                          Meeting.number_seq.is_not(None))
        if year is not None:
            q = q.where(Meeting.number_year == year)
        out += [NumberEntry(y, TYPE_MINUTES, seq, text or "", "minutes", row_id,
                            f"{MINUTES_TITLE}: {topic}" if topic else MINUTES_TITLE, on)
                for y, seq, text, row_id, topic, on in s.execute(q)]
    if doc_type in (None, TYPE_RESOLUTION):
        q = select(Resolution.number_year, Resolution.number_seq, Resolution.number_text, Resolution.id,
                   Resolution.title, Resolution.issued_on).where(
            Resolution.cell_id == cell_id, Resolution.deleted_at.is_(None), Resolution.number_seq.is_not(None))
        if year is not None:
            q = q.where(Resolution.number_year == year)
        out += [NumberEntry(y, TYPE_RESOLUTION, seq, text or "", "meeting_resolution", row_id,
                            f"Nghị quyết {title or ''}".strip(), on)  # the title is the gist: "về …"
                for y, seq, text, row_id, title, on in s.execute(q)]
    return out


def registered_max(s: Session, cell_id: str, doc_type: str, year: int) -> int:
    """The highest number of `doc_type` in `year` given through the register (0: none), so a document
    numbered by its own table (a meeting's resolution) continues after it instead of repeating it."""
    given = s.scalar(select(func.max(DocumentNumber.seq)).where(
        DocumentNumber.cell_id == cell_id, DocumentNumber.deleted_at.is_(None),
        DocumentNumber.doc_type == doc_type, DocumentNumber.year == year)) or 0
    return max([given, *(e.seq for e in _before_register(s, cell_id, year, doc_type))])


def unused_text(seqs: list[int]) -> str:
    """'số 02, số 03' — a run of four or more as 'số 01 đến số 08'."""
    runs: list[list[int]] = []
    for n in sorted(seqs):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"số {r[0]:02d} đến số {r[-1]:02d}" if len(r) >= 4 else ", ".join(f"số {n:02d}" for n in r)
                     for r in runs)


def _holes(seqs: set[int]) -> set[int]:
    return set(range(1, max(seqs, default=0) + 1)) - seqs


@dataclass(frozen=True)
class Renumbered:
    """A document of this laptop that sync gave a new number (sync/numbers.py): its paper must be reprinted."""

    at: dt.datetime  # when, UTC
    text: str  # "Đánh số lại khi đồng bộ: Số 01-BB/CB thành Số 02-BB/CB"
    kind: str  # "minutes" | "meeting_resolution" | a register kind ("monthly_report", "invitation"…)
    meeting_id: str  # the meeting of minutes, a meeting's resolution or an invitation ("" for the others)
    number: str  # its number now
    title: str


def _renumbered(s: Session, cell_id: str) -> list[Renumbered]:
    rows = s.execute(select(Audit.at, Audit.summary, ChangeLog.entity, ChangeLog.entity_id)
                     .join(ChangeLog, ChangeLog.audit_id == Audit.id)
                     .where(Audit.action == RENUMBERED_BY_SYNC, ChangeLog.cell_id == cell_id,
                            ChangeLog.entity.in_(("meetings", "resolutions", "document_numbers")))
                     .order_by(Audit.at.desc(), ChangeLog.seq.desc()))
    out: list[Renumbered] = []
    for at, summary, entity, entity_id in rows:
        if entity == "meetings":
            row = s.get(Meeting, entity_id)
            doc = None if row is None else ("minutes", row.id, row.number_text, " ".join(
                [MINUTES_TITLE, f"ngày {format_date(row.held_on)}", f"({row.topic})" if row.topic else ""]).strip())
        elif entity == "resolutions":
            row = s.get(Resolution, entity_id)
            doc = None if row is None else ("meeting_resolution", row.meeting_id, row.number_text,
                                            f"Nghị quyết {row.title or ''}".strip())
        else:
            row = s.get(DocumentNumber, entity_id)
            doc = None if row is None else (row.kind, row.subject if row.kind == "invitation" else "",
                                            row.number_text, row.title or title_for(row.kind))
        if doc is not None and row.deleted_at is None:
            out.append(Renumbered(at, summary, doc[0], doc[1], doc[2] or "", doc[3]))
    return out


class NumberService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def entries(self, year: int | None = None, doc_type: str | None = None) -> list[NumberEntry]:
        """Every number given (register, minutes, meeting resolutions), by year, type and number."""
        with self.ctx.read() as s:
            cell_id = self.ctx.cell_id
            rows = (_register_rows(s, cell_id, year, doc_type) + _numbered_rows(s, cell_id, year, doc_type)
                    + _before_register(s, cell_id, year, doc_type))
        return sorted(rows, key=lambda e: (e.year, e.doc_type, e.seq))

    def unused(self, year: int) -> dict[str, list[int]]:
        """type -> the numbers of `year` left unused below the highest given (what the list warns about)."""
        seqs: dict[str, set[int]] = {}
        for e in self.entries(year):
            seqs.setdefault(e.doc_type, set()).update(_given_seqs([e]))
        return {t: sorted(_holes(v)) for t, v in sorted(seqs.items()) if _holes(v)}

    def renumbered(self) -> list[Renumbered]:
        """This laptop's documents renumbered by sync, newest first (one per renumbering)."""
        with self.ctx.read() as s:
            return _renumbered(s, self.ctx.cell_id)

    def given(self, kind: str, subject: str, year: int) -> NumberEntry | None:
        """The number already given to this document (a reprint keeps it), or None."""
        kind_type(kind)
        with self.ctx.read() as s:
            row = self._row(s, kind, subject, year)
            return None if row is None else NumberEntry(row.year, row.doc_type, row.seq, row.number_text, row.kind,
                                                        row.subject, row.title, row.issued_on)

    def next_seq(self, kind: str, year: int) -> int:
        """The number to propose: one after the highest of the year in the kind's type."""
        doc_type = kind_type(kind)
        return max((e.seq for e in self.entries(year, doc_type)), default=0) + 1

    def take(self, kind: str, year: int, seq: int, *, subject: str, title: str, issued_on: dt.date,
             allow_gap: bool = False) -> NumberEntry:
        """Give number `seq` of `year` to the document (kind, subject); the same document asking again for
        its own number gets it back unchanged. Refused (ServiceError, in Vietnamese) when another document
        has it; GapNotChosen when it would leave earlier numbers unused and `allow_gap` is not set."""
        doc_type = kind_type(kind)
        if not 1 <= seq <= MAX_SEQ:
            raise ServiceError(BAD_SEQ, max=MAX_SEQ)
        again = self.given(kind, subject, year)
        if again is not None and again.seq == seq:
            return again  # a reprint: nothing to write
        with self.ctx.mutation("numbers.take", "", undoable=True) as s:
            cell_id = self.ctx.cell_id
            own = self._row(s, kind, subject, year)
            if own is not None and own.seq == seq:
                return NumberEntry(own.year, own.doc_type, own.seq, own.number_text, own.kind, own.subject,
                                   own.title, own.issued_on)
            others = [e for e in _register_rows(s, cell_id, year, doc_type) + _numbered_rows(s, cell_id, year, doc_type)
                      + _before_register(s, cell_id, year, doc_type)
                      if not (own is not None and e.kind == kind and e.subject == subject)]
            taken = _given_seqs(others)
            next_free = max(taken, default=0) + 1
            abbreviation = s.get(Cell, cell_id).abbreviation or "CB"
            number = document_number(seq, doc_type, abbreviation)
            if seq in taken:
                e = taken[seq]
                raise ServiceError(DUPLICATE, number=number.removeprefix("Số "), year=year, title=e.title or e.kind,
                                   day=f" ({format_date(e.issued_on)})" if e.issued_on else "", next=next_free)
            before = set(taken) | ({own.seq} if own is not None else set())
            missing = sorted(_holes(set(taken) | {seq}) - _holes(before))
            if missing and not allow_gap:
                raise GapNotChosen(missing, number=number.removeprefix("Số "), next=next_free,
                                   missing=unused_text(missing))
            row = own or DocumentNumber(cell_id=cell_id, kind=kind, subject=subject, year=year, doc_type=doc_type)
            row.seq, row.number_text, row.title, row.issued_on = seq, number, title, issued_on
            if own is None:
                s.add(row)
            s.get(Audit, s.info["audit_id"]).summary = TAKE_SUMMARY.format(number=number.removeprefix("Số "), title=title)
            return NumberEntry(year, doc_type, seq, number, kind, subject, title, issued_on)

    def _row(self, s: Session, kind: str, subject: str, year: int) -> DocumentNumber | None:
        return s.scalars(select(DocumentNumber).where(
            DocumentNumber.cell_id == self.ctx.cell_id, DocumentNumber.deleted_at.is_(None),
            DocumentNumber.kind == kind, DocumentNumber.subject == subject, DocumentNumber.year == year)).first()
