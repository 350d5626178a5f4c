"""The review rule set (bộ quy tắc kiểm điểm, xếp loại): the four levels of Điều 11 (the same under
124-QĐ/TW and 366-QĐ/TW), the rule set's data model, and the validation and parsing of its JSON
(resources/rules/review_*.json, user copies in the database). Applying a rule set (scores, gates, quota)
is in reviews.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from .messages import Msg
from .text import clean_line, fold

# ---- the four levels (Điều 11), best first -----------------------------------------------------------
EXCELLENT, GOOD, PASS, FAIL = "htxs", "htt", "ht", "kht"
LEVELS: tuple[str, ...] = (EXCELLENT, GOOD, PASS, FAIL)
LEVEL_NAMES: dict[str, Msg] = {
    EXCELLENT: Msg("Hoàn thành xuất sắc nhiệm vụ", "Excellently fulfilled duties"),
    GOOD: Msg("Hoàn thành tốt nhiệm vụ", "Well fulfilled duties"),
    PASS: Msg("Hoàn thành nhiệm vụ", "Fulfilled duties"),
    FAIL: Msg("Không hoàn thành nhiệm vụ", "Did not fulfil duties"),
}
# Short forms used in tables where the full name does not fit.
LEVEL_SHORT: dict[str, str] = {EXCELLENT: "HTXSNV", GOOD: "HTTNV", PASS: "HTNV", FAIL: "KHTNV"}

SCOPE_INDIVIDUAL, SCOPE_COLLECTIVE = "individual", "collective"
SCORING_POINTS, SCORING_CRITERIA = "points", "criteria"
ROUNDINGS = ("floor", "round", "ceil")


def level_name_vi(level: str | None) -> str | None:
    """The official Vietnamese name whatever the interface language (CLI JSON, printed documents)."""
    return LEVEL_NAMES[level].vi if level else None


def level_rank(level: str) -> int:
    """0 = best. Raises KeyError for an unknown level."""
    return LEVELS.index(level)


def level_from_name(text: str) -> str | None:
    """Accepts a key ("htt"), the short form ("HTTNV") or the Vietnamese name in any accents/case."""
    key = fold(clean_line(text)).replace(" ", "")
    if not key:
        return None
    for level in LEVELS:
        if key in (level, fold(LEVEL_SHORT[level]), fold(LEVEL_NAMES[level].vi).replace(" ", "")):
            return level
    return None



RULES_INVALID = Msg("Bộ quy tắc không hợp lệ: {problem}", "The rule set is invalid: {problem}")


class RuleSetError(ValueError):
    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__(RULES_INVALID.format(problem=problem))


# ---- the rule set ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ScoreGroup:
    key: str
    name: str
    max: Decimal


@dataclass(frozen=True)
class Band:
    level: str
    min: Decimal


@dataclass(frozen=True)
class Condition:
    """An extra condition of the top level, confirmed by a tick on the review."""

    key: str
    text: str
    scopes: tuple[str, ...] = (SCOPE_INDIVIDUAL, SCOPE_COLLECTIVE)


@dataclass(frozen=True)
class Disqualifier:
    """A case that forces "Không hoàn thành nhiệm vụ" when ticked (with its evidence)."""

    key: str
    text: str
    scope: str = SCOPE_INDIVIDUAL
    form_types: tuple[str, ...] = ()  # empty = every form type of the scope
    source: str = ""
    unverified: bool = False


@dataclass(frozen=True)
class Quota:
    """Excellent ≤ rounding(ratio × number of members at `base_levels`)."""

    ratio: Decimal = Decimal("0.2")
    base_levels: tuple[str, ...] = (GOOD,)
    rounding: str = "floor"
    note: str = ""
    unverified: bool = False


@dataclass(frozen=True)
class Section:
    """A free-text section of a form. Sections sharing a `part` are numbered 1., 2. under one Roman part."""

    key: str
    part: str
    title: str = ""
    prefill: str = ""  # "commitments" | "last_shortcomings" | ""


@dataclass(frozen=True)
class FormType:
    key: str
    name: str
    code: str = ""
    sections: tuple[Section, ...] = ()
    note: str = ""
    unverified: bool = False


@dataclass(frozen=True)
class Criterion:
    key: str
    name: str
    group: str
    scope: str = SCOPE_INDIVIDUAL


@dataclass(frozen=True)
class Grade:
    key: str
    name: str


@dataclass(frozen=True)
class GradeRule:
    """A level reached when every criterion of each group is graded at least `min_grades[group]`."""

    level: str
    min_grades: Mapping[str, str]


@dataclass(frozen=True)
class FormSuggestion:
    probationary_form: str
    leader_form: str
    outside_form: str
    default_form: str
    leader_words: tuple[str, ...] = ()
    outside_words: tuple[str, ...] = ()


@dataclass(frozen=True)
class RuleSet:
    key: str
    name: str
    issuing_document: str
    effective_from: dt.date
    version: int
    scoring: str
    form_types: tuple[FormType, ...]
    collective_form: FormType
    bands: tuple[Band, ...] = ()
    score_groups: tuple[ScoreGroup, ...] = ()
    criteria: tuple[Criterion, ...] = ()
    grades: tuple[Grade, ...] = ()
    forcing_grade: str = ""
    grade_rules: tuple[GradeRule, ...] = ()
    criteria_groups: tuple[ScoreGroup, ...] = ()
    excellent_conditions: tuple[Condition, ...] = ()
    disqualifiers: tuple[Disqualifier, ...] = ()
    quota: Quota = field(default_factory=Quota)
    suggestion: FormSuggestion | None = None
    classification_part: str = "Tự nhận mức xếp loại chất lượng"
    sources: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    # The JSON the set was parsed from (kept so an edited copy keeps fields this module does not use).
    raw: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    # -- look-ups --
    def form_type(self, key: str) -> FormType:
        for form in self.form_types:
            if form.key == key:
                return form
        if key == self.collective_form.key:
            return self.collective_form
        raise KeyError(key)

    def has_form_type(self, key: str) -> bool:
        return any(f.key == key for f in self.form_types)

    def conditions_for(self, scope: str) -> tuple[Condition, ...]:
        return tuple(c for c in self.excellent_conditions if scope in c.scopes)

    def disqualifiers_for(self, scope: str, form_type: str | None = None) -> tuple[Disqualifier, ...]:
        return tuple(
            d for d in self.disqualifiers
            if d.scope == scope and (not d.form_types or form_type is None or form_type in d.form_types)
        )

    def criteria_for(self, scope: str) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if c.scope == scope)

    def grade_name(self, key: str) -> str:
        return next((g.name for g in self.grades if g.key == key), key)

    @property
    def uses_points(self) -> bool:
        return self.scoring == SCORING_POINTS

    @property
    def max_total(self) -> Decimal:
        return sum((g.max for g in self.score_groups), Decimal(0))


def _dec(value: Any, what: str) -> Decimal:
    try:
        result = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise RuleSetError(f"{what}: {value!r}") from None
    if not result.is_finite():
        raise RuleSetError(f"{what}: {value!r}")
    return result


def _need(data: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in data or data[key] in (None, ""):
        raise RuleSetError(f"{where}: thiếu \"{key}\"")
    return data[key]


def _text(value: Any) -> str:
    return clean_line(str(value)) if value is not None else ""


def _form(data: Mapping[str, Any], where: str) -> FormType:
    sections = []
    seen = set()
    for i, s in enumerate(data.get("sections") or []):
        key = _text(_need(s, "key", f"{where}.sections[{i}]"))
        if key in seen:
            raise RuleSetError(f"{where}: mục \"{key}\" bị lặp")
        seen.add(key)
        prefill = _text(s.get("prefill", ""))
        if prefill not in ("", "commitments", "last_shortcomings"):
            raise RuleSetError(f"{where}.sections[{i}].prefill: {prefill!r}")
        sections.append(Section(key=key, part=_text(_need(s, "part", f"{where}.sections[{i}]")),
                                title=_text(s.get("title", "")), prefill=prefill))
    if not sections:
        raise RuleSetError(f"{where}: không có mục nào")
    return FormType(key=_text(_need(data, "key", where)), name=_text(_need(data, "name", where)),
                    code=_text(data.get("code", "")), sections=tuple(sections), note=_text(data.get("note", "")),
                    unverified=bool(data.get("unverified", False)))



def parse_rule_set(data: Mapping[str, Any]) -> RuleSet:
    """Validate and parse a review rule set (the JSON of resources/rules/review_*.json)."""
    if not isinstance(data, Mapping):
        raise RuleSetError("không phải đối tượng JSON")
    scoring, effective, version = _header(data)
    form_types = tuple(_form(f, f"form_types[{i}]") for i, f in enumerate(data.get("form_types") or []))
    if not form_types:
        raise RuleSetError("form_types: trống")
    if len({f.key for f in form_types}) != len(form_types):
        raise RuleSetError("form_types: mã mẫu bị lặp")
    collective = _form(_need(data, "collective_form", "rule set"), "collective_form")
    groups, bands = _points(data) if scoring == SCORING_POINTS else ((), ())
    grades, criteria_groups, criteria, forcing, grade_rules = \
        _criteria(data) if scoring == SCORING_CRITERIA else ((), (), (), "", ())
    return RuleSet(
        key=_text(_need(data, "key", "rule set")), name=_text(_need(data, "name", "rule set")),
        issuing_document=_text(data.get("issuing_document", "")), effective_from=effective, version=version,
        scoring=scoring, form_types=form_types, collective_form=collective, bands=bands, score_groups=groups,
        criteria=criteria, grades=grades, forcing_grade=forcing, grade_rules=grade_rules,
        criteria_groups=criteria_groups, excellent_conditions=_conditions(data),
        disqualifiers=_disqualifiers(data), quota=_quota(data), suggestion=_suggestion(data, form_types),
        classification_part=_text(data.get("classification_part", "")) or "Tự nhận mức xếp loại chất lượng",
        sources=tuple(str(x) for x in data.get("sources") or ()), notes=tuple(str(x) for x in data.get("notes") or ()),
        raw=dict(data),
    )


def _header(data: Mapping[str, Any]) -> tuple[str, dt.date, int]:
    scoring = _need(data, "scoring", "rule set")
    if scoring not in (SCORING_POINTS, SCORING_CRITERIA):
        raise RuleSetError(f"scoring: {scoring!r}")
    try:
        effective = dt.date.fromisoformat(str(_need(data, "effective_from", "rule set")))
    except ValueError:
        raise RuleSetError(f"effective_from: {data.get('effective_from')!r}") from None
    try:
        version = int(data.get("version", 1))
    except (TypeError, ValueError):
        raise RuleSetError(f"version: {data.get('version')!r}") from None
    return scoring, effective, version


def _points(data: Mapping[str, Any]) -> tuple[tuple[ScoreGroup, ...], tuple[Band, ...]]:
    """A points set's score groups and level bands (best level first)."""
    groups = tuple(
        ScoreGroup(_text(_need(g, "key", "score_groups")), _text(_need(g, "name", "score_groups")),
                   _dec(_need(g, "max", "score_groups"), "score_groups.max"))
        for g in _need(data, "score_groups", "rule set")
    )
    if any(g.max <= 0 for g in groups):
        raise RuleSetError("score_groups.max phải lớn hơn 0")
    bands = tuple(Band(str(_need(b, "level", "bands")), _dec(_need(b, "min", "bands"), "bands.min"))
                  for b in _need(data, "bands", "rule set"))
    if sorted(b.level for b in bands) != sorted(LEVELS):
        raise RuleSetError("bands: cần đúng bốn mức htxs, htt, ht, kht")
    ordered = sorted(bands, key=lambda b: level_rank(b.level))
    mins = [b.min for b in ordered]
    if any(a <= b for a, b in zip(mins, mins[1:])) or ordered[-1].min != 0:
        raise RuleSetError("bands: ngưỡng phải giảm dần theo mức và mức thấp nhất bắt đầu từ 0")
    return groups, tuple(ordered)


