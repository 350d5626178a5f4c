"""The year of meetings: the year plan, absences, a member's attendance history, the minutes book and
the overview's reminders. Part of MeetingService (services/meetings/service.py)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import select

from ...domain.meetings import YearPlan
from ...store.models.meetings import Meeting
from ..context import Context
from .queries import attendance_for, current_meetings, meeting_label
from .records import AbsenceReport, MeetingRecord
from .reminder_rules import absence_report, meeting_reminders_from, year_plan_of
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
            rule_set = meeting_rules(self.ctx, dt.date(year, 12, 31), session=s)
        return year_plan_of(meetings, year, today, rule_set)

    def absences(self, year: int, today: dt.date | None = None) -> AbsenceReport:
        """Members absent more than 3 times in a row in `year`, members who missed meetings in 3 months of
        the year (removal ground), and every absence without reason."""
        today = today or dt.date.today()
        with self.ctx.read() as s:
            rule_set = meeting_rules(self.ctx, min(today, dt.date(year, 12, 31)), session=s)
            meetings = {m.id: m for m in current_meetings(s, self.ctx.cell_id, [year]) if m.held_on <= today}
            rows = attendance_for(s, list(meetings))
        return absence_report(meetings, rows, rule_set, year)

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
    """Reminders for the overview page (reminder_rules.meeting_reminders_from). Members absent too often
    come from the one attention list (services/attention.py)."""
    if ctx.cell_id_or_none() is None:
        return []
    from ..reminders import cell_start

    service = ctx.services.meetings
    plan = service.year_view(today.year, today)
    with ctx.read() as s:
        drafts = list(s.scalars(select(Meeting.held_on).where(
            Meeting.cell_id == ctx.cell_id, Meeting.deleted_at.is_(None), Meeting.status == "draft",
            Meeting.held_on < today).order_by(Meeting.held_on)))
    return meeting_reminders_from(plan, cell_start(ctx), drafts, service.absences(today.year, today), today)
