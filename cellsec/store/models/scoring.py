"""Scoring: rubrics (versioned criteria sheets), meeting-quality scores and yearly 5-good assessments.

A rubric row holds one version of one rubric as canonical JSON (cellsec.domain.rubrics); scores point
at the exact version they were made with, so a later version never changes an old score. Meetings
live on another migration branch, so `meeting_id` is a plain indexed id, not a foreign key.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base, Synced


class Rubric(Synced, Base):
    __tablename__ = "rubrics"

    # Stable identity across versions ("mac-dinh.sinh-hoat-thuong-ky"); a copy is a new version.
    key: Mapped[str] = mapped_column(String(60))
    version: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(300))
    target: Mapped[str] = mapped_column(String(20))  # meeting | cell_year | member_year
    effective_from: Mapped[dt.date] = mapped_column()
    # Comma-separated meeting types a meeting rubric applies to (empty for yearly rubrics).
    meeting_types: Mapped[str] = mapped_column(String(100), default="")
    definition: Mapped[str] = mapped_column(Text)  # the rubric's canonical JSON object
    origin: Mapped[str] = mapped_column(String(20), default="user")  # default | imported | user
    active: Mapped[bool] = mapped_column(Boolean, default=False)
    unverified: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        Index("uq_rubrics_key_version", "cell_id", "key", "version", unique=True,
              sqlite_where=text("deleted_at IS NULL")),
    )


class MeetingScore(Synced, Base):
    """The quality score of one approved meeting."""

    __tablename__ = "meeting_scores"

    meeting_id: Mapped[str] = mapped_column(String(36), index=True)
    rubric_id: Mapped[str] = mapped_column(ForeignKey("rubrics.id"), index=True)
    # Copied from the meeting so yearly charts need no join across feature branches.
    meeting_date: Mapped[dt.date] = mapped_column()
    meeting_type: Mapped[str] = mapped_column(String(20))
    items: Mapped[str] = mapped_column(Text, default="{}")  # criterion id -> points, measured value, note
    total: Mapped[float] = mapped_column(Float, default=0.0)
    max_points: Mapped[float] = mapped_column(Float, default=0.0)
    band: Mapped[str] = mapped_column(String(100), default="")
    scored_by: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("uq_meeting_scores_meeting", "cell_id", "meeting_id", unique=True,
              sqlite_where=text("deleted_at IS NULL")),
    )


class FiveGoodAssessment(Synced, Base):
    """The yearly "5 tốt" assessment of the cell (member_id NULL) or of one member."""

    __tablename__ = "five_good_assessments"

    subject: Mapped[str] = mapped_column(String(10))  # cell | member
    member_id: Mapped[str | None] = mapped_column(ForeignKey("members.id"), index=True, default=None)
    year: Mapped[int] = mapped_column(Integer)
    rubric_id: Mapped[str] = mapped_column(ForeignKey("rubrics.id"), index=True)
    items: Mapped[str] = mapped_column(Text, default="{}")
    total: Mapped[float] = mapped_column(Float, default=0.0)
    max_points: Mapped[float] = mapped_column(Float, default=0.0)
    band: Mapped[str] = mapped_column(String(100), default="")
    # What the cell proposes to the committee above ("Đề nghị công nhận Chi bộ 5 tốt").
    proposal: Mapped[str] = mapped_column(String(300), default="")
    # What the committee above decided, and by which decision.
    recognized_title: Mapped[str] = mapped_column(String(300), default="")
    decision_no: Mapped[str] = mapped_column(String(100), default="")
    decision_date: Mapped[dt.date | None] = mapped_column(default=None)
    decision_org: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("uq_five_good_cell_year", "cell_id", "year", unique=True,
              sqlite_where=text("deleted_at IS NULL AND member_id IS NULL")),
        Index("uq_five_good_member_year", "cell_id", "member_id", "year", unique=True,
              sqlite_where=text("deleted_at IS NULL AND member_id IS NOT NULL")),
    )
