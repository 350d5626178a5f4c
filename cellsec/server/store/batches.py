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
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import BigInteger, String, Text, any_, bindparam, cast, insert, select, text, update
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from cellsec.domain.messages import Msg
from cellsec.sync.protocol.envelope import Manifest
from cellsec.sync.protocol.ops import Op as WireOp
from cellsec.sync.protocol.ownership import owner

from .. import messages as m
from ..errors import ServerError
from .models import Batch, Cell, Device, Entity, Op, RawJson, SecurityEvent, utcnow
from .records import lock_cell

CHUNK = 500


def _chunks(values: list, postgres: bool) -> list[list]:
    """PostgreSQL takes one array parameter of any length; SQLite gets IN lists of bounded size."""
    if postgres:
        return [values] if values else []
    return [values[i:i + CHUNK] for i in range(0, len(values), CHUNK)]


def _array_literal(values: list) -> str:
    """A PostgreSQL array literal: built here in one join, where psycopg adapts a list element by element.
    Text elements are quoted (an id spelled NULL stays a string)."""
    return "{" + ",".join(str(v) if isinstance(v, int) else
                          '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"' for v in values) + "}"


def _among(column: Any, values: list, kind: Any, postgres: bool) -> Any:
    """`column IN values`. On PostgreSQL as `= ANY(%s)` with one array parameter: the SQL text is the same
    for every batch, so neither SQLAlchemy nor psycopg re-parse a 500-placeholder statement each time."""
    if postgres:
        return column == any_(cast(bindparam("among", value=_array_literal(values), type_=Text), ARRAY(kind)))
    return column.in_(values)


def _insert_many(session: Session, table: Any, columns: tuple[str, ...], rows: list[tuple],
                 postgres: bool) -> None:
    """Bulk insert of rows given in `columns` order: COPY on PostgreSQL (the fastest way in, no per-row
    statement), executemany on SQLite. JSON values come as RawJson text, stored as they are."""
    if not postgres:
        session.execute(insert(table), [dict(zip(columns, row)) for row in rows])
        return
    cursor = session.connection().connection.driver_connection.cursor()
    names = ", ".join(f'"{c}"' for c in columns)
    with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(row)
    cursor.close()


# Encoders made once: json.dumps with options builds a new encoder on every call.
_SNAPSHOT_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
_HEAD_JSON = json.JSONEncoder(ensure_ascii=False)


def _encode(op: WireOp) -> tuple[RawJson, str]:
    """The snapshot's JSON text (stored as is in both tables) and the op's digest, built from that same
    text so each snapshot is encoded once: a resend must match every field, the snapshot included."""
    snapshot = _SNAPSHOT_JSON.encode(op.snapshot)
    head = _HEAD_JSON.encode([op.device_id, op.seq, op.entity, op.entity_id, op.cell_id, op.rev, op.base_rev,
                              op.op, op.at, op.schema_version])
    return RawJson(snapshot), hashlib.sha256(f"{head}\n{snapshot}".encode()).hexdigest()


def _reason(code: str, msg: Msg, **params: object) -> dict[str, str]:
    return {"reason": code, "message": msg.vi.format(**params), "message_en": msg.en.format(**params)}


def _sorted_ops(ops: list[WireOp]) -> list[WireOp]:
    """The ops in seq order; a seq twice in one batch is a malformed batch."""
    ops = sorted(ops, key=lambda o: o.seq)
    for a, b in zip(ops, ops[1:]):
        if a.seq == b.seq:
            raise ServerError(400, "bad_batch", m.BAD_BATCH, reason=f"seq {a.seq} ×2")
    return ops


def _seen_before(session: Session, device_id: str, seqs: list[int], postgres: bool) -> dict[int, Any]:
    """The stored (seq, digest, status, rev) of every op id of this batch the device already sent."""
    seen: dict[int, Any] = {}
    for part in _chunks(seqs, postgres):
        query = select(Op.seq, Op.digest, Op.status, Op.rev).where(Op.device_id == device_id,
                                                                   _among(Op.seq, part, BigInteger, postgres))
        for row in session.execute(query):
            seen[row.seq] = row
    return seen


def _check_not_backwards(ops: list[WireOp], seen: dict[int, Any], digests: dict[int, str]) -> None:
    """An op id sent before with other content: the device's sequence went back, refuse the whole batch."""
    for op in ops:
        if op.seq in seen and seen[op.seq].digest != digests[op.seq]:
            raise ServerError(409, "seq_backwards", m.SEQ_BACKWARDS, seq=op.seq)


