"""Push: apply one device's batch of ops in one transaction, with a result per op.

- An op id (device, seq) seen before returns its stored result (status "duplicate"): resending a batch,
  whole or in part, changes nothing.
- An op id seen before with different content means the device's sequence went backwards (an old backup
  restored, a copied folder): the whole batch is refused with a message saying what to do.
- A new op whose base rev equals the server's rev of that record is applied (next feed seq of the cell);
  otherwise it is a conflict and the answer carries the server copy. Nothing is ever merged here: the
  laptop keeps the server copy and makes a conflict copy of its own (SYNC.md, "Pull").
- A device writes only cell-owned types of its own cell; anything else is rejected with a reason.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from cellsec.domain.messages import Msg
from cellsec.sync.protocol.envelope import Manifest
from cellsec.sync.protocol.ops import Op as WireOp
from cellsec.sync.protocol.ownership import owner

from .. import messages as m
from ..errors import ServerError
from .models import Batch, Device, Entity, Op, utcnow
from .records import lock_cell, next_feed_seq

CHUNK = 500


def _reason(code: str, msg: Msg, **params: object) -> dict[str, str]:
    return {"reason": code, "message": msg.vi.format(**params), "message_en": msg.en.format(**params)}


def _wire_digest(op: WireOp) -> str:
    import hashlib
    return hashlib.sha256(op.canonical()).hexdigest()


def apply_batch(session: Session, device_id: str, manifest: Manifest, ops: list[WireOp],
                now: dt.datetime | None = None) -> dict[str, Any]:
    now = now or utcnow()
    device = session.get(Device, device_id)
    cell = lock_cell(session, device.cell_id)
    ops = sorted(ops, key=lambda o: o.seq)
    for a, b in zip(ops, ops[1:]):
        if a.seq == b.seq:
            raise ServerError(400, "bad_batch", m.BAD_BATCH, reason=f"seq {a.seq} ×2")

    seen: dict[int, Op] = {}
    seqs = [o.seq for o in ops]
    for i in range(0, len(seqs), CHUNK):
        for row in session.scalars(select(Op).where(Op.device_id == device.id, Op.seq.in_(seqs[i:i + CHUNK]))):
            seen[row.seq] = row
    digests = {o.seq: _wire_digest(o) for o in ops}
    for op in ops:
        if op.seq in seen and seen[op.seq].digest != digests[op.seq]:
            raise ServerError(409, "seq_backwards", m.SEQ_BACKWARDS, seq=op.seq)

    keys = sorted({(o.entity, o.entity_id) for o in ops if o.seq not in seen})
    current: dict[tuple[str, str], Entity] = {}
    for i in range(0, len(keys), CHUNK):
        query = select(Entity).where(Entity.cell_id == cell.id,
                                     tuple_(Entity.entity, Entity.entity_id).in_(keys[i:i + CHUNK]))
        for row in session.scalars(query):
            current[(row.entity, row.entity_id)] = row

    results: list[dict[str, Any]] = []
    counts = {"applied": 0, "duplicate": 0, "conflict": 0, "rejected": 0}
    for op in ops:
        if op.seq in seen:
            first = seen[op.seq]
            result = {"seq": op.seq, "status": "duplicate", "first_status": first.status, "rev": first.rev}
            counts["duplicate"] += 1
            results.append(result)
            continue
        result: dict[str, Any] = {"seq": op.seq}
        kind = owner(op.entity)
        entity = current.get((op.entity, op.entity_id))
        feed_seq = None
        if kind == "committee":
            result.update(status="rejected", **_reason("committee_owned", m.R_COMMITTEE_OWNED, entity=op.entity))
        elif kind is None:
            result.update(status="rejected", **_reason("unknown_entity", m.R_UNKNOWN_ENTITY, entity=op.entity))
        elif op.cell_id != cell.id or (op.entity == "cells" and op.entity_id != cell.id):
            result.update(status="rejected", **_reason("other_cell", m.R_OTHER_CELL))
        elif entity is not None and entity.owner != "cell":
            result.update(status="rejected", **_reason("committee_owned", m.R_COMMITTEE_OWNED, entity=op.entity))
        elif (entity.rev if entity is not None else 0) != op.base_rev or (entity is not None and op.rev <= entity.rev):
            result.update(status="conflict", **_reason("conflict", m.R_CONFLICT, rev=entity.rev if entity else 0),
                          server={"rev": entity.rev if entity else 0,
                                  "snapshot": entity.snapshot if entity else None,
                                  "deleted": entity.deleted if entity else False})
        else:
            feed_seq = next_feed_seq(cell)
            if entity is None:
                entity = Entity(cell_id=cell.id, entity=op.entity, entity_id=op.entity_id, owner="cell")
                session.add(entity)
                current[(op.entity, op.entity_id)] = entity
            entity.rev = op.rev
            entity.snapshot = op.snapshot
            entity.deleted = op.op == "delete" or op.snapshot.get("deleted_at") is not None
            entity.feed_seq = feed_seq
            entity.origin_device = device.id
            entity.updated_at = now
            result.update(status="applied", rev=op.rev, feed_seq=feed_seq)
        counts[result["status"]] += 1
        results.append(result)
        session.add(Op(device_id=device.id, seq=op.seq, author=f"device:{device.id}", cell_id=op.cell_id,
                       entity=op.entity, entity_id=op.entity_id, rev=op.rev, base_rev=op.base_rev, op=op.op,
                       snapshot=op.snapshot, schema_version=op.schema_version, at=op.at, digest=digests[op.seq],
                       received_at=now, batch_id=manifest.batch_id, status=result["status"],
                       reason=result.get("reason", ""), feed_seq=feed_seq))

    if seqs:
        device.last_seq = max(device.last_seq or 0, seqs[-1])
    device.last_seen = now
    cell.last_sync = now
    session.add(Batch(batch_id=manifest.batch_id, device_id=device.id, cell_id=cell.id, received_at=now,
                      seq_first=manifest.seq_first, seq_last=manifest.seq_last, applied=counts["applied"],
                      duplicates=counts["duplicate"], conflicts=counts["conflict"], rejected=counts["rejected"]))
    return {"batch_id": manifest.batch_id, "results": results, "summary": counts,
            "acknowledged_seq": device.last_seq, "server_seq": cell.feed_seq}
