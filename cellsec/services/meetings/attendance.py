"""Attendance of a meeting: marking members present or absent, and refreshing the list from the
registry. Part of MeetingService (services/meetings/service.py)."""

from __future__ import annotations

from typing import Iterable

from ...domain import meetings as rules
from ...domain.text import clean_text
from ...store.base import utcnow
from ...store.models.meetings import MeetingAttendance
from ..context import Context
from ..errors import ValidationFailed
from ..lifecycle import ensure_editable
from .messages import (
    ATTENDANCE_MANY_SUMMARY,
    ATTENDANCE_SUMMARY,
    BAD_STATUS,
    EXEMPT_FIXED,
    LOCKED,
    NOT_ON_LIST,
    REASON_REQUIRED,
    ROSTER_SUMMARY,
    SUPERSEDED,
)
from .queries import attendance_rows, cell_roster, load_meeting, meeting_label
from .records import AttendanceInput, MeetingRecord


class AttendanceMixin:
    ctx: Context

    # ---- attendance --------------------------------------------------------------------------------
    def set_attendance(self, meeting_id: str, member_id: str, status: str, reason: str = "") -> MeetingRecord:
        return self.set_attendance_many(meeting_id, [AttendanceInput(member_id, status, reason)])

    def set_attendance_many(self, meeting_id: str, rows: Iterable[AttendanceInput]) -> MeetingRecord:
        """Mark members present / absent with reason (the reason is required) / absent without reason.
        Exempt members stay exempt (their standing comes from the registry, frozen at creation)."""
        rows = [AttendanceInput(r.member_id, r.status, clean_text(r.reason)) for r in rows]
        with self.ctx.read() as s:
            m = load_meeting(s, meeting_id)
            ensure_editable(s, m, locked=LOCKED, superseded=SUPERSEDED)
            current = {a.member_id: a for a in attendance_rows(s, meeting_id)}
            errors: dict[str, str] = {}
            for r in rows:
                a = current.get(r.member_id)
                if a is None:
                    errors[r.member_id] = NOT_ON_LIST.format()
                elif r.status not in rules.ATTENDANCE_STATUSES or r.status == "exempt":
                    errors[r.member_id] = (EXEMPT_FIXED if r.status == "exempt" else BAD_STATUS).format()
                elif a.status == "exempt":
                    errors[r.member_id] = EXEMPT_FIXED.format()
                elif r.status == "absent_with_reason" and not r.reason:
                    errors[r.member_id] = REASON_REQUIRED.format()
            if errors:
                raise ValidationFailed(errors)
            changes = [r for r in rows if (current[r.member_id].status, current[r.member_id].reason)
                       != (r.status, r.reason if r.status == "absent_with_reason" else "")]
            label = meeting_label(m)
        if not changes:
            return self.get(meeting_id)
        if len(changes) == 1:
            name = current[changes[0].member_id].full_name
            summary = ATTENDANCE_SUMMARY.format(name=name, status=rules.ATTENDANCE_LABELS[changes[0].status].format(),
                                                title=label)
        else:
            summary = ATTENDANCE_MANY_SUMMARY.format(title=label)
        with self.ctx.mutation("meeting.attendance", summary) as s:
            by_member = {a.member_id: a for a in attendance_rows(s, meeting_id)}
            for r in changes:
                a = by_member[r.member_id]
                a.status = r.status
                a.reason = r.reason if r.status == "absent_with_reason" else ""
        return self.get(meeting_id)

    def refresh_roster(self, meeting_id: str) -> MeetingRecord:
        """Draft only: bring the attendance list in line with the registry on the meeting date (members
        who joined or left, changed names, exemptions). Marks of members still listed are kept."""
        with self.ctx.read() as s:
            m = load_meeting(s, meeting_id)
            ensure_editable(s, m, locked=LOCKED, superseded=SUPERSEDED)
            label = meeting_label(m)
        with self.ctx.mutation("meeting.roster", ROSTER_SUMMARY.format(title=label)) as s:
            m = load_meeting(s, meeting_id)
            roster = {r.member_id: r for r in cell_roster(s, m.cell_id, m.held_on)}
            existing = {a.member_id: a for a in attendance_rows(s, meeting_id)}
            now = utcnow()
            for member_id, a in existing.items():
                fresh = roster.get(member_id)
                if fresh is None:
                    a.deleted_at = now
                    continue
                a.full_name, a.party_status, a.list_no = fresh.full_name, fresh.party_status, fresh.list_no
                if fresh.status == "exempt":
                    a.status, a.reason = "exempt", ""
                elif a.status == "exempt":
                    a.status = "present"
            for member_id, fresh in roster.items():
                if member_id not in existing:
                    s.add(MeetingAttendance(cell_id=m.cell_id, meeting_id=meeting_id, member_id=member_id,
                                            full_name=fresh.full_name, party_status=fresh.party_status,
                                            list_no=fresh.list_no, status=fresh.status))
        return self.get(meeting_id)
