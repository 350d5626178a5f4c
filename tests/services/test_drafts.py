"""Autosaved drafts: kept per editor and record, outside the change log and undo."""

from __future__ import annotations

from sqlalchemy import func, select

from cellsec.store.models.core import ChangeLog


def _log_size(services) -> int:
    with services.ctx.read() as s:
        return s.scalar(select(func.count()).select_from(ChangeLog))


def test_a_draft_comes_back_until_it_is_discarded(services):
    before = _log_size(services)
    services.drafts.save("member_review", "r1", {"sections": {"a": "Tự đánh giá"}}, base_rev=3)
    services.drafts.save("member_review", "r1", {"sections": {"a": "Tự đánh giá lần hai"}}, base_rev=3)
    services.drafts.save("score_sheet", "r1", {"x": 1})

    draft = services.drafts.load("member_review", "r1")
    assert draft.payload == {"sections": {"a": "Tự đánh giá lần hai"}} and draft.base_rev == 3
    assert _log_size(services) == before  # never synced, never undone
    assert services.last_undoable() is None or "nháp" not in services.last_undoable()[1]

    services.drafts.discard("member_review", "r1")
    assert services.drafts.load("member_review", "r1") is None
    assert services.drafts.load("score_sheet", "r1").payload == {"x": 1}
