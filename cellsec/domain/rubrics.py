"""Scoring rubrics as data: criteria sheets for meetings, the cell's year and a member's year.

A rubric (reference §3) is versioned data — name, issuing document, effective date, target, groups of
criteria (text, maximum points, scoring hint, optional automatic source) and bands (label + minimum
points). Provinces word their criteria differently and change them, so nothing here knows any criterion:
this module only validates a rubric and reads and writes the JSON exchange file (docs/rubric-format.md);
`scores` turns measured facts into points and adds points up into a total and a band.

Everything a user or a file hands in passes `rubric_from_dict`, which refuses a broken or hostile
definition with a Vietnamese reason; a rubric edited in the window is checked the same way
(`validate_rubric`), so the two paths cannot disagree.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass, field
from typing import Any

from .messages import Msg
from .rubric_messages import (
    BAD_DATE, BAD_ID, BAD_JSON, BAD_MEETING_TYPE, BAD_MODE, BAD_STEP, BAD_TARGET, BANDS_NOT_COVERING,
    BAND_ABOVE_MAX, BAND_DUPLICATE, DUPLICATE_ID, EMPTY_GROUP, EMPTY_TEXT, EXPECT_BOOL, EXPECT_INTEGER,
    EXPECT_LIST, EXPECT_NUMBER, EXPECT_OBJECT, EXPECT_TEXT, FILE_TOO_LARGE, HUGE_POINTS, MEETING_TYPES_REQUIRED,
    MISSING, MODE_NEEDS_PERCENT, NEGATIVE_POINTS, NEWER_FORMAT, NOT_NUMBER_LITERAL, NOT_UTF8, NO_BANDS,
    NO_CRITERIA, NO_RUBRICS, SOURCE_WRONG_TARGET, STEPS_REQUIRED, STEP_ABOVE_MAX, TEXT_TOO_LONG, TOO_DEEP,
    TOO_MANY, TOTAL_MISMATCH, UNKNOWN_FIELD, UNKNOWN_SOURCE, WHAT_BANDS, WHAT_CRITERIA, WHAT_GROUPS, WHAT_LABEL,
    WHAT_MEETING_TYPES, WHAT_MIN, WHAT_RUBRICS, WHAT_STEPS, WHERE_BAND, WHERE_CRITERION, WHERE_FILE,
    WHERE_GROUP, WHERE_RUBRIC, WHERE_STEP, WRONG_FORMAT, WRONG_TYPE, ZERO_TOTAL,
)
from .text import clean_line, clean_text

FILE_FORMAT = "cellsec-rubrics"
FILE_FORMAT_VERSION = 1

TARGETS = ("meeting", "cell_year", "member_year")
TARGET_LABELS = {
    "meeting": Msg("Buổi sinh hoạt chi bộ", "Cell meeting"),
    "cell_year": Msg("Chi bộ trong năm", "The cell's year"),
    "member_year": Msg("Đảng viên trong năm", "A member's year"),
}
# Meeting kinds a meeting rubric can apply to (the meetings feature's type keys).
MEETING_TYPES = ("thuong_ky", "chuyen_de", "combined", "bat_thuong")

# Limits that keep a hostile file from eating the laptop (real rubrics are a few KB, < 50 criteria).
MAX_FILE_BYTES = 1_000_000
MAX_RUBRICS_PER_FILE = 50
MAX_GROUPS = 100
MAX_CRITERIA = 500
MAX_BANDS = 20
MAX_STEPS = 20
MAX_POINTS = 1000
MAX_TEXT = 2000
MAX_NAME = 300
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,39}$")
EPS = 0.005  # points are kept to 2 decimals; comparisons allow for float noise


# ---- automatic sources ---------------------------------------------------------------------------

@dataclass(frozen=True)
class AutoSource:
    """A fact the program measures from its data and can turn into points.

    kind: "percent" (0–100), "count", "minutes", "flag" (true/false) or "level" (review level as a
    number: 4 = Hoàn thành xuất sắc, 3 = Hoàn thành tốt, 2 = Hoàn thành, 1 = Không hoàn thành).
    """

    key: str
    target: str
    kind: str
    label: Msg


AUTO_SOURCES: dict[str, AutoSource] = {s.key: s for s in (
    AutoSource("meeting.attendance_rate", "meeting", "percent",
               Msg("Tỷ lệ đảng viên dự họp (%)", "Share of members present (%)")),
    AutoSource("meeting.absent_without_reason", "meeting", "count",
               Msg("Số đảng viên vắng không có lý do", "Members absent without reason")),
    AutoSource("meeting.duration_minutes", "meeting", "minutes",
               Msg("Thời lượng buổi sinh hoạt (phút)", "Meeting duration (minutes)")),
    AutoSource("meeting.duration_ok", "meeting", "flag",
               Msg("Đủ thời lượng tối thiểu theo quy định", "Meets the minimum duration")),
    AutoSource("meeting.preparation_rate", "meeting", "percent",
               Msg("Tỷ lệ việc chuẩn bị đã hoàn thành (%)", "Share of preparation steps done (%)")),
    AutoSource("meeting.minutes_complete", "meeting", "flag",
               Msg("Biên bản ghi chép đầy đủ", "Minutes complete")),
    AutoSource("meeting.resolution_voted", "meeting", "flag",
               Msg("Nghị quyết, kết luận được biểu quyết thông qua", "Resolution or conclusion voted")),
    AutoSource("cell.regular_meetings", "cell_year", "count",
               Msg("Số buổi sinh hoạt thường kỳ trong năm", "Regular meetings in the year")),
    AutoSource("cell.thematic_meetings", "cell_year", "count",
               Msg("Số buổi sinh hoạt chuyên đề trong năm", "Thematic meetings in the year")),
    AutoSource("cell.meeting_regularity", "cell_year", "percent",
               Msg("Mức thực hiện chế độ sinh hoạt (12 thường kỳ, 4 chuyên đề) (%)",
                   "Meeting regularity (12 regular, 4 thematic) (%)")),
    AutoSource("cell.average_meeting_score", "cell_year", "percent",
               Msg("Điểm bình quân các buổi sinh hoạt (% điểm tối đa)", "Average meeting score (% of maximum)")),
    AutoSource("cell.average_attendance", "cell_year", "percent",
               Msg("Tỷ lệ dự họp bình quân (%)", "Average attendance (%)")),
    AutoSource("cell.members_admitted", "cell_year", "count",
               Msg("Số đảng viên mới kết nạp trong năm", "Members admitted in the year")),
    AutoSource("cell.members_good_rate", "cell_year", "percent",
               Msg("Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên (%)",
                   "Members rated 'completed well' or better (%)")),
    AutoSource("cell.members_failed", "cell_year", "count",
               Msg("Số đảng viên không hoàn thành nhiệm vụ", "Members rated 'not completed'")),
    AutoSource("cell.dues_on_time_rate", "cell_year", "percent",
               Msg("Tỷ lệ tháng đảng phí đóng đúng hạn (%)", "Dues months paid on time (%)")),
    AutoSource("member.attendance_rate", "member_year", "percent",
               Msg("Tỷ lệ dự sinh hoạt chi bộ (%)", "Meeting attendance (%)")),
    AutoSource("member.absences_without_reason", "member_year", "count",
               Msg("Số buổi vắng không có lý do", "Absences without reason")),
    AutoSource("member.review_level", "member_year", "level",
               Msg("Mức xếp loại chất lượng (4 = HTXS, 3 = HTT, 2 = HT, 1 = KHT)",
                   "Review level (4 = excellent, 3 = good, 2 = completed, 1 = not completed)")),
    AutoSource("member.dues_on_time_rate", "member_year", "percent",
               Msg("Tỷ lệ tháng đảng phí đóng đúng hạn (%)", "Dues months paid on time (%)")),
    AutoSource("member.dues_unpaid_months", "member_year", "count",
               Msg("Số tháng chưa đóng đảng phí", "Months of dues unpaid")),
)}

MODES = ("flag", "proportional", "steps")
STEP_OPS = ("at_least", "above", "at_most", "below")
STEP_OP_SYMBOLS = {"at_least": "≥", "above": ">", "at_most": "≤", "below": "<"}


def sources_for(target: str) -> list[AutoSource]:
    return [s for s in AUTO_SOURCES.values() if s.target == target]


# ---- the rubric ------------------------------------------------------------------------------------

@dataclass
class Step:
    """One rung of a "steps" rule: if the measured value satisfies `op value`, the criterion gets `points`.
    Steps are tried in order; the first that holds wins; none holding gives 0."""

    op: str
    value: float
    points: float


@dataclass
class AutoRule:
    source: str
    # "" = the source's natural rule: flag → all-or-nothing, percent → proportional; others need steps.
    mode: str = ""
    steps: list[Step] = field(default_factory=list)

    def effective_mode(self) -> str:
        if self.mode:
            return self.mode
        kind = AUTO_SOURCES[self.source].kind if self.source in AUTO_SOURCES else ""
        return {"flag": "flag", "percent": "proportional"}.get(kind, "steps")


@dataclass
class Criterion:
    id: str
    text: str
    max_points: float
    hint: str = ""
    auto: AutoRule | None = None
    # True when the wording is a placeholder not checked against an official text (reference §3.1).
    unverified: bool = False


@dataclass
class CriteriaGroup:
    id: str
    title: str
    criteria: list[Criterion] = field(default_factory=list)

    @property
    def max_points(self) -> float:
        return _r(sum(c.max_points for c in self.criteria))


@dataclass
class Band:
    label: str
    min_points: float


@dataclass
class Rubric:
    key: str
    version: int
    name: str
    target: str
    effective_from: dt.date
    document: str = ""
    groups: list[CriteriaGroup] = field(default_factory=list)
    bands: list[Band] = field(default_factory=list)
    meeting_types: list[str] = field(default_factory=list)
    unverified: bool = False
    note: str = ""

    @property
    def max_points(self) -> float:
        return _r(sum(g.max_points for g in self.groups))

    def criteria(self) -> list[Criterion]:
        return [c for g in self.groups for c in g.criteria]

    def criterion(self, criterion_id: str) -> Criterion | None:
        return next((c for c in self.criteria() if c.id == criterion_id), None)


def round_points(value: float) -> float:
    return round(value + 0.0, 2)


_r = round_points


# ---- errors ----------------------------------------------------------------------------------------

class RubricError(ValueError):
    """A rubric (or rubric file) refused, with the reason in the user's language."""

    def __init__(self, msg: Msg, **params: object) -> None:
        self.msg = msg
        self.params = params
        super().__init__(msg.format(**params))

    @property
    def message(self) -> str:
        return self.msg.format(**self.params)


