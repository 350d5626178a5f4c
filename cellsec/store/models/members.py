"""The member registry: members, their party-card numbers over time and their activity-status history."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base, Synced


class Member(Synced, Base):
    __tablename__ = "members"

    full_name: Mapped[str] = mapped_column(String(200))
    # Folded copy of the name (no marks, đ→d, lower case) for accent-insensitive search.
    name_folded: Mapped[str] = mapped_column(String(200), index=True)
    alias: Mapped[str] = mapped_column(String(200), default="")
    date_of_birth: Mapped[dt.date | None] = mapped_column(default=None)
    gender: Mapped[str] = mapped_column(String(10), default="")  # "nam" | "nu"
    cccd: Mapped[str | None] = mapped_column(String(12), default=None)
    phone: Mapped[str] = mapped_column(String(30), default="")
    hometown: Mapped[str] = mapped_column(String(200), default="")
    workplace: Mapped[str] = mapped_column(String(200), default="")
    # Current party card number; earlier numbers are in card_numbers (cards are re-issued, Chỉ thị 51).
    card_no: Mapped[str | None] = mapped_column(String(30), default=None)
    ly_lich_no: Mapped[str] = mapped_column(String(30), default="")
    # Số SĐV: serial number in the cell's member list; the printed register sorts by it.
    list_no: Mapped[int | None] = mapped_column(Integer, default=None)
    admitted_on: Mapped[dt.date | None] = mapped_column(default=None)
    official_on: Mapped[dt.date | None] = mapped_column(default=None)
    status: Mapped[str] = mapped_column(String(20), default="du_bi")  # du_bi | chinh_thuc
    # active | exempt | temporary | transferred_out | removed | deceased
    activity_status: Mapped[str] = mapped_column(String(20), default="active")
    status_from: Mapped[dt.date | None] = mapped_column(default=None)
    status_to: Mapped[dt.date | None] = mapped_column(default=None)
    status_reason: Mapped[str] = mapped_column(Text, default="")
    status_decision: Mapped[str] = mapped_column(String(200), default="")
    # The other organisation: where a temporary member comes from, or where a transferred member went.
    status_org: Mapped[str] = mapped_column(String(200), default="")
    position_party: Mapped[str] = mapped_column(String(200), default="")
    position_government: Mapped[str] = mapped_column(String(200), default="")
    position_mass_org: Mapped[str] = mapped_column(String(200), default="")
    education: Mapped[str] = mapped_column(String(100), default="")
    professional_level: Mapped[str] = mapped_column(String(100), default="")
    political_theory: Mapped[str] = mapped_column(String(50), default="")
    dues_category: Mapped[str] = mapped_column(String(30), default="bhxh_bat_buoc")
    # Integer đồng: the previous month's social-insurance salary, or the pension.
    dues_basis: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        # Uniqueness among live members only: a tombstoned member's numbers may be reused.
        Index("uq_members_cccd", "cell_id", "cccd", unique=True,
              sqlite_where=text("deleted_at IS NULL AND cccd IS NOT NULL")),
        Index("uq_members_card_no", "cell_id", "card_no", unique=True,
              sqlite_where=text("deleted_at IS NULL AND card_no IS NOT NULL")),
        # The list-number check on save and the count of live members, without reading every row.
        Index("ix_members_live_list_no", "cell_id", "list_no", sqlite_where=text("deleted_at IS NULL")),
    )


class CardNumber(Synced, Base):
    """A party card number a member held from a date (history of re-issues)."""

    __tablename__ = "card_numbers"
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"), index=True)
    card_no: Mapped[str] = mapped_column(String(30))
    valid_from: Mapped[dt.date | None] = mapped_column(default=None)
    note: Mapped[str] = mapped_column(Text, default="")


class MemberStatusChange(Synced, Base):
    """Every change of a member's activity status, kept as history (the member row holds the current one)."""

    __tablename__ = "member_status_changes"
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"), index=True)
    activity_status: Mapped[str] = mapped_column(String(20))
    status_from: Mapped[dt.date | None] = mapped_column(default=None)
    status_to: Mapped[dt.date | None] = mapped_column(default=None)
    reason: Mapped[str] = mapped_column(Text, default="")
    decision: Mapped[str] = mapped_column(String(200), default="")
    org: Mapped[str] = mapped_column(String(200), default="")