# The records a batch touches, by their whole key (an `entity_id = ANY(...)` filter compared each of the
# cell's records with every id of the batch).
_PG_CURRENT = text("SELECT e.entity, e.entity_id, e.rev, e.owner FROM unnest(CAST(:entities AS varchar[]), "
                   "CAST(:ids AS varchar[])) AS k(entity, entity_id) JOIN entities e ON e.cell_id = :cell "
                   "AND e.entity = k.entity AND e.entity_id = k.entity_id")


def _current_records(session: Session, cell_id: str, new_ops: list[WireOp],
                     postgres: bool) -> dict[tuple[str, str], dict[str, Any]]:
    """Current rev and owner of every record the new ops touch: {(entity, id): {rev, owner, stored}}."""
    keys = sorted({(o.entity, o.entity_id) for o in new_ops})
    if postgres:
        rows = session.execute(_PG_CURRENT, {"cell": cell_id, "entities": _array_literal([k[0] for k in keys]),
                                             "ids": _array_literal([k[1] for k in keys])}) if keys else []
        return {(r.entity, r.entity_id): {"rev": r.rev, "owner": r.owner, "stored": True} for r in rows}
    current: dict[tuple[str, str], dict[str, Any]] = {}
    wanted = set(keys)
    for part in _chunks(sorted({entity_id for _, entity_id in keys}), postgres):
        query = select(Entity.entity, Entity.entity_id, Entity.rev, Entity.owner).where(
            Entity.cell_id == cell_id, _among(Entity.entity_id, part, String, postgres))
        for row in session.execute(query):
            if (row.entity, row.entity_id) in wanted:
                current[(row.entity, row.entity_id)] = {"rev": row.rev, "owner": row.owner, "stored": True}
    return current


class _Write(NamedTuple):
    """A record's new state after the last applied op of this batch on it."""

    op: WireOp
    snapshot: RawJson
    feed_seq: int
    stored: bool  # the record was on the server before this batch (update) or not (insert)

    @property
    def deleted(self) -> bool:
        return self.op.op == "delete" or self.op.snapshot.get("deleted_at") is not None


@dataclass
class _Outcome:
    """What classifying a batch's ops produced, in op order."""

    results: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: {"applied": 0, "duplicate": 0, "conflict": 0,
                                                            "rejected": 0})
    op_rows: list[tuple] = field(default_factory=list)  # in _OP_COLUMNS order
    writes: dict[tuple[str, str], _Write] = field(default_factory=dict)  # newest applied state per record
    conflicts: list[tuple[dict[str, Any], tuple[str, str]]] = field(default_factory=list)


def _not_applied(op: WireOp, state: dict[str, Any] | None, cell_id: str) -> dict[str, Any] | None:
    """Status and reason of a new op that is rejected or in conflict; None when it applies."""
    kind = owner(op.entity)
    server_rev = state["rev"] if state else 0
    if kind == "committee" or (state is not None and state["owner"] != "cell"):
        return {"status": "rejected", **_reason("committee_owned", m.R_COMMITTEE_OWNED, entity=op.entity)}
    if kind is None:
        return {"status": "rejected", **_reason("unknown_entity", m.R_UNKNOWN_ENTITY, entity=op.entity)}
    if op.cell_id != cell_id or (op.entity == "cells" and op.entity_id != cell_id):
        return {"status": "rejected", **_reason("other_cell", m.R_OTHER_CELL)}
    if server_rev != op.base_rev or op.rev <= server_rev:
        return {"status": "conflict", **_reason("conflict", m.R_CONFLICT, rev=server_rev)}
    return None


_OP_COLUMNS = ("device_id", "seq", "author", "cell_id", "entity", "entity_id", "rev", "base_rev", "op", "snapshot",
               "schema_version", "at", "digest", "received_at", "batch_id", "status", "reason", "feed_seq")


def _op_row(op: WireOp, device_id: str, batch_id: str, result: dict[str, Any], feed_seq: int | None,
            encoded: tuple[RawJson, str], now: dt.datetime) -> tuple:
    return (device_id, op.seq, f"device:{device_id}", op.cell_id, op.entity, op.entity_id, op.rev, op.base_rev,
            op.op, encoded[0], op.schema_version, op.at, encoded[1], now, batch_id, result["status"],
            result.get("reason", ""), feed_seq)