# ---- reading a dict (from a file or from the database) ---------------------------------------------

class _Reader:
    """Checks one JSON object's fields with a location for the message."""

    def __init__(self, data: object, where: str, allowed: set[str]) -> None:
        if not isinstance(data, dict):
            raise RubricError(WRONG_TYPE, where=where, field="", expected=EXPECT_OBJECT.format())
        for key in data:
            if key not in allowed:
                raise RubricError(UNKNOWN_FIELD, where=where, field=str(key)[:60])
        self.data = data
        self.where = where

    def _get(self, name: str, required: bool) -> Any:
        if name not in self.data or self.data[name] is None:
            if required:
                raise RubricError(MISSING, where=self.where, field=name)
            return None
        return self.data[name]

    def text(self, name: str, *, required: bool = True, multiline: bool = False, limit: int = MAX_TEXT) -> str:
        value = self._get(name, required)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise RubricError(WRONG_TYPE, where=self.where, field=name, expected=EXPECT_TEXT.format())
        if len(value) > limit:
            raise RubricError(TEXT_TOO_LONG, where=self.where, field=name, limit=limit)
        value = clean_text(value) if multiline else clean_line(value)
        if required and not value:
            raise RubricError(EMPTY_TEXT, where=self.where, field=name)
        return value

    def ident(self, name: str) -> str:
        value = self.text(name, limit=100)
        if not _ID.match(value):
            raise RubricError(BAD_ID, where=self.where, value=value[:60])
        return value

    def number(self, name: str, *, required: bool = True, limit: float = MAX_POINTS, points: bool = True) -> float | None:
        value = self._get(name, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise RubricError(WRONG_TYPE, where=self.where, field=name, expected=EXPECT_NUMBER.format())
        if points and value < 0:
            raise RubricError(NEGATIVE_POINTS, where=self.where, value=_fmt(value))
        if abs(value) > limit:
            raise RubricError(HUGE_POINTS, where=self.where, value=_fmt(value), limit=_fmt(limit))
        return _r(float(value))

    def integer(self, name: str) -> int:
        value = self._get(name, True)
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 1_000_000:
            raise RubricError(WRONG_TYPE, where=self.where, field=name, expected=EXPECT_INTEGER.format())
        return value

    def flag(self, name: str) -> bool:
        value = self._get(name, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise RubricError(WRONG_TYPE, where=self.where, field=name, expected=EXPECT_BOOL.format())
        return value

    def items(self, name: str, *, required: bool = True, limit: int, what: Msg) -> list:
        value = self._get(name, required)
        if value is None:
            return []
        if not isinstance(value, list):
            raise RubricError(WRONG_TYPE, where=self.where, field=name, expected=EXPECT_LIST.format())
        if len(value) > limit:
            raise RubricError(TOO_MANY, where=self.where, what=what.format(), count=len(value), limit=limit)
        return value

    def date(self, name: str) -> dt.date:
        value = self.text(name, limit=20)
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise RubricError(BAD_DATE, where=self.where, value=value) from None


def _fmt(value: float) -> str:
    """Points as a Vietnamese reader writes them: 12, 12,5."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


format_points = _fmt

_RUBRIC_FIELDS = {"key", "version", "name", "document", "effective_from", "target", "meeting_types",
                  "max_points", "groups", "bands", "unverified", "note"}
_GROUP_FIELDS = {"id", "title", "max_points", "criteria"}
_CRITERION_FIELDS = {"id", "text", "max_points", "hint", "auto", "unverified"}
_AUTO_FIELDS = {"source", "mode", "steps"}
_BAND_FIELDS = {"label", "min_points"}


def rubric_from_dict(data: object, where: str | None = None) -> Rubric:
    """Build a Rubric from its JSON object, refusing anything wrong with a located reason."""
    where = where or WHERE_RUBRIC.format(n=1)
    rd = _Reader(data, where, _RUBRIC_FIELDS)
    key = rd.ident("key")
    version = rd.integer("version")
    name = rd.text("name", limit=MAX_NAME)
    document = rd.text("document", required=False, limit=MAX_NAME)
    effective_from = rd.date("effective_from")
    target = rd.text("target", limit=40)
    if target not in TARGETS:
        raise RubricError(BAD_TARGET, where=where, value=target)
    meeting_types: list[str] = []
    for value in rd.items("meeting_types", required=False, limit=len(MEETING_TYPES), what=WHAT_MEETING_TYPES):
        if value not in MEETING_TYPES or value in meeting_types:
            raise RubricError(BAD_MEETING_TYPE, where=where, value=str(value)[:60])
        meeting_types.append(value)
    if target == "meeting" and not meeting_types:
        raise RubricError(MEETING_TYPES_REQUIRED, where=where)
    if target != "meeting":
        meeting_types = []
    declared = rd.number("max_points")
    raw_groups = rd.items("groups", limit=MAX_GROUPS, what=WHAT_GROUPS)
    total_criteria = sum(len(g.get("criteria", [])) for g in raw_groups
                         if isinstance(g, dict) and isinstance(g.get("criteria"), list))
    if total_criteria > MAX_CRITERIA:
        raise RubricError(TOO_MANY, where=where, what=WHAT_CRITERIA.format(), count=total_criteria, limit=MAX_CRITERIA)
    groups = _groups_from_list(raw_groups, where, target)
    if not groups:
        raise RubricError(NO_CRITERIA, where=where)
    actual = _r(sum(g.max_points for g in groups))
    if actual > MAX_POINTS:
        raise RubricError(HUGE_POINTS, where=where, value=_fmt(actual), limit=MAX_POINTS)
    if abs(actual - declared) > EPS:
        raise RubricError(TOTAL_MISMATCH, where=where, actual=_fmt(actual), declared=_fmt(declared))
    if actual <= 0:
        raise RubricError(ZERO_TOTAL, where=where)
    bands = _bands_from_list(rd.items("bands", limit=MAX_BANDS, what=WHAT_BANDS), where, actual)
    return Rubric(key=key, version=version, name=name, document=document, effective_from=effective_from,
                  target=target, meeting_types=meeting_types, groups=groups, bands=bands,
                  unverified=rd.flag("unverified"), note=rd.text("note", required=False, multiline=True))


def _groups_from_list(raw_groups: list, where: str, target: str) -> list[CriteriaGroup]:
    """The groups and their criteria; ids unique among groups and among all criteria."""
    group_ids: set[str] = set()
    criterion_ids: set[str] = set()
    groups = []
    for gi, raw_group in enumerate(raw_groups, 1):
        gwhere = _join(where, WHERE_GROUP.format(n=gi))
        gr = _Reader(raw_group, gwhere, _GROUP_FIELDS)
        gid = gr.ident("id")
        if gid in group_ids:
            raise RubricError(DUPLICATE_ID, where=gwhere, value=gid)
        group_ids.add(gid)
        group = CriteriaGroup(id=gid, title=gr.text("title", limit=MAX_TEXT))
        raw_criteria = gr.items("criteria", limit=MAX_CRITERIA, what=WHAT_CRITERIA)
        if not raw_criteria:
            raise RubricError(EMPTY_GROUP, where=gwhere)
        for ci, raw_criterion in enumerate(raw_criteria, 1):
            cwhere = _join(gwhere, WHERE_CRITERION.format(n=ci))
            criterion = _criterion_from_dict(raw_criterion, cwhere, target)
            if criterion.id in criterion_ids:
                raise RubricError(DUPLICATE_ID, where=cwhere, value=criterion.id)
            criterion_ids.add(criterion.id)
            group.criteria.append(criterion)
        group_declared = gr.number("max_points", required=False)
        if group_declared is not None and abs(group_declared - group.max_points) > EPS:
            raise RubricError(TOTAL_MISMATCH, where=gwhere, actual=_fmt(group.max_points), declared=_fmt(group_declared))
        groups.append(group)
    return groups


def _join(where: str, part: str) -> str:
    return f"{where}, {part}"


def _criterion_from_dict(data: object, where: str, target: str) -> Criterion:
    cr = _Reader(data, where, _CRITERION_FIELDS)
    cid = cr.ident("id")
    where = cr.where = f"{where} ({cid})"
    criterion = Criterion(id=cid, text=cr.text("text", multiline=True), max_points=cr.number("max_points"),
                          hint=cr.text("hint", required=False, multiline=True), unverified=cr.flag("unverified"))
    raw_auto = cr._get("auto", False)
    if raw_auto is not None:
        criterion.auto = _auto_from_dict(raw_auto, where, target, criterion.max_points)
    return criterion


def _auto_from_dict(data: object, where: str, target: str, max_points: float) -> AutoRule:
    ar = _Reader(data, where, _AUTO_FIELDS)
    source_key = ar.text("source", limit=100)
    source = AUTO_SOURCES.get(source_key)
    if source is None:
        raise RubricError(UNKNOWN_SOURCE, where=where, value=source_key[:60])
    if source.target != target:
        raise RubricError(SOURCE_WRONG_TARGET, where=where, value=source_key)
    mode = ar.text("mode", required=False, limit=40)
    if mode and mode not in MODES:
        raise RubricError(BAD_MODE, where=where, value=mode[:40])
    rule = AutoRule(source=source_key, mode=mode)
    effective = rule.effective_mode()
    if effective == "proportional" and source.kind != "percent":
        raise RubricError(MODE_NEEDS_PERCENT, where=where)
    for si, raw_step in enumerate(ar.items("steps", required=False, limit=MAX_STEPS, what=WHAT_STEPS), 1):
        swhere = _join(where, WHERE_STEP.format(n=si))
        if not isinstance(raw_step, dict):
            raise RubricError(BAD_STEP, where=swhere)
        ops = [op for op in STEP_OPS if op in raw_step]
        if len(ops) != 1 or set(raw_step) - {ops[0], "points"}:
            raise RubricError(BAD_STEP, where=swhere)
        sr = _Reader(raw_step, swhere, {ops[0], "points"})
        points = sr.number("points")
        if points > max_points + EPS:
            raise RubricError(STEP_ABOVE_MAX, where=swhere, value=_fmt(points), max=_fmt(max_points))
        rule.steps.append(Step(op=ops[0], value=sr.number(ops[0], points=False, limit=1_000_000), points=points))
    if effective == "steps" and not rule.steps:
        raise RubricError(STEPS_REQUIRED, where=where)
    return rule


def _bands_from_list(raw: list, where: str, max_points: float) -> list[Band]:
    if not raw:
        raise RubricError(NO_BANDS, where=where)
    bands: list[Band] = []
    for bi, raw_band in enumerate(raw, 1):
        bwhere = _join(where, WHERE_BAND.format(n=bi))
        br = _Reader(raw_band, bwhere, _BAND_FIELDS)
        band = Band(label=br.text("label", limit=100), min_points=br.number("min_points"))
        if band.min_points > max_points + EPS:
            raise RubricError(BAND_ABOVE_MAX, where=bwhere, label=band.label, value=_fmt(band.min_points),
                              max=_fmt(max_points))
        for other in bands:
            if other.label.casefold() == band.label.casefold():
                raise RubricError(BAND_DUPLICATE, where=bwhere, what=WHAT_LABEL.format(), value=band.label)
            if abs(other.min_points - band.min_points) <= EPS:
                raise RubricError(BAND_DUPLICATE, where=bwhere, what=WHAT_MIN.format(), value=_fmt(band.min_points))
        bands.append(band)
    lowest = min(b.min_points for b in bands)
    if lowest > EPS:
        raise RubricError(BANDS_NOT_COVERING, where=where, lowest=_fmt(lowest))
    return sorted(bands, key=lambda b: b.min_points, reverse=True)


def rubric_to_dict(rubric: Rubric) -> dict[str, Any]:
    """The rubric as its JSON object (the inverse of `rubric_from_dict`)."""
    out: dict[str, Any] = {
        "key": rubric.key,
        "version": rubric.version,
        "name": rubric.name,
        "document": rubric.document,
        "effective_from": rubric.effective_from.isoformat(),
        "target": rubric.target,
    }
    if rubric.target == "meeting":
        out["meeting_types"] = list(rubric.meeting_types)
    out["unverified"] = rubric.unverified
    out["note"] = rubric.note
    out["max_points"] = _num(rubric.max_points)
    out["groups"] = [
        {"id": g.id, "title": g.title, "max_points": _num(g.max_points),
         "criteria": [_criterion_to_dict(c) for c in g.criteria]}
        for g in rubric.groups
    ]
    out["bands"] = [{"label": b.label, "min_points": _num(b.min_points)} for b in rubric.bands]
    return out


def _criterion_to_dict(c: Criterion) -> dict[str, Any]:
    out: dict[str, Any] = {"id": c.id, "text": c.text, "max_points": _num(c.max_points)}
    if c.hint:
        out["hint"] = c.hint
    if c.auto is not None:
        auto: dict[str, Any] = {"source": c.auto.source}
        if c.auto.mode:
            auto["mode"] = c.auto.mode
        if c.auto.steps:
            auto["steps"] = [{s.op: _num(s.value), "points": _num(s.points)} for s in c.auto.steps]
        out["auto"] = auto
    if c.unverified:
        out["unverified"] = True
    return out


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def validate_rubric(rubric: Rubric) -> Rubric:
    """Check a rubric built in the window exactly as a file would be checked; returns the cleaned copy."""
    try:
        data = rubric_to_dict(rubric)
    except (AttributeError, TypeError, ValueError) as exc:
        raise RubricError(WRONG_TYPE, where=WHERE_RUBRIC.format(n=1), field=type(exc).__name__,
                          expected=EXPECT_OBJECT.format()) from exc
    # The declared maximum is derived from the criteria here, so only the other checks can fail.
    return rubric_from_dict(data)


def rubric_json(rubric: Rubric) -> str:
    """Canonical JSON of one rubric (what the database stores)."""
    return json.dumps(rubric_to_dict(rubric), ensure_ascii=False, sort_keys=False)


# ---- the exchange file -----------------------------------------------------------------------------

def dump_rubric_file(rubrics: list[Rubric], exported_at: dt.datetime | None = None, source: str = "") -> str:
    doc: dict[str, Any] = {"format": FILE_FORMAT, "format_version": FILE_FORMAT_VERSION}
    if exported_at is not None:
        doc["exported_at"] = exported_at.isoformat(timespec="seconds")
    if source:
        doc["exported_by"] = source
    doc["rubrics"] = [rubric_to_dict(r) for r in rubrics]
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _refuse_constant(value: str) -> None:
    raise RubricError(NOT_NUMBER_LITERAL, value=value)


def parse_rubric_file(raw: bytes) -> list[Rubric]:
    """Read a rubric exchange file; every rubric in it is valid, or a RubricError says what is wrong."""
    if len(raw) > MAX_FILE_BYTES:
        raise RubricError(FILE_TOO_LARGE, size=f"{len(raw):,}".replace(",", "."))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RubricError(NOT_UTF8) from None
    try:
        doc = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise RubricError(BAD_JSON, line=exc.lineno, col=exc.colno) from None
    except RecursionError:
        raise RubricError(TOO_DEEP) from None
    where = WHERE_FILE.format()
    if not isinstance(doc, dict) or doc.get("format") != FILE_FORMAT:
        raise RubricError(WRONG_FORMAT)
    reader = _Reader(doc, where, {"format", "format_version", "exported_at", "exported_by", "rubrics"})
    version = doc.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise RubricError(WRONG_TYPE, where=where, field="format_version", expected=EXPECT_INTEGER.format())
    if version > FILE_FORMAT_VERSION or version < 1:
        raise RubricError(NEWER_FORMAT, version=version)
    raw_rubrics = reader.items("rubrics", limit=MAX_RUBRICS_PER_FILE, what=WHAT_RUBRICS)
    if not raw_rubrics:
        raise RubricError(NO_RUBRICS)
    rubrics = [rubric_from_dict(r, WHERE_RUBRIC.format(n=i)) for i, r in enumerate(raw_rubrics, 1)]
    seen: set[tuple[str, int]] = set()
    for i, rubric in enumerate(rubrics, 1):
        ident = (rubric.key, rubric.version)
        if ident in seen:
            raise RubricError(DUPLICATE_ID, where=WHERE_RUBRIC.format(n=i), value=f"{rubric.key} v{rubric.version}")
        seen.add(ident)
    return rubrics
