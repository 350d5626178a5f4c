"""The meetings feature's part of the overview, computed from plain rows: the year plan's input, the
absences of a year and the reminders. The meetings service reads the rows with the ORM, the window's
first overview with the quick reader (store/quick_overview.py); the computation is this one. No
SQLAlchemy here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ...domain import meetings as rules
from ...domain.dates import format_date
from ...domain.meetings import AttendanceMark, MeetingRules, PlannedMeeting, YearPlan
from ...domain.reminders import INFO, WARNING, Reminder
from .messages import DRAFT_PENDING, MONTH_MISSING, QUARTER_DUE, QUARTER_MISSING, UNEXCUSED_REMINDER
from .records import AbsenceReport

VIETNAM = dt.timezone(dt.timedelta(hours=7))


def cell_start_from(created: dt.datetime | None, first_meeting: dt.date | None) -> dt.date | None:
    """The day the cell's records start: the earlier of the day the cell was set up in the program (in
    Vietnam time; `created` is UTC) and its first recorded meeting. Reminders about periods before it
    (months without a meeting before the program was used) are not the secretary's to act on."""
    if created is None:
        return first_meeting
    set_up = (created if created.tzinfo else created.replace(tzinfo=dt.timezone.utc)).astimezone(VIETNAM).date()
    return min(set_up, first_meeting) if first_meeting else set_up


def year_plan_of(meetings: Iterable, year: int, today: dt.date, rule_set: MeetingRules) -> YearPlan:
    """Each month's regular meeting and each quarter's thematic meeting(s) of `year`, with what is missing
    or due (`meetings`: the year's current meetings, rows with the meetings table's columns)."""
    planned = [PlannedMeeting(m.id, m.kind, m.period_year, m.period_month, m.held_on, m.status, m.topic)
               for m in meetings]
    return rules.year_plan(year, planned, today, rule_set)


def marks_of(meetings: dict, rows: Iterable) -> list[AttendanceMark]:
    """The attendance marks of `rows` (attendance rows of the meetings in `meetings`, id -> meeting)."""
    return [AttendanceMark(a.meeting_id, meetings[a.meeting_id].held_on, meetings[a.meeting_id].period_year,
                           meetings[a.meeting_id].period_month, a.member_id, a.full_name, a.status) for a in rows]


def absence_report(meetings: dict, rows: Iterable, rule_set: MeetingRules, year: int) -> AbsenceReport:
    """Members absent more than the limit in a row, members who missed meetings in too many months of the
    year (removal ground), and every absence without reason. `meetings`: id -> the year's current meetings
    held by today; `rows`: their live attendance rows."""
    rows = list(rows)
    marks = marks_of(meetings, rows)
    streaks = rules.absence_streaks(marks)
    unexcused: dict[str, list[str]] = {}
    for a in rows:
        if a.status == "absent_without_reason":
            unexcused.setdefault(a.meeting_id, []).append(a.full_name)
    return AbsenceReport(
        year=year,
        over_consecutive=rules.over_consecutive_limit(streaks, rule_set),
        removal_risks=rules.removal_risks(marks, year, rule_set),
        unexcused=[(mid, meetings[mid].held_on, sorted(names)) for mid, names in
                   sorted(unexcused.items(), key=lambda kv: meetings[kv[0]].held_on)],
    )


def meeting_reminders_from(plan: YearPlan, start: dt.date | None, drafts: Iterable[dt.date],
                           report: AbsenceReport, today: dt.date) -> list[Reminder]:
    """The overview's meeting reminders: missing regular meetings this year, thematic meetings missing or
    due this quarter, minutes left unapproved (`drafts`: the dates of draft meetings held before today, in
    date order), absences without reason in the last meeting. Nothing is asked for the months before the
    cell's records `start` (a cell set up in December is not told that January to November had no meeting)."""
    out: list[Reminder] = []
    start = start or dt.date(today.year, 1, 1)
    missing = [m for m in plan.missing_months if dt.date(today.year, m, 1) >= start.replace(day=1)]
    if missing:
        out.append(Reminder("meeting_missing", WARNING, MONTH_MISSING.format(
            months=", ".join(str(m) for m in missing), year=today.year),
            due=dt.date(today.year, missing[0], 1)))
    for q in plan.quarters:
        quarter_end = dt.date(today.year, q.quarter * 3, 1)
        quarter_end = (quarter_end.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        if quarter_end < start:
            continue
        if q.state == "missing":
            out.append(Reminder("thematic_missing", WARNING, QUARTER_MISSING.format(
                quarter=rules.QUARTER_NAMES[q.quarter - 1], year=today.year), due=quarter_end))
        elif q.state == "due" and (quarter_end - today).days <= 31:
            out.append(Reminder("thematic_due", INFO, QUARTER_DUE.format(
                quarter=rules.QUARTER_NAMES[q.quarter - 1], year=today.year, end=format_date(quarter_end)),
                due=quarter_end))
    for held_on in drafts:
        out.append(Reminder("minutes_draft", INFO, DRAFT_PENDING.format(date=format_date(held_on)), due=held_on))
    if report.unexcused:
        _meeting_id, held_on, names = report.unexcused[-1]
        out.append(Reminder("absent_without_reason", INFO,
                            UNEXCUSED_REMINDER.format(date=format_date(held_on), names=", ".join(names)), due=held_on))
    return out
