"""The overview page: member counts and the reminders of what needs the secretary's attention.

The reminders come from the registry (services/reminders.py) that each feature registers its providers
with; the members who need attention come from the one attention list (services/attention.py).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select

from ..domain.reminders import Reminder
from ..store.models.meetings import Meeting
from ..store.models.members import Member
from . import reminders as registry
from .context import Context
from .members.records import MemberInput
from .members.service import MemberService
from .quick_start import overview_counts


class OverviewService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    @property
    def members(self) -> MemberService:
        return self.ctx.services.members

    def counts(self) -> dict[str, int]:
        """Live members per activity status, members in the cell ("total") and, of those,
        probationary ("du_bi") and official ("chinh_thuc")."""
        return overview_counts(self.members.counts_by_status(), self.members.counts_by_party_status())

    def setup_facts(self) -> tuple[bool, bool]:
        """For the overview's "Getting started" list: whether any meeting is recorded, and whether any live
        member has a dues category or basis other than the default. Existence checks, not lists."""
        cell_id = self.ctx.cell_id
        with self.ctx.read() as s:
            meeting = s.scalar(select(Meeting.id).where(Meeting.cell_id == cell_id, Meeting.deleted_at.is_(None))
                               .limit(1))
            dues = s.scalar(select(Member.id).where(
                Member.cell_id == cell_id, Member.deleted_at.is_(None),
                or_(Member.dues_basis > 0, Member.dues_category != MemberInput.dues_category)).limit(1))
        return meeting is not None, dues is not None

    def reminders(self, today: dt.date | None = None) -> list[Reminder]:
        """Every registered provider's reminders: warnings first, each group by due date (undated last)."""
        return registry.collect(self.ctx, today or dt.date.today())
