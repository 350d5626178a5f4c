"""Who needs the secretary's attention: one list of members at risk, each with the reason in words and
the data behind it (reference §6.3 removal grounds, §6.2 probation, §6.4 exemptions, §1.6 absences).

The thresholds come from the features that own them (meeting rules, dues rules, membership rules); this
module only turns their counts into items. A count one short of a removal ground is a warning, so the
secretary can talk to the member before the ground is reached.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .dates import format_date
from .messages import Msg
from .reminders import WARNING as REMINDER_WARNING
from .reminders import Reminder

DANGER, WARNING, INFO = "danger", "warning", "info"
SEVERITIES = (DANGER, WARNING, INFO)
SEVERITY_LABELS = {
    DANGER: Msg("Đủ căn cứ xem xét", "Ground reached"),
    WARNING: Msg("Cần nhắc nhở", "Needs a reminder"),
    INFO: Msg("Lưu ý", "Note"),
}

ABSENT_MONTHS = "absent_months"
DUES_UNPAID = "dues_unpaid"
FAILED_TWO_YEARS = "failed_two_years"
PROBATION_ENDING = "probation_ending"
EXEMPTION_ENDING = "exemption_ending"
CONSECUTIVE_ABSENCES = "consecutive_absences"
ABSENT_WITHOUT_REASON = "absent_without_reason"
KIND_LABELS = {
    ABSENT_MONTHS: Msg("Bỏ sinh hoạt đảng", "Missed meetings"),
    DUES_UNPAID: Msg("Chưa đóng đảng phí", "Dues unpaid"),
    FAILED_TWO_YEARS: Msg("Hai năm liền không hoàn thành nhiệm vụ", "Two years not fulfilling duties"),
    PROBATION_ENDING: Msg("Hết thời gian dự bị", "Probation ending"),
    EXEMPTION_ENDING: Msg("Hết thời hạn miễn sinh hoạt", "Exemption ending"),
    CONSECUTIVE_ABSENCES: Msg("Vắng nhiều lần liên tiếp", "Absent several times in a row"),
    ABSENT_WITHOUT_REASON: Msg("Vắng không có lý do", "Absent without reason"),
}

ABSENT_MONTHS_GROUND = Msg(
    "Vắng sinh hoạt không có lý do trong {count} tháng của năm {year} (tháng {months}): đủ căn cứ để chi bộ "
    "xem xét, đề nghị xóa tên.",
    "Absent without reason in {count} months of {year} (months {months}): a ground for the cell to consider removal.",
)
ABSENT_MONTHS_NEAR = Msg(
    "Vắng sinh hoạt không có lý do trong {count} tháng của năm {year} (tháng {months}); thêm một tháng nữa là "
    "căn cứ xem xét xóa tên.",
    "Absent without reason in {count} months of {year} (months {months}); one more month is a removal ground.",
)
DUES_GROUND = Msg(
    "Không đóng đảng phí {count} tháng trong năm {year} (tháng {months}): nếu không có lý do chính đáng là căn cứ "
    "xem xét xóa tên.",
    "Did not pay dues for {count} months of {year} (months {months}): without a valid reason, a removal ground.",
)
DUES_NEAR = Msg(
    "Chưa đóng đảng phí {count} tháng trong năm {year} (tháng {months}); thêm một tháng nữa là căn cứ xem xét xóa tên.",
    "Dues unpaid for {count} months of {year} (months {months}); one more month is a removal ground.",
)
FAILED_TWO_YEARS_TEXT = Msg(
    "Xếp loại \"Không hoàn thành nhiệm vụ\" hai năm liền ({first} và {second}).",
    "Rated \"did not fulfil duties\" two years in a row ({first} and {second}).",
)
PROBATION_SOON = Msg("Hết thời gian dự bị ngày {date}: chuẩn bị xét công nhận đảng viên chính thức.",
                     "Probation ends on {date}: prepare the recognition as an official member.")
PROBATION_OVER = Msg("Đã hết thời gian dự bị từ ngày {date} nhưng chưa được công nhận đảng viên chính thức.",
                     "Probation ended on {date} but the member is not yet recognised as official.")
EXEMPTION_SOON = Msg("Hết thời hạn miễn sinh hoạt ngày {date}.", "The exemption from activities ends on {date}.")
EXEMPTION_OVER = Msg("Đã hết thời hạn miễn sinh hoạt từ ngày {date} nhưng vẫn đang ghi là miễn sinh hoạt.",
                     "The exemption ended on {date} but the member is still marked exempt.")
CONSECUTIVE_TEXT = Msg("Vắng sinh hoạt {count} lần liên tiếp trong năm (quá {limit} lần).",
                       "Absent from {count} meetings in a row this year (more than {limit}).")
UNEXCUSED_TEXT = Msg("Vắng sinh hoạt không có lý do {count} lần trong năm {year}: {dates}.",
                     "Absent without reason {count} times in {year}: {dates}.")


@dataclass(frozen=True)
class AttentionItem:
    """One reason one member needs attention; `data` holds the facts behind it (JSON-ready)."""

    member_id: str
    full_name: str
    kind: str
    severity: str
    text: str
    data: dict[str, Any] = field(default_factory=dict)
    due: dt.date | None = None

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind].format()


def _months_text(months: list[int]) -> str:
    return ", ".join(f"{m:02d}" for m in sorted(months))


def absent_months_item(member_id: str, name: str, year: int, months: list[int], threshold: int) -> AttentionItem | None:
    """Meetings missed (counted statuses) in distinct months of the year: at the threshold (3) a removal
    ground, one short of it a warning, fewer nothing."""
    count = len(set(months))
    if count >= threshold:
        severity, msg = DANGER, ABSENT_MONTHS_GROUND
    elif count == threshold - 1 and count > 0:
        severity, msg = WARNING, ABSENT_MONTHS_NEAR
    else:
        return None
    months = sorted(set(months))
    return AttentionItem(member_id, name, ABSENT_MONTHS, severity,
                         msg.format(count=count, year=year, months=_months_text(months)),
                         {"year": year, "months": months, "threshold": threshold})


def dues_item(member_id: str, name: str, year: int, unpaid: list[dt.date], threshold: int) -> AttentionItem | None:
    """Months of the year with no dues paid and no valid reason (ended months only)."""
    count = len(unpaid)
    if count >= threshold:
        severity, msg = DANGER, DUES_GROUND
    elif count == threshold - 1 and count > 0:
        severity, msg = WARNING, DUES_NEAR
    else:
        return None
    months = sorted(m.month for m in unpaid)
    return AttentionItem(member_id, name, DUES_UNPAID, severity,
                         msg.format(count=count, year=year, months=_months_text(months)),
                         {"year": year, "months": [m.isoformat()[:7] for m in sorted(unpaid)], "threshold": threshold})


def failed_years_item(member_id: str, name: str, years: tuple[int, int]) -> AttentionItem:
    return AttentionItem(member_id, name, FAILED_TWO_YEARS, DANGER,
                         FAILED_TWO_YEARS_TEXT.format(first=years[0], second=years[1]), {"years": list(years)})


def probation_item(member_id: str, name: str, ends_on: dt.date, today: dt.date, horizon_days: int) -> AttentionItem | None:
    if ends_on < today:
        return AttentionItem(member_id, name, PROBATION_ENDING, WARNING,
                             PROBATION_OVER.format(date=format_date(ends_on)),
                             {"ends_on": ends_on.isoformat(), "overdue": True}, ends_on)
    if (ends_on - today).days <= horizon_days:
        return AttentionItem(member_id, name, PROBATION_ENDING, INFO, PROBATION_SOON.format(date=format_date(ends_on)),
                             {"ends_on": ends_on.isoformat(), "overdue": False}, ends_on)
    return None


def exemption_item(member_id: str, name: str, ends_on: dt.date, today: dt.date, horizon_days: int) -> AttentionItem | None:
    if ends_on < today:
        return AttentionItem(member_id, name, EXEMPTION_ENDING, WARNING,
                             EXEMPTION_OVER.format(date=format_date(ends_on)),
                             {"ends_on": ends_on.isoformat(), "overdue": True}, ends_on)
    if (ends_on - today).days <= horizon_days:
        return AttentionItem(member_id, name, EXEMPTION_ENDING, INFO, EXEMPTION_SOON.format(date=format_date(ends_on)),
                             {"ends_on": ends_on.isoformat(), "overdue": False}, ends_on)
    return None


def consecutive_item(member_id: str, name: str, longest: int, limit: int,
                     last_absent_on: dt.date | None) -> AttentionItem | None:
    if longest <= limit:
        return None
    return AttentionItem(member_id, name, CONSECUTIVE_ABSENCES, WARNING,
                         CONSECUTIVE_TEXT.format(count=longest, limit=limit),
                         {"longest": longest, "limit": limit,
                          "last_absent_on": last_absent_on.isoformat() if last_absent_on else None})


def unexcused_item(member_id: str, name: str, year: int, dates: list[dt.date]) -> AttentionItem | None:
    if not dates:
        return None
    dates = sorted(dates)
    return AttentionItem(member_id, name, ABSENT_WITHOUT_REASON, INFO,
                         UNEXCUSED_TEXT.format(count=len(dates), year=year,
                                               dates=", ".join(format_date(d) for d in dates)),
                         {"year": year, "dates": [d.isoformat() for d in dates]})


def sort_items(items: list[AttentionItem], order: dict[str, tuple] | None = None) -> list[AttentionItem]:
    """Most serious first; within a severity by member (the given registry order, else name), then kind."""
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    kinds = {k: i for i, k in enumerate(KIND_LABELS)}
    order = order or {}
    return sorted(items, key=lambda i: (rank.get(i.severity, 9), order.get(i.member_id, (True, 1 << 30, ((), (), i.full_name))),
                                        kinds.get(i.kind, 99)))


# ---- the same items as overview reminders ---------------------------------------------------------------
# Each kind's sentence names the member; the reminder kinds are the ones the overview has always used.
REMINDER_KINDS = {
    ABSENT_MONTHS: "removal_risk",
    CONSECUTIVE_ABSENCES: "absent_consecutive",
    DUES_UNPAID: "dues_unpaid",
    FAILED_TWO_YEARS: "review_removal_risk",
    PROBATION_ENDING: "probation_ending",
    EXEMPTION_ENDING: "exemption_ending",
}  # ABSENT_WITHOUT_REASON is not repeated member by member: the meetings' reminder names the last meeting's
REMINDER_PROBATION_ENDING = Msg(
    "Đồng chí {name} hết thời gian dự bị ngày {date}: chuẩn bị hồ sơ xét công nhận đảng viên chính thức "
    "(bản tự kiểm điểm mẫu 10-KNĐ).",
    "{name}'s probation ends on {date}: prepare the recognition dossier (self-review form 10-KNĐ).",
)
REMINDER_PROBATION_OVERDUE = Msg(
    "Đồng chí {name} đã hết thời gian dự bị từ ngày {date} nhưng chưa được công nhận đảng viên chính thức.",
    "{name}'s probation ended on {date} but the member is not yet recognised as official.",
)
REMINDER_EXEMPTION_ENDING = Msg(
    "Đồng chí {name} hết thời hạn miễn sinh hoạt ngày {date}.",
    "{name}'s exemption from activities ends on {date}.",
)
REMINDER_EXEMPTION_OVER = Msg(
    "Đồng chí {name} đã hết thời hạn miễn sinh hoạt từ ngày {date} nhưng vẫn đang ghi là miễn sinh hoạt.",
    "{name}'s exemption ended on {date} but the member is still marked exempt.",
)
REMINDER_ABSENT_MONTHS = Msg(
    "Đồng chí {name} bỏ sinh hoạt {count} tháng trong năm {year} (tháng {months}) không có lý do chính đáng{tail}",
    "{name} missed meetings without valid reason in {count} months of {year} ({months}){tail}",
)
REMINDER_ABSENT_MONTHS_GROUND = Msg(": căn cứ để chi bộ xem xét, đề nghị xóa tên.",
                                    ": grounds for the cell to consider removal.")
REMINDER_ABSENT_MONTHS_NEAR = Msg("; thêm một tháng nữa là căn cứ xem xét xóa tên.",
                                  "; one more month is a removal ground.")
REMINDER_CONSECUTIVE = Msg(
    "Đồng chí {name} vắng sinh hoạt {count} lần liên tiếp (quá {limit} lần).",
    "{name} missed {count} meetings in a row (more than {limit}).",
)
REMINDER_DUES = Msg(
    "Đồng chí {name} chưa đóng đảng phí {count} tháng trong năm {year} (tháng {months}).",
    "{name} has not paid dues for {count} months of {year} (months {months}).",
)
REMINDER_FAILED_TWO_YEARS = Msg(
    "Đồng chí {name} bị xếp loại \"Không hoàn thành nhiệm vụ\" hai năm liền ({first} và {second}): "
    "chi bộ xem xét theo quy định (thuộc diện xem xét xóa tên, thay thế chức vụ).",
    "{name} was rated \"Did not fulfil duties\" two years in a row ({first} and {second}): "
    "the cell must consider the case (grounds for removal from the list or from office).",
)


def _reminder_text(item: AttentionItem) -> str:
    d, name = item.data, item.full_name
    if item.kind == PROBATION_ENDING:
        msg = REMINDER_PROBATION_OVERDUE if d.get("overdue") else REMINDER_PROBATION_ENDING
        return msg.format(name=name, date=format_date(item.due))
    if item.kind == EXEMPTION_ENDING:
        msg = REMINDER_EXEMPTION_OVER if d.get("overdue") else REMINDER_EXEMPTION_ENDING
        return msg.format(name=name, date=format_date(item.due))
    if item.kind == ABSENT_MONTHS:
        tail = REMINDER_ABSENT_MONTHS_GROUND if item.severity == DANGER else REMINDER_ABSENT_MONTHS_NEAR
        return REMINDER_ABSENT_MONTHS.format(name=name, count=len(d["months"]), year=d["year"],
                                             months=", ".join(str(m) for m in d["months"]), tail=tail.format())
    if item.kind == CONSECUTIVE_ABSENCES:
        return REMINDER_CONSECUTIVE.format(name=name, count=d["longest"], limit=d["limit"])
    if item.kind == DUES_UNPAID:
        return REMINDER_DUES.format(name=name, count=len(d["months"]), year=d["year"],
                                    months=", ".join(m[5:7] for m in d["months"]))
    first, second = d["years"]
    return REMINDER_FAILED_TWO_YEARS.format(name=name, first=first, second=second)


def as_reminders(items: list[AttentionItem]) -> list[Reminder]:
    """The attention items the overview shows, as reminders (every one a warning there)."""
    out = []
    for item in items:
        kind = REMINDER_KINDS.get(item.kind)
        if kind is None:
            continue
        due = item.due
        if item.kind == CONSECUTIVE_ABSENCES and item.data.get("last_absent_on"):
            due = dt.date.fromisoformat(item.data["last_absent_on"])
        out.append(Reminder(kind, REMINDER_WARNING, _reminder_text(item), item.member_id, due))
    return out


# ---- the list itself, from plain data ---------------------------------------------------------------------


def attention_list(facts: list, marks: list, year: int, today: dt.date, *, meeting_rules, dues_threshold: int,
                   dues_years: list, risks: list, membership_rules, registry_order) -> list[AttentionItem]:
    """Every reason any member in the cell needs attention, most serious first, from what the features
    read (services/attention.py with the ORM, the window's first overview with the quick reader):
    `facts` the members' facts (services/members/facts.MemberFacts) in registry order, `marks` the
    attendance at the year's meetings held by today, `meeting_rules` the meeting rules in force,
    `dues_threshold` the unpaid months that are a removal ground, `dues_years` each member's dues year
    (member_id, full_name, counted_unpaid), `risks` the two failed review years (member_id, name, years),
    `membership_rules` date -> the membership rules in force then, `registry_order` member -> sort key."""
    from .meetings import absence_streaks, absent_months  # the meetings rules (imported when used)
    from .members import IN_CELL_STATUSES, probation_end

    facts = [m for m in facts if m.activity_status in IN_CELL_STATUSES]
    in_cell = {m.id: m for m in facts}
    items: list[AttentionItem | None] = []
    for member_id, (name, months) in absent_months(marks, year, meeting_rules.removal_absence_statuses).items():
        if member_id in in_cell:
            items.append(absent_months_item(member_id, name, year, list(months), meeting_rules.removal_absent_months))
    for streak in absence_streaks(marks).values():
        if streak.member_id in in_cell:
            items.append(consecutive_item(streak.member_id, streak.full_name, streak.longest,
                                          meeting_rules.consecutive_absence_limit, streak.last_absent_on))
    unexcused: dict[str, list[dt.date]] = {}
    for mark in marks:
        if mark.status == "absent_without_reason" and mark.member_id in in_cell:
            unexcused.setdefault(mark.member_id, []).append(mark.held_on)
    for member_id, dates in unexcused.items():
        items.append(unexcused_item(member_id, in_cell[member_id].full_name, year, dates))
    for st in dues_years:
        if st.member_id in in_cell:
            items.append(dues_item(st.member_id, st.full_name, year, st.counted_unpaid, dues_threshold))
    for risk in risks:
        if risk.member_id in in_cell:
            items.append(failed_years_item(risk.member_id, risk.name, risk.years))
    horizon = membership_rules(today).reminder_days
    for m in facts:
        if m.status == "du_bi" and m.admitted_on is not None and m.official_on is None:
            ends_on = probation_end(m.admitted_on, membership_rules(m.admitted_on))
            items.append(probation_item(m.id, m.full_name, ends_on, today, horizon))
        if m.activity_status == "exempt" and m.status_to is not None:
            items.append(exemption_item(m.id, m.full_name, m.status_to, today, horizon))
    return sort_items([item for item in items if item], {m.id: registry_order(m) for m in facts})