def _criteria(data: Mapping[str, Any]) -> tuple[tuple[Grade, ...], tuple[ScoreGroup, ...], tuple[Criterion, ...],
                                                str, tuple[GradeRule, ...]]:
    """A criteria set's grades, criteria (with their groups), forcing grade and grade rules."""
    grades = tuple(Grade(_text(_need(g, "key", "grades")), _text(_need(g, "name", "grades")))
                   for g in _need(data, "grades", "rule set"))
    grade_keys = [g.key for g in grades]
    criteria_groups = tuple(ScoreGroup(_text(g["key"]), _text(g["name"]), Decimal(0))
                            for g in data.get("criteria_groups") or [])
    criteria = tuple(
        Criterion(_text(_need(c, "key", "criteria")), _text(_need(c, "name", "criteria")),
                  _text(_need(c, "group", "criteria")), _text(c.get("scope", SCOPE_INDIVIDUAL)))
        for c in _need(data, "criteria", "rule set")
    )
    forcing = _text(data.get("forcing_grade", ""))
    if forcing and forcing not in grade_keys:
        raise RuleSetError(f"forcing_grade: {forcing!r}")
    rules = []
    for r in _need(data, "grade_rules", "rule set"):
        level = str(_need(r, "level", "grade_rules"))
        if level not in LEVELS:
            raise RuleSetError(f"grade_rules.level: {level!r}")
        mins = dict(_need(r, "min_grades", "grade_rules"))
        if any(v not in grade_keys for v in mins.values()):
            raise RuleSetError(f"grade_rules.min_grades: {mins!r}")
        rules.append(GradeRule(level, mins))
    return grades, criteria_groups, criteria, forcing, tuple(sorted(rules, key=lambda r: level_rank(r.level)))


