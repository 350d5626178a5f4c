"""The year's classification summary (biểu tổng hợp) with the live quota, and its submission."""

from __future__ import annotations

import json

from sqlalchemy import select

from ...domain import reviews as rules_mod
from ...domain.text import clean_text
from ...store.base import utcnow
from ...store.models.reviews import MemberReview
from ..errors import ServiceError, ValidationFailed
from .common import ReviewsPart
from .messages import (
    COLLECTIVE_DOC_NAME,
    DRAFT,
    KIND_SUMMARY,
    QUOTA_REASON_REQUIRED,
    REVIEWS_INCOMPLETE,
    REVIEWS_REFUSED,
    SUBMITTED,
    SUMMARY_SUBMITTED,
    S_SUMMARY,
)
from .records import SummaryRow, YearSummary


class SummaryPart(ReviewsPart):
    def summary(self, year: int) -> YearSummary:
        info = self.get_year(year)
        rules = self.rules_for_year(year)
        rows = [SummaryRow(r.id, r.member_id, r.member_name, r.list_no, r.form_type, r.form_type_name, r.self_score,
                           r.self_level, r.cell_level, r.decided_level, r.status,
                           (r.votes_for, r.votes_against, r.votes_abstain), r.problems)
                for r in self.list_reviews(year)]
        levels = [row.level for row in rows]
        return YearSummary(year, info.rule_set_name, rows, rules_mod.level_counts(levels),
                           rules_mod.quota_status(rules, levels), info.quota_reason, info.submitted,
                           info.summary_submitted_at, rules.quota.note, rules.issuing_document)

    def summary_errors(self, year: int) -> dict[str, str]:
        """What stops the summary from being submitted, apart from the reason for exceeding the quota
        (asked before the reason and before "Nộp…?", so that nothing typed is asked for in vain)."""
        summary = self.summary(year)
        if summary.submitted:
            return {"summary": SUMMARY_SUBMITTED.format(year=year)}
        return self._summary_errors(summary)

    @staticmethod
    def _summary_errors(summary: YearSummary) -> dict[str, str]:
        errors: dict[str, str] = {}
        missing = [r.name for r in summary.rows if not r.cell_level]
        if missing:
            errors["reviews"] = REVIEWS_INCOMPLETE.format(names=", ".join(missing))
        refused = [r.name for r in summary.rows if r.problems]
        if refused:
            errors.setdefault("reviews", REVIEWS_REFUSED.format(names=", ".join(refused)))
        return errors

    def submit_summary(self, year: int, quota_reason: str = "") -> YearSummary:
        """Submit the year's summary: every review must carry a level the cell proposes that the rules allow;
        drafts are submitted (locked) with it; over the quota a reason is required (and printed)."""
        summary = self.summary(year)
        if summary.submitted:
            raise ServiceError(SUMMARY_SUBMITTED, year=year)
        reason = clean_text(quota_reason)
        errors = self._summary_errors(summary)
        q = summary.quota
        if q.exceeded and not reason:
            errors["quota_reason"] = QUOTA_REASON_REQUIRED.format(proposed=q.proposed, allowed=q.allowed,
                                                                  over=q.exceeded_by)
        if errors:
            raise ValidationFailed(errors)
        with self.ctx.mutation("reviews.summary", S_SUMMARY.format(year=year), undoable=False) as s:
            year_row = self._year_row(s, year)
            if year_row.summary_status == SUBMITTED:  # submitted by another process since it was read
                raise ServiceError(SUMMARY_SUBMITTED, year=year)
            for row in s.scalars(select(MemberReview).where(MemberReview.year_id == year_row.id,
                                                            MemberReview.deleted_at.is_(None),
                                                            MemberReview.status == DRAFT)):
                self._submit_row(s, row)
            year_row.summary_status, year_row.summary_submitted_at = SUBMITTED, utcnow()
            year_row.quota_reason = reason if q.exceeded else ""
            s.flush()
            content = {
                "stage": SUBMITTED, "number": COLLECTIVE_DOC_NAME.vi.format(year=year), "year": year, "rule_set": json.loads(year_row.rules_json).get("key"),
                "rows": [{"member_id": r.member_id, "name": r.name, "form_type": r.form_type,
                          "self_score": str(r.self_score) if r.self_score is not None else None,
                          "self_level": r.self_level, "cell_level": r.cell_level,
                          "decided_level": r.decided_level} for r in summary.rows],
                "counts": summary.counts, "allowed_excellent": q.allowed, "proposed_excellent": q.proposed,
                "quota_reason": year_row.quota_reason,
            }
            self._finalise(s, KIND_SUMMARY, year_row.id, 1, content)
        return self.summary(year)
