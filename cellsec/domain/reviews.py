"""Annual review and quality classification (kiểm điểm, đánh giá, xếp loại chất lượng): pure rules.

Everything that may change with the Party's regulations lives in a versioned rule set (JSON in
resources/rules/review_*.json, user copies in the database) parsed into `RuleSet` by review_rules.py (which also holds the four levels). This module holds
only what the rule sets cannot express: the four levels of Điều 11 (the same under 124-QĐ/TW and
366-QĐ/TW) and the arithmetic that applies a rule set:

- the level that follows from a score (points sets, 2025) or from criterion grades (criteria sets, 2023);
- the gates: a disqualifying case forces "Không hoàn thành nhiệm vụ"; a forcing grade ("Kém") does too;
  the top level needs every extra condition;
- whether a proposed level is allowed, with the reasons in Vietnamese when it is not;
- the quota of "Hoàn thành xuất sắc nhiệm vụ" and its rounding;
- the suggested form type of a member; the commitments text that pre-fills the review;
- consecutive years of "Không hoàn thành nhiệm vụ" (removal-risk reminder).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from .messages import Msg
from .review_rules import (  # noqa: F401 (consecutive_fail_years: named here too)
    EXCELLENT,
    FAIL,
    GOOD,
    LEVELS,
    SCOPE_INDIVIDUAL,
    FormType,
    Quota,
    RuleSet,
    level_name_vi,
    consecutive_fail_years,
    level_rank,
)
from .text import clean_line, clean_text, fold

# ---- messages ------------------------------------------------------------------------------------------
SCORE_NOT_NUMBER = Msg("Điểm phải là một số.", "The score must be a number.")
SCORE_RANGE = Msg("Điểm phải từ 0 đến {max}.", "The score must be between 0 and {max}.")
SCORE_PRECISION = Msg("Điểm chỉ lấy tối đa hai chữ số thập phân.", "Scores take at most two decimals.")
NEEDS_SCORE = Msg(
    "Chưa chấm đủ điểm các nhóm tiêu chí nên chưa xác định được mức xếp loại.",
    "Not every criteria group has a score yet, so no level can be set.",
)
NEEDS_GRADES = Msg(
    "Chưa đánh giá đủ các tiêu chí nên chưa xác định được mức xếp loại.",
    "Not every criterion is graded yet, so no level can be set.",
)
ABOVE_BAND = Msg(
    "Tổng điểm {score} chỉ đạt mức \"{band}\", không thể xếp \"{level}\".",
    "A total of {score} only reaches \"{band}\"; \"{level}\" is not possible.",
)
ABOVE_GRADES = Msg(
    "Kết quả đánh giá các tiêu chí chỉ đạt mức \"{band}\", không thể xếp \"{level}\".",
    "The criterion grades only reach \"{band}\"; \"{level}\" is not possible.",
)
DISQUALIFIED = Msg(
    "Thuộc trường hợp xếp loại \"Không hoàn thành nhiệm vụ\": {case}.",
    "A case that forces \"Did not fulfil duties\": {case}.",
)
FORCING_GRADE = Msg(
    "Có tiêu chí bị đánh giá \"{grade}\" ({criterion}) nên phải xếp loại \"Không hoàn thành nhiệm vụ\".",
    "A criterion is graded \"{grade}\" ({criterion}), which forces \"Did not fulfil duties\".",
)
CONDITION_MISSING = Msg(
    "Chưa đạt điều kiện để xếp \"Hoàn thành xuất sắc nhiệm vụ\": {condition}.",
    "A condition for \"Excellently fulfilled duties\" is not met: {condition}.",
)
BELOW_BAND = Msg(
    "Mức \"{level}\" thấp hơn mức \"{band}\" tương ứng với kết quả tự đánh giá.",
    "\"{level}\" is lower than \"{band}\", which the self-assessment reaches.",
)
UNKNOWN_LEVEL = Msg("Mức xếp loại không hợp lệ.", "Unknown classification level.")
EVIDENCE_REQUIRED = Msg(
    "Hãy ghi căn cứ (quyết định, kết luận...) cho trường hợp đã đánh dấu.",
    "Write the evidence (decision, conclusion...) for the ticked case.",
)



# ---- numbering of sections -------------------------------------------------------------------------------
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@dataclass(frozen=True)
class NumberedSection:
    key: str
    part_number: str        # "I"
    part_title: str         # "Ưu điểm, kết quả đạt được"
    number: str             # "1" when the part has several sections, else ""
    title: str              # the section's own title ("" when it is the whole part)
    first_in_part: bool
    prefill: str = ""


def numbered_sections(form: FormType) -> list[NumberedSection]:
    """Roman-numbered parts, Arabic-numbered sections inside parts with more than one section."""
    counts: dict[str, int] = {}
    for s in form.sections:
        counts[s.part] = counts.get(s.part, 0) + 1
    out: list[NumberedSection] = []
    parts: list[str] = []
    inside: dict[str, int] = {}
    for s in form.sections:
        if s.part not in parts:
            parts.append(s.part)
        inside[s.part] = inside.get(s.part, 0) + 1
        out.append(NumberedSection(
            key=s.key, part_number=ROMAN[parts.index(s.part)], part_title=s.part,
            number=str(inside[s.part]) if counts[s.part] > 1 else "", title=s.title,
            first_in_part=inside[s.part] == 1, prefill=s.prefill,
        ))
    return out


def classification_part_number(form: FormType) -> str:
    """The Roman number of the closing "self-assessed level" part (after the free-text parts)."""
    return ROMAN[len({s.part for s in form.sections})]


# ---- scores ----------------------------------------------------------------------------------------------
def to_score(value: Any) -> Decimal | None:
    """A score as Decimal (None stays None); accepts "85,5" as Vietnamese write it. Raises ValueError."""
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, (int, float)):
        result = Decimal(str(value))
    else:
        try:
            result = Decimal(str(value).strip().replace(",", "."))
        except InvalidOperation:
            raise ValueError(SCORE_NOT_NUMBER.format()) from None
    if not result.is_finite():
        raise ValueError(SCORE_NOT_NUMBER.format())
    return result


def validate_scores(rules: RuleSet, scores: Mapping[str, Any]) -> dict[str, str]:
    """field ("score_<group>") -> Vietnamese message for each bad score; missing scores are not errors."""
    errors: dict[str, str] = {}
    for group in rules.score_groups:
        try:
            value = to_score(scores.get(group.key))
        except ValueError as exc:
            errors[f"score_{group.key}"] = str(exc)
            continue
        if value is None:
            continue
        if value < 0 or value > group.max:
            errors[f"score_{group.key}"] = SCORE_RANGE.format(max=format_score(group.max))
        elif value != value.quantize(Decimal("0.01")):
            errors[f"score_{group.key}"] = SCORE_PRECISION.format()
    return errors


def total_score(rules: RuleSet, scores: Mapping[str, Any]) -> Decimal | None:
    """Sum of the groups, exact (Decimal, so 25.4 + 44.6 is 70, not 69.999…); None if a group is missing."""
    values = [to_score(scores.get(g.key)) for g in rules.score_groups]
    if not values or any(v is None for v in values):
        return None
    return sum(values, Decimal(0))


def format_score(value: Decimal | float | int | None) -> str:
    """Vietnamese number: '85', '85,5' (no trailing zeros)."""
    if value is None:
        return ""
    d = to_score(value)
    text = format(d.quantize(Decimal("0.01")).normalize(), "f")
    return text.replace(".", ",")


def level_from_score(rules: RuleSet, total: Any) -> str:
    """The band a total falls in: ≥ 90 HTXS, 70–< 90 HTT, 50–< 70 HT, < 50 KHT (as the rule set says)."""
    value = to_score(total)
    if value is None:
        raise ValueError(NEEDS_SCORE.format())
    for band in rules.bands:  # best first
        if value >= band.min:
            return band.level
    return FAIL


# ---- criteria grades (2023 sets) ---------------------------------------------------------------------------
def level_from_grades(rules: RuleSet, grades: Mapping[str, str], scope: str = SCOPE_INDIVIDUAL) -> str | None:
    """The level the criterion grades reach (None while a criterion is ungraded). A forcing grade ("Kém")
    anywhere gives "Không hoàn thành nhiệm vụ"."""
    criteria = rules.criteria_for(scope)
    if not criteria or any(not grades.get(c.key) for c in criteria):
        return None
    order = [g.key for g in rules.grades]  # best first
    if rules.forcing_grade and any(grades[c.key] == rules.forcing_grade for c in criteria):
        return FAIL
    for rule in rules.grade_rules:
        if all(
            order.index(grades[c.key]) <= order.index(rule.min_grades.get(c.group, order[-1]))
            for c in criteria
        ):
            return rule.level
    return FAIL


# ---- assessment and gates ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Assessment:
    """What the rules allow for one review.

    derived   the level the score (or grades) reaches, before the gates; None when not yet scored
    ceiling   the best level the rules allow after the gates; None when not yet scored
    reasons   why the ceiling is below the derived level (Vietnamese sentences)
    """

    derived: str | None
    ceiling: str | None
    reasons: tuple[str, ...] = ()
    total: Decimal | None = None
    forced_fail: bool = False


def assess(
    rules: RuleSet,
    *,
    scope: str = SCOPE_INDIVIDUAL,
    form_type: str | None = None,
    scores: Mapping[str, Any] | None = None,
    grades: Mapping[str, str] | None = None,
    disqualifiers: Iterable[str] = (),
    conditions_met: Iterable[str] = (),
) -> Assessment:
    """Apply the score bands (or grade rules) and the gates to one review."""
    reasons: list[str] = []
    total = None
    forced = False
    if rules.uses_points:
        total = total_score(rules, scores or {})
        derived = level_from_score(rules, total) if total is not None else None
    else:
        derived = level_from_grades(rules, grades or {}, scope)
        if derived == FAIL and rules.forcing_grade:
            bad = [c.name for c in rules.criteria_for(scope) if (grades or {}).get(c.key) == rules.forcing_grade]
            if bad:
                forced = True
                reasons.append(FORCING_GRADE.format(grade=rules.grade_name(rules.forcing_grade),
                                                    criterion=", ".join(bad)))
    ticked = set(disqualifiers)
    cases = [d for d in rules.disqualifiers_for(scope, form_type) if d.key in ticked]
    if cases:
        forced = True
        for case in cases:
            reasons.append(DISQUALIFIED.format(case=case.text))
    ceiling = derived
    if forced:  # decides the level even before the score is entered
        ceiling = FAIL
    elif derived == EXCELLENT:
        met = set(conditions_met)
        missing = [c for c in rules.conditions_for(scope) if c.key not in met]
        if missing:
            ceiling = GOOD
            reasons.extend(CONDITION_MISSING.format(condition=c.text) for c in missing)
    return Assessment(derived=derived, ceiling=ceiling, reasons=tuple(reasons), total=total, forced_fail=forced)


@dataclass(frozen=True)
class LevelCheck:
    allowed: bool
    errors: tuple[str, ...] = ()     # why the level is refused
    warnings: tuple[str, ...] = ()   # allowed, but worth saying (a level below the self-assessment)


def check_level(rules: RuleSet, assessment: Assessment, level: str | None) -> LevelCheck:
    """Is `level` allowed for a review with this assessment? Better than the ceiling is refused with the
    reasons; lower than the ceiling is allowed with a warning (the cell may judge more strictly)."""
    if level is None or level == "":
        return LevelCheck(True)
    if level not in LEVELS:
        return LevelCheck(False, (UNKNOWN_LEVEL.format(),))
    ceiling = assessment.ceiling
    if ceiling is None:
        return LevelCheck(False, ((NEEDS_SCORE if rules.uses_points else NEEDS_GRADES).format(),))
    if level_rank(level) < level_rank(ceiling):
        errors = list(assessment.reasons)
        if assessment.derived is not None and level_rank(level) < level_rank(assessment.derived):
            if rules.uses_points and assessment.total is not None:
                errors.insert(0, ABOVE_BAND.format(score=format_score(assessment.total),
                                                   band=level_name_vi(assessment.derived), level=level_name_vi(level)))
            else:
                errors.insert(0, ABOVE_GRADES.format(band=level_name_vi(assessment.derived),
                                                     level=level_name_vi(level)))
        return LevelCheck(False, tuple(errors))
    if level_rank(level) > level_rank(ceiling):
        return LevelCheck(True, warnings=(BELOW_BAND.format(level=level_name_vi(level), band=level_name_vi(ceiling)),))
    return LevelCheck(True)


def missing_evidence(disqualifiers: Mapping[str, str]) -> list[str]:
    """Ticked cases whose evidence is empty (a disqualifying case must say on what it rests)."""
    return [key for key, evidence in disqualifiers.items() if not clean_text(evidence)]


# ---- quota -----------------------------------------------------------------------------------------------------
_ROUNDING = {"floor": ROUND_FLOOR, "round": ROUND_HALF_UP, "ceil": ROUND_CEILING}


def allowed_excellent(quota: Quota, base_count: int) -> int:
    """rounding(ratio × base_count). With ratio 0.2 and floor: 0–4 → 0, 5–9 → 1, 10 → 2, 49 → 9, 50 → 10.
    "round" rounds halves up (2.5 → 3), "ceil" any fraction up."""
    if base_count < 0:
        raise ValueError("base_count < 0")
    return int((quota.ratio * base_count).to_integral_value(rounding=_ROUNDING[quota.rounding]))


@dataclass(frozen=True)
class QuotaStatus:
    base_count: int          # members at the base levels ("good")
    allowed: int             # excellent ratings allowed
    proposed: int            # excellent ratings proposed
    ratio: Decimal
    rounding: str

    @property
    def exceeded_by(self) -> int:
        return max(0, self.proposed - self.allowed)

    @property
    def exceeded(self) -> bool:
        return self.proposed > self.allowed


def quota_status(rules: RuleSet, levels: Iterable[str | None]) -> QuotaStatus:
    levels = list(levels)
    base = sum(1 for level in levels if level in rules.quota.base_levels)
    proposed = sum(1 for level in levels if level == EXCELLENT)
    return QuotaStatus(base_count=base, allowed=allowed_excellent(rules.quota, base), proposed=proposed,
                       ratio=rules.quota.ratio, rounding=rules.quota.rounding)


def level_counts(levels: Iterable[str | None]) -> dict[str, int]:
    """Count per level (every level present, zero included), in order best first."""
    counts = {level: 0 for level in LEVELS}
    for level in levels:
        if level in counts:
            counts[level] += 1
    return counts


# ---- form type suggestion -----------------------------------------------------------------------------------
def _contains_word(haystack: str, needle: str) -> bool:
    """Whole-word match on folded text ("phó giám đốc" matches "Phó Giám đốc Sở", "tự do" not "tự động")."""
    words, target = haystack.split(), fold(needle).split()
    if not target:
        return False
    return any(words[i:i + len(target)] == target for i in range(len(words) - len(target) + 1))


def _folded_words(*values: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(v or "")) for v in values)


def suggest_form_type(
    rules: RuleSet,
    *,
    party_status: str,
    position_party: str = "",
    position_government: str = "",
    workplace: str = "",
) -> str:
    """Probationary → 10-KNĐ; a party or government position with a leadership word → leader's form;
    a workplace outside the political system (retired, freelance, private business) → 2C; else non-leader."""
    s = rules.suggestion
    if s is None:
        return rules.form_types[0].key
    if party_status == "du_bi" and s.probationary_form:
        return s.probationary_form
    positions = _folded_words(position_party, position_government)
    if s.leader_form and any(_contains_word(positions, w) for w in s.leader_words):
        return s.leader_form
    place = _folded_words(workplace, position_government)
    if s.outside_form and any(_contains_word(place, w) for w in s.outside_words):
        return s.outside_form
    return s.default_form or rules.form_types[0].key


# ---- commitments (§2.7) ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CommitmentItem:
    text: str
    midyear_note: str = ""
    result_note: str = ""
    achieved: bool | None = None   # None = not yet judged at year end


def commitment_section_text(items: Iterable[CommitmentItem], midyear_check: str = "", yearend_result: str = "") -> str:
    """The pre-filled text of the review's "carrying out commitments" section."""
    lines: list[str] = []
    items = [i for i in items if clean_line(i.text)]
    if items:
        lines.append("Các nội dung đã đăng ký cam kết đầu năm:")
        for i, item in enumerate(items, 1):
            status = {True: "đã thực hiện", False: "chưa thực hiện được", None: ""}[item.achieved]
            line = f"{i}. {clean_line(item.text).rstrip('.;')}"
            details = [d for d in (status, clean_line(item.result_note)) if d]
            if details:
                line += ": " + "; ".join(details)
            lines.append(line + ".")
        done = sum(1 for i in items if i.achieved)
        judged = sum(1 for i in items if i.achieved is not None)
        if judged:
            lines.append(f"Kết quả: thực hiện được {done}/{len(items)} nội dung cam kết.")
    if clean_text(midyear_check):
        lines.append(f"Kiểm tra giữa năm: {clean_text(midyear_check)}")
    if clean_text(yearend_result):
        lines.append(f"Đánh giá cuối năm: {clean_text(yearend_result)}")
    return "\n".join(lines)


# ---- history --------------------------------------------------------------------------------------------------
# consecutive_fail_years (two years "Không hoàn thành nhiệm vụ" in a row) lives in review_rules.py with the
# levels, so the window's first overview applies it without loading this module.
