"""Attendance counts and rate, the meeting's duration, who is in the cell on a date, and absence tracking
(streaks, months missed: the removal ground)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction
from typing import Iterable

from .kinds import ABSENT_STATUSES, DEFAULT_RULES, MeetingRules


@dataclass(frozen=True)
class AttendanceEntry:
    """One member's line of a meeting's attendance, as frozen at the meeting."""

    member_id: str
    full_name: str
    party_status: str  # du_bi | chinh_thuc
    status: str  # one of ATTENDANCE_STATUSES
    reason: str = ""
    list_no: int | None = None


@dataclass(frozen=True)
class AttendanceSummary:
    total: int  # members of the cell on the meeting date (exempt included)
    official: int
    probationary: int
    exempt: int
    expected: int  # total - exempt: the denominator of the rate
    present: int
    absent_with_reason: tuple[tuple[str, str], ...]  # (name, reason)
    absent_without_reason: tuple[str, ...]
    exempt_names: tuple[str, ...]
    rate: Fraction | None  # present / expected; None when nobody is expected
    rate_low: bool

    @property
    def absent(self) -> int:
        return len(self.absent_with_reason) + len(self.absent_without_reason)

    @property
    def rate_percent(self) -> float | None:
        return None if self.rate is None else float(self.rate * 100)


def attendance_rate(present: int, total: int, exempt: int) -> Fraction | None:
    """present / (total − exempt), exact (so 85 % is not lost to float rounding)."""
    expected = total - exempt
    return None if expected <= 0 else Fraction(present, expected)


def attendance_low(rate: Fraction | None, rules: MeetingRules = DEFAULT_RULES) -> bool:
    """Flagged at or below the threshold (quality needs *above* 85 %, reference §1.6)."""
    return rate is not None and rate * 100 <= rules.attendance_min_percent


def summarize_attendance(entries: Iterable[AttendanceEntry], rules: MeetingRules = DEFAULT_RULES) -> AttendanceSummary:
    entries = list(entries)
    exempt = [e for e in entries if e.status == "exempt"]
    present = [e for e in entries if e.status == "present"]
    with_reason = tuple((e.full_name, e.reason) for e in entries if e.status == "absent_with_reason")
    without = tuple(e.full_name for e in entries if e.status == "absent_without_reason")
    rate = attendance_rate(len(present), len(entries), len(exempt))
    return AttendanceSummary(
        total=len(entries),
        official=sum(1 for e in entries if e.party_status == "chinh_thuc"),
        probationary=sum(1 for e in entries if e.party_status != "chinh_thuc"),
        exempt=len(exempt),
        expected=len(entries) - len(exempt),
        present=len(present),
        absent_with_reason=with_reason,
        absent_without_reason=without,
        exempt_names=tuple(e.full_name for e in exempt),
        rate=rate,
        rate_low=attendance_low(rate, rules),
    )


def format_percent(rate: Fraction | None, digits: int = 1) -> str:
    """'92,9%' (Vietnamese decimal comma); '—' without a rate."""
    if rate is None:
        return "—"
    return f"{float(rate * 100):.{digits}f}".replace(".", ",") + "%"


# ---------------------------------------------------------------------------------------------------
# Duration
# ---------------------------------------------------------------------------------------------------


def duration_minutes(start: dt.time | None, end: dt.time | None) -> int | None:
    """Minutes from start to end on the same day; None if either is missing or end is before start."""
    if start is None or end is None:
        return None
    minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    return minutes if minutes >= 0 else None


def min_duration(kind: str, rules: MeetingRules = DEFAULT_RULES) -> int:
    return rules.min_duration_combined_minutes if kind == "combined" else rules.min_duration_minutes


def duration_short(minutes: int | None, kind: str, rules: MeetingRules = DEFAULT_RULES) -> bool:
    return minutes is not None and minutes < min_duration(kind, rules)


IN_CELL_STATUSES = ("active", "exempt", "temporary")


@dataclass(frozen=True)
class StatusPeriod:
    activity_status: str
    status_from: dt.date | None
    status_to: dt.date | None = None
    recorded_order: int = 0  # tie-break between entries with the same start (later recorded wins)


def status_on(on: dt.date, current: StatusPeriod, history: Iterable[StatusPeriod]) -> str:
    """A member's activity status on a date, from the status history (and the current status).

    The latest entry starting on or before `on` wins; an exemption that ended before `on` means the member
    was active again. Before any recorded entry the member is taken as active.
    """
    entries = [h for h in history if h.status_from is None or h.status_from <= on]
    if current.status_from is None or current.status_from <= on:
        entries.append(current)
    if not entries:
        return "active"
    latest = max(entries, key=lambda h: (h.status_from or dt.date.min, h.recorded_order))
    if latest.activity_status == "exempt" and latest.status_to is not None and latest.status_to < on:
        return "active"
    return latest.activity_status


def party_status_on(on: dt.date, status: str, official_on: dt.date | None) -> str:
    """chính thức from the official date on; dự bị before it (a member without the date keeps `status`)."""
    if official_on is not None:
        return "chinh_thuc" if official_on <= on else "du_bi"
    return status


# ---------------------------------------------------------------------------------------------------
# Absences across meetings
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AttendanceMark:
    """A member's status at one meeting, for tracking absences over time."""

    meeting_id: str
    held_on: dt.date
    period_year: int
    period_month: int
    member_id: str
    full_name: str
    status: str


