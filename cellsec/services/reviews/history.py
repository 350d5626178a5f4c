"""A member's reviews over the years, and two consecutive years not fulfilling duties (the attention list
and the overview's reminder take them from `removal_risks`)."""

from __future__ import annotations

from sqlalchemy import select

from ...domain.members import IN_CELL_STATUSES
from ...store.models.members import Member
from ...store.models.reviews import MemberReview, ReviewYear
from .common import ReviewsPart, rules_from_json
from .records import HistoryEntry, RemovalRisk
from .risks import removal_risks_from


class HistoryPart(ReviewsPart):
    def member_history(self, member_id: str) -> list[HistoryEntry]:
        """A member's reviews over the years, newest first."""
        with self.ctx.read() as s:
            rows = s.execute(select(MemberReview, ReviewYear.rules_json)
                             .join(ReviewYear, ReviewYear.id == MemberReview.year_id)
                             .where(MemberReview.cell_id == self.ctx.cell_id, MemberReview.member_id == member_id,
                                    MemberReview.deleted_at.is_(None))
                             .order_by(MemberReview.year.desc())).all()
            out = []
            for row, rules_json in rows:
                record = self._record(s, row, rules_from_json(rules_json))
                out.append(HistoryEntry(row.year, record.form_type_name, record.self_score, row.self_level,
                                        row.cell_level, row.decided_level, row.decision_no, row.status))
            return out

    def removal_risks(self) -> list[RemovalRisk]:
        """Members of the cell rated "Không hoàn thành nhiệm vụ" two years in a row (decided level, or the
        cell's proposal while the decision is pending), latest pair per member."""
        with self.ctx.read() as s:
            rows = s.execute(select(MemberReview.member_id, MemberReview.year, MemberReview.decided_level,
                                    MemberReview.cell_level, Member.full_name, Member.list_no)
                             .join(Member, Member.id == MemberReview.member_id)
                             .where(MemberReview.cell_id == self.ctx.cell_id, MemberReview.deleted_at.is_(None),
                                    Member.deleted_at.is_(None), Member.activity_status.in_(IN_CELL_STATUSES))).all()
        return removal_risks_from(rows)
