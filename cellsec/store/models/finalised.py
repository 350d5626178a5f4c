"""Finalised documents: the immutable, hash-chained record of every approved or submitted document."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base, Synced, UtcDateTime


class FinalisedDocument(Synced, Base):
    """One finalised version of a document (approved minutes, an issued resolution, a submitted review).

    `hash` is SHA-256 over the canonical JSON of (kind, entity_id, version, finalised_at, content,
    prev_hash); `prev_hash` is the hash of the previous record (`seq` - 1) of the same device: one chain per
    laptop of the cell, shared by every kind (cellsec.domain.hashchain, cellsec.services.finalise). Two
    laptops finalising while offline append to their own chains, so their records never compete for one
    position; the records of the cell's other laptops arrive by sync with their own chains.
    """

    __tablename__ = "finalised_documents"
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer, default=1)
    content_json: Mapped[str] = mapped_column(Text)
    hash: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    finalised_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    device_id: Mapped[str] = mapped_column(String(36), default="")  # the laptop whose chain holds it

    __table_args__ = (
        Index("uq_finalised_documents_seq", "cell_id", "device_id", "seq", unique=True),
        Index("ix_finalised_documents_entity", "kind", "entity_id"),
    )
