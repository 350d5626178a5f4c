"""Read models of the meetings service: what the window, the CLI and the reports get back."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from ...domain import meetings as rules
from ...domain.meetings import AbsenceStreak, AttendanceSummary, Flag, MinutesContent, RemovalRisk


@dataclass
class AttendanceRow:
    """A member's line on the attendance list (as frozen at the meeting)."""

    member_id: str
    full_name: str
    party_status: str  # du_bi | chinh_thuc
    status: str  # present | absent_with_reason | absent_without_reason | exempt
    reason: str = ""
    list_no: int | None = None

    @property
    def status_label(self) -> str:
        return rules.ATTENDANCE_LABELS[self.status].format()


@dataclass
class AttendanceInput:
    member_id: str
    status: str
    reason: str = ""


@dataclass
class MeetingSummary:
    """One row of the meetings list."""

    id: str
    held_on: dt.date
    kind: str
    kind_label: str
    topic: str
    title: str  # "Sinh hoạt chi bộ thường kỳ tháng 9 năm 2025"
    period_year: int
    period_month: int
    status: str  # draft | approved
    status_label: str
    number: str  # "Số 07-BB/CB", "" for a draft
    revision: int
    amends_id: str | None
    superseded_by: str | None  # the amendment that replaces these minutes
    attendance_rate: float | None  # percent, e.g. 92.86
    attendance_text: str  # "13/14"
    duration_minutes: int | None
    flags: list[Flag]
    resolution_status: str | None  # None: no resolution; draft | approved


@dataclass
class MeetingRecord:
    """Everything about one meeting: the minutes, the attendance, computed counts and flags."""

    id: str
    status: str
    number: str
    revision: int
    amends_id: str | None
    amends_number: str  # the number of the minutes this revision corrects ("" for an original)
    amends_held_on: dt.date | None
    superseded_by: str | None
    approved_at: dt.datetime | None
    content: MinutesContent
    attendance: list[AttendanceRow]
    summary: AttendanceSummary
    duration_minutes: int | None
    flags: list[Flag]
    rules_version: str
    title: str
    autosaved_at: dt.datetime | None = None  # set when `content` is an autosaved copy newer than the save
    rev: int = 0
    has_resolution: bool = False

    @property
    def locked(self) -> bool:
        return self.status == "approved" or self.superseded_by is not None

    @property
    def present_count(self) -> int:
        return self.summary.present


@dataclass
class ResolutionInput:
    title: str = ""  # trích yếu, e.g. "về nhiệm vụ tháng 10 năm 2025"
    body: str = ""
    issued_on: dt.date | None = None  # default: the meeting date
    signer_name: str = ""
    signer_role: str = "BÍ THƯ"
    recipients: list[str] = field(default_factory=list)


@dataclass
class ResolutionRecord(ResolutionInput):
    id: str = ""
    meeting_id: str = ""
    status: str = "draft"
    number: str = ""
    approved_at: dt.datetime | None = None
    amends_id: str | None = None
    rev: int = 0  # the stored revision read: the editor saves from it

    @property
    def locked(self) -> bool:
        return self.status == "approved"


@dataclass
class AbsenceReport:
    year: int
    over_consecutive: list[AbsenceStreak]  # absent more than the limit (3) times in a row this year
    removal_risks: list[RemovalRisk]  # missed meetings in >= 3 months of the year (counted statuses)
    unexcused: list[tuple[str, dt.date, list[str]]]  # (meeting id, date, names) absent without reason


def meeting_summary(m, attendance: list, superseded_by: str | None, resolution_status: str | None,
                    rule_set: rules.MeetingRules) -> MeetingSummary:
    """The list row of meeting `m` (a row with the meetings table's columns as attributes), from its
    attendance entries: shared by the service and the command line's quick reader."""
    content = rules.content_from_dict(json.loads(m.content))
    summary = rules.summarize_attendance(attendance, rule_set)
    return MeetingSummary(
        id=m.id, held_on=m.held_on, kind=m.kind, kind_label=rules.KIND_LABELS[m.kind].format(),
        topic=m.topic, title=rules.meeting_subtitle(m.kind, m.period_month, m.period_year, m.topic),
        period_year=m.period_year, period_month=m.period_month, status=m.status,
        status_label=rules.STATUS_LABELS[m.status].format(), number=m.number_text or "",
        revision=m.revision, amends_id=m.amends_id, superseded_by=superseded_by,
        attendance_rate=None if summary.rate is None else round(summary.rate_percent, 2),
        attendance_text=f"{summary.present}/{summary.expected}",
        duration_minutes=rules.duration_minutes(content.start_time, content.end_time),
        flags=rules.meeting_flags(content, summary, rule_set),
        resolution_status=resolution_status,
    )
