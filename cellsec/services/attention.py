"""Who needs attention: the members at risk, each with the reason and the data behind it.

The rules are the owning features' own: meeting absences through the meetings domain functions with the
meeting rule version in force (consecutive absences, months with absences counted toward removal),
dues through the dues ledger and the dues rules, "two years not fulfilling duties" through the reviews
service, probation and exemption horizons through the membership rules.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from ..domain import attention as A
from ..domain import meetings as MD
from ..domain.members import IN_CELL_STATUSES, probation_end
from ..domain.reminders import Reminder
from ..store.models.meetings import Meeting, MeetingAttendance
from .context import Context
from .common import CellScoped
from .dues.service import DuesService
from .members.facts import member_facts, registry_order
from .meetings.rulesets import meeting_rules
from .members.service import membership_rules
from .reminders import ATTENTION, register


class AttentionService(CellScoped):
    def __init__(self, ctx: Context, dues: DuesService | None = None) -> None:
        super().__init__(ctx)
        self.dues = dues or ctx.services.dues

    def list(self, today: dt.date | None = None, year: int | None = None) -> list[A.AttentionItem]:
        """Every reason any member of the cell needs attention, most serious first. `year` (default:
        today's) is the calendar year the absence and dues counts run over."""
        today = today or dt.date.today()
        year = year or today.year
        horizon = membership_rules(today).reminder_days
        with self.ctx.read() as s:
            facts = [m for m in member_facts(s, self.cell_id) if m.activity_status in IN_CELL_STATUSES]
            marks = self._marks(s, year, today)
        in_cell = {m.id: m for m in facts}
        items: list[A.AttentionItem] = []

        rules = meeting_rules(self.ctx, min(today, dt.date(year, 12, 31)))
        counted = MD.absent_months(marks, year, rules.removal_absence_statuses)
        for member_id, (name, months) in counted.items():
            if member_id in in_cell:
                item = A.absent_months_item(member_id, name, year, list(months), rules.removal_absent_months)
                if item:
                    items.append(item)
        for streak in MD.absence_streaks(marks).values():
            if streak.member_id in in_cell:
                item = A.consecutive_item(streak.member_id, streak.full_name, streak.longest,
                                          rules.consecutive_absence_limit, streak.last_absent_on)
                if item:
                    items.append(item)
        unexcused: dict[str, list[dt.date]] = {}
        for mark in marks:
            if mark.status == "absent_without_reason" and mark.member_id in in_cell:
                unexcused.setdefault(mark.member_id, []).append(mark.held_on)
        for member_id, dates in unexcused.items():
            item = A.unexcused_item(member_id, in_cell[member_id].full_name, year, dates)
            if item:
                items.append(item)

        threshold = self.dues.rules_for(min(today, dt.date(year, 12, 1))).removal_unpaid_months
        for st in self.dues.year_status(year, today):
            if st.member_id in in_cell:
                item = A.dues_item(st.member_id, st.full_name, year, st.counted_unpaid, threshold)
                if item:
                    items.append(item)

        for risk in self.ctx.services.reviews.removal_risks():
            if risk.member_id in in_cell:
                items.append(A.failed_years_item(risk.member_id, risk.name, risk.years))

        for m in facts:
            if m.status == "du_bi" and m.admitted_on is not None and m.official_on is None:
                item = A.probation_item(m.id, m.full_name, probation_end(m.admitted_on, membership_rules(m.admitted_on)), today, horizon)
                if item:
                    items.append(item)
            if m.activity_status == "exempt" and m.status_to is not None:
                item = A.exemption_item(m.id, m.full_name, m.status_to, today, horizon)
                if item:
                    items.append(item)
        return A.sort_items(items, {m.id: registry_order(m) for m in facts})

    def _marks(self, s, year: int, today: dt.date) -> list[MD.AttendanceMark]:
        """Attendance at the year's meetings held by today: each meeting's latest revision (an amended
        original is left out), drafts included — the attendance is a fact even before approval."""
        meetings = s.scalars(select(Meeting).where(Meeting.cell_id == self.cell_id, Meeting.deleted_at.is_(None),
                                                   Meeting.period_year == year, Meeting.held_on <= today)).all()
        superseded = {m.amends_id for m in s.scalars(select(Meeting).where(
            Meeting.cell_id == self.cell_id, Meeting.deleted_at.is_(None), Meeting.amends_id.is_not(None)))}
        current = {m.id: m for m in meetings if m.id not in superseded}
        if not current:
            return []
        rows = s.scalars(select(MeetingAttendance).where(MeetingAttendance.meeting_id.in_(list(current)),
                                                         MeetingAttendance.deleted_at.is_(None))).all()
        return [MD.AttendanceMark(r.meeting_id, current[r.meeting_id].held_on, current[r.meeting_id].period_year,
                                  current[r.meeting_id].period_month, r.member_id, r.full_name, r.status)
                for r in rows]


def attention_reminders(ctx: Context, today: dt.date) -> list[Reminder]:
    """The overview's reminders about members: the same attention list, each item as one sentence."""
    if ctx.cell_id_or_none() is None:
        return []
    return A.as_reminders(ctx.services.attention.list(today))


register(ATTENTION, attention_reminders, order=10)
