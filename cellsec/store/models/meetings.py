"""Cell meetings: the minutes (one row per revision), frozen attendance, resolutions, autosaved drafts."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base, Synced, UtcDateTime


class Meeting(Synced, Base):
    """A meeting and its minutes. An amendment of approved minutes is a new row naming the row it
    corrects (`amends_id`); approved rows are never edited again.

    `content` holds the whole minutes as JSON (cellsec.domain.meetings.MinutesContent); the columns
    beside it repeat what lists, the year view and numbering query.
    """

    __tablename__ = "meetings"
    kind: Mapped[str] = mapped_column(String(20))  # thuong_ky | chuyen_de | combined | bat_thuong
    held_on: Mapped[dt.date] = mapped_column()
    period_year: Mapped[int] = mapped_column(Integer)
    period_month: Mapped[int] = mapped_column(Integer)
    topic: Mapped[str] = mapped_column(String(500), default="")
    # "HH:MM" text rather than TIME: undo restores rows from JSON snapshots, which round-trip strings.
    start_time: Mapped[str | None] = mapped_column(String(5), default=None)
    end_time: Mapped[str | None] = mapped_column(String(5), default=None)
    location: Mapped[str] = mapped_column(String(300), default="")
    chair_member_id: Mapped[str | None] = mapped_column(ForeignKey("members.id"), default=None)
    secretary_member_id: Mapped[str | None] = mapped_column(ForeignKey("members.id"), default=None)
    content: Mapped[str] = mapped_column(Text, default="{}")
    status: Mapped[str] = mapped_column(String(10), default="draft")  # draft | approved
    number_year: Mapped[int | None] = mapped_column(Integer, default=None)
    number_seq: Mapped[int | None] = mapped_column(Integer, default=None)
    # The number as printed ("Số 07-BB/CB"), frozen at approval: a later change of the cell's
    # abbreviation must not renumber approved minutes.
    number_text: Mapped[str | None] = mapped_column(String(40), default=None)
    approved_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, default=None)
    amends_id: Mapped[str | None] = mapped_column(ForeignKey("meetings.id"), default=None, index=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)  # 1 = original, 2 = first amendment, ...

    __table_args__ = (
        Index("ix_meetings_period", "cell_id", "period_year", "period_month"),
        Index("uq_meetings_number", "cell_id", "number_year", "number_seq", unique=True,
              sqlite_where=text("deleted_at IS NULL AND number_seq IS NOT NULL")),
    )


class MeetingAttendance(Synced, Base):
    """One member's attendance at one meeting, with the member's name and standing frozen at the meeting
    so later registry edits do not rewrite the record."""

    __tablename__ = "meeting_attendance"
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), index=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"), index=True)
    full_name: Mapped[str] = mapped_column(String(200))
    party_status: Mapped[str] = mapped_column(String(20))  # du_bi | chinh_thuc on the meeting date
    list_no: Mapped[int | None] = mapped_column(Integer, default=None)
    # present | absent_with_reason | absent_without_reason | exempt
    status: Mapped[str] = mapped_column(String(30), default="present")
    reason: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("uq_meeting_attendance_member", "meeting_id", "member_id", unique=True,
              sqlite_where=text("deleted_at IS NULL")),
    )


class Resolution(Synced, Base):
    """The resolution (nghị quyết) a meeting adopted, numbered "Số 05-NQ/CB" when issued."""

    __tablename__ = "resolutions"
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), index=True)
    title: Mapped[str] = mapped_column(String(500), default="")  # trích yếu: "về nhiệm vụ tháng 10 năm 2025"
    body: Mapped[str] = mapped_column(Text, default="")
    issued_on: Mapped[dt.date | None] = mapped_column(default=None)
    signer_name: Mapped[str] = mapped_column(String(200), default="")
    signer_role: Mapped[str] = mapped_column(String(50), default="BÍ THƯ")
    recipients: Mapped[str] = mapped_column(Text, default="")  # one per line
    status: Mapped[str] = mapped_column(String(10), default="draft")  # draft | approved (issued)
    number_year: Mapped[int | None] = mapped_column(Integer, default=None)
    number_seq: Mapped[int | None] = mapped_column(Integer, default=None)
    number_text: Mapped[str | None] = mapped_column(String(40), default=None)  # frozen at issue
    approved_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, default=None)
    amends_id: Mapped[str | None] = mapped_column(ForeignKey("resolutions.id"), default=None)

    __table_args__ = (
        Index("uq_resolutions_number", "cell_id", "number_year", "number_seq", unique=True,
              sqlite_where=text("deleted_at IS NULL AND number_seq IS NOT NULL")),
    )


class MinutesAutosave(Base):
    """Crash-recovery copy of the minutes the editor holds, written every few seconds.

    Deliberately not `Synced`: autosaves are not user actions, so they write no audit row and no change-log
    snapshot (a snapshot of the whole minutes every few seconds would grow the outbox by megabytes per
    meeting). The next real save of the meeting folds the copy into the meeting row and deletes it.
    """

    __tablename__ = "minutes_autosaves"
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), primary_key=True)
    content: Mapped[str] = mapped_column(Text)
    base_rev: Mapped[int] = mapped_column(Integer)  # the meeting revision the copy was edited from
    saved_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
