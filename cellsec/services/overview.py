"""The overview page: member counts and the reminders of what needs the secretary's attention.

The reminders come from the registry (services/reminders.py) that each feature registers its providers
with; the members who need attention come from the one attention list (services/attention.py).
"""

from __future__ import annotations

import datetime as dt

from ..domain.members import IN_CELL_STATUSES
from ..domain.reminders import Reminder
from . import reminders as registry
from .context import Context
from .members.service import MemberService


class OverviewService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    @property
    def members(self) -> MemberService:
        return self.ctx.services.members

    def counts(self) -> dict[str, int]:
        """Live members per activity status, members in the cell ("total") and, of those,
        probationary ("du_bi") and official ("chinh_thuc")."""
        counts = self.members.counts_by_status()
        counts["total"] = sum(counts[s] for s in IN_CELL_STATUSES)
        counts.update(self.members.counts_by_party_status())
        return counts

    def reminders(self, today: dt.date | None = None) -> list[Reminder]:
        """Every registered provider's reminders: warnings first, each group by due date (undated last)."""
        return registry.collect(self.ctx, today or dt.date.today())
