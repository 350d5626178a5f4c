"""Writing one record of a cell on the server side: the cell row lock, the feed seq and the history op.

Used for committee-owned records (decisions, recognitions, rubrics...) and by pushes; every write of an
entity goes through `lock_cell` first, so a cell's feed seqs commit in order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import Cell, Entity, Op


def lock_cell(session: Session, cell_id: str) -> Cell | None:
    """The cell row, locked until the transaction ends (PostgreSQL; SQLite transactions are serial)."""
    query = select(Cell).where(Cell.id == cell_id).with_for_update().execution_options(populate_existing=True)
    return session.scalars(query).one_or_none()


def next_feed_seq(cell: Cell) -> int:
    cell.feed_seq = (cell.feed_seq or 0) + 1
    return cell.feed_seq


def digest(data: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
                          ).hexdigest()


def write_committee_record(session: Session, cell: Cell, entity: str, entity_id: str, fields: dict[str, Any],
                           author: str, now: dt.datetime, delete: bool = False) -> Entity:
    """Create or update a committee-owned record of `cell` (caller holds the cell lock)."""
    current = session.get(Entity, (cell.id, entity, entity_id))
    rev = (current.rev + 1) if current is not None else 1
    created = current.snapshot.get("created_at") if current is not None else now.isoformat()
    snapshot = {
        **fields, "id": entity_id, "cell_id": cell.id, "rev": rev, "created_at": created,
        "updated_at": now.isoformat(), "deleted_at": now.isoformat() if delete else None,
    }
    seq = next_feed_seq(cell)
    if current is None:
        current = Entity(cell_id=cell.id, entity=entity, entity_id=entity_id, owner="committee")
        session.add(current)
    current.rev = rev
    current.snapshot = snapshot
    current.deleted = delete
    current.feed_seq = seq
    current.origin_device = None
    current.updated_at = now
    op = "delete" if delete else ("insert" if rev == 1 else "update")
    session.add(Op(device_id=None, seq=None, author=author, cell_id=cell.id, entity=entity, entity_id=entity_id,
                   rev=rev, base_rev=rev - 1, op=op, snapshot=snapshot, at=now.isoformat(),
                   digest=digest(snapshot), received_at=now, status="applied", feed_seq=seq))
    return current
