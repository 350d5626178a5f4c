"""Applying rows that come from elsewhere (the committee server, a transfer file, the cell's other laptop).

`apply_rows` writes each pulled row as it was on its origin: same id, rev, times and tombstone, no change-log
row (the session is in apply-remote mode, store/base.py). Rows go in the tables' dependency order and the
foreign keys are checked at commit (SQLite's deferred checks), so a page of pulled rows may arrive in any
order. A row whose local copy is already at that revision or newer is left alone (a re-delivered page);
deciding conflicts is the caller's job, before it calls this.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .base import APPLY_REMOTE, Base, Synced, restore


@dataclass(frozen=True)
class RemoteRow:
    entity: str  # table name
    entity_id: str
    rev: int
    snapshot: dict[str, Any]


def _table_order() -> dict[str, int]:
    return {table.name: index for index, table in enumerate(Base.metadata.sorted_tables)}


def _existing(session: Session, rows: list[RemoteRow]) -> dict[tuple[str, str], Synced]:
    """The local copies of `rows`, one query per table (a page of a thousand rows, not a thousand gets)."""
    ids: dict[str, set[str]] = {}
    for row in rows:
        ids.setdefault(row.entity, set()).add(row.entity_id)
    found: dict[tuple[str, str], Synced] = {}
    for entity, wanted in ids.items():
        model = model_for_table(entity)
        wanted_list = sorted(wanted)
        for start in range(0, len(wanted_list), 500):  # SQLite's limit on bound parameters
            for obj in session.scalars(select(model).where(model.id.in_(wanted_list[start:start + 500]))):
                found[(entity, obj.id)] = obj
    return found


@functools.cache
def model_for_table(table: str) -> type[Synced]:
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if getattr(cls, "__tablename__", None) == table and issubclass(cls, Synced):
            return cls
    raise KeyError(table)


def hold_dependents(rows: Iterable[RemoteRow], held: set[tuple[str, str]]) -> tuple[list[RemoteRow], set[tuple[str, str]]]:
    """(rows that can be written, every held key): a row pointing by a foreign key at a held row is held
    too (the attendance of held minutes), transitively, so no written row points at a missing one."""
    order = _table_order()
    held = set(held)
    keep: list[RemoteRow] = []
    for row in sorted(rows, key=lambda r: order.get(r.entity, len(order))):
        if (row.entity, row.entity_id) in held:
            continue
        table = model_for_table(row.entity).__table__
        if any((fk.column.table.name, row.snapshot.get(fk.parent.name)) in held for fk in table.foreign_keys):
            held.add((row.entity, row.entity_id))
        else:
            keep.append(row)
    return keep, held


def _orphans(session: Session, rows: list[RemoteRow], held: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """Rows pointing at a record that is neither here nor among the rows written with them (it comes in a
    later page: the feed orders records by their newest revision, so an old member edited last comes last)."""
    coming = {(r.entity, r.entity_id) for r in rows} - held
    wanted: dict[str, set[str]] = {}
    for row in rows:
        for fk in model_for_table(row.entity).__table__.foreign_keys:
            value = row.snapshot.get(fk.parent.name)
            if value is not None and (fk.column.table.name, value) not in coming:
                wanted.setdefault(fk.column.table.name, set()).add(value)
    missing: set[tuple[str, str]] = set()
    for table, ids in wanted.items():
        model = model_for_table(table)
        listed = sorted(ids)
        found: set[str] = set()
        for start in range(0, len(listed), 500):
            found |= set(session.scalars(select(model.id).where(model.id.in_(listed[start:start + 500]))))
        missing |= {(table, i) for i in ids - found}
    return {(r.entity, r.entity_id) for r in rows
            if any((fk.column.table.name, r.snapshot.get(fk.parent.name)) in missing
                   for fk in model_for_table(r.entity).__table__.foreign_keys)}


def apply_rows_holding_clashes(session: Session, rows: list[RemoteRow], held: set[tuple[str, str]],
                               force_keys: Collection[tuple[str, str]] = ()) -> tuple[list[RemoteRow], set, list]:
    """`apply_rows` for a page that may hold a row taken here by another record on a natural key (the same
    CCCD, card number, member and month…): such a row, and the rows pointing at it, are held back instead
    of failing the page. Returns (rows written, every held key, the rows that clashed)."""
    applicable, held = hold_dependents(rows, held | _orphans(session, rows, held))
    try:
        with session.begin_nested():
            return apply_rows(session, applicable, force_keys), held, []
    except IntegrityError:
        pass  # rare: find the clashing rows one by one, each in its own savepoint
    written: list[RemoteRow] = []
    clashed: list[RemoteRow] = []
    order = _table_order()
    for row in sorted(applicable, key=lambda r: order.get(r.entity, len(order))):
        if hold_dependents([row], held)[0]:
            try:
                with session.begin_nested():
                    written += apply_rows(session, [row], force_keys)
                continue
            except IntegrityError:
                clashed.append(row)
        held.add((row.entity, row.entity_id))
    return written, held, clashed


def apply_rows(session: Session, rows: Iterable[RemoteRow],
               force_keys: Collection[tuple[str, str]] = ()) -> list[RemoteRow]:
    """Write `rows` in dependency order inside the caller's transaction; returns the rows written.
    A row whose (entity, id) is in `force_keys` replaces the local copy whatever its revision (the caller
    has kept the local copy as a conflict)."""
    order = _table_order()
    ordered = sorted(rows, key=lambda r: order.get(r.entity, len(order)))
    session.execute(text("PRAGMA defer_foreign_keys = ON"))
    session.info[APPLY_REMOTE] = True
    written: list[RemoteRow] = []
    try:
        existing = _existing(session, ordered)
        for row in ordered:
            model = model_for_table(row.entity)
            obj = existing.get((row.entity, row.entity_id))
            if obj is not None and (obj.rev or 0) >= row.rev and (row.entity, row.entity_id) not in force_keys:
                continue
            if obj is None:
                obj = existing[(row.entity, row.entity_id)] = model(id=row.entity_id)
                session.add(obj)
            restore(obj, row.snapshot)
            obj.rev = row.rev
            obj.cell_id = row.snapshot["cell_id"]
            for key in ("created_at", "updated_at"):
                if row.snapshot.get(key):
                    setattr(obj, key, dt.datetime.fromisoformat(row.snapshot[key]))
            written.append(row)
        session.flush()
    finally:
        session.info.pop(APPLY_REMOTE, None)
    return written
