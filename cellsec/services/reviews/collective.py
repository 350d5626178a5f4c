"""The cell's collective review (Mẫu 01): save, submit, decide, amend."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import reviews as rules_mod
from ...domain.review_rules import LEVEL_NAMES, RuleSet, SCOPE_COLLECTIVE
from ...domain.text import clean_text
from ...store.models.reviews import CollectiveReview
from ..errors import ServiceError, ValidationFailed
from ..lifecycle import ensure_editable
from ..revisions import ensure_revision
from .common import ReviewsPart, dumps_json, latest_meta, loads_json, scores_out, unchanged_since_read
from .messages import (
    ALREADY_DECIDED,
    COLLECTIVE_DOC_NAME,
    COLLECTIVE_FIELDS,
    COLLECTIVE_LOCKED,
    DECIDED,
    DRAFT,
    FINALISED,
    KIND_COLLECTIVE,
    NOT_LOCKED,
    NOT_SUBMITTED,
    REASON_REQUIRED,
    SELF_LEVEL_REQUIRED,
    SUBMITTED,
    S_COLL_AMEND,
    S_COLL_DECIDE,
    S_COLL_SAVE,
    S_COLL_SUBMIT,
    YEAR_NOT_OPEN,
)
from .records import CollectiveInput, CollectiveRecord, DecisionInput, ReviewCheck, VersionInfo


class CollectivePart(ReviewsPart):
    def _collective_row(self, s: Session, year: int) -> CollectiveReview:
        year_row = self._year_row(s, year)
        row = s.scalars(select(CollectiveReview).where(CollectiveReview.year_id == year_row.id,
                                                       CollectiveReview.deleted_at.is_(None))).first()
        if row is None:
            raise ServiceError(YEAR_NOT_OPEN, year=year)
        return row

    @staticmethod
    def _collective_record(row: CollectiveReview, rules: RuleSet) -> CollectiveRecord:
        scores = scores_out(loads_json(row.scores, {}))
        grades = loads_json(row.grades, {})
        conditions = loads_json(row.conditions, [])
        disqualifiers = loads_json(row.disqualifiers, {})
        assessment = rules_mod.assess(rules, scope=SCOPE_COLLECTIVE, scores=scores, grades=grades,
                                      disqualifiers=disqualifiers, conditions_met=conditions)
        return CollectiveRecord(row.id, row.year, loads_json(row.sections, {}), scores, assessment.total, grades,
                                conditions, disqualifiers, row.self_level, row.decided_level, row.decision_no,
                                row.decision_date, row.status, row.submitted_at, row.version, assessment)

    def collective(self, year: int) -> CollectiveRecord:
        with self.ctx.read() as s:
            row = self._collective_row(s, year)
            return self._collective_record(row, self._rules_of(s, row.year_id))

    def check_collective(self, year: int, data: CollectiveInput) -> ReviewCheck:
        return self._validate_collective(self.rules_for_year(year), data)[1]

    @staticmethod
    def _store_collective(row: CollectiveReview, data: CollectiveInput) -> None:
        row.sections = dumps_json(data.sections)
        row.scores = dumps_json({k: (str(v) if v is not None else None) for k, v in data.scores.items()})
        row.grades, row.conditions = dumps_json(data.grades), dumps_json(data.conditions)
        row.disqualifiers, row.self_level = dumps_json(data.disqualifiers), data.self_level

    def collective_revision(self, year: int) -> int:
        """The collective review's stored revision now: what the editor passes back as `base_rev`."""
        with self.ctx.read() as s:
            return self._collective_row(s, year).rev

    def save_collective(self, year: int, data: CollectiveInput, *, base_rev: int | None = None) -> CollectiveRecord:
        """Save the draft report. `base_rev`: the revision the editor loaded (`collective_revision`); saving
        over a newer one raises ChangedMeanwhile and writes nothing."""
        rules = self.rules_for_year(year)
        cleaned, check = self._validate_collective(rules, data)
        if check.errors:
            raise ValidationFailed(check.errors, check.warnings)
        with self.ctx.mutation("reviews.collective.save", S_COLL_SAVE.format(year=year)) as s:
            row = self._collective_row(s, year)
            ensure_editable(s, row, locked=COLLECTIVE_LOCKED, finalised=FINALISED, year=year)
            ensure_revision(s, row, base_rev, COLLECTIVE_FIELDS)
            self._store_collective(row, cleaned)
        return self.collective(year)

    @staticmethod
    def _collective_content(record: CollectiveRecord, rules: RuleSet) -> dict:
        return {
            "year": record.year, "rule_set": rules.key,
            "rule_set_version": rules.version, "sections": record.sections,
            "scores": {k: (str(v) if v is not None else None) for k, v in record.scores.items()},
            "grades": record.grades, "conditions": record.conditions, "disqualifiers": record.disqualifiers,
            "self_level": record.self_level, "decided_level": record.decided_level,
            "decision_no": record.decision_no,
            "decision_date": record.decision_date.isoformat() if record.decision_date else None,
        }

    def _finalise_collective(self, s: Session, row: CollectiveReview, stage: str, reason: str = "", *,
                             status: str, stamp: str | None = None) -> None:
        """Append a finalised version through the shared lifecycle (which sets `status`)."""
        def content(s: Session, row: CollectiveReview) -> dict:
            rules = self._rules_of(s, row.year_id)
            meta = {"stage": stage, "reason": reason, "number": COLLECTIVE_DOC_NAME.vi.format(year=row.year)}
            return {**self._collective_content(self._collective_record(row, rules), rules), **meta}

        self._finalise_version(s, row, KIND_COLLECTIVE, content, status=status, stamp=stamp)

    def check_collective_decision(self, year: int, data: DecisionInput, report: CollectiveInput | None = None, *,
                                  today: dt.date | None = None) -> ReviewCheck:
        """The decision above checked live: level, number and date, the level against the report as saved
        or as `report` (unsaved edits of an amendment)."""
        rules = self.rules_for_year(year)
        if report is None:
            assessment = self.collective(year).assessment
        else:
            assessment = self._validate_collective(rules, report)[1].assessment
        _, errors = self._validate_decision(rules, assessment, year, data, today or dt.date.today())
        return ReviewCheck(errors, {}, assessment)

    def collective_submission_errors(self, year: int) -> dict[str, str]:
        """What stops the collective review from being submitted as it is saved (asked before "Nộp…?")."""
        return self._collective_submission_errors(self.collective(year))

    @staticmethod
    def _collective_submission_errors(record: CollectiveRecord) -> dict[str, str]:
        return {} if record.self_level else {"self_level": SELF_LEVEL_REQUIRED.format()}

    def submit_collective(self, year: int) -> CollectiveRecord:
        record = self.collective(year)
        if record.locked:
            raise ServiceError(COLLECTIVE_LOCKED, year=year)
        errors = self._collective_submission_errors(record)
        if errors:
            raise ValidationFailed(errors)
        with self.ctx.mutation("reviews.collective.submit", S_COLL_SUBMIT.format(year=year), undoable=False) as s:
            row = self._collective_row(s, year)
            ensure_editable(s, row, locked=COLLECTIVE_LOCKED, finalised=FINALISED, year=year)
            self._finalise_collective(s, row, SUBMITTED, status=SUBMITTED, stamp="submitted_at")
        return self.collective(year)

    def decide_collective(self, year: int, data: DecisionInput, *, today: dt.date | None = None) -> CollectiveRecord:
        record = self.collective(year)
        if record.status == DRAFT:
            raise ServiceError(NOT_SUBMITTED)
        if record.status == DECIDED:
            raise ServiceError(ALREADY_DECIDED)
        cleaned, errors = self._validate_decision(self.rules_for_year(year), record.assessment, year, data,
                                                  today or dt.date.today())
        if errors:
            raise ValidationFailed(errors)
        with self.ctx.mutation("reviews.collective.decide",
                               S_COLL_DECIDE.format(year=year, level=LEVEL_NAMES[cleaned.level]), undoable=False) as s:
            row = self._collective_row(s, year)
            unchanged_since_read(row.status, row.version, record.version)  # not decided elsewhere meanwhile
            row.decided_level, row.decision_no, row.decision_date = cleaned.level, cleaned.decision_no, \
                cleaned.decision_date
            self._finalise_collective(s, row, DECIDED, status=DECIDED)
        return self.collective(year)

    def amend_collective(self, year: int, reason: str, *, data: CollectiveInput | None = None,
                         decision: DecisionInput | None = None, today: dt.date | None = None) -> CollectiveRecord:
        record = self.collective(year)
        if not record.locked:
            raise ServiceError(NOT_LOCKED)
        rules = self.rules_for_year(year)
        reason = clean_text(reason)
        errors: dict[str, str] = {} if reason else {"reason": REASON_REQUIRED.format()}
        part, assessment = record.as_input(), record.assessment
        if data is not None:
            part, check = self._validate_collective(rules, data)
            errors.update(check.errors)
            assessment = check.assessment
        decision_part = None
        if decision is not None:
            decision_part, decision_errors = self._validate_decision(rules, assessment, year, decision,
                                                                     today or dt.date.today())
            errors.update(decision_errors)
        elif record.decided_level:
            self._check_level_field(rules, assessment, record.decided_level, "level", errors, {})
        if errors:
            raise ValidationFailed(errors)
        with self.ctx.mutation("reviews.collective.amend", S_COLL_AMEND.format(year=year), undoable=False) as s:
            row = self._collective_row(s, year)
            unchanged_since_read(row.status, row.version, record.version, locked=True)
            self._store_collective(row, part)
            if decision_part is not None:
                row.decided_level, row.decision_no, row.decision_date = decision_part.level, \
                    decision_part.decision_no, decision_part.decision_date
            self._finalise_collective(s, row, "amended", reason,
                                      status=DECIDED if decision_part is not None else row.status)
        return self.collective(year)

    def collective_versions(self, year: int) -> list[VersionInfo]:
        return self._versions(KIND_COLLECTIVE, self.collective(year).id)


def collective_review_chain_content(session: Session, entity_id: str) -> dict | None:
    row = session.get(CollectiveReview, entity_id)
    if row is None or row.deleted_at is not None:
        return None
    rules = ReviewsPart._rules_of(session, row.year_id)
    record = CollectivePart._collective_record(row, rules)
    return {**CollectivePart._collective_content(record, rules), **latest_meta(session, KIND_COLLECTIVE, entity_id)}
