"""The year of meetings: the year plan, absences, a member's attendance history, the minutes book and
the overview's reminders. Part of MeetingService (services/meetings/service.py)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import select

from ...domain import meetings as rules
from ...domain.dates import format_date
from ...domain.meetings import AttendanceMark, PlannedMeeting, YearPlan
from ...store.models.meetings import Meeting
from ..context import Context
from .messages import (
    DRAFT_PENDING,
    MONTH_MISSING,
    QUARTER_DUE,
    QUARTER_MISSING,
    UNEXCUSED_REMINDER,
)
from .queries import attendance_for, current_meetings, meeting_label
from .records import AbsenceReport, MeetingRecord
from .rulesets import meeting_rules

if TYPE_CHECKING:
    from ...domain.reminders import Reminder


class YearMixin:
    ctx: Context

    # ---- the year and the absences -------------------------------------------------------------------
    def year_view(self, year: int, today: dt.date | None = None) -> YearPlan:
        """Each month's regular meeting and each quarter's thematic meeting(s), with what is missing or due."""
        today = today or dt.date.today()
        with self.ctx.read() as s:
            meetings = current_meetings(s, self.ctx.cell_id, [year])
            planned = [PlannedMeeting(m.id, m.kind, m.period_year, m.period_month, m.held_on, m.status, m.topic)
                       for m in meetings]
            rule_set = meeting_rules(self.ctx, dt.date(year, 12, 31), session=s)
        return rules.year_plan(year, planned, today, rule_set)

    def absences(self, year: int, today: dt.date | None = None) -> AbsenceReport:
        """Members absent more than 3 times in a row in `year`, members who missed meetings in 3 months of
        the year (removal ground), and every absence without reason."""
        today = today or dt.date.today()
        with self.ctx.read() as s:
            rule_set = meeting_rules(self.ctx, min(today, dt.date(year, 12, 31)), session=s)
            meetings = {m.id: m for m in current_meetings(s, self.ctx.cell_id, [year]) if m.held_on <= today}
            rows = attendance_for(s, list(meetings))
        marks = [AttendanceMark(a.meeting_id, meetings[a.meeting_id].held_on, meetings[a.meeting_id].period_year,
                                meetings[a.meeting_id].period_month, a.member_id, a.full_name, a.status) for a in rows]
        streaks = rules.absence_streaks(marks)
        unexcused: dict[str, list[str]] = {}
        for a in rows:
            if a.status == "absent_without_reason":
                unexcused.setdefault(a.meeting_id, []).append(a.full_name)
        return AbsenceReport(
            year=year,
            over_consecutive=rules.over_consecutive_limit(streaks, rule_set),
            removal_risks=rules.removal_risks(marks, year, rule_set),
            unexcused=[(mid, meetings[mid].held_on, sorted(names)) for mid, names in
                       sorted(unexcused.items(), key=lambda kv: meetings[kv[0]].held_on)],
        )

    def member_attendance(self, member_id: str, year: int | None = None) -> list[tuple[dt.date, str, str, str]]:
        """A member's attendance history: (date, meeting title, status, reason), newest first."""
        with self.ctx.read() as s:
            years = [year] if year else None
            meetings = {m.id: m for m in current_meetings(s, self.ctx.cell_id, years)}
            rows = [a for a in attendance_for(s, list(meetings)) if a.member_id == member_id]
        out = [(meetings[a.meeting_id].held_on, meeting_label(meetings[a.meeting_id]), a.status, a.reason) for a in rows]
        return sorted(out, key=lambda x: x[0], reverse=True)

    def reminders(self, today: dt.date | None = None) -> list[Reminder]:
        return meeting_reminders(self.ctx, today or dt.date.today())

    # ---- printing -------------------------------------------------------------------------------------
    def book(self, year: int) -> list[MeetingRecord]:
        """The year's approved minutes in date order (for the minutes book): every approved revision,
        so an amendment is bound after the minutes it corrects."""
        with self.ctx.read() as s:
            q = select(Meeting).where(Meeting.cell_id == self.ctx.cell_id, Meeting.deleted_at.is_(None),
                                      Meeting.status == "approved", Meeting.number_year == year)
            return [self._record(s, m) for m in s.scalars(q.order_by(Meeting.held_on, Meeting.revision))]


# ---------------------------------------------------------------------------------------------------


def meeting_reminders(ctx: Context, today: dt.date) -> list[Reminder]:
    """Reminders for the overview page: missing regular meetings this year, thematic meetings missing or
    due this quarter, minutes left unapproved, absences without reason in the last meeting. Members absent
    too often come from the one attention list (services/attention.py)."""
    from ...domain.reminders import Reminder  # noqa: F811 (overview imports this module: import when called)

    if ctx.cell_id_or_none() is None:
        return []
    from ..reminders import cell_start

    service = ctx.services.meetings
    out: list[Reminder] = []
    plan = service.year_view(today.year, today)
    # Nothing is asked for the months before the cell's records start (a cell set up in December is not
    # told that January to November had no meeting).
    start = cell_start(ctx) or dt.date(today.year, 1, 1)
    missing = [m for m in plan.missing_months if dt.date(today.year, m, 1) >= start.replace(day=1)]
    if missing:
        out.append(Reminder("meeting_missing", "warning", MONTH_MISSING.format(
            months=", ".join(str(m) for m in missing), year=today.year),
            due=dt.date(today.year, missing[0], 1)))
    for q in plan.quarters:
        quarter_end = dt.date(today.year, q.quarter * 3, 1)
        quarter_end = (quarter_end.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        if quarter_end < start:
            continue
        if q.state == "missing":
            out.append(Reminder("thematic_missing", "warning", QUARTER_MISSING.format(
                quarter=rules.QUARTER_NAMES[q.quarter - 1], year=today.year), due=quarter_end))
        elif q.state == "due" and (quarter_end - today).days <= 31:
            out.append(Reminder("thematic_due", "info", QUARTER_DUE.format(
                quarter=rules.QUARTER_NAMES[q.quarter - 1], year=today.year, end=format_date(quarter_end)),
                due=quarter_end))
    with ctx.read() as s:
        drafts = list(s.scalars(select(Meeting).where(Meeting.cell_id == ctx.cell_id, Meeting.deleted_at.is_(None),
                                                      Meeting.status == "draft", Meeting.held_on < today)
                                .order_by(Meeting.held_on)))
    for m in drafts:
        out.append(Reminder("minutes_draft", "info", DRAFT_PENDING.format(date=format_date(m.held_on)), due=m.held_on))
    report = service.absences(today.year, today)
    if report.unexcused:
        meeting_id, held_on, names = report.unexcused[-1]
        out.append(Reminder("absent_without_reason", "info",
                            UNEXCUSED_REMINDER.format(date=format_date(held_on), names=", ".join(names)), due=held_on))
    return out
