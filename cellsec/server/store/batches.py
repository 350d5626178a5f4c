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
import hashlib
import json
from typing import Any

from sqlalchemy import JSON, BigInteger, String, any_, bindparam, insert, select, update
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from cellsec.domain.messages import Msg
from cellsec.sync.protocol.envelope import Manifest
from cellsec.sync.protocol.ops import Op as WireOp
from cellsec.sync.protocol.ownership import owner

from .. import messages as m
from ..errors import ServerError
from .models import Batch, Device, Entity, Op, RawJson, json_serializer, utcnow
from .records import lock_cell, next_feed_seq

CHUNK = 500


def _chunks(values: list, postgres: bool) -> list[list]:
    """PostgreSQL takes one array parameter of any length; SQLite gets IN lists of bounded size."""
    if postgres:
        return [values] if values else []
    return [values[i:i + CHUNK] for i in range(0, len(values), CHUNK)]


def _among(column: Any, values: list, kind: Any, postgres: bool) -> Any:
    """`column IN values`. On PostgreSQL as `= ANY(%s)` with one array parameter: the SQL text is the same
    for every batch, so neither SQLAlchemy nor psycopg re-parse a 500-placeholder statement each time."""
    if postgres:
        return column == any_(bindparam("among", value=values, type_=ARRAY(kind)))
    return column.in_(values)


def _insert_many(session: Session, table: Any, rows: list[dict[str, Any]], postgres: bool) -> None:
    """Bulk insert: COPY on PostgreSQL (the fastest way in, no per-row statement), executemany on SQLite."""
    if not postgres:
        session.execute(insert(table), rows)
        return
    columns = list(rows[0])
    json_columns = {c.name for c in table.columns if isinstance(c.type, JSON)}
    cursor = session.connection().connection.driver_connection.cursor()
    names = ", ".join(f'"{c}"' for c in columns)
    with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row([json_serializer(row[c]) if c in json_columns and row[c] is not None else row[c]
                            for c in columns])
    cursor.close()


