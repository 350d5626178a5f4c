"""The minutes' content (MinutesContent and its parts): the JSON round trip, cleaning pasted text, the
search text, the subtitle and the agenda template."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from ..text import clean_line, clean_text
from .kinds import QUARTER_NAMES, quarter_of


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
