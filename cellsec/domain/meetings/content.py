"""Cell meetings: the minutes' content, attendance counts, durations, absence tracking and the year plan.

Pure functions over plain values (domain reference §1 and §6.3). Thresholds come from the versioned rule
set `meeting_rules` (resources/rules/meeting_rules.json) through `MeetingRules.from_values`; the defaults
here equal version 1 only so tests and callers without a rule file get the same answer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from fractions import Fraction
from typing import Any, Iterable

from .messages import Msg
from .text import clean_line, clean_text

# ---------------------------------------------------------------------------------------------------
# Kinds, statuses, labels
# ---------------------------------------------------------------------------------------------------

MEETING_KINDS = ("thuong_ky", "chuyen_de", "combined", "bat_thuong")
# Kinds that are the month's regular meeting / count as the quarter's thematic meeting.
REGULAR_KINDS = ("thuong_ky", "combined")
THEMATIC_KINDS = ("chuyen_de", "combined")
TOPIC_REQUIRED_KINDS = ("chuyen_de", "combined")

KIND_LABELS: dict[str, Msg] = {
    "thuong_ky": Msg("Thường kỳ", "Regular"),
    "chuyen_de": Msg("Chuyên đề", "Thematic"),
    "combined": Msg("Thường kỳ kết hợp chuyên đề", "Regular and thematic"),
    "bat_thuong": Msg("Bất thường", "Extraordinary"),
}

MEETING_STATUSES = ("draft", "approved")
STATUS_LABELS: dict[str, Msg] = {
    "draft": Msg("Dự thảo", "Draft"),
    "approved": Msg("Đã thông qua", "Approved"),
}

ATTENDANCE_STATUSES = ("present", "absent_with_reason", "absent_without_reason", "exempt")
ABSENT_STATUSES = ("absent_with_reason", "absent_without_reason")
ATTENDANCE_LABELS: dict[str, Msg] = {
    "present": Msg("Có mặt", "Present"),
    "absent_with_reason": Msg("Vắng có lý do", "Absent with reason"),
    "absent_without_reason": Msg("Vắng không lý do", "Absent without reason"),
    "exempt": Msg("Miễn sinh hoạt", "Exempt"),
}

QUARTER_NAMES = ("I", "II", "III", "IV")


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


# ---------------------------------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingRules:
    attendance_min_percent: Fraction = Fraction(85)
    min_duration_minutes: int = 90
    min_duration_combined_minutes: int = 120
    consecutive_absence_limit: int = 3
    removal_absent_months: int = 3
    removal_absence_statuses: tuple[str, ...] = ("absent_without_reason",)
    thematic_per_quarter: int = 1
    materials_days_before: int = 1
    numbering_restarts_yearly: bool = True
    version: str = "default"
    source: str = ""

    @classmethod
    def from_values(cls, values: dict[str, Any], version: str = "", source: str = "") -> MeetingRules:
        base = cls()
        return cls(
            attendance_min_percent=Fraction(str(values.get("attendance_min_percent", base.attendance_min_percent))),
            min_duration_minutes=int(values.get("min_duration_minutes", base.min_duration_minutes)),
            min_duration_combined_minutes=int(values.get("min_duration_combined_minutes",
                                                         base.min_duration_combined_minutes)),
            consecutive_absence_limit=int(values.get("consecutive_absence_limit", base.consecutive_absence_limit)),
            removal_absent_months=int(values.get("removal_absent_months", base.removal_absent_months)),
            removal_absence_statuses=tuple(values.get("removal_absence_statuses", base.removal_absence_statuses)),
            thematic_per_quarter=int(values.get("thematic_per_quarter", base.thematic_per_quarter)),
            materials_days_before=int(values.get("materials_days_before", base.materials_days_before)),
            numbering_restarts_yearly=bool(values.get("numbering_restarts_yearly", base.numbering_restarts_yearly)),
            version=str(version or base.version),
            source=source,
        )


DEFAULT_RULES = MeetingRules()

# ---------------------------------------------------------------------------------------------------
# The minutes' content (what the editor edits and autosaves)
# ---------------------------------------------------------------------------------------------------


@dataclass
class Guest:
    """An invited guest (đại biểu khách mời)."""

    name: str = ""
    position: str = ""
    unit: str = ""


@dataclass
class Speech:
    """One contribution: a member (id + name frozen at the meeting) or a guest (name only)."""

    speaker_name: str = ""
    text: str = ""
    speaker_member_id: str | None = None


@dataclass
class Vote:
    """Show-of-hands result: tán thành / không tán thành / không biểu quyết."""

    in_favour: int = 0
    against: int = 0
    abstain: int = 0

    @property
    def total(self) -> int:
        return self.in_favour + self.against + self.abstain


@dataclass
class AgendaItem:
    """One numbered item of 'Nội dung sinh hoạt': who presented it, what was said, the chair's conclusion."""

    title: str = ""
    presenter_name: str = ""
    presenter_member_id: str | None = None
    presentation: str = ""  # summary of the report or presentation
    speeches: list[Speech] = field(default_factory=list)
    conclusion: str = ""  # "Đồng chí chủ trì kết luận nội dung này: ..."
    vote: Vote | None = None  # None: the item was not voted on