def _encode(op: WireOp) -> tuple[RawJson, str]:
    """The snapshot's JSON text (stored as is in both tables) and the op's digest, built from that same
    text so each snapshot is encoded once: a resend must match every field, the snapshot included."""
    snapshot = json.dumps(op.snapshot, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    head = json.dumps([op.device_id, op.seq, op.entity, op.entity_id, op.cell_id, op.rev, op.base_rev, op.op,
                       op.at, op.schema_version], ensure_ascii=False)
    return RawJson(snapshot), hashlib.sha256(f"{head}\n{snapshot}".encode()).hexdigest()


def _reason(code: str, msg: Msg, **params: object) -> dict[str, str]:
    return {"reason": code, "message": msg.vi.format(**params), "message_en": msg.en.format(**params)}


def apply_batch(session: Session, device_id: str, manifest: Manifest, ops: list[WireOp],
                now: dt.datetime | None = None) -> dict[str, Any]:
    """Apply a verified batch of `device_id` (rows are written with bulk statements, not ORM objects:
    a cell-year is thousands of ops and this is the server's hot path)."""
    now = now or utcnow()
    device = session.get(Device, device_id)
    cell = lock_cell(session, device.cell_id)
    # Read again under the cell lock: a concurrent push of the same device (a retry) may have moved
    # last_seq since the first read, and max() below must not bring it back.
    session.refresh(device)
    ops = sorted(ops, key=lambda o: o.seq)
    for a, b in zip(ops, ops[1:]):
        if a.seq == b.seq:
            raise ServerError(400, "bad_batch", m.BAD_BATCH, reason=f"seq {a.seq} ×2")

    seqs = [o.seq for o in ops]
    postgres = session.get_bind().dialect.name == "postgresql"
    seen: dict[int, Any] = {}
    for part in _chunks(seqs, postgres):
        query = select(Op.seq, Op.digest, Op.status, Op.rev).where(Op.device_id == device.id,
                                                                   _among(Op.seq, part, BigInteger, postgres))
        for row in session.execute(query):
            seen[row.seq] = row
    encoded = {o.seq: _encode(o) for o in ops}
    digests = {seq: digest for seq, (_, digest) in encoded.items()}
    for op in ops:
        if op.seq in seen and seen[op.seq].digest != digests[op.seq]:
            raise ServerError(409, "seq_backwards", m.SEQ_BACKWARDS, seq=op.seq)

    # Current rev and owner of every record the new ops touch: (rev, owner, deleted, stored?).
    keys = sorted({(o.entity, o.entity_id) for o in ops if o.seq not in seen})
    current: dict[tuple[str, str], dict[str, Any]] = {}
    wanted = set(keys)
    for part in _chunks(sorted({entity_id for _, entity_id in keys}), postgres):
        query = select(Entity.entity, Entity.entity_id, Entity.rev, Entity.owner).where(
            Entity.cell_id == cell.id, _among(Entity.entity_id, part, String, postgres))
        for row in session.execute(query):
            if (row.entity, row.entity_id) in wanted:
                current[(row.entity, row.entity_id)] = {"rev": row.rev, "owner": row.owner, "stored": True}

    results: list[dict[str, Any]] = []
    counts = {"applied": 0, "duplicate": 0, "conflict": 0, "rejected": 0}
    op_rows: list[dict[str, Any]] = []
    writes: dict[tuple[str, str], dict[str, Any]] = {}  # newest applied state per record
    conflicts: list[tuple[dict[str, Any], tuple[str, str]]] = []
    for op in ops:
        if op.seq in seen:
            first = seen[op.seq]
            results.append({"seq": op.seq, "status": "duplicate", "first_status": first.status, "rev": first.rev})
            counts["duplicate"] += 1
            continue
        result: dict[str, Any] = {"seq": op.seq}
        key = (op.entity, op.entity_id)
        kind = owner(op.entity)
        state = current.get(key)
        server_rev = state["rev"] if state else 0
        feed_seq = None
        if kind == "committee" or (state is not None and state["owner"] != "cell"):
            result.update(status="rejected", **_reason("committee_owned", m.R_COMMITTEE_OWNED, entity=op.entity))
        elif kind is None:
            result.update(status="rejected", **_reason("unknown_entity", m.R_UNKNOWN_ENTITY, entity=op.entity))
        elif op.cell_id != cell.id or (op.entity == "cells" and op.entity_id != cell.id):
            result.update(status="rejected", **_reason("other_cell", m.R_OTHER_CELL))
        elif server_rev != op.base_rev or op.rev <= server_rev:
            result.update(status="conflict", **_reason("conflict", m.R_CONFLICT, rev=server_rev))
            conflicts.append((result, key))
        else:
            feed_seq = next_feed_seq(cell)
            if state is None:
                state = current[key] = {"owner": "cell", "stored": False}
            state["rev"] = op.rev
            raw = encoded[op.seq][0]
            writes[key] = {
                "b_cell_id": cell.id, "b_entity": op.entity, "b_entity_id": op.entity_id, "owner": "cell",
                "rev": op.rev, "snapshot": raw, "feed_seq": feed_seq, "origin_device": device.id,
                "deleted": op.op == "delete" or op.snapshot.get("deleted_at") is not None, "updated_at": now,
                "stored": state["stored"], "object": op.snapshot,
            }
            result.update(status="applied", rev=op.rev, feed_seq=feed_seq)
        counts[result["status"]] += 1
        results.append(result)
        op_rows.append({
            "device_id": device.id, "seq": op.seq, "author": f"device:{device.id}", "cell_id": op.cell_id,
            "entity": op.entity, "entity_id": op.entity_id, "rev": op.rev, "base_rev": op.base_rev, "op": op.op,
            "snapshot": raw if feed_seq is not None else op.snapshot, "schema_version": op.schema_version, "at": op.at, "digest": digests[op.seq],
            "received_at": now, "batch_id": manifest.batch_id, "status": result["status"],
            "reason": result.get("reason", ""), "feed_seq": feed_seq,
        })

    for result, key in conflicts:  # the server copy, as stored before this batch (or as this batch left it)
        if key in writes:
            result["server"] = {"rev": writes[key]["rev"], "snapshot": writes[key]["object"],
                                "deleted": writes[key]["deleted"]}
        else:
            row = session.get(Entity, (cell.id, *key))
            result["server"] = ({"rev": row.rev, "snapshot": row.snapshot, "deleted": row.deleted} if row
                                else {"rev": 0, "snapshot": None, "deleted": False})

    if op_rows:
        _insert_many(session, Op.__table__, op_rows, postgres)
    fields = ("owner", "rev", "snapshot", "feed_seq", "origin_device", "deleted", "updated_at")
    new_rows = [{"cell_id": w["b_cell_id"], "entity": w["b_entity"], "entity_id": w["b_entity_id"],
                 **{f: w[f] for f in fields}} for w in writes.values() if not w["stored"]]
    changed = [w for w in writes.values() if w["stored"]]
    if changed:
        table = Entity.__table__  # Core executemany (the ORM form would be a bulk update by primary key)
        session.execute(
            update(table).where(table.c.cell_id == bindparam("b_cell_id"), table.c.entity == bindparam("b_entity"),
                                table.c.entity_id == bindparam("b_entity_id"))
            .values({f: bindparam(f) for f in fields if f != "owner"}),
            [{k: v for k, v in w.items() if k not in ("stored", "owner", "object")} for w in changed])
    if new_rows:
        _insert_many(session, Entity.__table__, new_rows, postgres)

    if seqs:
        device.last_seq = max(device.last_seq or 0, seqs[-1])
    device.last_seen = now
    cell.last_sync = now
    session.add(Batch(batch_id=manifest.batch_id, device_id=device.id, cell_id=cell.id, received_at=now,
                      seq_first=manifest.seq_first, seq_last=manifest.seq_last, applied=counts["applied"],
                      duplicates=counts["duplicate"], conflicts=counts["conflict"], rejected=counts["rejected"]))
    return {"batch_id": manifest.batch_id, "results": results, "summary": counts,
            "acknowledged_seq": device.last_seq, "server_seq": cell.feed_seq}
