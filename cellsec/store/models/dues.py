"""Party dues: the monthly ledger per member and the cell's own versions of the dues rules."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base, Synced


class DuesPayment(Synced, Base):
    """One member's dues for one month. The basis is kept on the row, so the ledger is the history of
    each member's basis (the registry only holds the current one)."""

    __tablename__ = "dues_payments"

    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"), index=True)
    month: Mapped[dt.date] = mapped_column()  # first day of the month the dues are for
    category: Mapped[str] = mapped_column(String(30))
    basis: Mapped[int] = mapped_column(Integer, default=0)  # đồng: salary, allowance or pension
    basis_month: Mapped[dt.date | None] = mapped_column(default=None)  # which month's salary the basis is
    rules_version: Mapped[str] = mapped_column(String(30), default="")
    amount_due: Mapped[int] = mapped_column(Integer, default=0)
    amount_paid: Mapped[int] = mapped_column(Integer, default=0)
    paid_on: Mapped[dt.date | None] = mapped_column(default=None)
    collector: Mapped[str] = mapped_column(String(200), default="")
    # A valid reason for not paying (not counted toward the 3-month removal ground).
    excused_reason: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("uq_dues_member_month", "cell_id", "member_id", "month", unique=True,
              sqlite_where=text("deleted_at IS NULL")),
    )


class DuesRulesVersion(Synced, Base):
    """The cell's edited copy of one dues-rules version (rounding, share kept, fixed amounts...).
    It replaces the shipped version with the same `version`; tombstoning it restores the shipped one."""

    __tablename__ = "dues_rules_versions"

    version: Mapped[str] = mapped_column(String(30))
    effective_from: Mapped[dt.date] = mapped_column()
    definition: Mapped[str] = mapped_column(Text)  # rule-file JSON (cellsec.domain.dues.rules_to_dict)

    __table_args__ = (
        Index("uq_dues_rules_version", "cell_id", "version", unique=True, sqlite_where=text("deleted_at IS NULL")),
    )
