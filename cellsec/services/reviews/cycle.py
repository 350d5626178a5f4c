"""Opening a review year: who must be reviewed, the rule set snapshot the year takes, form types."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import reviews as rules_mod
from ...domain.dates import format_date
from ...domain.members import ACTIVITY_LABELS, IN_CELL_STATUSES, name_sort_key
from ...domain.review_rules import RuleSet, parse_rule_set
from ...store.models.members import Member
from ...store.models.reviews import CollectiveReview, MemberReview, ReviewYear
from ..errors import ServiceError, ValidationFailed
from .common import ReviewsPart, dumps_json, rules_from_json
from .messages import (
    DRAFT,
    NOT_REVIEWED_ADMITTED,
    NOT_REVIEWED_EXEMPT,
    NOT_REVIEWED_LEFT,
    SUBMITTED,
    S_ADD,
    S_OPEN,
    S_RULES,
    UNKNOWN_FORM,
    YEAR_HAS_SUBMISSIONS,
    YEAR_NOT_OPEN,
    YEAR_RANGE,
    YEAR_SUBMITTED,
)
from .records import Candidate, ReviewYearInfo


class YearsPart(ReviewsPart):
    def _year_row(self, s: Session, year: int) -> ReviewYear:
        row = s.scalars(select(ReviewYear).where(ReviewYear.cell_id == self.ctx.cell_id, ReviewYear.year == year,
                                                 ReviewYear.deleted_at.is_(None))).first()
        if row is None:
            raise ServiceError(YEAR_NOT_OPEN, year=year)
        return row

    def _year_info(self, s: Session, row: ReviewYear) -> ReviewYearInfo:
        count = len(s.scalars(select(MemberReview.id).join(Member, Member.id == MemberReview.member_id)
                              .where(MemberReview.year_id == row.id, MemberReview.deleted_at.is_(None),
                                     Member.deleted_at.is_(None))).all())
        name = json.loads(row.rules_json).get("name", "")
        return ReviewYearInfo(row.id, row.year, row.rule_set_id, name, row.rule_set_version, row.opened_on,
                              row.summary_status, row.summary_submitted_at, row.quota_reason, count)

    def list_years(self) -> list[ReviewYearInfo]:
        """Opened years, newest first."""
        with self.ctx.read() as s:
            rows = s.scalars(select(ReviewYear).where(ReviewYear.cell_id == self.ctx.cell_id,
                                                      ReviewYear.deleted_at.is_(None))
                             .order_by(ReviewYear.year.desc())).all()
            return [self._year_info(s, r) for r in rows]

    def get_year(self, year: int) -> ReviewYearInfo:
        with self.ctx.read() as s:
            return self._year_info(s, self._year_row(s, year))

    def is_open(self, year: int) -> bool:
        with self.ctx.read() as s:
            return s.scalars(select(ReviewYear.id).where(ReviewYear.cell_id == self.ctx.cell_id,
                                                         ReviewYear.year == year,
                                                         ReviewYear.deleted_at.is_(None))).first() is not None

    def rules_for_year(self, year: int) -> RuleSet:
        """The rule set snapshot the opened year uses."""
        with self.ctx.read() as s:
            return rules_from_json(self._year_row(s, year).rules_json)

    @staticmethod
    def _check_year(year: int, today: dt.date) -> None:
        if not (2000 <= year <= today.year + 1):
            raise ValidationFailed({"year": YEAR_RANGE.format(max=today.year + 1)})

    def candidates(self, year: int, rule_set_id: str | None = None) -> list[Candidate]:
        """Every live member with whether they must be reviewed for `year` and the suggested form type.
        Exempt members and members who left the cell before the year ended are not reviewed."""
        rules = self.rules_for_year(year) if (rule_set_id is None and self.is_open(year)) else \
            self.rule_set(rule_set_id or self.rule_set_for_year(year).id)
        end = dt.date(year, 12, 31)
        with self.ctx.read() as s:
            members = s.scalars(select(Member).where(Member.cell_id == self.ctx.cell_id,
                                                     Member.deleted_at.is_(None))).all()
            existing = dict(s.execute(
                select(MemberReview.member_id, MemberReview.id).where(
                    MemberReview.cell_id == self.ctx.cell_id, MemberReview.year == year,
                    MemberReview.deleted_at.is_(None))).all())
        out = []
        for m in members:
            reason = ""
            if m.admitted_on is not None and m.admitted_on > end:
                reason = NOT_REVIEWED_ADMITTED.format(year=year)
            elif m.activity_status == "exempt" and (m.status_from is None or m.status_from <= end):
                reason = NOT_REVIEWED_EXEMPT.format()
            elif m.activity_status not in IN_CELL_STATUSES and (m.status_from is None or m.status_from <= end):
                reason = NOT_REVIEWED_LEFT.format(status=ACTIVITY_LABELS[m.activity_status].format(),
                                                  date=format_date(m.status_from) or "?")
            suggested = rules_mod.suggest_form_type(
                rules, party_status=self._party_status_at(m, end), position_party=m.position_party,
                position_government=m.position_government, workplace=m.workplace)
            out.append(Candidate(m.id, m.full_name, m.list_no, m.status, m.activity_status, suggested,
                                 included=not reason, reason=reason, review_id=existing.get(m.id)))
        out.sort(key=lambda c: (not c.included, c.list_no is None, c.list_no or 0, name_sort_key(c.name)))
        return out

    @staticmethod
    def _party_status_at(m: Member, end: dt.date) -> str:
        """The party status at the end of the year: a member recognised as official later was probationary."""
        if m.status == "chinh_thuc" and m.official_on is not None and m.official_on > end:
            return "du_bi"
        return m.status

    def open_year(self, year: int, rule_set_id: str | None = None, form_types: dict[str, str] | None = None,
                  *, today: dt.date | None = None) -> ReviewYearInfo:
        """Open the year (or add members who became due since it was opened): one draft review per member
        who must be reviewed, with the suggested form type unless `form_types` says otherwise."""
        today = today or dt.date.today()
        self._check_year(year, today)
        form_types = dict(form_types or {})
        already = self.is_open(year)
        if already:
            rules = self.rules_for_year(year)
        else:
            data, info = self._rule_content(rule_set_id or self.rule_set_for_year(year).id)
            rules = parse_rule_set(data)
        if any(not rules.has_form_type(f) for f in form_types.values()):
            raise ValidationFailed({"form_type": UNKNOWN_FORM.format()})
        due = [c for c in self.candidates(year, None if already else info.id) if c.included and not c.review_id]
        if already and not due:
            return self.get_year(year)  # nothing to add: no empty action in the Undo menu
        summary = (S_ADD if already else S_OPEN).format(year=year, count=len(due))
        with self.ctx.mutation("reviews.open", summary) as s:
            if already:
                row = self._year_row(s, year)
            else:
                row = ReviewYear(cell_id=self.ctx.cell_id, year=year, rule_set_id=info.id,
                           rule_set_version=info.version, rules_json=dumps_json(data), opened_on=today)
                s.add(row)
                s.flush()
                s.add(CollectiveReview(cell_id=self.ctx.cell_id, year_id=row.id, year=year))
            for c in due:
                s.add(MemberReview(cell_id=self.ctx.cell_id, year_id=row.id, year=year, member_id=c.member_id,
                           form_type=form_types.get(c.member_id, c.suggested_form_type)))
            s.flush()
            return self._year_info(s, row)

    def set_year_rule_set(self, year: int, rule_set_id: str) -> ReviewYearInfo:
        """Use another rule set (or the edited version of the same) for a year nothing was submitted in.
        Forms the new set lacks fall back to the suggested form type."""
        data, info = self._rule_content(rule_set_id)
        rules = parse_rule_set(data)
        with self.ctx.read() as s:
            row = self._year_row(s, year)
            if row.summary_status == SUBMITTED:
                raise ServiceError(YEAR_SUBMITTED, year=year)
            locked = s.scalars(select(MemberReview.id).where(MemberReview.year_id == row.id,
                                                             MemberReview.deleted_at.is_(None),
                                                             MemberReview.status != DRAFT)).first()
        if locked:
            raise ServiceError(YEAR_HAS_SUBMISSIONS, year=year)
        suggestions = {c.member_id: c.suggested_form_type for c in self.candidates(year, rule_set_id)}
        with self.ctx.mutation("reviews.year.rules", S_RULES.format(year=year, name=info.name)) as s:
            row = self._year_row(s, year)
            row.rule_set_id, row.rule_set_version, row.rules_json = info.id, info.version, dumps_json(data)
            for review in s.scalars(select(MemberReview).where(MemberReview.year_id == row.id,
                                                               MemberReview.deleted_at.is_(None))):
                if not rules.has_form_type(review.form_type):
                    review.form_type = suggestions.get(review.member_id, rules.form_types[0].key)
            s.flush()
            return self._year_info(s, row)
