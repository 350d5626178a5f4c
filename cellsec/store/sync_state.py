"""Reading and moving the sync positions (store/models/sync.py) inside the caller's transaction."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .base import utcnow
from .models.core import ChangeLog
from .models.sync import SyncState


def state(session: Session) -> SyncState:
    """The positions as stored, or the starting ones (nothing written: reading the state is not a write)."""
    return session.get(SyncState, 1) or SyncState(id=1, server_url="", server_keys="", device_id="",
                                                   acked_seq=0, pull_cursor=0, last_sync_at=None)


def writable(session: Session) -> SyncState:
    """The state row to change inside the caller's write transaction (made on first use)."""
    row = session.get(SyncState, 1)
    if row is None:
        row = state(session)
        session.add(row)
    return row


def pending_count(session: Session) -> int:
    """Change-log rows not yet acknowledged by the server (what "changes waiting" shows)."""
    return session.scalar(select(func.count()).select_from(ChangeLog).where(ChangeLog.seq > state(session).acked_seq))


def outbox(session: Session, limit: int | None) -> list[ChangeLog]:
    """The next change-log rows to push, oldest first (all of them when `limit` is None)."""
    return list(session.scalars(
        select(ChangeLog).where(ChangeLog.seq > state(session).acked_seq).order_by(ChangeLog.seq).limit(limit)))


def acknowledge(session: Session, seq: int) -> None:
    """The server acknowledged every row up to `seq` (never moves back: a late, older answer is ignored)."""
    row = writable(session)
    row.acked_seq = max(row.acked_seq, seq)
    row.last_sync_at = utcnow()


def advance_cursor(session: Session, cursor: int) -> None:
    """Pulled rows up to the server's `cursor` are applied (call in the same transaction as apply_rows)."""
    row = writable(session)
    row.pull_cursor = max(row.pull_cursor, cursor)
    row.last_sync_at = utcnow()
