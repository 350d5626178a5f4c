import json

import pytest
from sqlalchemy import func, select

from cellsec.server.errors import ServerError
from cellsec.server.store.models import Batch, Cell, Device, Entity, Op

from .outbox import apply, manifest


def state(store):
    with store.transaction() as s:
        entities = sorted((e.entity, e.entity_id, e.rev, json.dumps(e.snapshot, sort_keys=True), e.feed_seq)
                          for e in s.scalars(select(Entity)))
        return (entities, s.scalar(select(func.count()).select_from(Op)),
                [c.feed_seq for c in s.scalars(select(Cell))], [d.last_seq for d in s.scalars(select(Device))])


def test_new_ops_are_applied_in_order_with_feed_seqs(store, laptops):
    cell_id, a, _ = laptops
    member = a.op(full_name="Trần Thị Bình")
    update = a.op(entity_id=member.entity_id, full_name="Trần Thị Bình", phone="0912")
    answer = apply(store, a.device_id, [update, member])  # any order in the batch: applied by seq
    assert [r["status"] for r in answer["results"]] == ["applied", "applied"]
    assert [r["feed_seq"] for r in answer["results"]] == [1, 2]
    assert answer["acknowledged_seq"] == 2 and answer["server_seq"] == 2
    with store.transaction() as s:
        row = s.get(Entity, (cell_id, "members", member.entity_id))
        assert row.rev == 2 and row.snapshot["phone"] == "0912" and row.origin_device == a.device_id
        assert s.get(Cell, cell_id).last_sync is not None


def test_same_batch_twice_changes_nothing(store, laptops):
    _, a, _ = laptops
    ops = [a.op(full_name=f"Đảng viên {i}") for i in range(20)]
    first = apply(store, a.device_id, ops, batch_id="b-1")
    before = state(store)
    again = apply(store, a.device_id, ops, batch_id="b-1")
    assert state(store) == before
    assert {r["status"] for r in again["results"]} == {"duplicate"}
    assert {r["first_status"] for r in again["results"]} == {"applied"}
    assert again["summary"] == {"applied": 0, "duplicate": 20, "conflict": 0, "rejected": 0}
    assert first["summary"]["applied"] == 20
    with store.transaction() as s:
        assert s.query(Batch).count() == 2  # both deliveries are in the history


def test_batch_delivered_out_of_order_still_applies(store, laptops):
    cell_id, a, _ = laptops
    early = [a.op(full_name="A"), a.op(full_name="B")]
    late = [a.op(full_name="C")]
    apply(store, a.device_id, late)
    answer = apply(store, a.device_id, early)
    assert [r["status"] for r in answer["results"]] == ["applied", "applied"]
    with store.transaction() as s:
        assert s.query(Entity).filter(Entity.cell_id == cell_id).count() == 3
        assert s.get(Device, a.device_id).last_seq == 3


def test_two_laptops_editing_one_record_conflict_with_the_server_copy(store, laptops):
    cell_id, a, b = laptops
    created = a.op(full_name="Lê Văn Cường")
    apply(store, a.device_id, [created])
    b.revs[("members", created.entity_id)] = 1  # b pulled rev 1
    edit_a = a.op(entity_id=created.entity_id, full_name="Lê Văn Cường", phone="111")
    edit_b = b.op(entity_id=created.entity_id, full_name="Lê Văn Cường", phone="222")
    assert apply(store, a.device_id, [edit_a])["results"][0]["status"] == "applied"
    result = apply(store, b.device_id, [edit_b])["results"][0]
    assert result["status"] == "conflict"
    assert result["server"]["rev"] == 2 and result["server"]["snapshot"]["phone"] == "111"
    assert "máy khác" in result["message"]
    with store.transaction() as s:
        assert s.get(Entity, (cell_id, "members", created.entity_id)).snapshot["phone"] == "111"
        stored = s.scalars(select(Op).where(Op.device_id == b.device_id)).one()
        assert stored.status == "conflict" and stored.snapshot["phone"] == "222"  # kept in the history
    resend = apply(store, b.device_id, [edit_b])["results"][0]
    assert (resend["status"], resend["first_status"]) == ("duplicate", "conflict")


def test_committee_owned_unknown_and_foreign_records_are_rejected(store, laptops, make_cell):
    cell_id, a, _ = laptops
    other_cell, _ = make_cell("Chi bộ khác")
    ops = [a.op("classification_decisions", level="htxs"), a.op("minutes_autosaves"),
           a.op("cells", entity_id=other_cell), a.op("members", full_name="Hợp lệ")]
    answer = apply(store, a.device_id, ops)
    assert [(r["status"], r.get("reason")) for r in answer["results"]] == [
        ("rejected", "committee_owned"), ("rejected", "unknown_entity"), ("rejected", "other_cell"),
        ("applied", None)]
    assert "cấp ủy cấp trên" in answer["results"][0]["message"]
    assert "committee" in answer["results"][0]["message_en"]


def test_seq_going_backwards_refuses_the_whole_batch(store, laptops):
    cell_id, a, _ = laptops
    apply(store, a.device_id, [a.op(full_name="X"), a.op(full_name="Y")])
    a.seq = 1  # an old backup restored: seq 2 is reused for a different change
    reused = [a.op(full_name="Z (sau khi khôi phục)"), a.op(full_name="W")]
    before = state(store)
    with pytest.raises(ServerError) as err:
        apply(store, a.device_id, reused)
    assert err.value.code == "seq_backwards" and err.value.status == 409
    assert "số 2" in str(err.value) and "máy mới" in str(err.value)
    assert "new device" in err.value.message("en")
    assert state(store) == before


