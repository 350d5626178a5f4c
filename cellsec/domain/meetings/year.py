"""The year plan: each month's regular meeting and each quarter's thematic meeting, with what is
missing or due."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from ..messages import Msg
from .kinds import DEFAULT_RULES, MeetingRules, REGULAR_KINDS, THEMATIC_KINDS, quarter_of


@dataclass(frozen=True)
class PlannedMeeting:
    """What the year view needs of a meeting."""

    id: str
    kind: str
    period_year: int
    period_month: int
    held_on: dt.date
    status: str  # draft | approved
    topic: str = ""


# Slot states: done = approved; draft = held, minutes not approved; missing = period over, none held
# (overdue); due = the current period, not held yet; upcoming = a future period.
SLOT_STATES = ("done", "draft", "missing", "due", "upcoming")
SLOT_STATE_LABELS: dict[str, Msg] = {
    "done": Msg("Đã thông qua biên bản", "Minutes approved"),
    "draft": Msg("Đã họp, chưa thông qua biên bản", "Held, minutes not approved"),
    "missing": Msg("Chưa tổ chức (quá hạn)", "Not held (overdue)"),
    "due": Msg("Đến kỳ, chưa tổ chức", "Due, not held yet"),
    "upcoming": Msg("Chưa đến kỳ", "Not due yet"),
}


@dataclass(frozen=True)
class MonthSlot:
    month: int
    state: str
    meetings: tuple[PlannedMeeting, ...]  # the month's regular (or combined) meetings


@dataclass(frozen=True)
class QuarterSlot:
    quarter: int
    state: str
    meetings: tuple[PlannedMeeting, ...]  # the quarter's thematic (or combined) meetings
    required: int


@dataclass(frozen=True)
class YearPlan:
    year: int
    months: tuple[MonthSlot, ...]
    quarters: tuple[QuarterSlot, ...]
    others: tuple[PlannedMeeting, ...]  # extraordinary meetings

    @property
    def missing_months(self) -> list[int]:
        return [m.month for m in self.months if m.state == "missing"]

    @property
    def missing_quarters(self) -> list[int]:
        return [q.quarter for q in self.quarters if q.state == "missing"]


def _state(meetings: list[PlannedMeeting], enough: int, period_over: bool, period_started: bool) -> str:
    if len(meetings) >= enough:
        return "done" if sum(1 for m in meetings if m.status == "approved") >= enough else "draft"
    if period_over:
        return "missing"
    return "due" if period_started else "upcoming"


def year_plan(year: int, meetings: Iterable[PlannedMeeting], today: dt.date,
              rules: MeetingRules = DEFAULT_RULES) -> YearPlan:
    """Each month's regular meeting and each quarter's thematic meetings of `year`, with what is missing
    (the period is over and nothing was held) or still due."""
    meetings = [m for m in meetings if m.period_year == year]
    month_slots = []
    for month in range(1, 13):
        held = sorted((m for m in meetings if m.period_month == month and m.kind in REGULAR_KINDS),
                      key=lambda m: m.held_on)
        over = (year, month) < (today.year, today.month)
        started = (year, month) <= (today.year, today.month)
        month_slots.append(MonthSlot(month, _state(held, 1, over, started), tuple(held)))
    quarter_slots = []
    today_quarter = (today.year, quarter_of(today.month))
    for quarter in range(1, 5):
        held = sorted((m for m in meetings if quarter_of(m.period_month) == quarter and m.kind in THEMATIC_KINDS),
                      key=lambda m: m.held_on)
        over = (year, quarter) < today_quarter
        started = (year, quarter) <= today_quarter
        quarter_slots.append(QuarterSlot(quarter, _state(held, rules.thematic_per_quarter, over, started),
                                         tuple(held), rules.thematic_per_quarter))
    others = tuple(sorted((m for m in meetings if m.kind == "bat_thuong"), key=lambda m: m.held_on))
    return YearPlan(year, tuple(month_slots), tuple(quarter_slots), others)
