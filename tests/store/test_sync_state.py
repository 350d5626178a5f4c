"""The outbox watermark and the pull cursor move with what they describe, and never back."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from cellsec.store import sync_state
from cellsec.store.models.core import ChangeLog


def test_waiting_changes_are_those_after_the_acknowledged_seq(demo_services):
    with demo_services.ctx.read() as s:
        total = sync_state.pending_count(s)
        seqs = list(s.scalars(select(ChangeLog.seq).order_by(ChangeLog.seq)))
    assert total == len(seqs) > 100
    with demo_services.ctx.store.sessions.begin() as s:
        sync_state.acknowledge(s, seqs[99])
    with demo_services.ctx.store.sessions.begin() as s:
        sync_state.acknowledge(s, seqs[10])  # a late answer to an older push
        assert sync_state.pending_count(s) == total - 100
        assert [row.seq for row in sync_state.outbox(s, 3)] == seqs[100:103]


def test_a_failed_pull_leaves_the_cursor_where_it_was(services):
    with pytest.raises(RuntimeError):
        with services.ctx.store.sessions.begin() as s:
            sync_state.advance_cursor(s, 42)
            raise RuntimeError("connection cut mid-pull")
    with services.ctx.read() as s:
        assert sync_state.state(s).pull_cursor == 0