@dataclass(frozen=True)
class AbsenceStreak:
    member_id: str
    full_name: str
    longest: int  # most consecutive absences
    current: int  # consecutive absences up to the latest meeting
    last_absent_on: dt.date | None


def absence_streaks(marks: Iterable[AttendanceMark]) -> dict[str, AbsenceStreak]:
    """Consecutive absences (with or without reason) per member, over the meetings they were listed at,
    in date order. Exempt meetings neither break nor extend a streak."""
    by_member: dict[str, list[AttendanceMark]] = {}
    for mark in marks:
        by_member.setdefault(mark.member_id, []).append(mark)
    result: dict[str, AbsenceStreak] = {}
    for member_id, items in by_member.items():
        items.sort(key=lambda m: (m.held_on, m.meeting_id))
        longest = current = 0
        last_absent: dt.date | None = None
        for m in items:
            if m.status in ABSENT_STATUSES:
                current += 1
                longest = max(longest, current)
                last_absent = m.held_on
            elif m.status == "present":
                current = 0
        result[member_id] = AbsenceStreak(member_id, items[-1].full_name, longest, current, last_absent)
    return result


def over_consecutive_limit(streaks: dict[str, AbsenceStreak],
                           rules: MeetingRules = DEFAULT_RULES) -> list[AbsenceStreak]:
    """Members absent more than the limit (3) times in a row."""
    return sorted((s for s in streaks.values() if s.longest > rules.consecutive_absence_limit),
                  key=lambda s: (-s.longest, s.full_name))


@dataclass(frozen=True)
class RemovalRisk:
    member_id: str
    full_name: str
    months: tuple[int, ...]  # months of the year with a counted absence


def absent_months(marks: Iterable[AttendanceMark], year: int,
                  statuses: Iterable[str] = ("absent_without_reason",)) -> dict[str, tuple[str, tuple[int, ...]]]:
    """member_id -> (name, distinct months of `year` in which the member missed a meeting with a counted
    status). The month is the meeting's period month (the month whose meeting was missed)."""
    wanted = set(statuses)
    months: dict[str, set[int]] = {}
    names: dict[str, str] = {}
    for m in marks:
        if m.period_year == year and m.status in wanted:
            months.setdefault(m.member_id, set()).add(m.period_month)
            names[m.member_id] = m.full_name
    return {mid: (names[mid], tuple(sorted(ms))) for mid, ms in months.items()}


def removal_risks(marks: Iterable[AttendanceMark], year: int, rules: MeetingRules = DEFAULT_RULES) -> list[RemovalRisk]:
    """Members who missed meetings in at least `removal_absent_months` (3) months of the calendar year
    (a ground to consider removal, reference §6.3)."""
    counted = absent_months(marks, year, rules.removal_absence_statuses)
    risks = [RemovalRisk(mid, name, months) for mid, (name, months) in counted.items()
             if len(months) >= rules.removal_absent_months]
    return sorted(risks, key=lambda r: (-len(r.months), r.full_name))
