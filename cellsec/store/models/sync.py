"""The laptop's sync bookkeeping: which committee server it is enrolled with, the outbox watermark (the
last change-log seq the server acknowledged) and the pull cursor (the server's last seq applied here).

Both positions move in the same transaction as what they describe: the watermark with the recorded
acknowledgement, the cursor with the pulled rows, so an interrupted sync resumes exactly.
One row (id 1); not `Synced`: it describes this installation, it is never sent anywhere.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base, UtcDateTime


class SyncState(Base):
    __tablename__ = "sync_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    server_url: Mapped[str] = mapped_column(String(500), default="")
    server_keys: Mapped[str] = mapped_column(Text, default="")  # the server's public keys, pinned at enrolment
    device_id: Mapped[str] = mapped_column(String(36), default="")  # the device identity this store syncs as
    cell_id: Mapped[str] = mapped_column(String(36), default="")  # the enrolled cell (known before its records)
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)  # outbox watermark
    pull_cursor: Mapped[int] = mapped_column(Integer, default=0)
    last_sync_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, default=None)


class SyncConflict(Base):
    """A record edited here and on the cell's other laptop since they last agreed: the server's copy is in
    place, this laptop's copy is kept here, shown side by side on the Đồng bộ page until the secretary
    keeps one of them (or edits a merge). Nothing is overwritten silently."""

    __tablename__ = "sync_conflicts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(100))
    entity_id: Mapped[str] = mapped_column(String(36))
    local_snapshot: Mapped[str] = mapped_column(Text)  # this laptop's version (JSON)
    server_rev: Mapped[int] = mapped_column(Integer)  # the server's revision it lost to
    detected_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, default=None)
    resolution: Mapped[str] = mapped_column(String(20), default="")  # "mine" | "theirs" | "merged"


class CommitteeRecord(Base):
    """A record the committee above the cell owns (a classification decision, a recognition, a published
    rubric or rule set, a guidance document, a comment), as pulled: read-only here, never pushed back."""

    __tablename__ = "committee_records"
    entity: Mapped[str] = mapped_column(String(100), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    rev: Mapped[int] = mapped_column(Integer)
    snapshot: Mapped[str] = mapped_column(Text)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    received_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class SyncBase(Base):
    """The last copy of a record pulled from the server. When the record was edited here since, and on the
    other laptop too, this is the version both started from: fields changed on one side only are merged."""

    __tablename__ = "sync_bases"
    entity: Mapped[str] = mapped_column(String(100), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    rev: Mapped[int] = mapped_column(Integer)
    snapshot: Mapped[str] = mapped_column(Text)
