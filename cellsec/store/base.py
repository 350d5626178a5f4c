"""Declarative base, the sync-ready mixin every user-data table carries, and the change-log hook.

Every insert or update of a `Synced` row bumps `rev`, stamps `updated_at` and adds a ChangeLog row in the
same flush, so the change log and the data can never disagree: they commit or roll back together.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from decimal import Decimal
from typing import Any

from sqlalchemy import DateTime, ForeignKey, Integer, String, TypeDecorator, event, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, declared_attr, mapped_column

from .ids import new_id


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class UtcDateTime(TypeDecorator):
    """Instants stored as naive UTC in SQLite, returned timezone-aware (UTC)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for a UTC instant")
        return value.astimezone(dt.timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        return None if value is None else value.replace(tzinfo=dt.timezone.utc)


class Base(DeclarativeBase):
    pass


class Synced:
    """Columns of every row of user data: laptop-made UUID, owning cell, times, revision, tombstone."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    rev: Mapped[int] = mapped_column(Integer, default=1)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, default=None)

    @declared_attr
    def cell_id(cls) -> Mapped[str]:
        return mapped_column(String(36), ForeignKey("cells.id"), index=True)


def to_json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def snapshot(obj: Synced) -> dict[str, Any]:
    """The row as JSON-ready column values (what the change log ships and undo restores)."""
    mapper = inspect(obj).mapper
    return {attr.key: to_json_value(getattr(obj, attr.key)) for attr in mapper.column_attrs}


def restore(obj: Synced, data: dict[str, Any]) -> None:
    """Set columns from a snapshot (inverse of `snapshot`), leaving bookkeeping columns to the hook."""
    mapper = inspect(obj).mapper
    for attr in mapper.column_attrs:
        if attr.key in ("id", "rev", "created_at", "updated_at", "cell_id") or attr.key not in data:
            continue
        column_type = attr.columns[0].type
        value = data[attr.key]
        if value is not None:
            python_type = getattr(column_type, "python_type", None) if not isinstance(column_type, TypeDecorator) else dt.datetime
            if python_type is dt.datetime:
                value = dt.datetime.fromisoformat(value)
            elif python_type is dt.date:
                value = dt.date.fromisoformat(value)
        setattr(obj, attr.key, value)


class MutationRequired(RuntimeError):
    """Raised when user data is written outside a service mutation (no audit row to attach it to)."""


APPLY_REMOTE = "apply_remote"  # session.info key: rows come from the server (see store/remote.py)


@event.listens_for(Session, "before_flush")
def _write_change_log(session: Session, flush_context, instances) -> None:
    from .models.core import ChangeLog  # late: models import this module

    if session.info.get(APPLY_REMOTE):
        # Pulled rows keep the rev and times they were given, and write no outbox row: what came from the
        # server is never pushed back. Hard deletes stay refused.
        for obj in session.deleted:
            if isinstance(obj, Synced):
                raise MutationRequired(f"hard delete of {type(obj).__name__} while applying pulled rows")
        return
    now = utcnow()
    entries: list[tuple[Synced, str]] = []
    for obj in session.new:
        if isinstance(obj, Synced):
            _apply_scalar_defaults(obj)
            obj.id = obj.id or new_id()
            obj.created_at = obj.created_at or now
            obj.updated_at = now
            obj.rev = 1
            entries.append((obj, "insert"))
    for obj in session.dirty:
        if isinstance(obj, Synced) and session.is_modified(obj, include_collections=False):
            obj.rev = (obj.rev or 0) + 1
            obj.updated_at = now
            entries.append((obj, "delete" if obj.deleted_at is not None and _tombstoned_now(obj) else "update"))
    for obj in session.deleted:
        if isinstance(obj, Synced):
            raise MutationRequired(f"hard delete of {type(obj).__name__}; user data is tombstoned, never deleted")
    if not entries:
        return
    audit_id = session.info.get("audit_id")
    if audit_id is None:
        raise MutationRequired("user data written outside a service mutation")
    device_id = session.info.get("device_id", "")
    for obj, op in entries:
        session.add(
            ChangeLog(
                audit_id=audit_id,
                entity=obj.__tablename__,
                entity_id=obj.id,
                cell_id=obj.cell_id,
                rev=obj.rev,
                op=op,
                snapshot=json.dumps(snapshot(obj), ensure_ascii=False, sort_keys=True),
                device_id=device_id,
                at=now,
                schema_version=schema_version(),
            )
        )


@functools.cache
def schema_version() -> str:
    """The schema a snapshot follows: the migration heads (one per feature branch), sorted and joined."""
    from .migrate import head_revisions  # late: migrate imports the models

    return "+".join(sorted(head_revisions()))


def _apply_scalar_defaults(obj: Synced) -> None:
    """Fill unset columns with their constant defaults now, not at INSERT time, so the insert's
    change-log snapshot holds the values the row really gets (undo and sync restore from it)."""
    for attr in inspect(obj).mapper.column_attrs:
        default = attr.columns[0].default
        if default is not None and default.is_scalar and getattr(obj, attr.key) is None:
            setattr(obj, attr.key, default.arg)


def _tombstoned_now(obj: Synced) -> bool:
    history = inspect(obj).attrs.deleted_at.history
    return bool(history.added) and history.added[0] is not None
