"""Edits carry the revision they started from; saving over a newer revision is refused (no lost update).

An editor reads a row's `rev` when it loads it (`revision_of`) and passes it back with the save. The save's
mutation — which holds the write lock from its start (Context.mutation) — calls `ensure_revision` before
writing: when another window, process or sync changed the row meanwhile it raises `ChangedMeanwhile`,
naming the columns that changed since the editor's revision (from the change log's snapshot of that
revision), so the user can reload or keep theirs as a new revision (save again with `base_rev=err.current_rev`).

A record the editor opened before it existed (a score sheet, commitments, a resolution not saved yet) has
revision NEW (0): a save from it is refused when the record was created elsewhere meanwhile, and a save from
a real revision is refused when the record was deleted meanwhile (`live_revision` reads 0 again).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.messages import Msg
from ..store.base import snapshot
from ..store.models.core import ChangeLog
from .errors import ServiceError

CHANGED_MEANWHILE = Msg(
    "Dữ liệu này vừa được sửa ở nơi khác (cửa sổ khác, dòng lệnh hoặc đồng bộ) trong lúc đồng chí đang sửa; "
    "phần đồng chí sửa chưa được lưu. Đã thay đổi: {fields}.",
    "This record was changed elsewhere (another window, the command line or a sync) while you were editing; "
    "your edit was not saved. Changed: {fields}.",
)
UNKNOWN_FIELDS = Msg("không rõ trường nào", "unknown fields")
DELETED_MEANWHILE = Msg(
    "Dữ liệu này vừa bị xoá ở nơi khác (cửa sổ khác, dòng lệnh hoặc đồng bộ) trong lúc đồng chí đang sửa; "
    "phần đồng chí sửa chưa được lưu.",
    "This record was deleted elsewhere (another window, the command line or a sync) while you were editing; "
    "your edit was not saved.",
)
NEW = 0  # the revision of a record not created yet

# Columns every save bumps or that only say where a row lives: not "what changed" for the user.
_BOOKKEEPING = frozenset({"rev", "updated_at", "created_at", "cell_id", "id"})


class ChangedMeanwhile(ServiceError):
    """Saving over a newer revision. `fields`: the columns changed since the editor's revision (empty when
    that revision's snapshot is unknown, e.g. it came by sync); `current_rev`: the revision now stored."""

    def __init__(self, fields: list[str], current_rev: int, at: dt.datetime | None,
                 labels: dict[str, Msg] | None = None) -> None:
        self.fields = fields
        self.current_rev = current_rev
        self.at = at
        if current_rev == NEW:  # deleted meanwhile: keeping one's edit saves it as a new record
            super().__init__(DELETED_MEANWHILE)
            return
        names = [labels[f].format() if labels and f in labels else f for f in fields]
        super().__init__(CHANGED_MEANWHILE, fields=", ".join(names) if names else UNKNOWN_FIELDS.format())


def revision_of(s: Session, model: type, row_id: str) -> int | None:
    return s.scalar(select(model.rev).where(model.id == row_id))


def live_revision(row: Any) -> int:
    """The revision an editor starts from: the row's, or NEW when there is no live row (none yet, or deleted)."""
    return NEW if row is None or getattr(row, "deleted_at", None) is not None else row.rev


def changed_since(s: Session, row: Any, base_rev: int) -> tuple[list[str], dt.datetime | None]:
    """The columns of `row` that differ from its snapshot at `base_rev`, and when the latest change was made."""
    rows = s.execute(select(ChangeLog.rev, ChangeLog.snapshot, ChangeLog.at)
                     .where(ChangeLog.entity == row.__tablename__, ChangeLog.entity_id == row.id,
                            ChangeLog.rev >= base_rev)
                     .order_by(ChangeLog.seq)).all()
    at = rows[-1].at if rows else None
    old = next((json.loads(r.snapshot) for r in rows if r.rev == base_rev), None)
    now = snapshot(row)
    if base_rev == NEW:  # created meanwhile: what it was given
        return [k for k in now if k not in _BOOKKEEPING and now[k] not in (None, "", "[]", "{}")], at
    if old is None:
        return [], at
    return [k for k in now if k not in _BOOKKEEPING and old.get(k) != now[k]], at


def ensure_revision(s: Session, row: Any, base_rev: int | None, labels: dict[str, Msg] | None = None) -> None:
    """Inside the save's mutation, before writing: refuse when `row` is no longer at `base_rev` (None: the
    caller does not track revisions, e.g. a script). `row` may be None (no live row: see NEW)."""
    current = live_revision(row)
    if base_rev is None or current == base_rev:
        return
    if current == NEW:
        raise ChangedMeanwhile(["deleted_at"], NEW, getattr(row, "deleted_at", None), labels)
    fields, at = changed_since(s, row, base_rev)
    if base_rev == NEW and labels:  # created meanwhile: what the user would recognise, not where it lives
        fields = [f for f in fields if f in labels]
    raise ChangedMeanwhile(fields, row.rev, at, labels)
