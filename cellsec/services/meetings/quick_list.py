"""`MeetingService.list` through the store's quick reader (store/quick.py: no SQLAlchemy), so that
`cellsec meetings list` answers in a fraction of the time. The rows are made by the same function as
the service's (records.meeting_summary), with the same rule lookup."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import TYPE_CHECKING

from ...domain.meetings import AttendanceEntry
from .records import MeetingSummary, meeting_summary
from .rulesets import RULE_VERSION_SETTING, pinned_rules_lookup

if TYPE_CHECKING:
    from ...store.quick import QuickReader

MEETING_COLUMNS = ("id", "held_on", "kind", "topic", "period_year", "period_month", "status", "number_text",
                   "revision", "amends_id", "content")
ATTENDANCE_COLUMNS = ("meeting_id", "member_id", "full_name", "party_status", "status", "reason", "list_no")


def quick_list(reader: QuickReader, year: int | None = None, *,
               include_superseded: bool = False) -> list[MeetingSummary]:
    """Meetings in date order (of `year`, or all); amended minutes show their latest revision only,
    unless `include_superseded` — as `MeetingService.list`."""
    rows = [SimpleNamespace(**dict(zip(MEETING_COLUMNS, row))) for row in reader.rows("meetings", MEETING_COLUMNS)]
    superseding = {m.amends_id: m.id for m in rows if m.amends_id}
    for m in rows:
        m.held_on = dt.date.fromisoformat(m.held_on[:10])
    meetings = sorted((m for m in rows if year is None or m.period_year == year),
                      key=lambda m: (m.held_on, m.revision))
    ids = [m.id for m in meetings]
    attendance: dict[str, list[AttendanceEntry]] = {}
    for row in reader.rows("meeting_attendance", ATTENDANCE_COLUMNS, ids=ids, id_column="meeting_id"):
        attendance.setdefault(row[0], []).append(AttendanceEntry(*row[1:]))
    resolutions = dict(reader.rows("resolutions", ("meeting_id", "status"), ids=ids, id_column="meeting_id"))
    rules_on = pinned_rules_lookup(reader.preference(RULE_VERSION_SETTING) or None)
    return [meeting_summary(m, attendance.get(m.id, []), superseding.get(m.id), resolutions.get(m.id),
                            rules_on(m.held_on))
            for m in meetings if include_superseded or m.id not in superseding]
