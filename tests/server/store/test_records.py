import datetime as dt

from cellsec.server.store.models import Entity, Op
from cellsec.server.store.records import lock_cell, write_committee_record


def test_committee_record_revisions_take_the_next_feed_seqs(store, make_cell):
    cell_id, _ = make_cell()
    now = dt.datetime.now(dt.timezone.utc)
    with store.transaction() as s:
        cell = lock_cell(s, cell_id)
        write_committee_record(s, cell, "guidance_documents", "g-1", {"title": "A"}, "committee:x", now)
        write_committee_record(s, cell, "guidance_documents", "g-1", {"title": "B"}, "committee:x", now)
        write_committee_record(s, cell, "guidance_documents", "g-1", {"title": "B"}, "committee:x", now, delete=True)
    with store.transaction() as s:
        row = s.get(Entity, (cell_id, "guidance_documents", "g-1"))
        assert (row.rev, row.feed_seq, row.deleted, row.snapshot["title"]) == (3, 3, True, "B")
        assert row.snapshot["deleted_at"] and row.snapshot["cell_id"] == cell_id
        history = s.query(Op).order_by(Op.id).all()
        assert [(o.op, o.rev, o.feed_seq) for o in history] == [("insert", 1, 1), ("update", 2, 2), ("delete", 3, 3)]
        assert lock_cell(s, "nope") is None
