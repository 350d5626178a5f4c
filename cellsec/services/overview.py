"""The overview page: member counts and reminders of what needs the secretary's attention.

Features add their own reminders by appending a provider `(ctx, today) -> list[Reminder]` to
REMINDER_PROVIDERS; the registry's own providers (probation, exemptions, missing data) come first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from ..domain import members as rules
from ..domain.dates import format_date
from ..domain.members import FIELD_LABELS, IN_CELL_STATUSES
from ..domain.messages import Msg
from ..store.models.members import Member
from .context import Context
from .members.service import MemberService, membership_rules
from .reviews.history import review_reminders
from .dues.service import dues_reminders
from .meetings.year import meeting_reminders

PROBATION_ENDING = Msg(
    "Đồng chí {name} hết thời gian dự bị ngày {date}: chuẩn bị hồ sơ xét công nhận đảng viên chính thức "
    "(bản tự kiểm điểm mẫu 10-KNĐ).",
    "{name}'s probation ends on {date}: prepare the recognition dossier (self-review form 10-KNĐ).",
)
PROBATION_OVERDUE = Msg(
    "Đồng chí {name} đã hết thời gian dự bị từ ngày {date} nhưng chưa được công nhận đảng viên chính thức.",
    "{name}'s probation ended on {date} but the member is not yet recognised as official.",
)
EXEMPTION_ENDING = Msg(
    "Đồng chí {name} hết thời hạn miễn sinh hoạt ngày {date}.",
    "{name}'s exemption from activities ends on {date}.",
)
EXEMPTION_OVER = Msg(
    "Đồng chí {name} đã hết thời hạn miễn sinh hoạt từ ngày {date} nhưng vẫn đang ghi là miễn sinh hoạt.",
    "{name}'s exemption ended on {date} but the member is still marked exempt.",
)
MISSING_DATA = Msg("Hồ sơ đồng chí {name} còn thiếu: {fields}.", "{name}'s record lacks: {fields}.")


@dataclass
class Reminder:
    kind: str  # e.g. "probation_ending", "exemption_ending", "missing_data", "meeting_missing"
    severity: str  # "warning" | "info"
    text: str  # sentence shown on the overview, in the user's language
    member_id: str | None = None
    due: dt.date | None = None


Provider = Callable[[Context, dt.date], list[Reminder]]


def _in_cell_members(ctx: Context) -> list[Member]:
    with ctx.read() as s:
        return list(s.scalars(
            select(Member).where(Member.cell_id == ctx.cell_id, Member.deleted_at.is_(None),
                                 Member.activity_status.in_(IN_CELL_STATUSES))
        ).all())


def probation_reminders(ctx: Context, today: dt.date) -> list[Reminder]:
    horizon = today + dt.timedelta(days=membership_rules(today).reminder_days)
    out = []
    for m in _in_cell_members(ctx):
        if m.status != "du_bi" or m.admitted_on is None:
            continue
        end = rules.probation_end(m.admitted_on, membership_rules(m.admitted_on))
        if end < today:
            out.append(Reminder("probation_ending", "warning",
                                PROBATION_OVERDUE.format(name=m.full_name, date=format_date(end)), m.id, end))
        elif end <= horizon:
            out.append(Reminder("probation_ending", "warning",
                                PROBATION_ENDING.format(name=m.full_name, date=format_date(end)), m.id, end))
    return out


def exemption_reminders(ctx: Context, today: dt.date) -> list[Reminder]:
    horizon = today + dt.timedelta(days=membership_rules(today).reminder_days)
    out = []
    for m in _in_cell_members(ctx):
        if m.activity_status != "exempt" or m.status_to is None or m.status_to > horizon:
            continue
        msg = EXEMPTION_OVER if m.status_to < today else EXEMPTION_ENDING
        out.append(Reminder("exemption_ending", "warning", msg.format(name=m.full_name, date=format_date(m.status_to)),
                            m.id, m.status_to))
    return out


def missing_data_reminders(ctx: Context, today: dt.date) -> list[Reminder]:
    out = []
    for m in sorted(_in_cell_members(ctx), key=lambda m: (m.list_no is None, m.list_no or 0,
                                                          rules.name_sort_key(m.full_name))):
        missing = rules.missing_fields(m, m.card_no or "")
        if missing:
            labels = (FIELD_LABELS[f].format() for f in missing)
            fields = ", ".join(text[:1].lower() + text[1:] for text in labels)
            out.append(Reminder("missing_data", "info", MISSING_DATA.format(name=m.full_name, fields=fields), m.id))
    return out


REMINDER_PROVIDERS: list[Provider] = [probation_reminders, exemption_reminders, missing_data_reminders,
                                      review_reminders, dues_reminders, meeting_reminders]


class OverviewService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def counts(self) -> dict[str, int]:
        """Live members per activity status, members in the cell ("total") and, of those,
        probationary ("du_bi") and official ("chinh_thuc")."""
        members = MemberService(self.ctx)
        counts = members.counts_by_status()
        counts["total"] = sum(counts[s] for s in IN_CELL_STATUSES)
        counts.update(members.counts_by_party_status())
        return counts

    def reminders(self, today: dt.date | None = None) -> list[Reminder]:
        """Every provider's reminders: warnings first, each group by due date (undated last)."""
        today = today or dt.date.today()
        found: list[Reminder] = []
        for provider in REMINDER_PROVIDERS:
            found.extend(provider(self.ctx, today))
        order = {"warning": 0, "info": 1}
        return sorted(found, key=lambda r: (order.get(r.severity, 2), r.due is None, r.due or dt.date.max))
