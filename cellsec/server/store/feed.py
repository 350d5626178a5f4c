"""Pull: the cell's records changed since a cursor, one row per record at its newest revision, in feed
order, paged. Rows whose newest revision came from the asking device are skipped (it has them)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from .. import messages as m
from ..errors import ServerError
from .models import Cell, Device, Entity, utcnow

MAX_PAGE = 5000
DEFAULT_PAGE = 1000


def changes_since(session: Session, device_id: str, cursor: int, limit: int = DEFAULT_PAGE,
                  now: dt.datetime | None = None) -> dict[str, Any]:
    limit = max(1, min(limit, MAX_PAGE))
    device = session.get(Device, device_id)
    cell = session.get(Cell, device.cell_id)
    latest = cell.feed_seq  # read first: every row up to it is committed (writers hold the cell lock)
    if cursor > latest:
        raise ServerError(409, "cursor_ahead", m.CURSOR_AHEAD, cursor=cursor, latest=latest)
    rows = list(session.scalars(
        select(Entity)
        .where(Entity.cell_id == cell.id, Entity.feed_seq > cursor, Entity.feed_seq <= latest,
               or_(Entity.origin_device.is_(None), Entity.origin_device != device.id))
        .order_by(Entity.feed_seq).limit(limit)))
    more = len(rows) == limit
    next_cursor = rows[-1].feed_seq if more else latest
    cell.last_sync = now or utcnow()
    return {
        "cell_id": cell.id,
        "changes": [{"seq": r.feed_seq, "entity": r.entity, "entity_id": r.entity_id, "owner": r.owner,
                     "rev": r.rev, "deleted": r.deleted, "snapshot": r.snapshot} for r in rows],
        "cursor": next_cursor, "more": more,
    }