def _classify(ops: list[WireOp], seen: dict[int, Any], current: dict[tuple[str, str], dict[str, Any]],
              encoded: dict[int, tuple[RawJson, str]], cell: Cell, device_id: str, batch_id: str,
              now: dt.datetime) -> _Outcome:
    """Each op in seq order: duplicate, rejected, conflict or applied. `current` follows the applied ops,
    so a later op of the same batch builds on an earlier one."""
    out = _Outcome()
    feed = cell.feed_seq or 0  # counted here, stored on the cell once (an ORM attribute write per op cost)
    for op in ops:
        if op.seq in seen:
            first = seen[op.seq]
            out.results.append({"seq": op.seq, "status": "duplicate", "first_status": first.status,
                                "rev": first.rev})
            out.counts["duplicate"] += 1
            continue
        result: dict[str, Any] = {"seq": op.seq}
        key = (op.entity, op.entity_id)
        refusal = _not_applied(op, current.get(key), cell.id)
        feed_seq = None
        if refusal is not None:
            result.update(refusal)
            if refusal["status"] == "conflict":
                out.conflicts.append((result, key))
        else:
            feed = feed_seq = feed + 1
            state = current.setdefault(key, {"owner": "cell", "stored": False})
            state["rev"] = op.rev
            out.writes[key] = _Write(op, encoded[op.seq][0], feed_seq, state["stored"])
            result.update(status="applied", rev=op.rev, feed_seq=feed_seq)
        out.counts[result["status"]] += 1
        out.results.append(result)
        out.op_rows.append(_op_row(op, device_id, batch_id, result, feed_seq, encoded[op.seq], now))
    cell.feed_seq = feed
    return out


def _add_server_copies(session: Session, cell_id: str, out: _Outcome) -> None:
    """Each conflict carries the server copy, as stored before this batch (or as this batch left it)."""
    for result, key in out.conflicts:
        if key in out.writes:
            write = out.writes[key]
            result["server"] = {"rev": write.op.rev, "snapshot": write.op.snapshot, "deleted": write.deleted}
        else:
            row = session.get(Entity, (cell_id, *key))
            result["server"] = ({"rev": row.rev, "snapshot": row.snapshot, "deleted": row.deleted} if row
                                else {"rev": 0, "snapshot": None, "deleted": False})


# On PostgreSQL a record's new state is copied from its op's row, just written: one statement for the batch,
# and the snapshot, already parsed into JSONB for the ops table, is not sent and parsed a second time.
_APPLIED = ("FROM unnest(CAST(:seqs AS bigint[]), CAST(:deleted AS boolean[])) AS w(seq, deleted) "
            "JOIN ops o ON o.device_id = :device AND o.seq = w.seq")
_PG_INSERT = text("INSERT INTO entities (cell_id, entity, entity_id, owner, rev, snapshot, deleted, feed_seq, "
                  "origin_device, updated_at) SELECT o.cell_id, o.entity, o.entity_id, 'cell', o.rev, o.snapshot, "
                  f"w.deleted, o.feed_seq, o.device_id, o.received_at {_APPLIED}")
_PG_UPDATE = text("UPDATE entities e SET rev = o.rev, snapshot = o.snapshot, deleted = w.deleted, "
                  f"feed_seq = o.feed_seq, origin_device = o.device_id, updated_at = o.received_at {_APPLIED} "
                  "WHERE e.cell_id = o.cell_id AND e.entity = o.entity AND e.entity_id = o.entity_id")
_STATE = ("rev", "snapshot", "feed_seq", "origin_device", "deleted", "updated_at")


def _write_entities_pg(session: Session, device_id: str, writes: list[_Write]) -> None:
    for statement, part in ((_PG_UPDATE, [w for w in writes if w.stored]),
                            (_PG_INSERT, [w for w in writes if not w.stored])):
        if part:
            session.execute(statement, {
                "device": device_id, "seqs": _array_literal([w.op.seq for w in part]),
                "deleted": "{" + ",".join("t" if w.deleted else "f" for w in part) + "}"})


def _write_entities(session: Session, cell_id: str, device_id: str, writes: list[_Write],
                    now: dt.datetime) -> None:
    """SQLite: stored records updated by an executemany, new ones inserted."""
    def state(w: _Write) -> tuple:
        return (w.op.rev, w.snapshot, w.feed_seq, device_id, w.deleted, now)

    changed = [{"b_entity": w.op.entity, "b_entity_id": w.op.entity_id, **dict(zip(_STATE, state(w)))}
               for w in writes if w.stored]
    if changed:
        table = Entity.__table__
        session.execute(update(table).where(table.c.cell_id == cell_id, table.c.entity == bindparam("b_entity"),
                                            table.c.entity_id == bindparam("b_entity_id"))
                        .values({f: bindparam(f) for f in _STATE}), changed)
    new = [(cell_id, w.op.entity, w.op.entity_id, "cell", *state(w)) for w in writes if not w.stored]
    if new:
        _insert_many(session, Entity.__table__, ("cell_id", "entity", "entity_id", "owner", *_STATE), new, False)