def test_concurrent_resend_never_moves_the_acknowledged_seq_back(store, laptops):
    """A retry of an early batch racing a later batch: both apply under the cell lock, last_seq ends at
    the highest seq and every op is stored once."""
    import threading

    _, a, _ = laptops
    early = [a.op(full_name=f"A{i}") for i in range(50)]
    late = [a.op(full_name=f"B{i}") for i in range(50)]
    apply(store, a.device_id, early)
    errors = []

    def run(items):
        try:
            apply(store, a.device_id, items)
        except Exception as exc:  # noqa: BLE001 — reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(items,)) for items in (late, early, early)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with store.transaction() as s:
        assert s.get(Device, a.device_id).last_seq == 100
        assert s.scalar(select(func.count()).select_from(Op)) == 100


def test_each_record_keeps_exactly_the_state_of_its_last_applied_op(store, laptops):
    """Inserted, updated in the same batch, updated in a later batch, deleted, soft-deleted (deleted_at):
    each entity row holds the last applied op's rev, snapshot, feed seq, device and deleted flag."""
    cell_id, a, b = laptops
    kept, edited, gone, hidden = (a.op(full_name=n) for n in ("Giữ", "Sửa", "Xóa", "Ẩn"))
    edited2 = a.op(entity_id=edited.entity_id, full_name="Sửa lần 2", note="dòng 1\ndòng 2\t\\ \"x\"")
    first = apply(store, a.device_id, [kept, edited, gone, hidden, edited2])
    removed = a.op(entity_id=gone.entity_id, full_name="Xóa")
    removed = removed.__class__(**{**removed.__dict__, "op": "delete"})
    soft = a.op(entity_id=hidden.entity_id, full_name="Ẩn", deleted_at="2025-11-02T08:00:00+07:00")
    second = apply(store, a.device_id, [removed, soft])
    assert first["server_seq"] == 5 and second["server_seq"] == 7
    expected = {kept.entity_id: (1, kept, 1, False), edited.entity_id: (2, edited2, 5, False),
                gone.entity_id: (2, removed, 6, True), hidden.entity_id: (2, soft, 7, True)}
    with store.transaction() as s:
        rows = {e.entity_id: e for e in s.scalars(select(Entity).where(Entity.cell_id == cell_id))}
        assert set(rows) == set(expected)
        for entity_id, (rev, op, feed_seq, deleted) in expected.items():
            row = rows[entity_id]
            assert (row.rev, row.snapshot, row.feed_seq, row.deleted) == (rev, op.snapshot, feed_seq, deleted)
            assert (row.owner, row.origin_device) == ("cell", a.device_id) and row.updated_at is not None
        assert rows[edited.entity_id].snapshot["note"] == "dòng 1\ndòng 2\t\\ \"x\""


def _chain_batch(store, outbox, chain, *ops):
    from dataclasses import replace

    from cellsec.server.store import batches

    ops = list(ops) or [outbox.op(full_name="Thêm")]
    with store.transaction() as s:
        return batches.apply_batch(s, outbox.device_id, replace(manifest(ops), chain=chain), ops)


def test_the_laptops_chain_head_is_checked_against_the_chain_records_it_sent(store, laptops):
    from cellsec.server.store.models import SecurityEvent

    _, a, b = laptops
    docs = [a.op("finalised_documents", device_id="may-a", seq=n, hash=f"h{n}", body="văn bản " * 400)
            for n in (1, 2, 3)]
    other = b.op("finalised_documents", device_id="may-b", seq=9, hash="h9")  # another laptop's chain
    assert "chain" not in _chain_batch(store, a, {"device": "may-a", "count": 3, "head": "h3"}, *docs)
    apply(store, b.device_id, [other])
    assert "chain" not in _chain_batch(store, a, {"device": "may-a", "count": 3, "head": "h3"})
    assert _chain_batch(store, a, {"device": "may-a", "count": 2, "head": "h2"})["chain"] == "chain_truncated"
    assert _chain_batch(store, a, {"device": "may-a", "count": 3, "head": "khác"})["chain"] == "chain_rewritten"
    assert "chain" not in _chain_batch(store, a, {"device": "may-a", "count": 4, "head": "h4"})  # grew
    with store.transaction() as s:
        events = [(e.kind, e.detail) for e in s.scalars(select(SecurityEvent).order_by(SecurityEvent.id))]
    assert events == [("chain_truncated", "chain may-a: count 2, server has 3"),
                      ("chain_rewritten", "chain may-a: count 3, server has 3")]


def test_a_deleted_chain_record_no_longer_counts(store, laptops):
    _, a, _ = laptops
    docs = [a.op("finalised_documents", device_id="may-a", seq=n, hash=f"h{n}") for n in (1, 2)]
    apply(store, a.device_id, docs)
    gone = a.op("finalised_documents", entity_id=docs[1].entity_id, device_id="may-a", seq=2, hash="h2",
                deleted_at="2025-12-01T00:00:00+00:00")
    assert "chain" not in _chain_batch(store, a, {"device": "may-a", "count": 1, "head": "h1"}, gone)


def test_an_op_keeps_a_long_schema_version(store, laptops):
    """A laptop's migration heads, joined, grow with every feature: past 100 characters PostgreSQL refused
    the whole push (migration 0003)."""
    import dataclasses

    _, a, _ = laptops
    heads = "+".join(f"{n:04d}_a_feature_branch_with_a_long_name" for n in range(1, 9))
    assert len(heads) > 300
    member = dataclasses.replace(a.op(full_name="Trần Thị Bình"), schema_version=heads)
    assert [r["status"] for r in apply(store, a.device_id, [member])["results"]] == ["applied"]
    with store.transaction() as s:
        assert s.scalars(select(Op.schema_version)).one() == heads
