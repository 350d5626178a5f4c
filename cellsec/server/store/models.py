"""Server tables. Every row of cell data is keyed by cell id, so a large deployment can partition by it.

- `entities`: the latest snapshot of each record per cell (JSONB on PostgreSQL, JSON on SQLite) with the
  cell-local feed seq of its latest change; "changes since cursor" reads this table (one row per record,
  newest revision only, like CouchDB's `_changes`), so a new laptop downloads state, not history.
- `ops`: every op ever received (history) with its result, unique by op id (device id, seq); committee
  writes are ops too (no device, author "committee:<id>").
- `cells.feed_seq`: the cell's change counter. A push or committee write locks the cell row, so feed seqs
  commit in order and a pull cursor never skips a row committed late.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import (
    JSON, BigInteger, Boolean, DateTime, ForeignKey, Index, Integer, String, Text, TypeDecorator, UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class UtcDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on both databases (SQLite keeps no zone of its own)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(dt.timezone.utc) if value is not None else None

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=dt.timezone.utc)
        return value


JsonDoc = JSON().with_variant(JSONB(), "postgresql")


class RawJson(str):
    """JSON text already encoded: bound as is (a pushed snapshot goes to two tables, encoded once)."""


def json_serializer(value: Any) -> str:
    """The engines' JSON encoder (`create_engine(json_serializer=...)`)."""
    return value if isinstance(value, RawJson) else json.dumps(value, ensure_ascii=False)
# SQLite only has 64-bit integers in INTEGER PRIMARY KEY (rowid) columns.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JsonDoc}


class ServerIdentity(Base):
    """The server's own key pair (one row): devices pin its public keys at enrolment."""

    __tablename__ = "server_identity"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    keys: Mapped[str] = mapped_column(Text)  # KeyPair JSON (private keys)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)


class Committee(Base):
    __tablename__ = "committees"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)


class Cell(Base):
    __tablename__ = "cells"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    committee_id: Mapped[str] = mapped_column(ForeignKey("committees.id"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    feed_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    last_sync: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, default=None)


class EnrollmentCode(Base):
    """A one-time code; only its SHA-256 is kept, so a database leak gives no usable code."""

    __tablename__ = "enrollment_codes"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    cell_id: Mapped[str] = mapped_column(ForeignKey("cells.id"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    used_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, default=None)
    used_by: Mapped[str | None] = mapped_column(String(36), default=None)


class EnrollmentFailure(Base):
    """A wrong code tried from a client address (rate limiting is shared by all workers through this table)."""

    __tablename__ = "enrollment_failures"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    client: Mapped[str] = mapped_column(String(100))
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    __table_args__ = (Index("ix_enrollment_failures_client_at", "client", "at"),)


class Device(Base):
    __tablename__ = "devices"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # made by the laptop
    cell_id: Mapped[str] = mapped_column(ForeignKey("cells.id"), index=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    sign_public: Mapped[str] = mapped_column(String(64))
    box_public: Mapped[str] = mapped_column(String(64))
    app_version: Mapped[str] = mapped_column(String(40), default="")
    enrolled_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, default=None)
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    last_seen: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, default=None)


class Nonce(Base):
    """Request nonces seen per device within the time window (a second use is a replay)."""

    __tablename__ = "request_nonces"
    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    nonce: Mapped[str] = mapped_column(String(64), primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)


class Batch(Base):
    """One received push (history; a batch id seen again is a resend)."""

    __tablename__ = "batches"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    batch_id: Mapped[str] = mapped_column(String(64), index=True)
    device_id: Mapped[str] = mapped_column(String(36), index=True)
    cell_id: Mapped[str] = mapped_column(String(36), index=True)
    received_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    seq_first: Mapped[int | None] = mapped_column(BigInteger, default=None)
    seq_last: Mapped[int | None] = mapped_column(BigInteger, default=None)
    applied: Mapped[int] = mapped_column(Integer, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)


class Op(Base):
    __tablename__ = "ops"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    device_id: Mapped[str | None] = mapped_column(String(36), default=None)
    seq: Mapped[int | None] = mapped_column(BigInteger, default=None)
    author: Mapped[str] = mapped_column(String(80), default="")
    cell_id: Mapped[str] = mapped_column(String(36))
    entity: Mapped[str] = mapped_column(String(100))
    entity_id: Mapped[str] = mapped_column(String(36))
    rev: Mapped[int] = mapped_column(Integer)
    base_rev: Mapped[int] = mapped_column(Integer)
    op: Mapped[str] = mapped_column(String(10))
    snapshot: Mapped[dict[str, Any]] = mapped_column(JsonDoc)
    schema_version: Mapped[str] = mapped_column(Text, default="")  # the laptop's heads joined: grows
    at: Mapped[str] = mapped_column(String(40), default="")  # the sender's time, as sent
    digest: Mapped[str] = mapped_column(String(64))  # SHA-256 of the op's canonical bytes
    received_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    batch_id: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[str] = mapped_column(String(12))  # applied | conflict | rejected
    reason: Mapped[str] = mapped_column(String(40), default="")
    feed_seq: Mapped[int | None] = mapped_column(BigInteger, default=None)

    __table_args__ = (
        UniqueConstraint("device_id", "seq", name="uq_ops_device_seq"),
        Index("ix_ops_cell_entity", "cell_id", "entity", "entity_id"),
    )


class Entity(Base):
    __tablename__ = "entities"
    cell_id: Mapped[str] = mapped_column(ForeignKey("cells.id"), primary_key=True)
    entity: Mapped[str] = mapped_column(String(100), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    owner: Mapped[str] = mapped_column(String(10))  # cell | committee
    rev: Mapped[int] = mapped_column(Integer)
    snapshot: Mapped[dict[str, Any]] = mapped_column(JsonDoc)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    feed_seq: Mapped[int] = mapped_column(BigInteger)
    origin_device: Mapped[str | None] = mapped_column(String(36), default=None)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    __table_args__ = (Index("uq_entities_cell_feed", "cell_id", "feed_seq", unique=True),)


class CommitteeRecord(Base):
    """A committee-wide record (rubric, rule set, guidance) that every cell of the committee receives,
    including cells created after it was published."""

    __tablename__ = "committee_records"
    committee_id: Mapped[str] = mapped_column(ForeignKey("committees.id"), primary_key=True)
    entity: Mapped[str] = mapped_column(String(100), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    rev: Mapped[int] = mapped_column(Integer)
    snapshot: Mapped[dict[str, Any]] = mapped_column(JsonDoc)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)


class SecurityEvent(Base):
    """A refused request worth an officer's attention (other cell, replay, bad signature, revoked...)."""

    __tablename__ = "security_events"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)
    kind: Mapped[str] = mapped_column(String(40))
    device_id: Mapped[str] = mapped_column(String(36), default="")
    cell_id: Mapped[str] = mapped_column(String(36), default="")
    client: Mapped[str] = mapped_column(String(100), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