def _write_rows(session: Session, out: _Outcome, cell_id: str, device_id: str, now: dt.datetime,
                postgres: bool) -> None:
    """Every op of the batch into ops; applied states into entities (update stored records, insert new)."""
    if out.op_rows:
        _insert_many(session, Op.__table__, _OP_COLUMNS, out.op_rows, postgres)
    if postgres:
        _write_entities_pg(session, device_id, list(out.writes.values()))
    else:
        _write_entities(session, cell_id, device_id, list(out.writes.values()), now)


def _record_batch(session: Session, device: Device, cell: Cell, manifest: Manifest, seqs: list[int],
                  counts: dict[str, int], now: dt.datetime) -> None:
    """The device's acknowledged seq, last-seen times and the batch's row."""
    if seqs:
        device.last_seq = max(device.last_seq or 0, seqs[-1])
    device.last_seen = now
    cell.last_sync = now
    session.add(Batch(batch_id=manifest.batch_id, device_id=device.id, cell_id=cell.id, received_at=now,
                      seq_first=manifest.seq_first, seq_last=manifest.seq_last, applied=counts["applied"],
                      duplicates=counts["duplicate"], conflicts=counts["conflict"], rejected=counts["rejected"]))


def _check_chain(session: Session, cell_id: str, device_id: str, chain: dict[str, Any] | None,
                 now: dt.datetime) -> str | None:
    """Compare the head of the laptop's finalised chain with the chain records it sent before: fewer of them
    than the server holds means records were deleted on the laptop, another hash at the head's position
    means the chain was recomputed. Logged for the committee (`events list`); the batch itself is kept.
    Reads only the position and hash of that laptop's chain records, not their snapshots (whole documents)."""
    if not chain:
        return None
    rows = session.execute(select(Entity.snapshot["seq"], Entity.snapshot["hash"]).where(
        Entity.cell_id == cell_id, Entity.entity == "finalised_documents", Entity.deleted.is_(False),
        Entity.snapshot["device_id"].as_string() == chain["device"]))
    mine = {seq: digest for seq, digest in rows if isinstance(seq, int) and not isinstance(seq, bool)}
    problem = None
    if mine and max(mine) > chain["count"]:
        problem = "chain_truncated"
    elif chain["count"] in mine and mine[chain["count"]] != chain["head"]:
        problem = "chain_rewritten"
    if problem:
        session.add(SecurityEvent(kind=problem, device_id=device_id, cell_id=cell_id, client="push", at=now,
                                  detail=f"chain {chain['device']}: count {chain['count']}, server has {max(mine)}"))
    return problem


def apply_batch(session: Session, device_id: str, manifest: Manifest, ops: list[WireOp],
                now: dt.datetime | None = None) -> dict[str, Any]:
    """Apply a verified batch of `device_id` (rows are written with bulk statements, not ORM objects:
    a cell-year is thousands of ops and this is the server's hot path)."""
    now = now or utcnow()
    device = session.get(Device, device_id)
    cell = lock_cell(session, device.cell_id)
    # Read again under the cell lock: a concurrent push of the same device (a retry) may have moved
    # last_seq since the first read, and max() in _record_batch must not bring it back.
    session.refresh(device)
    ops = _sorted_ops(ops)
    seqs = [o.seq for o in ops]
    postgres = session.get_bind().dialect.name == "postgresql"

    seen = _seen_before(session, device.id, seqs, postgres)
    encoded = {o.seq: _encode(o) for o in ops}
    _check_not_backwards(ops, seen, {seq: digest for seq, (_, digest) in encoded.items()})
    current = _current_records(session, cell.id, [o for o in ops if o.seq not in seen], postgres)

    out = _classify(ops, seen, current, encoded, cell, device.id, manifest.batch_id, now)
    _add_server_copies(session, cell.id, out)
    _write_rows(session, out, cell.id, device.id, now, postgres)
    _record_batch(session, device, cell, manifest, seqs, out.counts, now)
    answer = {"batch_id": manifest.batch_id, "results": out.results, "summary": out.counts,
              "acknowledged_seq": device.last_seq, "server_seq": cell.feed_seq}
    chain = _check_chain(session, cell.id, device.id, manifest.chain, now)
    return answer | ({"chain": chain} if chain else {})
