"""Core tables: the cell, its upper committees (with history), local settings, change log and audit."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base, Synced, UtcDateTime, utcnow


class Cell(Synced, Base):
    """The Party cell this database belongs to. Its id is the `cell_id` of every row, its own included."""

    __tablename__ = "cells"
    name: Mapped[str] = mapped_column(String(200))
    # Used in document numbers: "Số 05-BB/CB".
    abbreviation: Mapped[str] = mapped_column(String(20), default="CB")
    # Printed on the place-and-date line: "Nghệ An, ngày ...".
    place_name: Mapped[str] = mapped_column(String(100), default="")
    secretary_name: Mapped[str] = mapped_column(String(200), default="")
    deputy_name: Mapped[str] = mapped_column(String(200), default="")


class CommitteeName(Synced, Base):
    """The name of a committee above the cell from a given date (structure changed in 2025).

    level 1 = the committee directly above (printed bold-less on line 1 of the header), level 2 = the one
    above that. The name in force on a document's date is the one with the latest valid_from <= that date.
    """

    __tablename__ = "committee_names"
    level: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    valid_from: Mapped[dt.date] = mapped_column()
    note: Mapped[str] = mapped_column(Text, default="")


class CellPreference(Synced, Base):
    """A preference of the cell that changes its documents (the agenda template, the pinned rule version,
    the document layout): cell data, in the change log, the same on every laptop of the cell — unlike
    `Setting`, which stays on this installation. One live row per key; its id is derived from the cell and
    the key (store/preferences.py), so two laptops setting one key offline edit the same record and the
    usual conflict rule applies instead of two rows competing."""

    __tablename__ = "cell_preferences"
    key: Mapped[str] = mapped_column(String(100))
    value: Mapped[str] = mapped_column(Text, default="")


class Setting(Base):
    """Local key/value preferences of this installation (language, device id, window state...)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Audit(Base):
    """One row per user action (service mutation): what was done, in words, and whether it was undone."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    action: Mapped[str] = mapped_column(String(100))
    summary: Mapped[str] = mapped_column(Text, default="")
    device_id: Mapped[str] = mapped_column(String(36), default="")
    undoable: Mapped[bool] = mapped_column(Boolean, default=True)
    undone_by: Mapped[int | None] = mapped_column(ForeignKey("audit_log.id"), default=None)


class ChangeLog(Base):
    """The outbox sync ships: one row per changed entity revision, written in the data's transaction."""

    __tablename__ = "change_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit_log.id"), index=True)
    entity: Mapped[str] = mapped_column(String(100))
    entity_id: Mapped[str] = mapped_column(String(36))
    cell_id: Mapped[str] = mapped_column(String(36))
    rev: Mapped[int] = mapped_column(Integer)
    op: Mapped[str] = mapped_column(String(10))
    snapshot: Mapped[str] = mapped_column(Text)
    device_id: Mapped[str] = mapped_column(String(36), default="")
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    # The schema the snapshot follows (the migration heads), so a receiver on another version can tell.
    schema_version: Mapped[str] = mapped_column(String(200), default="")

    # Undo looks up an entity's previous revision.
    __table_args__ = (Index("ix_change_log_entity", "entity", "entity_id", "seq"),)
