"""The cell's register of outgoing document numbers (reference §4.5: DocNumber(year, type, seq), unique per
year and type): one row per number given to a report, plan, invitation, list or resolution that is not
numbered by its own table (minutes and meeting resolutions carry theirs). A reprint of the same document
keeps its row, so its number; a number is never given twice in a year and type."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base, Synced


class DocumentNumber(Synced, Base):
    __tablename__ = "document_numbers"

    year: Mapped[int] = mapped_column(Integer)
    doc_type: Mapped[str] = mapped_column(String(10))  # "BC", "KH", "NQ", "GM", "DS" (domain.documents)
    seq: Mapped[int] = mapped_column(Integer)
    number_text: Mapped[str] = mapped_column(String(40))  # as printed, frozen: "Số 09-BC/CB"
    kind: Mapped[str] = mapped_column(String(40))  # which document: "monthly_report", "invitation", ...
    subject: Mapped[str] = mapped_column(String(100), default="")  # what it is about: "2026-10", a meeting id
    title: Mapped[str] = mapped_column(String(300), default="")  # in words, for the list: "Báo cáo tháng 10/2026"
    issued_on: Mapped[dt.date] = mapped_column()

    __table_args__ = (
        Index("uq_document_numbers_seq", "cell_id", "year", "doc_type", "seq", unique=True,
              sqlite_where=text("deleted_at IS NULL")),
        Index("ix_document_numbers_subject", "cell_id", "kind", "subject"),
    )
