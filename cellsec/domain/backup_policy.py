"""Which automatic backups to keep (thinned like Anki's): everything from today and yesterday, then the
newest of each of the 12 previous days, of each of 10 weeks and of each of 9 months before that."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

MIN_INTERVAL = dt.timedelta(minutes=30)
DAILY, WEEKLY, MONTHLY = 12, 10, 9


def backups_to_keep(taken: Iterable[dt.datetime], now: dt.datetime) -> set[dt.datetime]:
    today = now.date()
    keep: set[dt.datetime] = set()
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    months: set[tuple[int, int]] = set()
    for when in sorted(taken, reverse=True):  # newest first, so each period keeps its newest
        if (today - when.date()).days <= 1:
            keep.add(when)
            continue
        day, week, month = when.date(), tuple(when.isocalendar()[:2]), (when.year, when.month)
        if day in days or week in weeks or month in months:
            continue
        if len(days) < DAILY:
            days.add(day)
        elif len(weeks) < WEEKLY:
            weeks.add(week)
        elif len(months) < MONTHLY:
            months.add(month)
        else:
            continue
        keep.add(when)
    return keep


def backup_due(last_taken: dt.datetime | None, now: dt.datetime, changed_since: bool) -> bool:
    """A new automatic backup is due after changes, at most every 30 minutes."""
    if not changed_since:
        return False
    return last_taken is None or now - last_taken >= MIN_INTERVAL
