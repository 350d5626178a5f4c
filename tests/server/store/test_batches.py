import json

import pytest
from sqlalchemy import func, select

from cellsec.server.errors import ServerError
from cellsec.server.store.models import Batch, Cell, Device, Entity, Op

from .outbox import apply


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
