"""Reading one cell's synced records for the committee's pages: live snapshots by type, one record, the
committee's own records about the cell, and the cell's sync history."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .models import Batch, Device, Entity, Op
from .overview import field

Snap = dict[str, Any]


def _snap(value: Any) -> Snap:
    return value if isinstance(value, dict) else json.loads(value)


def records(s: Session, cell_id: str, entity: str, **equal: str) -> list[Snap]:
    """Live snapshots of one type of the cell, optionally where snapshot fields equal the given texts."""
    q = select(Entity.snapshot).where(Entity.cell_id == cell_id, Entity.entity == entity, Entity.deleted.is_(False))
    for name, value in equal.items():
        q = q.where(field(name) == str(value))
    return [_snap(row) for row in s.scalars(q)]


def record(s: Session, cell_id: str, entity: str, entity_id: str) -> Snap | None:
    row = s.get(Entity, (cell_id, entity, entity_id[:36]))
    return None if row is None or row.deleted else _snap(row.snapshot)


def years(s: Session, cell_id: str) -> list[int]:
    """Years that have meetings, newest first."""
    q = (select(field("period_year")).where(Entity.cell_id == cell_id, Entity.entity == "meetings",
                                           Entity.deleted.is_(False)).distinct())
    return sorted({int(y) for y in s.scalars(q) if y and str(y).isdigit()}, reverse=True)


def sync_history(s: Session, cell_id: str, limit: int = 30) -> list[dict[str, Any]]:
    q = (select(Batch, Device.name).outerjoin(Device, Device.id == Batch.device_id)
         .where(Batch.cell_id == cell_id).order_by(Batch.id.desc()).limit(limit))
    return [{"at": b.received_at, "device": name or b.device_id, "applied": b.applied, "duplicates": b.duplicates,
             "conflicts": b.conflicts, "rejected": b.rejected, "seq": (b.seq_first, b.seq_last)}
            for b, name in s.execute(q)]


def devices(s: Session, cell_id: str) -> list[Device]:
    found = list(s.scalars(select(Device).where(Device.cell_id == cell_id).order_by(Device.enrolled_at)))
    for d in found:
        s.expunge(d)
    return found


def committee_writes(s: Session, cell_id: str, limit: int = 30) -> list[dict[str, Any]]:
    """What the committee wrote for this cell, newest first (decisions, recognitions, comments, rubrics...)."""
    q = (select(Op.entity, Op.op, Op.received_at, Op.author, Op.snapshot)
         .where(Op.cell_id == cell_id, Op.device_id.is_(None)).order_by(Op.id.desc()).limit(limit))
    return [{"entity": e, "op": op, "at": at, "author": author, "snapshot": _snap(snap)}
            for e, op, at, author, snap in s.execute(q)]


def entity_counts(s: Session, cell_id: str) -> dict[str, int]:
    q = (select(Entity.entity, func.count()).where(Entity.cell_id == cell_id, Entity.deleted.is_(False))
         .group_by(Entity.entity))
    return dict(s.execute(q).all())
