"""The member registry's reminders on the overview: records that lack required data.

(Probation and exemptions ending are members who need attention: they come from the attention list.)
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from ...domain import members as rules
from ...domain.members import FIELD_LABELS, IN_CELL_STATUSES
from ...domain.messages import Msg
from ...domain.reminders import INFO, Reminder
from ...store.models.members import Member
from ..context import Context
from ..reminders import register

MISSING_DATA = Msg("Hồ sơ đồng chí {name} còn thiếu: {fields}.", "{name}'s record lacks: {fields}.")


def missing_data_reminders(ctx: Context, today: dt.date) -> list[Reminder]:
    if ctx.cell_id_or_none() is None:
        return []
    with ctx.read() as s:
        members = list(s.scalars(
            select(Member).where(Member.cell_id == ctx.cell_id, Member.deleted_at.is_(None),
                                 Member.activity_status.in_(IN_CELL_STATUSES))
        ).all())
    out = []
    for m in sorted(members, key=lambda m: (m.list_no is None, m.list_no or 0, rules.name_sort_key(m.full_name))):
        missing = rules.missing_fields(m, m.card_no or "")
        if missing:
            labels = (FIELD_LABELS[f].format() for f in missing)
            fields = ", ".join(text[:1].lower() + text[1:] for text in labels)
            out.append(Reminder("missing_data", INFO, MISSING_DATA.format(name=m.full_name, fields=fields), m.id))
    return out


register("members.missing_data", missing_data_reminders, order=20)