def _conditions(data: Mapping[str, Any]) -> tuple[Condition, ...]:
    return tuple(
        Condition(_text(_need(c, "key", "excellent_conditions")), _text(_need(c, "text", "excellent_conditions")),
                  tuple(c.get("scope") or (SCOPE_INDIVIDUAL, SCOPE_COLLECTIVE)))
        for c in data.get("excellent_conditions") or []
    )


def _disqualifiers(data: Mapping[str, Any]) -> tuple[Disqualifier, ...]:
    disqualifiers = []
    seen: set[tuple[str, str]] = set()
    for d in data.get("disqualifiers") or []:
        item = Disqualifier(_text(_need(d, "key", "disqualifiers")), _text(_need(d, "text", "disqualifiers")),
                            _text(d.get("scope", SCOPE_INDIVIDUAL)), tuple(d.get("form_types") or ()),
                            _text(d.get("source", "")), bool(d.get("unverified", False)))
        if item.scope not in (SCOPE_INDIVIDUAL, SCOPE_COLLECTIVE):
            raise RuleSetError(f"disqualifiers.scope: {item.scope!r}")
        if (item.scope, item.key) in seen:
            raise RuleSetError(f"disqualifiers: \"{item.key}\" bị lặp")
        seen.add((item.scope, item.key))
        disqualifiers.append(item)
    return tuple(disqualifiers)


