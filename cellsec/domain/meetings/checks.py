"""Checking the minutes as the user types and before approval, and the flags a meeting carries."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from ..messages import Msg
from .attendance import AttendanceSummary, duration_minutes, duration_short, format_percent, min_duration
from .content import Checklist, MinutesContent
from .kinds import DEFAULT_RULES, MEETING_KINDS, MeetingRules, TOPIC_REQUIRED_KINDS


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
