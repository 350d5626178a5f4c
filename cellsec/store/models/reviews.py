"""Annual review and classification: rule-set copies, review years, members' reviews, commitments and the
cell's collective review.

Flexible parts of a review (free-text sections, scores per group, criterion grades, ticked conditions and
disqualifying cases) are JSON text: their keys come from the rule set the year uses, which the user may
edit, so they cannot be fixed columns. Scores are kept as decimal strings ("85.5") so sums are exact.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base, Synced, UtcDateTime


class ReviewRuleSet(Synced, Base):
    """A user's copy of a review rule set (the shipped sets stay read-only files in resources/rules)."""

    __tablename__ = "review_rule_sets"
    key: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(300))
    issuing_document: Mapped[str] = mapped_column(Text, default="")
    effective_from: Mapped[dt.date] = mapped_column()
    # Bumped on every edit; a year records the version it snapshotted.
    version: Mapped[int] = mapped_column(Integer, default=1)
    # The id (shipped key or row id) of the set this one was copied from.
    based_on: Mapped[str] = mapped_column(String(60), default="")
    content: Mapped[str] = mapped_column(Text)  # the rule set JSON


class ReviewYear(Synced, Base):
    """One year's review cycle. `rules_json` is a snapshot of the rule set chosen for the year, so later
    edits of that set do not silently change a year already under way or finished."""

    __tablename__ = "review_years"
    year: Mapped[int] = mapped_column(Integer)
    rule_set_id: Mapped[str] = mapped_column(String(60))
    rule_set_version: Mapped[int] = mapped_column(Integer, default=1)
    rules_json: Mapped[str] = mapped_column(Text)
    opened_on: Mapped[dt.date] = mapped_column()
    summary_status: Mapped[str] = mapped_column(String(20), default="open")  # open | submitted
    summary_submitted_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, default=None)
    # Why the cell proposes more "excellent" ratings than the quota allows (printed in the summary).
    quota_reason: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("uq_review_years_year", "cell_id", "year", unique=True, sqlite_where=text("deleted_at IS NULL")),
    )


class MemberReview(Synced, Base):
    """A member's review for one year: self-review, the cell's assessment, the level decided above."""

    __tablename__ = "member_reviews"
    year_id: Mapped[str] = mapped_column(ForeignKey("review_years.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"), index=True)
    form_type: Mapped[str] = mapped_column(String(40))
    sections: Mapped[str] = mapped_column(Text, default="{}")       # {section key: text}
    scores: Mapped[str] = mapped_column(Text, default="{}")         # {group key: "decimal"}
    grades: Mapped[str] = mapped_column(Text, default="{}")         # {criterion key: grade key}
    conditions: Mapped[str] = mapped_column(Text, default="[]")     # [condition key] confirmed
    disqualifiers: Mapped[str] = mapped_column(Text, default="{}")  # {case key: evidence}
    self_level: Mapped[str | None] = mapped_column(String(10), default=None)
    cell_comment: Mapped[str] = mapped_column(Text, default="")
    cell_level: Mapped[str | None] = mapped_column(String(10), default=None)
    votes_for: Mapped[int | None] = mapped_column(Integer, default=None)
    votes_against: Mapped[int | None] = mapped_column(Integer, default=None)
    votes_abstain: Mapped[int | None] = mapped_column(Integer, default=None)
    decided_level: Mapped[str | None] = mapped_column(String(10), default=None)
    decision_no: Mapped[str] = mapped_column(String(100), default="")
    decision_date: Mapped[dt.date | None] = mapped_column(default=None)
    status: Mapped[str] = mapped_column(String(20), default="draft")  # draft | submitted | decided
    submitted_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, default=None)
    # Count of finalised versions (submission, decision, amendments) in the finalised-documents chain.
    version: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        Index("uq_member_reviews_member_year", "cell_id", "year", "member_id", unique=True,
              sqlite_where=text("deleted_at IS NULL")),
    )


class ReviewCommitment(Synced, Base):
    """A member's registered commitments for a year (đăng ký cam kết tu dưỡng, rèn luyện, phấn đấu)."""

    __tablename__ = "review_commitments"
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    items: Mapped[str] = mapped_column(Text, default="[]")  # [{text, midyear_note, result_note, achieved}]
    registered_on: Mapped[dt.date | None] = mapped_column(default=None)
    midyear_check: Mapped[str] = mapped_column(Text, default="")
    midyear_on: Mapped[dt.date | None] = mapped_column(default=None)
    yearend_result: Mapped[str] = mapped_column(Text, default="")
    yearend_on: Mapped[dt.date | None] = mapped_column(default=None)

    __table_args__ = (
        Index("uq_review_commitments_member_year", "cell_id", "member_id", "year", unique=True,
              sqlite_where=text("deleted_at IS NULL")),
    )


class CollectiveReview(Synced, Base):
    """The cell's own review for a year (báo cáo kiểm điểm tập thể, Mẫu 01) and the level decided above."""

    __tablename__ = "collective_reviews"
    year_id: Mapped[str] = mapped_column(ForeignKey("review_years.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    sections: Mapped[str] = mapped_column(Text, default="{}")
    scores: Mapped[str] = mapped_column(Text, default="{}")
    grades: Mapped[str] = mapped_column(Text, default="{}")
    conditions: Mapped[str] = mapped_column(Text, default="[]")
    disqualifiers: Mapped[str] = mapped_column(Text, default="{}")
    self_level: Mapped[str | None] = mapped_column(String(10), default=None)
    decided_level: Mapped[str | None] = mapped_column(String(10), default=None)
    decision_no: Mapped[str] = mapped_column(String(100), default="")
    decision_date: Mapped[dt.date | None] = mapped_column(default=None)
    status: Mapped[str] = mapped_column(String(20), default="draft")  # draft | submitted | decided
    submitted_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, default=None)
    version: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        Index("uq_collective_reviews_year", "cell_id", "year", unique=True, sqlite_where=text("deleted_at IS NULL")),
    )