@dataclass
class Checklist:
    """Preparation before the meeting (reference §1.2)."""

    committee_met: bool = False  # chi ủy (or bí thư + phó bí thư) met beforehand
    notice_members: bool = False  # members notified of time, place, content
    notice_upper: bool = False  # upper committee that follows the cell notified
    materials_shared_on: dt.date | None = None  # posted on Sổ tay đảng viên điện tử
    draft_resolution_ready: bool = False


@dataclass
class MinutesContent:
    """Everything the minutes editor edits, in the order of the printed minutes (reference §1.4).

    Attendance is kept per member elsewhere (one row per member, frozen); this holds the rest.
    Names of chair, recorder, presenters and speakers are stored as printed, so later registry edits do
    not rewrite the minutes; the member ids link back to the registry.
    """

    kind: str = "thuong_ky"
    held_on: dt.date | None = None
    period_year: int | None = None  # the month/year the meeting belongs to (default: held_on's)
    period_month: int | None = None
    topic: str = ""  # thematic topic, or the matter of an extraordinary meeting
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    location: str = ""
    chair_member_id: str | None = None
    chair_name: str = ""
    secretary_member_id: str | None = None
    secretary_name: str = ""
    guests: list[Guest] = field(default_factory=list)
    checklist: Checklist = field(default_factory=Checklist)
    opening: str = ""  # free text of the opening (tuyên bố lý do, dues collected, ...)
    agenda: list[AgendaItem] = field(default_factory=list)
    resolution_text: str = ""  # the conclusion or resolution the meeting adopted
    resolution_vote: Vote | None = None
    read_back: bool = False  # minutes read back to the cell before closing
    closing_note: str = ""


