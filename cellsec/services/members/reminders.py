"""The member registry's reminders on the overview: records that lack required data (missing.py).

(Probation and exemptions ending are members who need attention: they come from the attention list.)
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from ...domain.members import IN_CELL_STATUSES
from ...domain.reminders import Reminder
from ...store.models.members import Member
from ..context import Context
from ..reminders import register
from .missing import missing_data_from


def missing_data_reminders(ctx: Context, today: dt.date) -> list[Reminder]:
    if ctx.cell_id_or_none() is None:
        return []
    with ctx.read() as s:
        members = list(s.scalars(
            select(Member).where(Member.cell_id == ctx.cell_id, Member.deleted_at.is_(None),
                                 Member.activity_status.in_(IN_CELL_STATUSES))
        ).all())
    return missing_data_from(members)


register("members.missing_data", missing_data_reminders, order=20)
