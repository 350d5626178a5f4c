"""Session helpers shared by the meetings service's modules: loading rows, the attendance list, the
roster of the cell on a date, and the finalised content of minutes and resolutions (also used by
"Kiểm tra dữ liệu" through services/finalise.py CONTENT_PROVIDERS to compare the live record)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import meetings as rules
from ...domain.dates import format_date
from ...domain.meetings import AttendanceEntry, MinutesContent, StatusPeriod, content_to_dict
from ...store.models.meetings import Meeting, MeetingAttendance, MinutesAutosave, Resolution
from ...store.models.members import Member, MemberStatusChange
from ..errors import NotFound
from ..lifecycle import superseding_map
from .messages import MEETING
from .records import AttendanceRow, ResolutionRecord


def meeting_title(kind: str, month: int, year: int, topic: str) -> str:
    return rules.meeting_subtitle(kind, month, year, topic)


def meeting_label(meeting: Meeting) -> str:
    return f"{meeting_title(meeting.kind, meeting.period_month, meeting.period_year, meeting.topic)} " \
           f"({format_date(meeting.held_on)})"


# ---------------------------------------------------------------------------------------------------
# Finalised content (also used by "Kiểm tra dữ liệu" to compare the live record)
# ---------------------------------------------------------------------------------------------------


def attendance_rows(s: Session, meeting_id: str) -> list[MeetingAttendance]:
    return list(s.scalars(select(MeetingAttendance).where(MeetingAttendance.meeting_id == meeting_id,
                                                          MeetingAttendance.deleted_at.is_(None))))


def minutes_content_of(s: Session, m: Meeting) -> dict[str, Any]:
    attendance = sorted(attendance_rows(s, m.id), key=lambda a: a.member_id)
    return {
        "number": m.number_text,
        "kind": m.kind,
        "held_on": m.held_on.isoformat(),
        "period": [m.period_year, m.period_month],
        "revision": m.revision,
        "amends_id": m.amends_id,
        "minutes": json.loads(m.content),
        "attendance": [{"member_id": a.member_id, "full_name": a.full_name, "party_status": a.party_status,
                        "list_no": a.list_no, "status": a.status, "reason": a.reason} for a in attendance],
    }


def minutes_chain_content(s: Session, meeting_id: str) -> dict[str, Any] | None:
    m = s.get(Meeting, meeting_id)
    if m is None or m.deleted_at is not None or m.status != "approved":
        return None
    return minutes_content_of(s, m)


def resolution_content_of(r: Resolution) -> dict[str, Any]:
    return {
        "number": r.number_text,
        "meeting_id": r.meeting_id,
        "title": r.title,
        "body": r.body,
        "issued_on": r.issued_on.isoformat() if r.issued_on else None,
        "signer_name": r.signer_name,
        "signer_role": r.signer_role,
        "recipients": r.recipients,
        "amends_id": r.amends_id,
    }


def resolution_chain_content(s: Session, resolution_id: str) -> dict[str, Any] | None:
    r = s.get(Resolution, resolution_id)
    if r is None or r.deleted_at is not None or r.status != "approved":
        return None
    return resolution_content_of(r)


@dataclass(frozen=True)
class RosterEntry:
    member_id: str
    full_name: str
    party_status: str
    list_no: int | None
    status: str  # present | exempt


def cell_roster(s: Session, cell_id: str, on: dt.date) -> list[RosterEntry]:
    """Members in the cell on `on`: admitted by then, and active, exempt or attending temporarily on
    that date according to the status history (not transferred, removed or deceased)."""
    members = list(s.scalars(select(Member).where(Member.cell_id == cell_id, Member.deleted_at.is_(None))))
    history: dict[str, list[StatusPeriod]] = {}
    changes = s.scalars(select(MemberStatusChange).where(MemberStatusChange.cell_id == cell_id,
                                                         MemberStatusChange.deleted_at.is_(None))
                        .order_by(MemberStatusChange.created_at))
    for order, c in enumerate(changes):
        history.setdefault(c.member_id, []).append(StatusPeriod(c.activity_status, c.status_from, c.status_to, order))
    out = []
    for m in members:
        if m.admitted_on is not None and m.admitted_on > on:
            continue
        current = StatusPeriod(m.activity_status, m.status_from, m.status_to, 1 << 30)
        status = rules.status_on(on, current, history.get(m.id, []))
        if status not in rules.IN_CELL_STATUSES:
            continue
        out.append(RosterEntry(m.id, m.full_name, rules.party_status_on(on, m.status, m.official_on), m.list_no,
                                "exempt" if status == "exempt" else "present"))
    return sorted(out, key=lambda r: (r.list_no is None, r.list_no or 0, r.full_name))


def load_meeting(s: Session, meeting_id: str) -> Meeting:
    m = s.get(Meeting, meeting_id)
    if m is None or m.deleted_at is not None:
        raise NotFound(MEETING.format())
    return m


def current_resolution(s: Session, meeting_id: str) -> Resolution | None:
    return s.scalars(select(Resolution).where(Resolution.meeting_id == meeting_id, Resolution.deleted_at.is_(None))
                     .order_by(Resolution.created_at.desc()).limit(1)).first()


def resolution_record(r: Resolution) -> ResolutionRecord:
    return ResolutionRecord(title=r.title, body=r.body, issued_on=r.issued_on, signer_name=r.signer_name,
                            signer_role=r.signer_role, recipients=[x for x in r.recipients.split("\n") if x],
                            id=r.id, meeting_id=r.meeting_id, status=r.status, number=r.number_text or "",
                            approved_at=r.approved_at, amends_id=r.amends_id, rev=r.rev)


def current_meetings(s: Session, cell_id: str, years: list[int] | None) -> list[Meeting]:
    """Live meetings, latest revision of each (an amended original is left out)."""
    q = select(Meeting).where(Meeting.cell_id == cell_id, Meeting.deleted_at.is_(None))
    if years:
        q = q.where(Meeting.period_year.in_(years))
    meetings = list(s.scalars(q.order_by(Meeting.held_on)))
    superseded = set(superseding_map(s, Meeting, [m.id for m in meetings]))
    return [m for m in meetings if m.id not in superseded]


def attendance_for(s: Session, meeting_ids: list[str]) -> list[MeetingAttendance]:
    out: list[MeetingAttendance] = []
    for i in range(0, len(meeting_ids), 500):
        chunk = meeting_ids[i:i + 500]
        out += s.scalars(select(MeetingAttendance).where(MeetingAttendance.meeting_id.in_(chunk),
                                                         MeetingAttendance.deleted_at.is_(None)))
    return out


def attendance_row(a: MeetingAttendance) -> AttendanceRow:
    return AttendanceRow(a.member_id, a.full_name, a.party_status, a.status, a.reason, a.list_no)


def attendance_entry(a: AttendanceRow) -> AttendanceEntry:
    return AttendanceEntry(a.member_id, a.full_name, a.party_status, a.status, a.reason, a.list_no)


def apply_content(m: Meeting, c: MinutesContent) -> None:
    m.kind, m.held_on, m.topic = c.kind, c.held_on, c.topic
    m.period_year, m.period_month = c.period_year, c.period_month
    m.start_time = c.start_time.strftime("%H:%M") if c.start_time else None
    m.end_time = c.end_time.strftime("%H:%M") if c.end_time else None
    m.location = c.location
    m.chair_member_id, m.secretary_member_id = c.chair_member_id, c.secretary_member_id
    m.content = json.dumps(content_to_dict(c), ensure_ascii=False, sort_keys=True)


def drop_autosave(s: Session, meeting_id: str) -> None:
    auto = s.get(MinutesAutosave, meeting_id)
    if auto is not None:
        s.delete(auto)