def _time_str(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def _parse_time(value: Any) -> dt.time | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    return dt.time.fromisoformat(str(value)).replace(second=0, microsecond=0)


def _parse_date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _vote_from(data: Any) -> Vote | None:
    if not data:
        return None
    return Vote(int(data.get("in_favour", 0)), int(data.get("against", 0)), int(data.get("abstain", 0)))


def content_to_dict(content: MinutesContent) -> dict[str, Any]:
    """JSON-ready dict (dates ISO, times HH:MM). Stable keys: it is stored and hashed."""
    data = asdict(content)
    data["held_on"] = content.held_on.isoformat() if content.held_on else None
    data["start_time"] = _time_str(content.start_time)
    data["end_time"] = _time_str(content.end_time)
    materials = content.checklist.materials_shared_on
    data["checklist"]["materials_shared_on"] = materials.isoformat() if materials else None
    return data


def content_from_dict(data: dict[str, Any]) -> MinutesContent:
    """Inverse of `content_to_dict`; missing keys take defaults (content saved by older versions loads)."""
    checklist = data.get("checklist") or {}
    return MinutesContent(
        kind=data.get("kind") or "thuong_ky",
        held_on=_parse_date(data.get("held_on")),
        period_year=data.get("period_year"),
        period_month=data.get("period_month"),
        topic=data.get("topic") or "",
        start_time=_parse_time(data.get("start_time")),
        end_time=_parse_time(data.get("end_time")),
        location=data.get("location") or "",
        chair_member_id=data.get("chair_member_id"),
        chair_name=data.get("chair_name") or "",
        secretary_member_id=data.get("secretary_member_id"),
        secretary_name=data.get("secretary_name") or "",
        guests=[Guest(g.get("name", ""), g.get("position", ""), g.get("unit", "")) for g in data.get("guests") or []],
        checklist=Checklist(
            committee_met=bool(checklist.get("committee_met")),
            notice_members=bool(checklist.get("notice_members")),
            notice_upper=bool(checklist.get("notice_upper")),
            materials_shared_on=_parse_date(checklist.get("materials_shared_on")),
            draft_resolution_ready=bool(checklist.get("draft_resolution_ready")),
        ),
        opening=data.get("opening") or "",
        agenda=[
            AgendaItem(
                title=item.get("title", ""),
                presenter_name=item.get("presenter_name", ""),
                presenter_member_id=item.get("presenter_member_id"),
                presentation=item.get("presentation", ""),
                speeches=[Speech(sp.get("speaker_name", ""), sp.get("text", ""), sp.get("speaker_member_id"))
                          for sp in item.get("speeches") or []],
                conclusion=item.get("conclusion", ""),
                vote=_vote_from(item.get("vote")),
            )
            for item in data.get("agenda") or []
        ],
        resolution_text=data.get("resolution_text") or "",
        resolution_vote=_vote_from(data.get("resolution_vote")),
        read_back=bool(data.get("read_back")),
        closing_note=data.get("closing_note") or "",
    )


def clean_content(content: MinutesContent) -> MinutesContent:
    """NFC + cleaning of every text field: one-line fields collapse, long texts keep their paragraphs
    (Word pastes lose zero-width characters, soft hyphens, odd line separators)."""
    c = content_from_dict(content_to_dict(content))  # a deep copy
    c.topic, c.location = clean_line(c.topic), clean_line(c.location)
    c.chair_name, c.secretary_name = clean_line(c.chair_name), clean_line(c.secretary_name)
    c.opening, c.closing_note = clean_text(c.opening), clean_text(c.closing_note)
    c.resolution_text = clean_text(c.resolution_text)
    c.guests = [Guest(clean_line(g.name), clean_line(g.position), clean_line(g.unit)) for g in c.guests]
    for item in c.agenda:
        item.title, item.presenter_name = clean_line(item.title), clean_line(item.presenter_name)
        item.presentation, item.conclusion = clean_text(item.presentation), clean_text(item.conclusion)
        item.speeches = [Speech(clean_line(sp.speaker_name), clean_text(sp.text), sp.speaker_member_id)
                         for sp in item.speeches]
    if c.held_on:
        c.period_year = c.period_year or c.held_on.year
        c.period_month = c.period_month or c.held_on.month
    return c


def content_search_text(content: MinutesContent) -> str:
    """Every text field of the minutes, one per line, for the search index."""
    parts: list[str] = [content.topic, content.location, content.chair_name, content.secretary_name]
    parts += [" ".join(x for x in (g.name, g.position, g.unit) if x) for g in content.guests]
    parts.append(content.opening)
    for item in content.agenda:
        parts += [item.title, item.presenter_name, item.presentation]
        parts += [f"{sp.speaker_name}: {sp.text}" if sp.speaker_name else sp.text for sp in item.speeches]
        parts.append(item.conclusion)
    parts += [content.resolution_text, content.closing_note]
    return "\n".join(p for p in parts if p)


# ---------------------------------------------------------------------------------------------------
# Titles and the agenda template
# ---------------------------------------------------------------------------------------------------


def meeting_subtitle(kind: str, month: int | None, year: int | None, topic: str = "") -> str:
    """'Sinh hoạt chi bộ thường kỳ tháng 9 năm 2025', 'Sinh hoạt chi bộ chuyên đề: <topic>', ..."""
    period = f"tháng {month} năm {year}" if month and year else ""
    if kind == "thuong_ky":
        return f"Sinh hoạt chi bộ thường kỳ {period}".strip()
    if kind == "chuyen_de":
        if topic:
            return f"Sinh hoạt chi bộ chuyên đề: {topic}"
        return f"Sinh hoạt chi bộ chuyên đề quý {QUARTER_NAMES[quarter_of(month) - 1]} năm {year}" if month and year \
            else "Sinh hoạt chi bộ chuyên đề"
    if kind == "combined":
        tail = f" kết hợp sinh hoạt chuyên đề: {topic}" if topic else " kết hợp sinh hoạt chuyên đề"
        return f"Sinh hoạt chi bộ thường kỳ {period}".strip() + tail
    return f"Sinh hoạt chi bộ bất thường: {topic}" if topic else "Sinh hoạt chi bộ bất thường"


def render_agenda(template: dict[str, list[str]], kind: str, month: int, year: int, topic: str = "") -> list[str]:
    """The template's items for `kind` with {month} {year} {prev_month} {topic} filled in; items that
    are only a placeholder left empty (no topic) are dropped."""
    prev_month = 12 if month == 1 else month - 1
    items = []
    for raw in template.get(kind, []):
        text = raw.format_map(_Defaults(month=month, year=year, prev_month=prev_month, topic=topic or ""))
        text = clean_line(text.rstrip(": "))
        if text:
            items.append(text)
    return items


class _Defaults(dict):
    def __missing__(self, key: str) -> str:  # unknown placeholders in a user-edited template stay visible
        return "{" + key + "}"


# ---------------------------------------------------------------------------------------------------
# Attendance
# ---------------------------------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------------------------------
# Checks and flags
# ---------------------------------------------------------------------------------------------------

REQUIRED = Msg("Không được để trống.", "This field is required.")
BAD_KIND = Msg("Loại buổi sinh hoạt không hợp lệ.", "Unknown meeting type.")
BAD_MONTH = Msg("Tháng phải từ 1 đến 12.", "The month must be between 1 and 12.")
TOPIC_REQUIRED = Msg("Hãy ghi chủ đề sinh hoạt chuyên đề.", "Enter the topic of the thematic meeting.")
END_BEFORE_START = Msg("Giờ kết thúc phải sau giờ bắt đầu.", "The end time must be after the start time.")
VOTE_NEGATIVE = Msg("Số phiếu biểu quyết không được âm.", "Vote counts cannot be negative.")
VOTE_TOO_MANY = Msg(
    "Tổng số biểu quyết ({votes}) nhiều hơn số đảng viên có mặt ({present}).",
    "The votes ({votes}) outnumber the members present ({present}).",
)
NO_AGENDA = Msg("Biên bản chưa có nội dung sinh hoạt nào.", "The minutes have no agenda item.")
SHORT_DURATION = Msg(
    "Thời lượng {minutes} phút, dưới mức tối thiểu {required} phút.",
    "The meeting lasted {minutes} minutes, under the minimum of {required}.",
)
LOW_ATTENDANCE = Msg(
    "Tỷ lệ đảng viên dự {rate}, không đạt trên {threshold}%.",
    "Attendance was {rate}, not above {threshold}%.",
)
UNEXCUSED = Msg(
    "Vắng không lý do: {names}.",
    "Absent without reason: {names}.",
)
MATERIALS_LATE = Msg(
    "Tài liệu gửi ngày {on}, chưa đủ {days} ngày trước buổi sinh hoạt.",
    "Materials were shared on {on}, less than {days} day(s) before the meeting.",
)
PREPARATION_MISSING = Msg("Chuẩn bị chưa đủ: {items}.", "Preparation incomplete: {items}.")
CHECKLIST_LABELS: dict[str, Msg] = {
    "committee_met": Msg("chi ủy họp trước", "committee met beforehand"),
    "notice_members": Msg("thông báo cho đảng viên", "members notified"),
    "notice_upper": Msg("thông báo cho cấp ủy cấp trên", "upper committee notified"),
    "materials_shared_on": Msg("gửi tài liệu trước", "materials shared"),
    "draft_resolution_ready": Msg("dự thảo nghị quyết", "draft resolution"),
}


@dataclass(frozen=True)
class Flag:
    """Something about a meeting the secretary should see: code, 'warning' | 'info', Vietnamese text."""

    code: str
    severity: str
    text: str


def check_content(content: MinutesContent, present: int | None = None,
                  rules: MeetingRules = DEFAULT_RULES) -> tuple[dict[str, str], dict[str, str]]:
    """(errors, warnings) by field, for validating as the user types. Errors block saving; at approval
    `approval_errors` adds what a finished record needs."""
    errors: dict[str, str] = {}
    warnings: dict[str, str] = {}
    if content.kind not in MEETING_KINDS:
        errors["kind"] = BAD_KIND.format()
    if content.held_on is None:
        errors["held_on"] = REQUIRED.format()
    if content.period_month is not None and not 1 <= content.period_month <= 12:
        errors["period_month"] = BAD_MONTH.format()
    if content.kind in TOPIC_REQUIRED_KINDS and not content.topic.strip():
        errors["topic"] = TOPIC_REQUIRED.format()
    if content.start_time and content.end_time and duration_minutes(content.start_time, content.end_time) is None:
        errors["end_time"] = END_BEFORE_START.format()
    minutes = duration_minutes(content.start_time, content.end_time)
    if duration_short(minutes, content.kind, rules):
        warnings["end_time"] = SHORT_DURATION.format(minutes=minutes, required=min_duration(content.kind, rules))
    votes = [(f"agenda.{i}.vote", item.vote) for i, item in enumerate(content.agenda)]
    votes.append(("resolution_vote", content.resolution_vote))
    for key, vote in votes:
        if vote is None:
            continue
        if min(vote.in_favour, vote.against, vote.abstain) < 0:
            errors[key] = VOTE_NEGATIVE.format()
        elif present is not None and vote.total > present:
            warnings[key] = VOTE_TOO_MANY.format(votes=vote.total, present=present)
    checklist = content.checklist
    if checklist.materials_shared_on and content.held_on:
        if (content.held_on - checklist.materials_shared_on).days < rules.materials_days_before:
            warnings["checklist.materials_shared_on"] = MATERIALS_LATE.format(
                on=checklist.materials_shared_on.strftime("%d/%m/%Y"), days=rules.materials_days_before)
    return errors, warnings


def approval_errors(content: MinutesContent) -> dict[str, str]:
    """What must be filled in before the minutes can be approved (on top of `check_content` errors)."""
    errors: dict[str, str] = {}
    for name in ("start_time", "end_time", "location", "chair_name", "secretary_name"):
        if not getattr(content, name):
            errors[name] = REQUIRED.format()
    if not content.agenda:
        errors["agenda"] = NO_AGENDA.format()
    return errors


def missing_preparation(checklist: Checklist) -> list[str]:
    return [key for key in CHECKLIST_LABELS if not getattr(checklist, key)]


def meeting_flags(content: MinutesContent, attendance: AttendanceSummary,
                  rules: MeetingRules = DEFAULT_RULES) -> list[Flag]:
    flags: list[Flag] = []
    if attendance.rate_low:
        flags.append(Flag("attendance_low", "warning", LOW_ATTENDANCE.format(
            rate=format_percent(attendance.rate), threshold=_num(rules.attendance_min_percent))))
    minutes = duration_minutes(content.start_time, content.end_time)
    if duration_short(minutes, content.kind, rules):
        flags.append(Flag("duration_short", "warning", SHORT_DURATION.format(
            minutes=minutes, required=min_duration(content.kind, rules))))
    if attendance.absent_without_reason:
        flags.append(Flag("absent_without_reason", "warning",
                          UNEXCUSED.format(names=", ".join(attendance.absent_without_reason))))
    missing = missing_preparation(content.checklist)
    if missing:
        flags.append(Flag("preparation", "info", PREPARATION_MISSING.format(
            items=", ".join(CHECKLIST_LABELS[k].format() for k in missing))))
    return flags


def _num(value: Fraction) -> str:
    return str(int(value)) if value.denominator == 1 else f"{float(value):g}".replace(".", ",")


# ---------------------------------------------------------------------------------------------------
# Membership on a date
# ---------------------------------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------------------------------
# The year plan
# ---------------------------------------------------------------------------------------------------


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