def _quota(data: Mapping[str, Any]) -> Quota:
    q = data.get("quota") or {}
    quota = Quota(ratio=_dec(q.get("ratio", "0.2"), "quota.ratio"),
                  base_levels=tuple(q.get("base_levels") or (GOOD,)),
                  rounding=str(q.get("rounding", "floor")), note=_text(q.get("note", "")),
                  unverified=bool(q.get("unverified", False)))
    if quota.rounding not in ROUNDINGS:
        raise RuleSetError(f"quota.rounding: {quota.rounding!r} (floor | round | ceil)")
    if not (0 <= quota.ratio <= 1):
        raise RuleSetError("quota.ratio phải từ 0 đến 1")
    if any(level not in LEVELS for level in quota.base_levels):
        raise RuleSetError(f"quota.base_levels: {quota.base_levels!r}")
    return quota


def _suggestion(data: Mapping[str, Any], form_types: tuple[FormType, ...]) -> FormSuggestion | None:
    s = data.get("form_type_suggestion")
    if not s:
        return None
    suggestion = FormSuggestion(
        probationary_form=str(s.get("probationary_form", "")), leader_form=str(s.get("leader_form", "")),
        outside_form=str(s.get("outside_form", "")), default_form=str(s.get("default_form", "")),
        leader_words=tuple(clean_line(w) for w in s.get("leader_words") or ()),
        outside_words=tuple(clean_line(w) for w in s.get("outside_words") or ()),
    )
    keys = {f.key for f in form_types}
    for name in ("probationary_form", "leader_form", "outside_form", "default_form"):
        value = getattr(suggestion, name)
        if value and value not in keys:
            raise RuleSetError(f"form_type_suggestion.{name}: {value!r}")
    return suggestion


def consecutive_fail_years(levels_by_year: Mapping[int, str | None]) -> list[tuple[int, int]]:
    """Pairs of consecutive years both rated "Không hoàn thành nhiệm vụ" (grounds for removal review)."""
    return [(year - 1, year) for year in sorted(levels_by_year)
            if levels_by_year.get(year) == FAIL and levels_by_year.get(year - 1) == FAIL]
