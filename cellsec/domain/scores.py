"""Scoring with a rubric: one criterion's points (typed, or given by its automatic rule from a measured
fact), a sheet checked against the rubric and added up into a total, group totals and a band, and the
facts of a meeting, the cell's year and a member's year that the automatic rules measure.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from .messages import Msg
from .rubrics import EPS, Criterion, Rubric, format_points, round_points


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
        return round_points(100.0 * self.total / self.max_points) if self.max_points else 0.0

    @property
    def label(self) -> str:
        """What the sheet is rated: its band once every criterion is scored (a half-scored sheet is not
        "Kém": its missing criteria only count as 0 for the running total)."""
        return self.band if self.complete else INCOMPLETE.vi  # stored with the rubric's (Vietnamese) bands


INCOMPLETE = Msg("chưa chấm xong", "not fully scored")


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
        return round_points(criterion.max_points * share)
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
        value = None if raw is None else round_points(float(raw))
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
            errors[cid] = POINTS_OUT_OF_RANGE.format(max=format_points(criterion.max_points))
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
        group_totals[group.id] = round_points(subtotal)
    total = round_points(sum(group_totals.values()))
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
    # Rates over the members' levels wait until every reviewed member's level is decided: over part of the
    # cell they would score 5/5 for a year whose reviews are still open.
    levels = list(member_levels.values()) if all(member_levels.values()) else []
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
