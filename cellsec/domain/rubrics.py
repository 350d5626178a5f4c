"""Scoring rubrics as data: criteria sheets for meetings, the cell's year and a member's year.

A rubric (reference §3) is versioned data — name, issuing document, effective date, target, groups of
criteria (text, maximum points, scoring hint, optional automatic source) and bands (label + minimum
points). Provinces word their criteria differently and change them, so nothing here knows any criterion:
this module only validates a rubric, reads and writes the JSON exchange file (docs/rubric-format.md),
turns measured facts into points and adds points up into a total and a band.

Everything a user or a file hands in passes `rubric_from_dict`, which refuses a broken or hostile
definition with a Vietnamese reason; a rubric edited in the window is checked the same way
(`validate_rubric`), so the two paths cannot disagree.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .messages import Msg
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


def _r(value: float) -> float:
    return round(value + 0.0, 2)


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


FILE_TOO_LARGE = Msg("Tệp quá lớn ({size} byte; tối đa 1 MB), không phải tệp bộ tiêu chí.",
                     "The file is too large ({size} bytes; at most 1 MB) to be a rubric file.")
NOT_UTF8 = Msg("Tệp không phải văn bản UTF-8.", "The file is not UTF-8 text.")
BAD_JSON = Msg("Tệp không phải JSON hợp lệ (dòng {line}, cột {col}).",
               "The file is not valid JSON (line {line}, column {col}).")
TOO_DEEP = Msg("Tệp JSON lồng quá sâu, không phải tệp bộ tiêu chí.", "The JSON nests too deeply to be a rubric file.")
NOT_NUMBER_LITERAL = Msg("Tệp chứa giá trị số không hợp lệ ({value}).", "The file holds an invalid number ({value}).")
WRONG_FORMAT = Msg("Tệp không phải tệp bộ tiêu chí CellSec (cần \"format\": \"cellsec-rubrics\").",
                   "This is not a CellSec rubric file (it needs \"format\": \"cellsec-rubrics\").")
NEWER_FORMAT = Msg("Tệp được tạo bởi phiên bản CellSec mới hơn (định dạng {version}). Hãy cập nhật chương trình.",
                   "The file was written by a newer CellSec (format {version}). Please update the program.")
NO_RUBRICS = Msg("Tệp không có bộ tiêu chí nào.", "The file holds no rubric.")
TOO_MANY = Msg("{where}: quá nhiều {what} ({count}; tối đa {limit}).", "{where}: too many {what} ({count}; at most {limit}).")
MISSING = Msg("{where}: thiếu \"{field}\".", "{where}: \"{field}\" is missing.")
UNKNOWN_FIELD = Msg("{where}: không có trường \"{field}\" trong định dạng bộ tiêu chí.",
                    "{where}: \"{field}\" is not a field of the rubric format.")
WRONG_TYPE = Msg("{where}: \"{field}\" phải là {expected}.", "{where}: \"{field}\" must be {expected}.")
EMPTY_TEXT = Msg("{where}: \"{field}\" không được để trống.", "{where}: \"{field}\" must not be empty.")
TEXT_TOO_LONG = Msg("{where}: \"{field}\" quá dài (tối đa {limit} ký tự).",
                    "{where}: \"{field}\" is too long (at most {limit} characters).")
BAD_ID = Msg("{where}: mã \"{value}\" không hợp lệ (chỉ gồm chữ cái không dấu, số, dấu chấm, gạch; tối đa 40 ký tự).",
             "{where}: the id \"{value}\" is invalid (letters without marks, digits, dot, dash; at most 40).")
DUPLICATE_ID = Msg("{where}: mã \"{value}\" bị trùng.", "{where}: the id \"{value}\" is used twice.")
NEGATIVE_POINTS = Msg("{where}: điểm không được âm ({value}).", "{where}: points cannot be negative ({value}).")
HUGE_POINTS = Msg("{where}: điểm {value} quá lớn (tối đa {limit}).", "{where}: {value} points is too large (at most {limit}).")
BAD_DATE = Msg("{where}: ngày \"{value}\" không hợp lệ (dạng YYYY-MM-DD).",
               "{where}: the date \"{value}\" is invalid (use YYYY-MM-DD).")
BAD_TARGET = Msg("{where}: đối tượng chấm \"{value}\" không hợp lệ (meeting, cell_year hoặc member_year).",
                 "{where}: the target \"{value}\" is invalid (meeting, cell_year or member_year).")
BAD_MEETING_TYPE = Msg("{where}: loại buổi sinh hoạt \"{value}\" không hợp lệ.", "{where}: unknown meeting type \"{value}\".")
MEETING_TYPES_REQUIRED = Msg("{where}: bộ tiêu chí chấm buổi sinh hoạt phải nêu loại buổi sinh hoạt áp dụng.",
                             "{where}: a meeting rubric must name the meeting types it applies to.")
NO_CRITERIA = Msg("{where}: chưa có tiêu chí nào.", "{where}: there are no criteria.")
EMPTY_GROUP = Msg("{where}: nhóm không có tiêu chí nào.", "{where}: the group has no criteria.")
TOTAL_MISMATCH = Msg("{where}: tổng điểm tối đa của các tiêu chí là {actual}, khác với điểm tối đa đã khai báo ({declared}).",
                     "{where}: the criteria add up to {actual} points, not the declared maximum ({declared}).")
ZERO_TOTAL = Msg("{where}: tổng điểm tối đa phải lớn hơn 0.", "{where}: the maximum total must be above 0.")
NO_BANDS = Msg("{where}: chưa có mức xếp loại nào.", "{where}: there are no bands.")
BANDS_NOT_COVERING = Msg("{where}: các mức xếp loại phải phủ từ 0 điểm (mức thấp nhất đang bắt đầu từ {lowest}).",
                         "{where}: the bands must start at 0 points (the lowest starts at {lowest}).")
BAND_ABOVE_MAX = Msg("{where}: mức \"{label}\" bắt đầu từ {value} điểm, cao hơn tổng điểm tối đa {max}.",
                     "{where}: band \"{label}\" starts at {value}, above the maximum {max}.")
BAND_DUPLICATE = Msg("{where}: hai mức xếp loại trùng {what} \"{value}\".", "{where}: two bands share the {what} \"{value}\".")
UNKNOWN_SOURCE = Msg("{where}: nguồn dữ liệu tự động \"{value}\" không có trong chương trình.",
                     "{where}: the automatic source \"{value}\" does not exist in this program.")
SOURCE_WRONG_TARGET = Msg("{where}: nguồn dữ liệu tự động \"{value}\" không dùng được cho đối tượng chấm này.",
                          "{where}: the automatic source \"{value}\" does not apply to this target.")
BAD_MODE = Msg("{where}: cách tính \"{value}\" không hợp lệ (flag, proportional hoặc steps).",
               "{where}: the rule \"{value}\" is invalid (flag, proportional or steps).")
MODE_NEEDS_PERCENT = Msg("{where}: cách tính tỷ lệ (proportional) chỉ dùng cho nguồn dữ liệu tính bằng %.",
                         "{where}: the proportional rule only suits percentage sources.")
STEPS_REQUIRED = Msg("{where}: nguồn dữ liệu này cần bảng bậc điểm (\"steps\").", "{where}: this source needs \"steps\".")
BAD_STEP = Msg("{where}: mỗi bậc điểm cần đúng một điều kiện at_least, above, at_most hoặc below.",
               "{where}: each step needs exactly one of at_least, above, at_most, below.")
STEP_ABOVE_MAX = Msg("{where}: bậc điểm cho {value} điểm, vượt điểm tối đa của tiêu chí ({max}).",
                     "{where}: a step gives {value} points, above the criterion's maximum ({max}).")

WHERE_FILE = Msg("Tệp", "File")
WHERE_RUBRIC = Msg("Bộ tiêu chí {n}", "Rubric {n}")
WHERE_GROUP = Msg("nhóm {n}", "group {n}")
WHERE_CRITERION = Msg("tiêu chí {n}", "criterion {n}")
WHERE_BAND = Msg("mức xếp loại {n}", "band {n}")
WHERE_STEP = Msg("bậc {n}", "step {n}")
WHAT_RUBRICS = Msg("bộ tiêu chí", "rubrics")
WHAT_GROUPS = Msg("nhóm tiêu chí", "groups")
WHAT_MEETING_TYPES = Msg("loại buổi sinh hoạt", "meeting types")
WHAT_CRITERIA = Msg("tiêu chí", "criteria")
WHAT_BANDS = Msg("mức xếp loại", "bands")
WHAT_STEPS = Msg("bậc điểm", "steps")
WHAT_LABEL = Msg("tên", "label")
WHAT_MIN = Msg("điểm tối thiểu", "minimum")
EXPECT_TEXT = Msg("một chuỗi chữ", "a text")
EXPECT_NUMBER = Msg("một số", "a number")
EXPECT_INTEGER = Msg("một số nguyên dương", "a positive whole number")
EXPECT_BOOL = Msg("true hoặc false", "true or false")
EXPECT_LIST = Msg("một danh sách", "a list")
EXPECT_OBJECT = Msg("một đối tượng JSON", "a JSON object")


def _where(*parts: tuple[Msg, object]) -> str:
    return ", ".join(msg.format(n=n) for msg, n in parts)


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


# ---- scoring ---------------------------------------------------------------------------------------

@dataclass
class ItemScore:
    """One criterion's score on one sheet.

    `points` is what counts. For an automatic criterion `auto_value` is the measured fact and
    `auto_points` what the rule gives for it; `points` starts equal to it and the secretary may
    override (the sheet shows both). `note` holds the evidence ("minh chứng") for manual criteria.
    """

    points: float | None = None
    auto_value: float | None = None
    auto_points: float | None = None
    note: str = ""

    @property
    def overridden(self) -> bool:
        return (self.auto_points is not None and self.points is not None
                and abs(self.points - self.auto_points) > EPS)


@dataclass
class ScoreResult:
    total: float
    max_points: float
    band: str
    group_totals: dict[str, float]
    missing: list[str]           # criterion ids without points yet

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def percent(self) -> float:
        return _r(100.0 * self.total / self.max_points) if self.max_points else 0.0


def _holds(op: str, measured: float, value: float) -> bool:
    if op == "at_least":
        return measured >= value - 1e-9
    if op == "above":
        return measured > value + 1e-9
    if op == "at_most":
        return measured <= value + 1e-9
    return measured < value - 1e-9


def auto_points(criterion: Criterion, value: float | bool | None) -> float | None:
    """Points the criterion's automatic rule gives for a measured value; None when there is no rule or
    the data has no value (e.g. attendance not recorded): then the secretary scores it by hand."""
    rule = criterion.auto
    if rule is None or value is None:
        return None
    mode = rule.effective_mode()
    measured = float(value)
    if mode == "flag":
        return criterion.max_points if measured else 0.0
    if mode == "proportional":
        share = min(max(measured, 0.0), 100.0) / 100.0
        return _r(criterion.max_points * share)
    for step in rule.steps:
        if _holds(step.op, measured, step.value):
            return min(step.points, criterion.max_points)
    return 0.0


def prefill(rubric: Rubric, values: Mapping[str, float | bool | None],
            existing: Mapping[str, ItemScore] | None = None) -> dict[str, ItemScore]:
    """A score sheet with automatic criteria filled from `values` (source key -> measured value).

    Manual points and notes already on `existing` are kept; an automatic criterion keeps a manual
    override only if the measured value has not changed since (new data re-derives the points).
    """
    existing = existing or {}
    sheet: dict[str, ItemScore] = {}
    for criterion in rubric.criteria():
        old = existing.get(criterion.id, ItemScore())
        if criterion.auto is None:
            sheet[criterion.id] = ItemScore(points=old.points, note=old.note)
            continue
        raw = values.get(criterion.auto.source)
        value = None if raw is None else _r(float(raw))
        points = auto_points(criterion, value)
        if old.overridden and old.auto_value == value:
            points_now = old.points
        else:
            points_now = points if points is not None else old.points
        sheet[criterion.id] = ItemScore(points=points_now, auto_value=value, auto_points=points, note=old.note)
    return sheet


POINTS_OUT_OF_RANGE = Msg("Điểm phải từ 0 đến {max}.", "Points must be between 0 and {max}.")
UNKNOWN_CRITERION = Msg("Tiêu chí \"{id}\" không có trong bộ tiêu chí.", "Criterion \"{id}\" is not in the rubric.")


def check_sheet(rubric: Rubric, sheet: Mapping[str, ItemScore]) -> dict[str, str]:
    """criterion id -> message for points outside 0..max or criteria the rubric does not have."""
    errors: dict[str, str] = {}
    for cid, item in sheet.items():
        criterion = rubric.criterion(cid)
        if criterion is None:
            errors[cid] = UNKNOWN_CRITERION.format(id=cid)
            continue
        if item.points is None:
            continue
        if not math.isfinite(item.points) or item.points < -EPS or item.points > criterion.max_points + EPS:
            errors[cid] = POINTS_OUT_OF_RANGE.format(max=_fmt(criterion.max_points))
    return errors


def band_for(rubric: Rubric, total: float) -> str:
    """The label of the highest band whose minimum the total reaches (bands cover 0, so one always does)."""
    for band in sorted(rubric.bands, key=lambda b: b.min_points, reverse=True):
        if total >= band.min_points - EPS:
            return band.label
    return rubric.bands[-1].label if rubric.bands else ""


def evaluate(rubric: Rubric, sheet: Mapping[str, ItemScore]) -> ScoreResult:
    """Total, band and per-group totals; criteria without points count 0 and are listed as missing."""
    group_totals: dict[str, float] = {}
    missing: list[str] = []
    for group in rubric.groups:
        subtotal = 0.0
        for criterion in group.criteria:
            item = sheet.get(criterion.id)
            if item is None or item.points is None:
                missing.append(criterion.id)
                continue
            subtotal += min(max(item.points, 0.0), criterion.max_points)
        group_totals[group.id] = _r(subtotal)
    total = _r(sum(group_totals.values()))
    return ScoreResult(total=total, max_points=rubric.max_points, band=band_for(rubric, total),
                       group_totals=group_totals, missing=missing)


def sheet_to_json(sheet: Mapping[str, ItemScore]) -> str:
    return json.dumps({cid: {"points": i.points, "auto_value": i.auto_value, "auto_points": i.auto_points,
                             "note": i.note} for cid, i in sheet.items()}, ensure_ascii=False, sort_keys=True)


def sheet_from_json(text: str) -> dict[str, ItemScore]:
    data = json.loads(text or "{}")
    return {cid: ItemScore(points=v.get("points"), auto_value=v.get("auto_value"),
                           auto_points=v.get("auto_points"), note=v.get("note", "")) for cid, v in data.items()}


# ---- automatic inputs ------------------------------------------------------------------------------
# The facts each automatic source measures, computed from plain values the services gather. Meeting
# facts reuse the meetings feature's own rules (attendance rate, minimum duration, checklist).

@dataclass(frozen=True)
class MeetingFacts:
    """What scoring needs of one approved meeting (attendance statuses by member id)."""

    id: str
    held_on: dt.date
    period_year: int
    period_month: int
    kind: str
    attendance_rate: float | None       # percent of expected members present (exempt excluded)
    absent_without_reason: int
    duration_minutes: int | None
    duration_ok: bool | None            # None: start or end time not recorded
    preparation_rate: float | None      # percent of the preparation checklist done
    minutes_complete: bool
    resolution_voted: bool
    statuses: Mapping[str, str] = field(default_factory=dict)   # member id -> attendance status


def meeting_values(facts: MeetingFacts) -> dict[str, float | bool | None]:
    return {
        "meeting.attendance_rate": facts.attendance_rate,
        "meeting.absent_without_reason": facts.absent_without_reason,
        "meeting.duration_minutes": facts.duration_minutes,
        "meeting.duration_ok": facts.duration_ok,
        "meeting.preparation_rate": facts.preparation_rate,
        "meeting.minutes_complete": facts.minutes_complete,
        "meeting.resolution_voted": facts.resolution_voted,
    }


# Review levels as numbers for the "level" source (domain.reviews level keys).
LEVEL_VALUES = {"htxs": 4, "htt": 3, "ht": 2, "kht": 1}
REGULAR_PER_YEAR = 12
THEMATIC_PER_YEAR = 4


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def cell_year_values(meetings: list[MeetingFacts], meeting_percents: list[float],
                     member_levels: Mapping[str, str | None], admitted: int,
                     dues_on_time_rate: float | None,
                     regular_kinds: tuple[str, ...] = ("thuong_ky", "combined"),
                     thematic_kinds: tuple[str, ...] = ("chuyen_de", "combined")) -> dict[str, float | None]:
    """Facts of the cell's year. `meetings`: the year's approved meetings; `meeting_percents`: their
    quality scores as % of the rubric maximum; `member_levels`: each reviewed member's level (None when
    the review has no level yet); `admitted`: members admitted in the year."""
    regular_months = {m.period_month for m in meetings if m.kind in regular_kinds}
    thematic = sum(1 for m in meetings if m.kind in thematic_kinds)
    regularity = 100.0 * (min(len(regular_months), REGULAR_PER_YEAR) + min(thematic, THEMATIC_PER_YEAR)) \
        / (REGULAR_PER_YEAR + THEMATIC_PER_YEAR)
    levels = [lv for lv in member_levels.values() if lv]
    good = sum(1 for lv in levels if lv in ("htxs", "htt"))
    return {
        "cell.regular_meetings": len(regular_months),
        "cell.thematic_meetings": thematic,
        "cell.meeting_regularity": round(regularity, 2),
        "cell.average_meeting_score": _mean(meeting_percents),
        "cell.average_attendance": _mean([m.attendance_rate for m in meetings if m.attendance_rate is not None]),
        "cell.members_admitted": admitted,
        "cell.members_good_rate": round(100.0 * good / len(levels), 2) if levels else None,
        "cell.members_failed": sum(1 for lv in levels if lv == "kht") if levels else None,
        "cell.dues_on_time_rate": dues_on_time_rate,
    }


@dataclass(frozen=True)
class MemberAttendance:
    member_id: str
    expected: int        # meetings the member was expected at (not exempt)
    present: int
    absent_with_reason: int
    absent_without_reason: int

    @property
    def rate(self) -> float | None:
        return round(100.0 * self.present / self.expected, 2) if self.expected else None


def member_attendance(member_id: str, meetings: list[MeetingFacts]) -> MemberAttendance:
    statuses = [m.statuses[member_id] for m in meetings if member_id in m.statuses]
    expected = [st for st in statuses if st != "exempt"]
    return MemberAttendance(member_id, len(expected), sum(1 for st in expected if st == "present"),
                            sum(1 for st in expected if st == "absent_with_reason"),
                            sum(1 for st in expected if st == "absent_without_reason"))


def member_year_values(member_id: str, meetings: list[MeetingFacts], review_level: str | None,
                       dues_on_time_rate: float | None, dues_unpaid_months: int | None) -> dict[str, float | None]:
    att = member_attendance(member_id, meetings)
    return {
        "member.attendance_rate": att.rate,
        "member.absences_without_reason": att.absent_without_reason if att.expected else None,
        "member.review_level": LEVEL_VALUES.get(review_level or ""),
        "member.dues_on_time_rate": dues_on_time_rate,
        "member.dues_unpaid_months": dues_unpaid_months,
    }
