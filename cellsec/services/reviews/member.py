"""A member's review: reading, saving the draft, submitting, recording the decision, amending."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import reviews as rules_mod
from ...domain.members import name_sort_key
from ...domain.review_rules import LEVEL_NAMES, RuleSet, SCOPE_INDIVIDUAL
from ...domain.text import clean_text
from ...store.models.members import Member
from ...store.models.reviews import MemberReview
from ..errors import NotFound, ServiceError, ValidationFailed
from ..lifecycle import ensure_editable
from ..revisions import ensure_revision, revision_of
from .common import (ReviewsPart, dumps_json, latest_meta, loads_json, rules_from_json, scores_out,
                     unchanged_since_read)
from .messages import (
    ALREADY_DECIDED,
    CELL_LEVEL_REQUIRED,
    DECIDED,
    DRAFT,
    FINALISED,
    KIND_REVIEW,
    LOCKED,
    NOT_LOCKED,
    NOT_SUBMITTED,
    REASON_REQUIRED,
    REVIEW_DOC_NAME,
    SELF_LEVEL_REQUIRED,
    SUBMITTED,
    S_AMEND,
    S_CELL,
    S_DECIDE,
    S_FORM,
    S_SAVE,
    S_SUBMIT,
    UNKNOWN_FORM,
    WHAT_REVIEW,
)
from .records import CellAssessmentInput, DecisionInput, ReviewFormData, ReviewInput, ReviewRecord, VersionInfo


class MemberReviewsPart(ReviewsPart):
    def _review_row(self, s: Session, review_id: str) -> MemberReview:
        row = s.get(MemberReview, review_id)
        if row is None or row.deleted_at is not None or row.cell_id != self.ctx.cell_id:
            raise NotFound(WHAT_REVIEW.format())
        return row

    @staticmethod
    def _record(s: Session, row: MemberReview, rules: RuleSet, member: Member | None = None) -> ReviewRecord:
        member = member or s.get(Member, row.member_id)
        form = rules.form_type(row.form_type) if rules.has_form_type(row.form_type) else None
        scores = scores_out(loads_json(row.scores, {}))
        grades = loads_json(row.grades, {})
        conditions = loads_json(row.conditions, [])
        disqualifiers = loads_json(row.disqualifiers, {})
        assessment = rules_mod.assess(rules, scope=SCOPE_INDIVIDUAL, form_type=row.form_type, scores=scores,
                                      grades=grades, disqualifiers=disqualifiers, conditions_met=conditions)
        problems = []
        for level in (row.self_level, row.cell_level, row.decided_level):
            check = rules_mod.check_level(rules, assessment, level)
            problems.extend(check.errors if not check.allowed else ())
        return ReviewRecord(
            id=row.id, year=row.year, member_id=row.member_id, member_name=member.full_name, list_no=member.list_no,
            party_status=member.status, form_type=row.form_type, form_type_name=form.name if form else row.form_type,
            form_code=form.code if form else "", sections=loads_json(row.sections, {}), scores=scores,
            self_score=assessment.total, grades=grades, conditions=conditions, disqualifiers=disqualifiers,
            self_level=row.self_level, cell_comment=row.cell_comment, cell_level=row.cell_level,
            votes_for=row.votes_for, votes_against=row.votes_against, votes_abstain=row.votes_abstain,
            decided_level=row.decided_level, decision_no=row.decision_no, decision_date=row.decision_date,
            status=row.status, submitted_at=row.submitted_at, version=row.version, assessment=assessment,
            problems=list(dict.fromkeys(problems)),
        )

    def get_review(self, review_id: str) -> ReviewRecord:
        with self.ctx.read() as s:
            row = self._review_row(s, review_id)
            return self._record(s, row, self._rules_of(s, row.year_id))

    def review_for(self, member_id: str, year: int) -> ReviewRecord | None:
        with self.ctx.read() as s:
            row = s.scalars(select(MemberReview).where(MemberReview.cell_id == self.ctx.cell_id,
                                                       MemberReview.member_id == member_id,
                                                       MemberReview.year == year,
                                                       MemberReview.deleted_at.is_(None))).first()
            return self._record(s, row, self._rules_of(s, row.year_id)) if row else None

    def list_reviews(self, year: int) -> list[ReviewRecord]:
        """The year's reviews in the order of the member list (Số SĐV, then Vietnamese name order)."""
        with self.ctx.read() as s:
            year_row = self._year_row(s, year)
            rules = rules_from_json(year_row.rules_json)
            pairs = s.execute(select(MemberReview, Member).join(Member, Member.id == MemberReview.member_id)
                              .where(MemberReview.year_id == year_row.id, MemberReview.deleted_at.is_(None),
                                     Member.deleted_at.is_(None))).all()
            records = [self._record(s, review, rules, member) for review, member in pairs]
        records.sort(key=lambda r: (r.list_no is None, r.list_no or 0, name_sort_key(r.member_name)))
        return records

    def versions(self, review_id: str) -> list[VersionInfo]:
        """Finalised versions of a review, oldest first."""
        self.get_review(review_id)
        return self._versions(KIND_REVIEW, review_id)

    # ==== reviews: writes ================================================================================================
    def _draft(self, s: Session, review_id: str) -> tuple[MemberReview, Member]:
        row = self._review_row(s, review_id)
        member = s.get(Member, row.member_id)
        ensure_editable(s, row, locked=LOCKED, finalised=FINALISED, name=member.full_name)
        return row, member

    def revision(self, review_id: str) -> int | None:
        """The review row's revision now: what the editor passes back as `base_rev` when it saves."""
        with self.ctx.read() as s:
            return revision_of(s, MemberReview, review_id)

    def _name_year(self, review_id: str) -> tuple[str, int]:
        with self.ctx.read() as s:
            row = self._review_row(s, review_id)
            return s.get(Member, row.member_id).full_name, row.year

    def set_form_type(self, review_id: str, form_type: str) -> ReviewRecord:
        record = self.get_review(review_id)
        rules = self.rules_for_year(record.year)
        if not rules.has_form_type(form_type):
            raise ValidationFailed({"form_type": UNKNOWN_FORM.format()})
        name = rules.form_type(form_type).name
        with self.ctx.mutation("reviews.form", S_FORM.format(name=record.member_name, form=name)) as s:
            row, _ = self._draft(s, review_id)
            row.form_type = form_type
        return self.get_review(review_id)

    @staticmethod
    def _store_member_part(row: MemberReview, data: ReviewInput) -> None:
        row.sections = dumps_json(data.sections)
        row.scores = dumps_json({k: (str(v) if v is not None else None) for k, v in data.scores.items()})
        row.grades = dumps_json(data.grades)
        row.conditions = dumps_json(data.conditions)
        row.disqualifiers = dumps_json(data.disqualifiers)
        row.self_level = data.self_level

    def save_review(self, review_id: str, data: ReviewInput) -> ReviewRecord:
        """Save the member's part of a draft review. Refused (ValidationFailed) when a score is out of range,
        a ticked case has no evidence, or the self-proposed level is one the rules do not allow."""
        name, year = self._name_year(review_id)
        with self.ctx.mutation("reviews.save", S_SAVE.format(name=name, year=year)) as s:
            row, _ = self._draft(s, review_id)
            cleaned, check = self._validate_review(self._rules_of(s, row.year_id), row.form_type, data)
            if check.errors:
                raise ValidationFailed(check.errors, check.warnings)
            self._store_member_part(row, cleaned)
        return self.get_review(review_id)

    @staticmethod
    def _store_cell_part(row: MemberReview, data: CellAssessmentInput) -> None:
        row.cell_comment, row.cell_level = data.comment, data.level
        row.votes_for, row.votes_against, row.votes_abstain = data.votes_for, data.votes_against, data.votes_abstain

    def save_cell_assessment(self, review_id: str, data: CellAssessmentInput) -> ReviewRecord:
        """The cell's comment, the level it proposes and the vote counts (draft reviews)."""
        name, year = self._name_year(review_id)
        with self.ctx.mutation("reviews.cell", S_CELL.format(name=name, year=year)) as s:
            row, member = self._draft(s, review_id)
            record = self._record(s, row, self._rules_of(s, row.year_id), member)
            cleaned, errors, warnings = self._validate_cell(self._rules_of(s, row.year_id), record.assessment,
                                                            data, self._member_count(s))
            if errors:
                raise ValidationFailed(errors, warnings)
            self._store_cell_part(row, cleaned)
        return self.get_review(review_id)

    def save_draft(self, review_id: str, review: ReviewInput, cell: CellAssessmentInput, *,
                   base_rev: int | None = None) -> ReviewRecord:
        """The editor's Save: the member's part and the cell's assessment of a draft as one action, the
        cell's level checked against the member's part being saved. `base_rev`: the revision the editor
        loaded (`revision`); saving over a newer one raises ChangedMeanwhile and writes nothing."""
        name, year = self._name_year(review_id)
        with self.ctx.mutation("reviews.save", S_SAVE.format(name=name, year=year)) as s:
            row, _ = self._draft(s, review_id)
            ensure_revision(s, row, base_rev)
            rules = self._rules_of(s, row.year_id)
            member_part, check = self._validate_review(rules, row.form_type, review)
            cell_part, cell_errors, cell_warnings = self._validate_cell(rules, check.assessment, cell,
                                                                        self._member_count(s))
            if check.errors or cell_errors:
                raise ValidationFailed({**check.errors, **cell_errors}, {**check.warnings, **cell_warnings})
            self._store_member_part(row, member_part)
            self._store_cell_part(row, cell_part)
        return self.get_review(review_id)

    def submission_errors(self, review_id: str) -> dict[str, str]:
        """What stops the review from being submitted as it is saved (asked before "Nộp…?")."""
        return self._submission_errors(self.get_review(review_id))

    def _submission_errors(self, record: ReviewRecord) -> dict[str, str]:
        errors: dict[str, str] = {}
        if not record.self_level:
            errors["self_level"] = SELF_LEVEL_REQUIRED.format()
        if not record.cell_level:
            errors["level"] = CELL_LEVEL_REQUIRED.format()
        if record.problems:
            errors.setdefault("level", " ".join(record.problems))
        return errors

    @staticmethod
    def _content(record: ReviewRecord, rules: RuleSet) -> dict:
        """What a finalised version of a review holds (the live record's data; see `_finalise_review`)."""
        return {
            "year": record.year, "member_id": record.member_id, "rule_set": rules.key,
            "rule_set_version": rules.version, "form_type": record.form_type, "sections": record.sections,
            "scores": {k: (str(v) if v is not None else None) for k, v in record.scores.items()},
            "self_score": str(record.self_score) if record.self_score is not None else None,
            "grades": record.grades, "conditions": record.conditions, "disqualifiers": record.disqualifiers,
            "self_level": record.self_level, "cell_comment": record.cell_comment, "cell_level": record.cell_level,
            "votes": [record.votes_for, record.votes_against, record.votes_abstain],
            "decided_level": record.decided_level, "decision_no": record.decision_no,
            "decision_date": record.decision_date.isoformat() if record.decision_date else None,
        }

    def _finalise_review(self, s: Session, row: MemberReview, stage: str, reason: str = "", *, status: str,
                         stamp: str | None = None) -> None:
        """Append a finalised version (through the shared lifecycle, which sets `status`): the record's data
        plus what only the version knows (its stage, the amendment reason, and the name under which the
        chain check reports it)."""
        def content(s: Session, row: MemberReview) -> dict:
            rules = self._rules_of(s, row.year_id)
            record = self._record(s, row, rules)
            meta = {"stage": stage, "reason": reason, "member_name": record.member_name,
                    "number": REVIEW_DOC_NAME.vi.format(year=record.year, name=record.member_name)}
            return {**self._content(record, rules), **meta}

        self._finalise_version(s, row, KIND_REVIEW, content, status=status, stamp=stamp)

    def submit_review(self, review_id: str) -> ReviewRecord:
        """Lock a review (self-review and the cell's assessment) as a finalised, hash-chained version."""
        record = self.get_review(review_id)
        if record.locked:
            raise ServiceError(LOCKED, name=record.member_name)
        errors = self._submission_errors(record)
        if errors:
            raise ValidationFailed(errors)
        with self.ctx.mutation("reviews.submit", S_SUBMIT.format(name=record.member_name, year=record.year),
                               undoable=False) as s:
            row, _ = self._draft(s, review_id)
            self._submit_row(s, row)
        return self.get_review(review_id)

    def _submit_row(self, s: Session, row: MemberReview) -> None:
        self._finalise_review(s, row, SUBMITTED, status=SUBMITTED, stamp="submitted_at")

    def decide(self, review_id: str, data: DecisionInput, *, today: dt.date | None = None) -> ReviewRecord:
        """Record the level decided above (decision number and date) on a submitted review."""
        record = self.get_review(review_id)
        if record.status == DRAFT:
            raise ServiceError(NOT_SUBMITTED)
        if record.status == DECIDED:
            raise ServiceError(ALREADY_DECIDED)
        rules = self.rules_for_year(record.year)
        cleaned, errors = self._validate_decision(rules, record.assessment, record.year, data,
                                                  today or dt.date.today())
        if errors:
            raise ValidationFailed(errors)
        summary = S_DECIDE.format(name=record.member_name, year=record.year, level=LEVEL_NAMES[cleaned.level])
        with self.ctx.mutation("reviews.decide", summary, undoable=False) as s:
            row = self._review_row(s, review_id)
            unchanged_since_read(row.status, row.version, record.version)  # not decided elsewhere meanwhile
            row.decided_level, row.decision_no, row.decision_date = cleaned.level, cleaned.decision_no, \
                cleaned.decision_date
            self._finalise_review(s, row, DECIDED, status=DECIDED)
        return self.get_review(review_id)

    def amend_review(self, review_id: str, reason: str, *, review: ReviewInput | None = None,
                     cell: CellAssessmentInput | None = None, decision: DecisionInput | None = None,
                     today: dt.date | None = None) -> ReviewRecord:
        """Correct a submitted (or decided) review: the changed parts are validated like an edit and a new
        finalised version records them with the reason; earlier versions stay in the chain unchanged."""
        record = self.get_review(review_id)
        if not record.locked:
            raise ServiceError(NOT_LOCKED)
        reason = clean_text(reason)
        errors: dict[str, str] = {} if reason else {"reason": REASON_REQUIRED.format()}
        rules = self.rules_for_year(record.year)
        member_part = record.as_input()
        if review is not None:
            member_part, check = self._validate_review(rules, record.form_type, review)
            errors.update(check.errors)
            assessment = check.assessment
        else:
            assessment = record.assessment
        cell_part = record.cell_input()
        with self.ctx.read() as s:
            member_count = self._member_count(s)
        if cell is not None:
            cell_part, cell_errors, _ = self._validate_cell(rules, assessment, cell, member_count)
            errors.update(cell_errors)
        else:
            # The member's part changed: the cell's level must still be allowed.
            self._check_level_field(rules, assessment, cell_part.level, "level", errors, {})
        decision_part = None
        if decision is not None:
            decision_part, decision_errors = self._validate_decision(rules, assessment, record.year, decision,
                                                                     today or dt.date.today())
            errors.update(decision_errors)
        elif record.decided_level:
            self._check_level_field(rules, assessment, record.decided_level, "level", errors, {})
        if errors:
            raise ValidationFailed(errors)
        with self.ctx.mutation("reviews.amend", S_AMEND.format(name=record.member_name, year=record.year),
                               undoable=False) as s:
            row = self._review_row(s, review_id)
            unchanged_since_read(row.status, row.version, record.version, locked=True)
            self._store_member_part(row, member_part)
            self._store_cell_part(row, cell_part)
            if decision_part is not None:
                row.decided_level, row.decision_no, row.decision_date = decision_part.level, \
                    decision_part.decision_no, decision_part.decision_date
            self._finalise_review(s, row, "amended", reason,
                                  status=DECIDED if decision_part is not None else row.status)
        return self.get_review(review_id)

    # ==== prefill ========================================================================================================
    def prefill(self, review_id: str) -> dict[str, str]:
        """Suggested text for sections marked `prefill` in the form: the member's commitments of the year,
        and last year's shortcomings (section "shortcomings" of last year's review)."""
        record = self.get_review(review_id)
        rules = self.rules_for_year(record.year)
        if not rules.has_form_type(record.form_type):
            return {}
        out: dict[str, str] = {}
        for section in rules.form_type(record.form_type).sections:
            if section.prefill == "commitments":
                commitment = self.get_commitment(record.member_id, record.year)
                if commitment:
                    out[section.key] = rules_mod.commitment_section_text(
                        commitment.items, commitment.midyear_check, commitment.yearend_result)
            elif section.prefill == "last_shortcomings":
                last = self.review_for(record.member_id, record.year - 1)
                text = last.sections.get("shortcomings", "") if last else ""
                if text:
                    out[section.key] = f"Hạn chế, khuyết điểm đã chỉ ra ở kỳ kiểm điểm năm {record.year - 1}:\n{text}"
        return out

    def form_data(self, review_id: str) -> ReviewFormData:
        """What the printed form (PDF) and the Word form (DOCX) of a review need."""
        record = self.get_review(review_id)
        rules = self.rules_for_year(record.year)
        form = rules.form_type(record.form_type)
        services = self.ctx.services  # other features' services come from the facade
        cell = services.cell.get(dt.date(record.year, 12, 31))
        member = services.members.get(record.member_id)
        return ReviewFormData(cell, member, record, rules, form, self.prefill(review_id))


def member_review_chain_content(session: Session, entity_id: str) -> dict | None:
    """Content provider for the chain check (finalise.CONTENT_PROVIDERS): the live review as it would be
    finalised now, with the version's own metadata (stage, reason, names) taken from the stored version."""
    row = session.get(MemberReview, entity_id)
    if row is None or row.deleted_at is not None:
        return None
    rules = ReviewsPart._rules_of(session, row.year_id)
    record = MemberReviewsPart._record(session, row, rules)
    return {**MemberReviewsPart._content(record, rules), **latest_meta(session, KIND_REVIEW, entity_id)}
