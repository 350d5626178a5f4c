"""Validation of a review's parts (member, cell, decision, collective): errors and warnings by field."""

from __future__ import annotations

import datetime as dt

from ...domain import reviews as rules_mod
from ...domain.review_rules import RuleSet, SCOPE_COLLECTIVE, SCOPE_INDIVIDUAL
from ...domain.reviews import Assessment
from ...domain.text import clean_line, clean_text
from .common import ReviewsPart, level_or_none
from .messages import (
    DECISION_DATE_EARLY,
    DECISION_DATE_FUTURE,
    REQUIRED,
    UNKNOWN_CASE,
    UNKNOWN_CONDITION,
    UNKNOWN_FORM,
    UNKNOWN_GRADE,
    VOTES_NEGATIVE,
    VOTES_TOO_MANY,
)
from .records import CellAssessmentInput, CollectiveInput, DecisionInput, ReviewCheck, ReviewInput


class ChecksPart(ReviewsPart):
    def _validate_review(self, rules: RuleSet, form_type: str, data: ReviewInput) -> tuple[ReviewInput, ReviewCheck]:
        errors: dict[str, str] = {}
        warnings: dict[str, str] = {}
        form = rules.form_type(form_type) if rules.has_form_type(form_type) else None
        if form is None:
            errors["form_type"] = UNKNOWN_FORM.format()
        cleaned = ReviewInput(
            sections={clean_line(k): clean_text(v) for k, v in (data.sections or {}).items()},
            scores={}, grades={}, conditions=[], disqualifiers={}, self_level=level_or_none(data.self_level),
        )
        if rules.uses_points:
            errors.update(rules_mod.validate_scores(rules, data.scores or {}))
            for g in rules.score_groups:
                if f"score_{g.key}" not in errors:
                    value = rules_mod.to_score((data.scores or {}).get(g.key))
                    cleaned.scores[g.key] = value
        else:
            grade_keys = {g.key for g in rules.grades}
            for c in rules.criteria_for(SCOPE_INDIVIDUAL):
                value = (data.grades or {}).get(c.key) or ""
                if value and value not in grade_keys:
                    errors[f"grade_{c.key}"] = UNKNOWN_GRADE.format()
                elif value:
                    cleaned.grades[c.key] = value
        self._clean_cases(rules, SCOPE_INDIVIDUAL, form_type, data.conditions, data.disqualifiers, cleaned, errors)
        assessment = rules_mod.assess(rules, scope=SCOPE_INDIVIDUAL, form_type=form_type, scores=cleaned.scores,
                                      grades=cleaned.grades, disqualifiers=cleaned.disqualifiers,
                                      conditions_met=cleaned.conditions)
        self._check_level_field(rules, assessment, cleaned.self_level, "self_level", errors, warnings)
        return cleaned, ReviewCheck(errors, warnings, assessment)

    @staticmethod
    def _clean_cases(rules: RuleSet, scope: str, form_type: str | None, conditions, disqualifiers, cleaned,
                     errors: dict[str, str]) -> None:
        known_conditions = {c.key for c in rules.conditions_for(scope)}
        for key in conditions or ():
            if key not in known_conditions:
                errors[f"condition_{key}"] = UNKNOWN_CONDITION.format()
            elif key not in cleaned.conditions:
                cleaned.conditions.append(key)
        known_cases = {d.key for d in rules.disqualifiers_for(scope, form_type)}
        for key, evidence in (disqualifiers or {}).items():
            if key not in known_cases:
                errors[f"disqualifier_{key}"] = UNKNOWN_CASE.format()
                continue
            cleaned.disqualifiers[key] = clean_text(evidence)
        for key in rules_mod.missing_evidence(cleaned.disqualifiers):
            errors[f"disqualifier_{key}"] = rules_mod.EVIDENCE_REQUIRED.format()

    @staticmethod
    def _check_level_field(rules: RuleSet, assessment: Assessment, level: str | None, name: str,
                           errors: dict[str, str], warnings: dict[str, str]) -> None:
        check = rules_mod.check_level(rules, assessment, level)
        if not check.allowed:
            errors[name] = " ".join(check.errors)
        elif check.warnings:
            warnings[name] = " ".join(check.warnings)

    def check_review(self, review_id: str, data: ReviewInput) -> ReviewCheck:
        """Validate the member's part without saving (for live feedback while typing)."""
        with self.ctx.read() as s:
            row = self._review_row(s, review_id)
            rules, form_type = self._rules_of(s, row.year_id), row.form_type
        return self._validate_review(rules, form_type, data)[1]

    def _validate_cell(self, rules: RuleSet, assessment: Assessment, data: CellAssessmentInput,
                       member_count: int) -> tuple[CellAssessmentInput, dict[str, str], dict[str, str]]:
        errors: dict[str, str] = {}
        warnings: dict[str, str] = {}
        cleaned = CellAssessmentInput(clean_text(data.comment), level_or_none(data.level), data.votes_for,
                                      data.votes_against, data.votes_abstain)
        votes = [v for v in (data.votes_for, data.votes_against, data.votes_abstain) if v is not None]
        if any(v < 0 for v in votes):
            errors["votes"] = VOTES_NEGATIVE.format()
        elif sum(votes) > member_count:
            errors["votes"] = VOTES_TOO_MANY.format(total=sum(votes), members=member_count)
        self._check_level_field(rules, assessment, cleaned.level, "level", errors, warnings)
        return cleaned, errors, warnings

    def check_cell(self, review_id: str, data: CellAssessmentInput, review: ReviewInput | None = None) -> ReviewCheck:
        """The cell's part checked against the member's part as saved, or as `review` (unsaved edits)."""
        with self.ctx.read() as s:
            row = self._review_row(s, review_id)
            rules = self._rules_of(s, row.year_id)
            if review is None:
                assessment = self._record(s, row, rules).assessment
            else:
                assessment = self._validate_review(rules, row.form_type, review)[1].assessment
            _, errors, warnings = self._validate_cell(rules, assessment, data, self._member_count(s))
        return ReviewCheck(errors, warnings, assessment)

    def _validate_decision(self, rules: RuleSet, assessment: Assessment, year: int, data: DecisionInput,
                           today: dt.date) -> tuple[DecisionInput, dict[str, str]]:
        errors: dict[str, str] = {}
        cleaned = DecisionInput(level_or_none(data.level), clean_line(data.decision_no), data.decision_date)
        if cleaned.level is None:
            errors["level"] = REQUIRED.format()
        else:
            self._check_level_field(rules, assessment, cleaned.level, "level", errors, {})
        if not cleaned.decision_no:
            errors["decision_no"] = REQUIRED.format()
        if cleaned.decision_date is None:
            errors["decision_date"] = REQUIRED.format()
        elif cleaned.decision_date.year < year:
            errors["decision_date"] = DECISION_DATE_EARLY.format(year=year)
        elif cleaned.decision_date > today:
            errors["decision_date"] = DECISION_DATE_FUTURE.format()
        return cleaned, errors

    def check_decision(self, review_id: str, data: DecisionInput, *, today: dt.date | None = None) -> ReviewCheck:
        record = self.get_review(review_id)
        rules = self.rules_for_year(record.year)
        _, errors = self._validate_decision(rules, record.assessment, record.year, data, today or dt.date.today())
        return ReviewCheck(errors, {}, record.assessment)

    def _validate_collective(self, rules: RuleSet, data: CollectiveInput) -> tuple[CollectiveInput, ReviewCheck]:
        errors: dict[str, str] = {}
        warnings: dict[str, str] = {}
        cleaned = CollectiveInput({clean_line(k): clean_text(v) for k, v in (data.sections or {}).items()},
                                  {}, {}, [], {}, level_or_none(data.self_level))
        if rules.uses_points:
            errors.update(rules_mod.validate_scores(rules, data.scores or {}))
            for g in rules.score_groups:
                if f"score_{g.key}" not in errors:
                    cleaned.scores[g.key] = rules_mod.to_score((data.scores or {}).get(g.key))
        else:
            grade_keys = {g.key for g in rules.grades}
            for c in rules.criteria_for(SCOPE_COLLECTIVE):
                value = (data.grades or {}).get(c.key) or ""
                if value and value not in grade_keys:
                    errors[f"grade_{c.key}"] = UNKNOWN_GRADE.format()
                elif value:
                    cleaned.grades[c.key] = value
        self._clean_cases(rules, SCOPE_COLLECTIVE, None, data.conditions, data.disqualifiers, cleaned, errors)
        assessment = rules_mod.assess(rules, scope=SCOPE_COLLECTIVE, scores=cleaned.scores, grades=cleaned.grades,
                                      disqualifiers=cleaned.disqualifiers, conditions_met=cleaned.conditions)
        self._check_level_field(rules, assessment, cleaned.self_level, "self_level", errors, warnings)
        return cleaned, ReviewCheck(errors, warnings, assessment)
