"""Cell meetings: the minutes' content, attendance counts, durations, absence tracking and the year plan.

Pure functions over plain values (domain reference §1 and §6.3). Thresholds come from the versioned rule
set `meeting_rules` (resources/rules/meeting_rules.json) through `MeetingRules.from_values`; the defaults
equal version 1 only so tests and callers without a rule file get the same answer.

The package is one vocabulary (`from cellsec.domain import meetings as rules`), written in parts: kinds.py
(kinds, statuses, MeetingRules), content.py (the minutes' content, JSON, cleaning, agenda), attendance.py
(counts, rate, duration, status on a date, absence streaks, removal ground), checks.py (field checks,
approval, flags), year.py (the year plan).
"""

from __future__ import annotations

from .kinds import (
    ATTENDANCE_LABELS,
    KIND_LABELS,
    STATUS_LABELS,
    ABSENT_STATUSES,
    ATTENDANCE_STATUSES,
    DEFAULT_RULES,
    MEETING_KINDS,
    MEETING_STATUSES,
    QUARTER_NAMES,
    REGULAR_KINDS,
    THEMATIC_KINDS,
    TOPIC_REQUIRED_KINDS,
    MeetingRules,
    quarter_of,
)
from .content import (
    AgendaItem,
    Checklist,
    Guest,
    MinutesContent,
    Speech,
    Vote,
    clean_content,
    content_from_dict,
    content_search_text,
    content_to_dict,
    meeting_subtitle,
    render_agenda,
)
from .attendance import (
    IN_CELL_STATUSES,
    AbsenceStreak,
    AttendanceEntry,
    AttendanceMark,
    AttendanceSummary,
    RemovalRisk,
    StatusPeriod,
    absence_streaks,
    absent_months,
    attendance_low,
    attendance_rate,
    duration_minutes,
    duration_short,
    format_percent,
    min_duration,
    over_consecutive_limit,
    party_status_on,
    removal_risks,
    status_on,
    summarize_attendance,
)
from .checks import (
    CHECKLIST_LABELS,
    BAD_KIND,
    BAD_MONTH,
    END_BEFORE_START,
    LOW_ATTENDANCE,
    MATERIALS_LATE,
    NO_AGENDA,
    PREPARATION_MISSING,
    REQUIRED,
    SHORT_DURATION,
    TOPIC_REQUIRED,
    UNEXCUSED,
    VOTE_NEGATIVE,
    VOTE_TOO_MANY,
    Flag,
    approval_errors,
    check_content,
    meeting_flags,
    missing_preparation,
)
from .year import (
    SLOT_STATE_LABELS,
    SLOT_STATES,
    MonthSlot,
    PlannedMeeting,
    QuarterSlot,
    YearPlan,
    year_plan,
)

__all__ = [
    "ATTENDANCE_LABELS", "KIND_LABELS", "STATUS_LABELS", "CHECKLIST_LABELS", "SLOT_STATE_LABELS",
    "ABSENT_STATUSES", "ATTENDANCE_STATUSES", "DEFAULT_RULES", "MEETING_KINDS", "MEETING_STATUSES",
    "QUARTER_NAMES", "REGULAR_KINDS", "THEMATIC_KINDS", "TOPIC_REQUIRED_KINDS", "MeetingRules", "quarter_of",
    "AgendaItem", "Checklist", "Guest", "MinutesContent", "Speech", "Vote", "clean_content",
    "content_from_dict", "content_search_text", "content_to_dict", "meeting_subtitle", "render_agenda",
    "IN_CELL_STATUSES", "AbsenceStreak", "AttendanceEntry", "AttendanceMark", "AttendanceSummary",
    "RemovalRisk", "StatusPeriod", "absence_streaks", "absent_months", "attendance_low", "attendance_rate",
    "duration_minutes", "duration_short", "format_percent", "min_duration", "over_consecutive_limit",
    "party_status_on", "removal_risks", "status_on", "summarize_attendance", "BAD_KIND", "BAD_MONTH",
    "END_BEFORE_START", "LOW_ATTENDANCE", "MATERIALS_LATE", "NO_AGENDA", "PREPARATION_MISSING", "REQUIRED",
    "SHORT_DURATION", "TOPIC_REQUIRED", "UNEXCUSED", "VOTE_NEGATIVE", "VOTE_TOO_MANY", "Flag",
    "approval_errors", "check_content", "meeting_flags", "missing_preparation", "SLOT_STATES", "MonthSlot",
    "PlannedMeeting", "QuarterSlot", "YearPlan", "year_plan",
]
