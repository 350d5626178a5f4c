"""What services share: `CellScoped`, the base of services whose reads are memoised until the data they
depend on changes."""

from __future__ import annotations

from sqlalchemy import func, select

from ..store.models.core import ChangeLog
from .context import Context


class CellScoped:
    """Base of the scoring-side services: results memoised until the data they depend on changes (every
    mutation writes change-log rows, so change-log sequence numbers are the key)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._memo: dict[object, tuple[int, int, object]] = {}

    @property
    def cell_id(self) -> str:
        return self.ctx.cell_id  # cached by the context, and forgotten there when a backup is restored

    def _data_seq(self, entities: tuple[str, ...] | None) -> int:
        q = select(func.max(ChangeLog.seq))
        if entities:
            q = q.where(ChangeLog.entity.in_(entities))
        with self.ctx.read() as s:
            return s.scalar(q) or 0

    def memo(self, key: object, compute, entities: tuple[str, ...] | None = None):
        """compute() once until a change to `entities` (tables; None = any data) is committed. The newest
        change overall is checked first (a primary-key lookup); only when it moved are the tables asked."""
        newest = self._data_seq(None)
        hit = self._memo.get(key)
        if hit is not None and hit[0] == newest:
            return hit[2]
        seq = self._data_seq(entities) if entities else newest
        if hit is not None and hit[1] == seq:
            self._memo[key] = (newest, seq, hit[2])
            return hit[2]
        value = compute()
        if len(self._memo) > 64:  # keys carry dates; keep the memo small
            self._memo.clear()
        self._memo[key] = (newest, seq, value)
        return value
