"""Members' yearly commitments (đăng ký cam kết), which pre-fill the review."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from ...domain.members import name_sort_key
from ...domain.reviews import CommitmentItem
from ...domain.text import clean_line, clean_text
from ...store.models.members import Member
from ...store.models.reviews import ReviewCommitment
from ..errors import NotFound
from ..revisions import ensure_revision, live_revision
from .common import ReviewsPart, dumps_json, loads_json
from .messages import COMMITMENT_FIELDS, S_COMMIT, WHAT_MEMBER
from .records import CommitmentInput, CommitmentRecord


class CommitmentsPart(ReviewsPart):
    def _commitment_record(self, row: ReviewCommitment, name: str) -> CommitmentRecord:
        items = [CommitmentItem(i.get("text", ""), i.get("midyear_note", ""), i.get("result_note", ""),
                                i.get("achieved")) for i in loads_json(row.items, [])]
        return CommitmentRecord(items=items, registered_on=row.registered_on, midyear_check=row.midyear_check,
                                midyear_on=row.midyear_on, yearend_result=row.yearend_result,
                                yearend_on=row.yearend_on, id=row.id, member_id=row.member_id, member_name=name,
                                year=row.year, rev=row.rev)

    def _commitment_query(self, member_id: str, year: int):
        return select(ReviewCommitment).where(
            ReviewCommitment.cell_id == self.ctx.cell_id, ReviewCommitment.member_id == member_id,
            ReviewCommitment.year == year, ReviewCommitment.deleted_at.is_(None))

    def commitment_revision(self, member_id: str, year: int) -> int:
        """The stored revision of a member's commitments of a year now (NEW: none registered yet)."""
        with self.ctx.read() as s:
            return live_revision(s.scalars(self._commitment_query(member_id, year)).first())

    def get_commitment(self, member_id: str, year: int) -> CommitmentRecord | None:
        with self.ctx.read() as s:
            row = s.scalars(self._commitment_query(member_id, year)).first()
            if row is None:
                return None
            return self._commitment_record(row, s.get(Member, member_id).full_name)

    def list_commitments(self, year: int) -> list[CommitmentRecord]:
        with self.ctx.read() as s:
            pairs = s.execute(select(ReviewCommitment, Member).join(Member, Member.id == ReviewCommitment.member_id)
                              .where(ReviewCommitment.cell_id == self.ctx.cell_id, ReviewCommitment.year == year,
                                     ReviewCommitment.deleted_at.is_(None))).all()
            out = [(m.list_no, m.full_name, self._commitment_record(c, m.full_name)) for c, m in pairs]
        out.sort(key=lambda t: (t[0] is None, t[0] or 0, name_sort_key(t[1])))
        return [t[2] for t in out]

    def save_commitment(self, member_id: str, year: int, data: CommitmentInput,
                        *, today: dt.date | None = None, base_rev: int | None = None) -> CommitmentRecord:
        """Register or update a member's commitments for a year (items, mid-year check, year-end result).
        `base_rev`: the revision the editor loaded (`rev`, NEW for none); saving over a newer one, or over
        commitments registered elsewhere meanwhile, raises ChangedMeanwhile and writes nothing."""
        self._check_year(year, today or dt.date.today())
        items = [{"text": clean_line(i.text), "midyear_note": clean_text(i.midyear_note),
                  "result_note": clean_text(i.result_note), "achieved": i.achieved}
                 for i in data.items if clean_line(i.text)]
        with self.ctx.read() as s:
            member = s.get(Member, member_id)
            if member is None or member.deleted_at is not None or member.cell_id != self.ctx.cell_id:
                raise NotFound(WHAT_MEMBER.format())
            name = member.full_name
        with self.ctx.mutation("reviews.commitment", S_COMMIT.format(name=name, year=year)) as s:
            row = s.scalars(self._commitment_query(member_id, year)).first()
            ensure_revision(s, row, base_rev, COMMITMENT_FIELDS)
            if row is None:
                row = ReviewCommitment(cell_id=self.ctx.cell_id, member_id=member_id, year=year)
                s.add(row)
            row.items = dumps_json(items)
            row.registered_on, row.midyear_on, row.yearend_on = data.registered_on, data.midyear_on, data.yearend_on
            row.midyear_check, row.yearend_result = clean_text(data.midyear_check), clean_text(data.yearend_result)
        return self.get_commitment(member_id, year)
