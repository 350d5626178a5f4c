"""The documents' reminders on the overview: a document of this laptop that sync renumbered lately (the
cell's other laptop gave the same number first) must be printed again with its new number. Registered with
services/reminders.py."""

from __future__ import annotations

import datetime as dt

from ...domain.documents import REPRINT_REMINDER_DAYS
from ...domain.messages import Msg
from ...domain.reminders import WARNING, Reminder
from ..context import Context
from ..reminders import VIETNAM, register

REPRINT = Msg("{title} nay là {number} (đánh số lại khi đồng bộ): hãy in lại. Xem ở Cài đặt → Số văn bản.",
              "{title} is now {number} (renumbered while syncing): print it again. See Settings → Document numbers.")


def renumbered_reminders(ctx: Context, today: dt.date) -> list[Reminder]:
    if ctx.cell_id_or_none() is None:
        return []
    since = today - dt.timedelta(days=REPRINT_REMINDER_DAYS)
    return [Reminder("renumbered", WARNING, REPRINT.format(title=r.title, number=r.number))
            for r in ctx.services.numbers.renumbered() if r.at.astimezone(VIETNAM).date() >= since]


register("documents", renumbered_reminders, order=20)
