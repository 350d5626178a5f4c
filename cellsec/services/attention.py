"""Who needs attention: the members at risk, each with the reason and the data behind it.

The rules are the owning features' own: meeting absences through the meetings domain functions with the
meeting rule version in force (consecutive absences, months with absences counted toward removal),
dues through the dues ledger and the dues rules, "two years not fulfilling duties" through the reviews
service, probation and exemption horizons through the membership rules.
"""

from __future__ import annotations

import datetime as dt

from ..domain import attention as A
from ..domain import meetings as MD
from ..domain.reminders import Reminder
from .context import Context
from .common import CellScoped
from .dues.service import DuesService
from .members.facts import member_facts, registry_order
from .meetings.queries import attendance_for, current_meetings
from .meetings.reminder_rules import marks_of
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
        with self.ctx.read() as s:
            facts = member_facts(s, self.cell_id)
            marks = self._marks(s, year, today)
        return A.attention_list(
            facts, marks, year, today, meeting_rules=meeting_rules(self.ctx, min(today, dt.date(year, 12, 31))),
            dues_threshold=self.dues.rules_for(min(today, dt.date(year, 12, 1))).removal_unpaid_months,
            dues_years=self.dues.year_status(year, today), risks=self.ctx.services.reviews.removal_risks(),
            membership_rules=membership_rules, registry_order=registry_order)

    def _marks(self, s, year: int, today: dt.date) -> list[MD.AttendanceMark]:
        """Attendance at the year's meetings held by today: each meeting's latest revision (an amended
        original is left out), drafts included — the attendance is a fact even before approval."""
        current = {m.id: m for m in current_meetings(s, self.cell_id, [year]) if m.held_on <= today}
        return marks_of(current, attendance_for(s, list(current)))


def attention_reminders(ctx: Context, today: dt.date) -> list[Reminder]:
    """The overview's reminders about members: the same attention list, each item as one sentence."""
    if ctx.cell_id_or_none() is None:
        return []
    return A.as_reminders(ctx.services.attention.list(today))


register(ATTENTION, attention_reminders, order=10)
