"""Cell meetings and their minutes: plan, record attendance, write and autosave the minutes, approve and
amend them, the meeting's resolution, the year view and the absence reminders.

How the pieces fit (for the window and the CLI):

* `create(kind, held_on, ...)` makes a draft with the agenda from the template and the attendance list of
  the members in the cell on that date (names and standing frozen in the attendance rows).
* The editor holds a `MinutesContent`. It calls `save_draft(id, content)` every few seconds while the user
  types (cheap, crash-safe, no undo entry), and `save(id, content)` on Ctrl+S, on closing and before
  printing (one undoable mutation). `get(id)` returns the autosaved copy if one is newer than the saved
  minutes (`MeetingRecord.autosaved_at` is then set), so a crash loses at most the last few seconds.
* Attendance: `set_attendance(id, member_id, status, reason)` or `set_attendance_many`.
* `approve(id)` ("Thông qua biên bản") numbers the minutes "Số 07-BB/CB", locks them and appends them to
  the finalised-documents hash chain. A later correction is `amend(id)`: a new draft revision naming the
  one it corrects; it gets its own number when approved (and prints "Sửa đổi, bổ sung Biên bản số ...").
* The resolution: `resolution_defaults`, `save_resolution`, `issue_resolution` (numbered "Số 05-NQ/CB").

Autosave design: autosaves go to `minutes_autosaves` (one row per meeting, overwritten), not to the
meeting row, so they add no audit entry and no change-log snapshot — a snapshot of the whole minutes
every few seconds would add megabytes per meeting to the outbox that sync ships. The next real save (or
approval) folds the copy into the meeting row as one undoable, change-logged mutation and deletes it.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import meetings as rules
from ...domain.dates import format_date
from ...domain.documents import TYPE_MINUTES, TYPE_RESOLUTION
from ...domain.meetings import (
    AbsenceStreak,
    AgendaItem,
    AttendanceEntry,
    AttendanceMark,
    AttendanceSummary,
    Checklist,
    Flag,
    Guest,
    MeetingRules,
    MinutesContent,
    PlannedMeeting,
    RemovalRisk,
    Speech,
    StatusPeriod,
    Vote,
    YearPlan,
    content_from_dict,
    content_to_dict,
)
from ...domain.messages import Msg
from ...domain.rules import RuleSet, load_rule_set
from ...domain.text import clean_line, clean_text, fold
from ...paths import resources_dir
from ...store.base import utcnow
from ...store.ids import new_id
from ...store.models.core import Audit, Cell
from ...store.models.meetings import Meeting, MeetingAttendance, MinutesAutosave, Resolution
from ...store.models.members import Member, MemberStatusChange
from ..context import Context
from ..errors import NotFound, ServiceError, ValidationFailed
from ..lifecycle import (
    Numbering,
    chain,
    ensure_editable,
    finalise_document,
    in_same_chain,
    number_in_sentence,
    superseded_by,
    superseding_map,
)

if TYPE_CHECKING:
    from ..overview import Reminder

__all__ = [
    "AgendaItem", "AttendanceRow", "AttendanceInput", "Checklist", "Guest", "MeetingRecord", "MeetingService",
    "MeetingSummary", "MinutesContent", "ResolutionInput", "ResolutionRecord", "Speech", "Vote", "AbsenceReport",
]

MEETING = Msg("buổi sinh hoạt", "meeting")
RESOLUTION = Msg("nghị quyết", "resolution")
CREATE_SUMMARY = Msg("Tạo biên bản mới: {title}", "New minutes: {title}")
SAVE_SUMMARY = Msg("Lưu biên bản: {title}", "Save the minutes: {title}")
ATTENDANCE_SUMMARY = Msg("Điểm danh {name}: {status} ({title})", "Attendance of {name}: {status} ({title})")
ATTENDANCE_MANY_SUMMARY = Msg("Ghi điểm danh: {title}", "Record attendance: {title}")
ROSTER_SUMMARY = Msg("Cập nhật danh sách đảng viên dự họp ({title})", "Refresh the attendance list ({title})")
APPROVE_SUMMARY = Msg("Thông qua biên bản {number}: {title}", "Approve minutes {number}: {title}")
AMEND_SUMMARY = Msg("Lập bản sửa đổi biên bản {number}", "Amend minutes {number}")
DELETE_SUMMARY = Msg("Xóa dự thảo biên bản: {title}", "Delete draft minutes: {title}")
RESOLUTION_SAVE_SUMMARY = Msg("Lưu nghị quyết {title}", "Save resolution {title}")
RESOLUTION_ISSUE_SUMMARY = Msg("Ban hành nghị quyết {number}", "Issue resolution {number}")
RESOLUTION_DELETE_SUMMARY = Msg("Xóa dự thảo nghị quyết {title}", "Delete draft resolution {title}")

LOCKED = Msg(
    "Biên bản này đã được thông qua nên không sửa được nữa. Nếu cần đính chính, hãy lập bản sửa đổi.",
    "These minutes were approved and can no longer be edited. To correct them, create an amendment.",
)
SUPERSEDED = Msg(
    "Biên bản này đã có bản sửa đổi; hãy làm việc trên bản sửa đổi mới nhất.",
    "These minutes have been amended; work on the latest amendment.",
)
ALREADY_AMENDED = Msg(
    "Biên bản này đã có bản sửa đổi (đang soạn hoặc đã thông qua).",
    "These minutes already have an amendment (draft or approved).",
)
NOT_APPROVED = Msg(
    "Chỉ lập bản sửa đổi cho biên bản đã thông qua; dự thảo thì sửa trực tiếp.",
    "Only approved minutes are amended; edit a draft directly.",
)
CANNOT_DELETE_APPROVED = Msg(
    "Biên bản đã thông qua được lưu giữ lâu dài, không xóa được.",
    "Approved minutes are kept permanently and cannot be deleted.",
)
CANNOT_DELETE_ISSUED = Msg(
    "Buổi sinh hoạt này đã có nghị quyết ban hành nên không xóa được.",
    "This meeting has an issued resolution and cannot be deleted.",
)
RESOLUTION_LOCKED = Msg(
    "Nghị quyết đã ban hành nên không sửa được nữa. Nếu cần đính chính, hãy lập bản sửa đổi biên bản.",
    "The resolution was issued and can no longer be edited. To correct it, amend the minutes.",
)
NO_RESOLUTION = Msg("Buổi sinh hoạt này chưa có nghị quyết.", "This meeting has no resolution.")
RESOLUTION_EMPTY = Msg("Nghị quyết chưa có nội dung.", "The resolution has no text.")
PERIOD_TAKEN = Msg(
    "Tháng {month}/{year} đã có buổi sinh hoạt thường kỳ (ngày {date}).",
    "{month}/{year} already has a regular meeting (on {date}).",
)
NOT_ON_LIST = Msg("Đồng chí này không có trong danh sách dự họp.", "This member is not on the attendance list.")
BAD_STATUS = Msg("Trạng thái điểm danh không hợp lệ.", "Unknown attendance status.")
REASON_REQUIRED = Msg("Hãy ghi lý do vắng.", "Enter the reason for the absence.")
EXEMPT_FIXED = Msg(
    "Đảng viên miễn sinh hoạt được ghi theo danh sách đảng viên; hãy sửa ở mục Đảng viên.",
    "Exempt members follow the registry; change it under Members.",
)
AMENDMENT_NOTE = Msg("Sửa đổi, bổ sung Biên bản {number} ngày {date}", "Amends minutes {number} of {date}")

# Reminders on the overview page.
MONTH_MISSING = Msg(
    "Chưa có biên bản sinh hoạt chi bộ thường kỳ tháng {months} năm {year}.",
    "No regular meeting minutes for month {months} of {year}.",
)
QUARTER_MISSING = Msg(
    "Quý {quarter} năm {year} chưa có buổi sinh hoạt chuyên đề.",
    "Quarter {quarter} of {year} had no thematic meeting.",
)
QUARTER_DUE = Msg(
    "Quý {quarter} năm {year} chưa tổ chức sinh hoạt chuyên đề; quý kết thúc ngày {end}.",
    "No thematic meeting yet in quarter {quarter} of {year}; the quarter ends on {end}.",
)
DRAFT_PENDING = Msg(
    "Biên bản buổi sinh hoạt ngày {date} chưa được thông qua.",
    "The minutes of the meeting on {date} are not approved yet.",
)
CONSECUTIVE = Msg(
    "Đồng chí {name} vắng sinh hoạt {count} lần liên tiếp (quá {limit} lần).",
    "{name} missed {count} meetings in a row (more than {limit}).",
)
REMOVAL_RISK = Msg(
    "Đồng chí {name} bỏ sinh hoạt {count} tháng trong năm {year} (tháng {months}) không có lý do chính đáng: "
    "căn cứ để chi bộ xem xét, đề nghị xóa tên.",
    "{name} missed meetings without valid reason in {count} months of {year} ({months}): "
    "grounds for the cell to consider removal.",
)
UNEXCUSED_REMINDER = Msg(
    "Buổi sinh hoạt ngày {date}: vắng không lý do — {names}.",
    "Meeting on {date}: absent without reason — {names}.",
)

RULES_DIR_NAME = "rules"
AGENDA_SETTING = "meetings.agenda_template"
RULE_VERSION_SETTING = "rules.meeting_rules.version"


# ---------------------------------------------------------------------------------------------------
# Read models
# ---------------------------------------------------------------------------------------------------


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

    @property
    def locked(self) -> bool:
        return self.status == "approved"


@dataclass
class AbsenceReport:
    year: int
    over_consecutive: list[AbsenceStreak]  # absent more than the limit (3) times in a row this year
    removal_risks: list[RemovalRisk]  # missed meetings in >= 3 months of the year (counted statuses)
    unexcused: list[tuple[str, dt.date, list[str]]]  # (meeting id, date, names) absent without reason


# ---------------------------------------------------------------------------------------------------
# Rules and the agenda template
# ---------------------------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _rule_set(name: str) -> RuleSet:
    return load_rule_set(name, resources_dir() / RULES_DIR_NAME)


def rules_lookup(ctx: Context) -> Callable[[dt.date], MeetingRules]:
    """date -> the meeting rule version in force on it, or the version the user pinned in the settings
    (read once: lists look rules up for every meeting)."""
    pinned = ctx.get_setting(RULE_VERSION_SETTING) or None
    rule_set = _rule_set("meeting_rules")
    made: dict[str, MeetingRules] = {}

    def lookup(on: dt.date) -> MeetingRules:
        version = rule_set.for_date(on, pinned)
        key = str(version.version)
        if key not in made:
            made[key] = MeetingRules.from_values(version.values, version=key, source=version.source)
        return made[key]

    return lookup


def meeting_rules(ctx: Context, on: dt.date) -> MeetingRules:
    return rules_lookup(ctx)(on)


def _title(kind: str, month: int, year: int, topic: str) -> str:
    return rules.meeting_subtitle(kind, month, year, topic)


def _label(meeting: Meeting) -> str:
    return f"{_title(meeting.kind, meeting.period_month, meeting.period_year, meeting.topic)} " \
           f"({format_date(meeting.held_on)})"


# ---------------------------------------------------------------------------------------------------
# Finalised content (also used by "Kiểm tra dữ liệu" to compare the live record)
# ---------------------------------------------------------------------------------------------------


def _attendance_rows(s: Session, meeting_id: str) -> list[MeetingAttendance]:
    return list(s.scalars(select(MeetingAttendance).where(MeetingAttendance.meeting_id == meeting_id,
                                                          MeetingAttendance.deleted_at.is_(None))))


def _minutes_content_of(s: Session, m: Meeting) -> dict[str, Any]:
    attendance = sorted(_attendance_rows(s, m.id), key=lambda a: a.member_id)
    return {
        "number": m.number_text,
        "kind": m.kind,
        "held_on": m.held_on.isoformat(),
        "period": [m.period_year, m.period_month],
        "revision": m.revision,
        "amends_id": m.amends_id,
        "minutes": json.loads(m.content),
        "attendance": [{"member_id": a.member_id, "full_name": a.full_name, "party_status": a.party_status,
                        "list_no": a.list_no, "status": a.status, "reason": a.reason} for a in attendance],
    }


def minutes_chain_content(s: Session, meeting_id: str) -> dict[str, Any] | None:
    m = s.get(Meeting, meeting_id)
    if m is None or m.deleted_at is not None or m.status != "approved":
        return None
    return _minutes_content_of(s, m)


def _resolution_content_of(r: Resolution) -> dict[str, Any]:
    return {
        "number": r.number_text,
        "meeting_id": r.meeting_id,
        "title": r.title,
        "body": r.body,
        "issued_on": r.issued_on.isoformat() if r.issued_on else None,
        "signer_name": r.signer_name,
        "signer_role": r.signer_role,
        "recipients": r.recipients,
        "amends_id": r.amends_id,
    }


def resolution_chain_content(s: Session, resolution_id: str) -> dict[str, Any] | None:
    r = s.get(Resolution, resolution_id)
    if r is None or r.deleted_at is not None or r.status != "approved":
        return None
    return _resolution_content_of(r)


# ---------------------------------------------------------------------------------------------------
# The service
# ---------------------------------------------------------------------------------------------------


class MeetingService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    # ---- rules and templates -----------------------------------------------------------------------
    def rules(self, on: dt.date | None = None) -> MeetingRules:
        return meeting_rules(self.ctx, on or dt.date.today())

    def rule_versions(self) -> list[tuple[str, dt.date, str]]:
        """(version, effective from, source) of every meeting rule version shipped."""
        return [(str(v.version), v.effective_from, v.source) for v in _rule_set("meeting_rules").versions]

    def pin_rule_version(self, version: str | None) -> None:
        """Use this rule version for every meeting (None: the version in force on each meeting's date)."""
        if version is not None:
            _rule_set("meeting_rules").version(version)  # raises if unknown
        self.ctx.set_setting(RULE_VERSION_SETTING, version or "")

    def agenda_template(self) -> dict[str, list[str]]:
        """Agenda items per meeting kind: the user's edited template, else the shipped one.
        Items may use {month} {year} {prev_month} {topic}."""
        stored = self.ctx.get_setting(AGENDA_SETTING)
        if stored:
            return json.loads(stored)
        return self.default_agenda_template()

    def default_agenda_template(self) -> dict[str, list[str]]:
        return {k: list(v) for k, v in _rule_set("meeting_agenda_template").latest.values.items()}

    def set_agenda_template(self, template: dict[str, list[str]] | None) -> None:
        """Save the user's template (None: back to the shipped one). A preference, not a record: no undo."""
        if template is None:
            self.ctx.set_setting(AGENDA_SETTING, "")
            return
        cleaned = {kind: [clean_line(x) for x in items if clean_line(x)]
                   for kind, items in template.items() if kind in rules.MEETING_KINDS}
        self.ctx.set_setting(AGENDA_SETTING, json.dumps(cleaned, ensure_ascii=False))

    def agenda_for(self, kind: str, month: int, year: int, topic: str = "") -> list[str]:
        return rules.render_agenda(self.agenda_template(), kind, month, year, topic)

    # ---- create ------------------------------------------------------------------------------------
    def create(self, kind: str, held_on: dt.date, *, topic: str = "", period_month: int | None = None,
               period_year: int | None = None, start_time: dt.time | None = None,
               end_time: dt.time | None = None, location: str = "") -> MeetingRecord:
        """A new draft: agenda from the template, attendance list = members in the cell on `held_on`,
        chair = the cell's secretary, recorder and place as at the previous meeting."""
        content = MinutesContent(kind=kind, held_on=held_on, topic=topic, period_month=period_month,
                                 period_year=period_year, start_time=start_time, end_time=end_time,
                                 location=location)
        content = rules.clean_content(content)
        errors, _ = rules.check_content(content, rules=self.rules(held_on))
        if errors:
            raise ValidationFailed(errors)
        cell_id = self.ctx.cell_id
        content.agenda = [AgendaItem(title=t) for t in
                          self.agenda_for(kind, content.period_month, content.period_year, content.topic)]
        with self.ctx.read() as s:
            self._check_period_free(s, cell_id, content, None)
            roster = _roster(s, cell_id, held_on)
            cell = s.get(Cell, cell_id)
            previous = s.scalars(select(Meeting).where(Meeting.cell_id == cell_id, Meeting.deleted_at.is_(None),
                                                       Meeting.held_on <= held_on)
                                 .order_by(Meeting.held_on.desc()).limit(1)).first()
            prev_content = content_from_dict(json.loads(previous.content)) if previous else None
        in_roster = {r.member_id: r for r in roster}
        chair = next((r for r in roster if cell.secretary_name and fold(r.full_name) == fold(cell.secretary_name)),
                     None)
        if chair is not None:
            content.chair_member_id, content.chair_name = chair.member_id, chair.full_name
        if prev_content is not None:
            content.location = content.location or prev_content.location
            recorder = in_roster.get(prev_content.secretary_member_id or "")
            if recorder is not None:
                content.secretary_member_id, content.secretary_name = recorder.member_id, recorder.full_name
        title = _title(kind, content.period_month, content.period_year, content.topic)
        meeting_id = new_id()
        with self.ctx.mutation("meeting.create", CREATE_SUMMARY.format(title=title)) as s:
            m = Meeting(id=meeting_id, cell_id=cell_id)
            _apply(m, content)
            s.add(m)
            s.flush()
            for r in roster:
                s.add(MeetingAttendance(cell_id=cell_id, meeting_id=meeting_id, member_id=r.member_id,
                                        full_name=r.full_name, party_status=r.party_status, list_no=r.list_no,
                                        status=r.status))
        return self.get(meeting_id)

    def _check_period_free(self, s: Session, cell_id: str, content: MinutesContent, meeting_id: str | None) -> None:
        if content.kind not in rules.REGULAR_KINDS:
            return
        q = select(Meeting).where(Meeting.cell_id == cell_id, Meeting.deleted_at.is_(None),
                                  Meeting.period_year == content.period_year,
                                  Meeting.period_month == content.period_month,
                                  Meeting.kind.in_(rules.REGULAR_KINDS))
        for other in s.scalars(q):
            if other.id == meeting_id or in_same_chain(s, Meeting, other.id, meeting_id):
                continue
            raise ValidationFailed({"period_month": PERIOD_TAKEN.format(
                month=content.period_month, year=content.period_year, date=format_date(other.held_on))})

    # ---- read --------------------------------------------------------------------------------------
    def get(self, meeting_id: str) -> MeetingRecord:
        with self.ctx.read() as s:
            m = _load(s, meeting_id)
            return self._record(s, m)

    def _record(self, s: Session, m: Meeting, *, use_autosave: bool = True) -> MeetingRecord:
        content = content_from_dict(json.loads(m.content))
        autosaved_at = None
        if use_autosave and m.status == "draft":
            auto = s.get(MinutesAutosave, m.id)
            if auto is not None and auto.base_rev == m.rev:
                content, autosaved_at = content_from_dict(json.loads(auto.content)), auto.saved_at
        attendance = [_attendance_row(a) for a in _attendance_rows(s, m.id)]
        attendance.sort(key=lambda a: (a.list_no is None, a.list_no or 0, a.full_name))
        rule_set = meeting_rules(self.ctx, m.held_on)
        summary = rules.summarize_attendance([_entry(a) for a in attendance], rule_set)
        superseded = superseded_by(s, Meeting, m.id)
        amended = s.get(Meeting, m.amends_id) if m.amends_id else None
        has_resolution = s.scalars(select(Resolution.id).where(Resolution.meeting_id == m.id,
                                                               Resolution.deleted_at.is_(None)).limit(1)).first()
        return MeetingRecord(
            id=m.id, status=m.status, number=m.number_text or "", revision=m.revision, amends_id=m.amends_id,
            amends_number=(amended.number_text or "") if amended else "",
            amends_held_on=amended.held_on if amended else None,
            superseded_by=superseded, approved_at=m.approved_at, content=content, attendance=attendance,
            summary=summary, duration_minutes=rules.duration_minutes(content.start_time, content.end_time),
            flags=rules.meeting_flags(content, summary, rule_set), rules_version=rule_set.version,
            title=_title(content.kind, content.period_month or m.period_month, content.period_year or m.period_year,
                         content.topic),
            autosaved_at=autosaved_at, rev=m.rev, has_resolution=has_resolution is not None,
        )

    def list(self, year: int | None = None, *, include_superseded: bool = False) -> list[MeetingSummary]:
        """Meetings in date order (of `year`, or all). Amended minutes show their latest revision only,
        unless `include_superseded`."""
        with self.ctx.read() as s:
            q = select(Meeting).where(Meeting.cell_id == self.ctx.cell_id, Meeting.deleted_at.is_(None))
            if year is not None:
                q = q.where(Meeting.period_year == year)
            meetings = list(s.scalars(q.order_by(Meeting.held_on, Meeting.revision)))
            return self._summaries(s, meetings, include_superseded)

    def _summaries(self, s: Session, meetings: list[Meeting], include_superseded: bool) -> list[MeetingSummary]:
        ids = [m.id for m in meetings]
        superseding = superseding_map(s, Meeting, ids)
        attendance: dict[str, list[AttendanceEntry]] = {}
        for a in _attendance_for(s, ids):
            attendance.setdefault(a.meeting_id, []).append(_entry(_attendance_row(a)))
        resolutions = dict(s.execute(select(Resolution.meeting_id, Resolution.status)
                                     .where(Resolution.meeting_id.in_(ids), Resolution.deleted_at.is_(None))).all()) \
            if ids else {}
        out = []
        rules_on = rules_lookup(self.ctx)
        for m in meetings:
            if m.id in superseding and not include_superseded:
                continue
            rule_set = rules_on(m.held_on)
            content = content_from_dict(json.loads(m.content))
            summary = rules.summarize_attendance(attendance.get(m.id, []), rule_set)
            out.append(MeetingSummary(
                id=m.id, held_on=m.held_on, kind=m.kind, kind_label=rules.KIND_LABELS[m.kind].format(),
                topic=m.topic, title=_title(m.kind, m.period_month, m.period_year, m.topic),
                period_year=m.period_year, period_month=m.period_month, status=m.status,
                status_label=rules.STATUS_LABELS[m.status].format(), number=m.number_text or "",
                revision=m.revision, amends_id=m.amends_id, superseded_by=superseding.get(m.id),
                attendance_rate=None if summary.rate is None else round(summary.rate_percent, 2),
                attendance_text=f"{summary.present}/{summary.expected}",
                duration_minutes=rules.duration_minutes(content.start_time, content.end_time),
                flags=rules.meeting_flags(content, summary, rule_set),
                resolution_status=resolutions.get(m.id),
            ))
        return out

    def revisions(self, meeting_id: str) -> list[MeetingSummary]:
        """Every revision of these minutes, the original first."""
        with self.ctx.read() as s:
            return self._summaries(s, chain(s, _load(s, meeting_id)), include_superseded=True)

    def years(self) -> list[int]:
        """Years that have meetings (newest first), plus the current year."""
        with self.ctx.read() as s:
            found = set(s.scalars(select(Meeting.period_year).where(Meeting.cell_id == self.ctx.cell_id,
                                                                    Meeting.deleted_at.is_(None)).distinct()))
        found.add(dt.date.today().year)
        return sorted(found, reverse=True)

    # ---- edit the minutes ----------------------------------------------------------------------------
    def check(self, meeting_id: str, content: MinutesContent) -> tuple[dict[str, str], dict[str, str]]:
        """(errors, warnings) by field for the editor to show as the user types. Fields: kind, held_on,
        period_month, topic, start_time, end_time, location, chair_name, secretary_name, agenda,
        'agenda.<i>.vote', resolution_vote, checklist.materials_shared_on."""
        record = self.get(meeting_id)
        content = rules.clean_content(content)
        on = content.held_on or record.content.held_on
        return rules.check_content(content, record.summary.present, self.rules(on))

    def save_draft(self, meeting_id: str, content: MinutesContent) -> dt.datetime:
        """Autosave: keep the editor's content as a crash-recovery copy. One small transaction, no undo
        entry, no change-log snapshot; safe to call every few seconds. Returns the time saved."""
        data = unicodedata.normalize("NFC", json.dumps(content_to_dict(content), ensure_ascii=False))
        now = utcnow()
        with self.ctx.store.sessions.begin() as s:
            m = _load(s, meeting_id)
            ensure_editable(s, m, locked=LOCKED, superseded=SUPERSEDED)
            auto = s.get(MinutesAutosave, meeting_id)
            if auto is None:
                s.add(MinutesAutosave(meeting_id=meeting_id, content=data, base_rev=m.rev, saved_at=now))
            else:
                auto.content, auto.base_rev, auto.saved_at = data, m.rev, now
        return now

    def discard_autosave(self, meeting_id: str) -> None:
        """Drop the autosaved copy (the user chose to keep the last saved minutes)."""
        with self.ctx.store.sessions.begin() as s:
            auto = s.get(MinutesAutosave, meeting_id)
            if auto is not None:
                s.delete(auto)

    def save(self, meeting_id: str, content: MinutesContent | None = None) -> MeetingRecord:
        """Save the minutes (Ctrl+S, closing the editor): one undoable mutation. Without `content`,
        the autosaved copy (if any) is saved. Errors raise ValidationFailed; warnings do not block."""
        with self.ctx.read() as s:
            m = _load(s, meeting_id)
            ensure_editable(s, m, locked=LOCKED, superseded=SUPERSEDED)
            if content is None:
                auto = s.get(MinutesAutosave, meeting_id)
                if auto is None or auto.base_rev != m.rev:  # none, or edited from an older revision
                    return self._record(s, m, use_autosave=False)
                content = content_from_dict(json.loads(auto.content))
            content = self._prepared(s, m, content)
            unchanged = json.dumps(content_to_dict(content), ensure_ascii=False, sort_keys=True) == \
                json.dumps(json.loads(m.content), ensure_ascii=False, sort_keys=True)
            has_autosave = s.get(MinutesAutosave, meeting_id) is not None
        if unchanged:
            if has_autosave:
                self.discard_autosave(meeting_id)
            return self.get(meeting_id)
        title = _title(content.kind, content.period_month, content.period_year, content.topic)
        with self.ctx.mutation("meeting.save", SAVE_SUMMARY.format(title=title)) as s:
            m = _load(s, meeting_id)
            _apply(m, content)
            _drop_autosave(s, meeting_id)
        return self.get(meeting_id)

    def _prepared(self, s: Session, m: Meeting, content: MinutesContent) -> MinutesContent:
        """Clean, validate (errors raise) and fill member names from the frozen attendance list."""
        content = rules.clean_content(content)
        present = sum(1 for a in _attendance_rows(s, m.id) if a.status == "present")
        errors, _ = rules.check_content(content, present, meeting_rules(self.ctx, content.held_on or m.held_on))
        if errors:
            raise ValidationFailed(errors)
        self._check_period_free(s, m.cell_id, content, m.id)
        names = {a.member_id: a.full_name for a in _attendance_rows(s, m.id)}

        def name_of(member_id: str | None, given: str) -> str:
            if member_id and member_id in names:
                return names[member_id]
            if member_id:
                member = s.get(Member, member_id)
                if member is not None:
                    return member.full_name
            return given

        content.chair_name = name_of(content.chair_member_id, content.chair_name)
        content.secretary_name = name_of(content.secretary_member_id, content.secretary_name)
        for item in content.agenda:
            item.presenter_name = name_of(item.presenter_member_id, item.presenter_name)
            for sp in item.speeches:
                sp.speaker_name = name_of(sp.speaker_member_id, sp.speaker_name)
        return content

    def delete(self, meeting_id: str) -> None:
        """Delete a draft (tombstone, undoable). Approved minutes are kept for good."""
        with self.ctx.read() as s:
            m = _load(s, meeting_id)
            if m.status == "approved":
                raise ServiceError(CANNOT_DELETE_APPROVED)
            issued = s.scalars(select(Resolution.id).where(Resolution.meeting_id == m.id,
                                                           Resolution.status == "approved",
                                                           Resolution.deleted_at.is_(None))).first()
            if issued:
                raise ServiceError(CANNOT_DELETE_ISSUED)
            label = _label(m)
        with self.ctx.mutation("meeting.delete", DELETE_SUMMARY.format(title=label)) as s:
            now = utcnow()
            m = _load(s, meeting_id)
            m.deleted_at = now
            for a in _attendance_rows(s, meeting_id):
                a.deleted_at = now
            for r in s.scalars(select(Resolution).where(Resolution.meeting_id == meeting_id,
                                                        Resolution.deleted_at.is_(None))):
                r.deleted_at = now
            _drop_autosave(s, meeting_id)

    # ---- attendance --------------------------------------------------------------------------------
    def set_attendance(self, meeting_id: str, member_id: str, status: str, reason: str = "") -> MeetingRecord:
        return self.set_attendance_many(meeting_id, [AttendanceInput(member_id, status, reason)])

    def set_attendance_many(self, meeting_id: str, rows: Iterable[AttendanceInput]) -> MeetingRecord:
        """Mark members present / absent with reason (the reason is required) / absent without reason.
        Exempt members stay exempt (their standing comes from the registry, frozen at creation)."""
        rows = [AttendanceInput(r.member_id, r.status, clean_text(r.reason)) for r in rows]
        with self.ctx.read() as s:
            m = _load(s, meeting_id)
            ensure_editable(s, m, locked=LOCKED, superseded=SUPERSEDED)
            current = {a.member_id: a for a in _attendance_rows(s, meeting_id)}
            errors: dict[str, str] = {}
            for r in rows:
                a = current.get(r.member_id)
                if a is None:
                    errors[r.member_id] = NOT_ON_LIST.format()
                elif r.status not in rules.ATTENDANCE_STATUSES or r.status == "exempt":
                    errors[r.member_id] = (EXEMPT_FIXED if r.status == "exempt" else BAD_STATUS).format()
                elif a.status == "exempt":
                    errors[r.member_id] = EXEMPT_FIXED.format()
                elif r.status == "absent_with_reason" and not r.reason:
                    errors[r.member_id] = REASON_REQUIRED.format()
            if errors:
                raise ValidationFailed(errors)
            changes = [r for r in rows if (current[r.member_id].status, current[r.member_id].reason)
                       != (r.status, r.reason if r.status == "absent_with_reason" else "")]
            label = _label(m)
        if not changes:
            return self.get(meeting_id)
        if len(changes) == 1:
            name = current[changes[0].member_id].full_name
            summary = ATTENDANCE_SUMMARY.format(name=name, status=rules.ATTENDANCE_LABELS[changes[0].status].format(),
                                                title=label)
        else:
            summary = ATTENDANCE_MANY_SUMMARY.format(title=label)
        with self.ctx.mutation("meeting.attendance", summary) as s:
            by_member = {a.member_id: a for a in _attendance_rows(s, meeting_id)}
            for r in changes:
                a = by_member[r.member_id]
                a.status = r.status
                a.reason = r.reason if r.status == "absent_with_reason" else ""
        return self.get(meeting_id)

    def refresh_roster(self, meeting_id: str) -> MeetingRecord:
        """Draft only: bring the attendance list in line with the registry on the meeting date (members
        who joined or left, changed names, exemptions). Marks of members still listed are kept."""
        with self.ctx.read() as s:
            m = _load(s, meeting_id)
            ensure_editable(s, m, locked=LOCKED, superseded=SUPERSEDED)
            label = _label(m)
        with self.ctx.mutation("meeting.roster", ROSTER_SUMMARY.format(title=label)) as s:
            m = _load(s, meeting_id)
            roster = {r.member_id: r for r in _roster(s, m.cell_id, m.held_on)}
            existing = {a.member_id: a for a in _attendance_rows(s, meeting_id)}
            now = utcnow()
            for member_id, a in existing.items():
                fresh = roster.get(member_id)
                if fresh is None:
                    a.deleted_at = now
                    continue
                a.full_name, a.party_status, a.list_no = fresh.full_name, fresh.party_status, fresh.list_no
                if fresh.status == "exempt":
                    a.status, a.reason = "exempt", ""
                elif a.status == "exempt":
                    a.status = "present"
            for member_id, fresh in roster.items():
                if member_id not in existing:
                    s.add(MeetingAttendance(cell_id=m.cell_id, meeting_id=meeting_id, member_id=member_id,
                                            full_name=fresh.full_name, party_status=fresh.party_status,
                                            list_no=fresh.list_no, status=fresh.status))
        return self.get(meeting_id)

    # ---- approve, amend ------------------------------------------------------------------------------
    def approve(self, meeting_id: str, content: MinutesContent | None = None) -> MeetingRecord:
        """"Thông qua biên bản": save `content` (or the autosaved copy), number the minutes (next number
        of the year: "Số 07-BB/CB"), lock them and add them to the finalised hash chain. Not undoable."""
        with self.ctx.read() as s:
            m = _load(s, meeting_id)
            ensure_editable(s, m, locked=LOCKED, superseded=SUPERSEDED)
            if content is None:
                auto = s.get(MinutesAutosave, meeting_id)
                content = content_from_dict(json.loads(auto.content if auto and auto.base_rev == m.rev else m.content))
            content = self._prepared(s, m, content)
            content.read_back = True  # approving is the cell adopting the minutes read back to it
            errors = rules.approval_errors(content)
            if errors:
                raise ValidationFailed(errors)
            rule_set = meeting_rules(self.ctx, content.held_on)
            cell = s.get(Cell, m.cell_id)
        year = content.held_on.year
        with self.ctx.mutation("meeting.approve", APPROVE_SUMMARY.format(
                number="", title=_title(content.kind, content.period_month, content.period_year, content.topic)),
                undoable=False) as s:
            m = _load(s, meeting_id)
            _apply(m, content)
            _drop_autosave(s, meeting_id)
            finalise_document(s, m, kind="minutes", version=m.revision, content=_minutes_content_of,
                              numbering=Numbering(TYPE_MINUTES, cell.abbreviation, year,
                                                  rule_set.numbering_restarts_yearly))
            s.get(Audit, s.info["audit_id"]).summary = APPROVE_SUMMARY.format(
                number=number_in_sentence(m.number_text), title=_title(m.kind, m.period_month, m.period_year, m.topic))
        return self.get(meeting_id)

    def amend(self, meeting_id: str) -> MeetingRecord:
        """Start a correction of approved minutes: a new draft revision (same content and attendance)
        that names the minutes it corrects. The original stays as approved, readable and printable."""
        with self.ctx.read() as s:
            m = _load(s, meeting_id)
            if m.status != "approved":
                raise ServiceError(NOT_APPROVED)
            if superseded_by(s, Meeting, m.id):
                raise ServiceError(ALREADY_AMENDED)
            number = m.number_text
        new_id_ = new_id()
        with self.ctx.mutation("meeting.amend", AMEND_SUMMARY.format(number=number_in_sentence(number))) as s:
            m = _load(s, meeting_id)
            copy = Meeting(id=new_id_, cell_id=m.cell_id, kind=m.kind, held_on=m.held_on, period_year=m.period_year,
                           period_month=m.period_month, topic=m.topic, start_time=m.start_time, end_time=m.end_time,
                           location=m.location, chair_member_id=m.chair_member_id,
                           secretary_member_id=m.secretary_member_id, content=m.content, status="draft",
                           amends_id=m.id, revision=m.revision + 1)
            s.add(copy)
            s.flush()
            for a in _attendance_rows(s, m.id):
                s.add(MeetingAttendance(cell_id=a.cell_id, meeting_id=new_id_, member_id=a.member_id,
                                        full_name=a.full_name, party_status=a.party_status, list_no=a.list_no,
                                        status=a.status, reason=a.reason))
            for r in s.scalars(select(Resolution).where(Resolution.meeting_id == m.id,
                                                        Resolution.deleted_at.is_(None))):
                s.add(Resolution(cell_id=r.cell_id, meeting_id=new_id_, title=r.title, body=r.body,
                                 issued_on=r.issued_on, signer_name=r.signer_name, signer_role=r.signer_role,
                                 recipients=r.recipients, status="draft",
                                 amends_id=r.id if r.status == "approved" else r.amends_id))
                if r.status != "approved":
                    r.deleted_at = utcnow()  # an unissued draft moves to the new revision
        return self.get(new_id_)

    # ---- resolution --------------------------------------------------------------------------------
    def resolution_defaults(self, meeting_id: str) -> ResolutionInput:
        """A starting point for the resolution form: the meeting's conclusion as body, the secretary as
        signer, the usual recipients."""
        record = self.get(meeting_id)
        c = record.content
        cell = self._cell_on(c.held_on)
        month, year = c.period_month or c.held_on.month, c.period_year or c.held_on.year
        if c.kind == "thuong_ky":
            next_month, next_year = (1, year + 1) if month == 12 else (month + 1, year)
            title = f"về lãnh đạo thực hiện nhiệm vụ tháng {next_month} năm {next_year}" \
                if c.held_on.day > 20 else f"về lãnh đạo thực hiện nhiệm vụ tháng {month} năm {year}"
        elif c.topic:
            title = f"về {c.topic[:1].lower()}{c.topic[1:]}"
        else:
            title = ""
        recipients = [f"{cell.upper_committee} (để báo cáo)" if cell.upper_committee else "",
                      "Các đảng viên trong chi bộ (để thực hiện)", "Lưu chi bộ"]
        return ResolutionInput(title=title, body=c.resolution_text, issued_on=c.held_on,
                               signer_name=cell.secretary_name, signer_role="BÍ THƯ",
                               recipients=[r for r in recipients if r])

    def _cell_on(self, on: dt.date):
        from ..settings.cell import CellService

        return CellService(self.ctx).get(on)

    def get_resolution(self, meeting_id: str) -> ResolutionRecord | None:
        with self.ctx.read() as s:
            r = _resolution(s, meeting_id)
            return _resolution_record(r) if r else None

    def save_resolution(self, meeting_id: str, data: ResolutionInput) -> ResolutionRecord:
        """Create or edit the meeting's resolution (draft only)."""
        cleaned = ResolutionInput(title=clean_line(data.title), body=clean_text(data.body), issued_on=data.issued_on,
                                  signer_name=clean_line(data.signer_name),
                                  signer_role=clean_line(data.signer_role) or "BÍ THƯ",
                                  recipients=[clean_line(x) for x in data.recipients if clean_line(x)])
        with self.ctx.read() as s:
            m = _load(s, meeting_id)
            if superseded_by(s, Meeting, m.id):
                raise ServiceError(SUPERSEDED)
            r = _resolution(s, meeting_id)
            if r is not None and r.status == "approved":
                raise ServiceError(RESOLUTION_LOCKED)
            held_on = m.held_on
        with self.ctx.mutation("resolution.save", RESOLUTION_SAVE_SUMMARY.format(title=cleaned.title)) as s:
            r = _resolution(s, meeting_id)
            if r is None:
                r = Resolution(cell_id=self.ctx.cell_id, meeting_id=meeting_id)
                s.add(r)
            r.title, r.body, r.issued_on = cleaned.title, cleaned.body, cleaned.issued_on or held_on
            r.signer_name, r.signer_role = cleaned.signer_name, cleaned.signer_role
            r.recipients = "\n".join(cleaned.recipients)
        return self.get_resolution(meeting_id)

    def issue_resolution(self, meeting_id: str) -> ResolutionRecord:
        """Number the resolution ("Số 05-NQ/CB", next of the year), lock it, add it to the hash chain."""
        with self.ctx.read() as s:
            m = _load(s, meeting_id)
            if superseded_by(s, Meeting, m.id):
                raise ServiceError(SUPERSEDED)
            r = _resolution(s, meeting_id)
            if r is None:
                raise ServiceError(NO_RESOLUTION)
            if r.status == "approved":
                raise ServiceError(RESOLUTION_LOCKED)
            errors = {}
            if not r.body.strip():
                errors["body"] = RESOLUTION_EMPTY.format()
            if not r.signer_name:
                errors["signer_name"] = rules.REQUIRED.format()
            if errors:
                raise ValidationFailed(errors)
            issued_on = r.issued_on or m.held_on
            rule_set = meeting_rules(self.ctx, issued_on)
            abbreviation = s.get(Cell, m.cell_id).abbreviation
        with self.ctx.mutation("resolution.issue", RESOLUTION_ISSUE_SUMMARY.format(number=""), undoable=False) as s:
            r = _resolution(s, meeting_id)
            r.issued_on = issued_on
            finalise_document(s, r, kind="resolution", version=1 if r.amends_id is None else 2,
                              content=lambda _s, row: _resolution_content_of(row),
                              numbering=Numbering(TYPE_RESOLUTION, abbreviation, issued_on.year,
                                                  rule_set.numbering_restarts_yearly))
            number = number_in_sentence(r.number_text)
            s.get(Audit, s.info["audit_id"]).summary = RESOLUTION_ISSUE_SUMMARY.format(number=number)
        return self.get_resolution(meeting_id)

    def delete_resolution(self, meeting_id: str) -> None:
        with self.ctx.read() as s:
            r = _resolution(s, meeting_id)
            if r is None:
                raise ServiceError(NO_RESOLUTION)
            if r.status == "approved":
                raise ServiceError(RESOLUTION_LOCKED)
            title = r.title
        with self.ctx.mutation("resolution.delete", RESOLUTION_DELETE_SUMMARY.format(title=title)) as s:
            _resolution(s, meeting_id).deleted_at = utcnow()

    # ---- the year and the absences -------------------------------------------------------------------
    def year_view(self, year: int, today: dt.date | None = None) -> YearPlan:
        """Each month's regular meeting and each quarter's thematic meeting(s), with what is missing or due."""
        today = today or dt.date.today()
        with self.ctx.read() as s:
            meetings = _current_meetings(s, self.ctx.cell_id, [year])
            planned = [PlannedMeeting(m.id, m.kind, m.period_year, m.period_month, m.held_on, m.status, m.topic)
                       for m in meetings]
        return rules.year_plan(year, planned, today, self.rules(dt.date(year, 12, 31)))

    def absences(self, year: int, today: dt.date | None = None) -> AbsenceReport:
        """Members absent more than 3 times in a row in `year`, members who missed meetings in 3 months of
        the year (removal ground), and every absence without reason."""
        today = today or dt.date.today()
        rule_set = self.rules(min(today, dt.date(year, 12, 31)))
        with self.ctx.read() as s:
            meetings = {m.id: m for m in _current_meetings(s, self.ctx.cell_id, [year]) if m.held_on <= today}
            rows = _attendance_for(s, list(meetings))
        marks = [AttendanceMark(a.meeting_id, meetings[a.meeting_id].held_on, meetings[a.meeting_id].period_year,
                                meetings[a.meeting_id].period_month, a.member_id, a.full_name, a.status) for a in rows]
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

    def member_attendance(self, member_id: str, year: int | None = None) -> list[tuple[dt.date, str, str, str]]:
        """A member's attendance history: (date, meeting title, status, reason), newest first."""
        with self.ctx.read() as s:
            years = [year] if year else None
            meetings = {m.id: m for m in _current_meetings(s, self.ctx.cell_id, years)}
            rows = [a for a in _attendance_for(s, list(meetings)) if a.member_id == member_id]
        out = [(meetings[a.meeting_id].held_on, _label(meetings[a.meeting_id]), a.status, a.reason) for a in rows]
        return sorted(out, key=lambda x: x[0], reverse=True)

    def reminders(self, today: dt.date | None = None) -> list[Reminder]:
        return meeting_reminders(self.ctx, today or dt.date.today())

    # ---- printing -------------------------------------------------------------------------------------
    def book(self, year: int) -> list[MeetingRecord]:
        """The year's approved minutes in date order (for the minutes book): every approved revision,
        so an amendment is bound after the minutes it corrects."""
        with self.ctx.read() as s:
            q = select(Meeting).where(Meeting.cell_id == self.ctx.cell_id, Meeting.deleted_at.is_(None),
                                      Meeting.status == "approved", Meeting.number_year == year)
            return [self._record(s, m) for m in s.scalars(q.order_by(Meeting.held_on, Meeting.revision))]


# ---------------------------------------------------------------------------------------------------
# Helpers (sessions)
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _RosterEntry:
    member_id: str
    full_name: str
    party_status: str
    list_no: int | None
    status: str  # present | exempt


def _roster(s: Session, cell_id: str, on: dt.date) -> list[_RosterEntry]:
    """Members in the cell on `on`: admitted by then, and active, exempt or attending temporarily on
    that date according to the status history (not transferred, removed or deceased)."""
    members = list(s.scalars(select(Member).where(Member.cell_id == cell_id, Member.deleted_at.is_(None))))
    history: dict[str, list[StatusPeriod]] = {}
    changes = s.scalars(select(MemberStatusChange).where(MemberStatusChange.cell_id == cell_id,
                                                         MemberStatusChange.deleted_at.is_(None))
                        .order_by(MemberStatusChange.created_at))
    for order, c in enumerate(changes):
        history.setdefault(c.member_id, []).append(StatusPeriod(c.activity_status, c.status_from, c.status_to, order))
    out = []
    for m in members:
        if m.admitted_on is not None and m.admitted_on > on:
            continue
        current = StatusPeriod(m.activity_status, m.status_from, m.status_to, 1 << 30)
        status = rules.status_on(on, current, history.get(m.id, []))
        if status not in rules.IN_CELL_STATUSES:
            continue
        out.append(_RosterEntry(m.id, m.full_name, rules.party_status_on(on, m.status, m.official_on), m.list_no,
                                "exempt" if status == "exempt" else "present"))
    return sorted(out, key=lambda r: (r.list_no is None, r.list_no or 0, r.full_name))


def _load(s: Session, meeting_id: str) -> Meeting:
    m = s.get(Meeting, meeting_id)
    if m is None or m.deleted_at is not None:
        raise NotFound(MEETING.format())
    return m


def _resolution(s: Session, meeting_id: str) -> Resolution | None:
    return s.scalars(select(Resolution).where(Resolution.meeting_id == meeting_id, Resolution.deleted_at.is_(None))
                     .order_by(Resolution.created_at.desc()).limit(1)).first()


def _resolution_record(r: Resolution) -> ResolutionRecord:
    return ResolutionRecord(title=r.title, body=r.body, issued_on=r.issued_on, signer_name=r.signer_name,
                            signer_role=r.signer_role, recipients=[x for x in r.recipients.split("\n") if x],
                            id=r.id, meeting_id=r.meeting_id, status=r.status, number=r.number_text or "",
                            approved_at=r.approved_at, amends_id=r.amends_id)


def _current_meetings(s: Session, cell_id: str, years: list[int] | None) -> list[Meeting]:
    """Live meetings, latest revision of each (an amended original is left out)."""
    q = select(Meeting).where(Meeting.cell_id == cell_id, Meeting.deleted_at.is_(None))
    if years:
        q = q.where(Meeting.period_year.in_(years))
    meetings = list(s.scalars(q.order_by(Meeting.held_on)))
    superseded = set(superseding_map(s, Meeting, [m.id for m in meetings]))
    return [m for m in meetings if m.id not in superseded]


def _attendance_for(s: Session, meeting_ids: list[str]) -> list[MeetingAttendance]:
    out: list[MeetingAttendance] = []
    for i in range(0, len(meeting_ids), 500):
        chunk = meeting_ids[i:i + 500]
        out += s.scalars(select(MeetingAttendance).where(MeetingAttendance.meeting_id.in_(chunk),
                                                         MeetingAttendance.deleted_at.is_(None)))
    return out


def _attendance_row(a: MeetingAttendance) -> AttendanceRow:
    return AttendanceRow(a.member_id, a.full_name, a.party_status, a.status, a.reason, a.list_no)


def _entry(a: AttendanceRow) -> AttendanceEntry:
    return AttendanceEntry(a.member_id, a.full_name, a.party_status, a.status, a.reason, a.list_no)


def _apply(m: Meeting, c: MinutesContent) -> None:
    m.kind, m.held_on, m.topic = c.kind, c.held_on, c.topic
    m.period_year, m.period_month = c.period_year, c.period_month
    m.start_time = c.start_time.strftime("%H:%M") if c.start_time else None
    m.end_time = c.end_time.strftime("%H:%M") if c.end_time else None
    m.location = c.location
    m.chair_member_id, m.secretary_member_id = c.chair_member_id, c.secretary_member_id
    m.content = json.dumps(content_to_dict(c), ensure_ascii=False, sort_keys=True)


def _drop_autosave(s: Session, meeting_id: str) -> None:
    auto = s.get(MinutesAutosave, meeting_id)
    if auto is not None:
        s.delete(auto)


# ---------------------------------------------------------------------------------------------------
# Overview reminders
# ---------------------------------------------------------------------------------------------------


def meeting_reminders(ctx: Context, today: dt.date) -> list[Reminder]:
    """Reminders for the overview page: missing regular meetings this year, thematic meetings missing or
    due this quarter, minutes left unapproved, absences without reason in the last meeting, members
    absent more than 3 times in a row, members at risk of removal."""
    from ..overview import Reminder  # noqa: F811 (overview imports this module: import when called)

    if ctx.cell_id_or_none() is None:
        return []
    service = MeetingService(ctx)
    out: list[Reminder] = []
    plan = service.year_view(today.year, today)
    if plan.missing_months:
        out.append(Reminder("meeting_missing", "warning", MONTH_MISSING.format(
            months=", ".join(str(m) for m in plan.missing_months), year=today.year),
            due=dt.date(today.year, plan.missing_months[0], 1)))
    for q in plan.quarters:
        quarter_end = dt.date(today.year, q.quarter * 3, 1)
        quarter_end = (quarter_end.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        if q.state == "missing":
            out.append(Reminder("thematic_missing", "warning", QUARTER_MISSING.format(
                quarter=rules.QUARTER_NAMES[q.quarter - 1], year=today.year), due=quarter_end))
        elif q.state == "due" and (quarter_end - today).days <= 31:
            out.append(Reminder("thematic_due", "info", QUARTER_DUE.format(
                quarter=rules.QUARTER_NAMES[q.quarter - 1], year=today.year, end=format_date(quarter_end)),
                due=quarter_end))
    with ctx.read() as s:
        drafts = list(s.scalars(select(Meeting).where(Meeting.cell_id == ctx.cell_id, Meeting.deleted_at.is_(None),
                                                      Meeting.status == "draft", Meeting.held_on < today)
                                .order_by(Meeting.held_on)))
    for m in drafts:
        out.append(Reminder("minutes_draft", "info", DRAFT_PENDING.format(date=format_date(m.held_on)), due=m.held_on))
    report = service.absences(today.year, today)
    if report.unexcused:
        meeting_id, held_on, names = report.unexcused[-1]
        out.append(Reminder("absent_without_reason", "info",
                            UNEXCUSED_REMINDER.format(date=format_date(held_on), names=", ".join(names)), due=held_on))
    rule_set = service.rules(today)
    for streak in report.over_consecutive:
        out.append(Reminder("absent_consecutive", "warning", CONSECUTIVE.format(
            name=streak.full_name, count=streak.longest, limit=rule_set.consecutive_absence_limit),
            member_id=streak.member_id, due=streak.last_absent_on))
    for risk in report.removal_risks:
        out.append(Reminder("removal_risk", "warning", REMOVAL_RISK.format(
            name=risk.full_name, count=len(risk.months), year=today.year,
            months=", ".join(str(m) for m in risk.months)), member_id=risk.member_id))
    return out
