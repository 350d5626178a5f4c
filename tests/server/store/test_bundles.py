import datetime as dt
import uuid

import pytest
from sqlalchemy import func, select

from cellsec.server.errors import ServerError
from cellsec.server.store import admin
from cellsec.server.store.bundles import import_bundle
from cellsec.server.store.models import Entity, Op as OpRow
from cellsec.sync.protocol.envelope import Envelope, open_answer, seal_ops
from cellsec.sync.protocol.errors import ProtocolError
from cellsec.sync.protocol.keys import KeyPair
from cellsec.sync.protocol.ops import Op


def ops(device_id, cell_id, n=5, start=1):
    return [Op(device_id=device_id, seq=i, entity="members", entity_id=f"m-{i}", cell_id=cell_id, rev=1,
               base_rev=0, op="insert", snapshot={"id": f"m-{i}", "cell_id": cell_id, "full_name": f"Đảng viên {i}"})
            for i in range(start, start + n)]


@pytest.fixture
def cell_device(store, make_cell, enroll):
    cell_id, code = make_cell()
    device_id, keys = enroll(code)
    return cell_id, device_id, keys


def file_of(store, cell_id, device_id, keys, items, cursor=0):
    return seal_ops(items, sender_keys=keys, device_id=device_id, recipient_box=store.keys.public.box,
                    cell_id=cell_id, cursor=cursor).to_bytes()


def test_file_is_applied_and_the_answer_carries_acks_and_what_came_down(store, cell_device):
    cell_id, device_id, keys = cell_device
    with store.transaction() as s:
        admin.add_recognition(s, cell_id, 2025, "30-QĐ/ĐU", dt.date(2026, 1, 20))
    answer_bytes, summary = import_bundle(store, file_of(store, cell_id, device_id, keys, ops(device_id, cell_id)))
    assert summary["summary"]["applied"] == 5 and summary["changes"] == 1
    answer = Envelope.from_bytes(answer_bytes)
    manifest = answer.verify(store.keys.public.sign)  # the laptop checks the pinned server key
    results, changes = open_answer(answer, manifest, keys)
    assert [r["status"] for r in results["results"]] == ["applied"] * 5
    assert [c["entity"] for c in changes] == ["five_good_recognitions"]
    assert manifest.cursor == 6  # 1 recognition + 5 members: the laptop's next cursor


def test_same_file_twice_is_refused_and_changes_nothing(store, cell_device):
    cell_id, device_id, keys = cell_device
    data = file_of(store, cell_id, device_id, keys, ops(device_id, cell_id))
    import_bundle(store, data)
    with pytest.raises(ServerError) as err:
        import_bundle(store, data)
    assert err.value.code == "already_imported" and "đã được nhập" in str(err.value)
    with store.transaction() as s:
        assert s.scalar(select(func.count()).select_from(OpRow)) == 5
    # A new file from the laptop that repeats those ops and adds one is fine (duplicates + applied).
    _, summary = import_bundle(store, file_of(store, cell_id, device_id, keys, ops(device_id, cell_id, n=6)))
    assert summary["summary"] == {"applied": 1, "duplicate": 5, "conflict": 0, "rejected": 0}


def test_truncated_tampered_foreign_and_answer_files_are_refused_whole(store, cell_device, make_cell):
    cell_id, device_id, keys = cell_device
    data = file_of(store, cell_id, device_id, keys, ops(device_id, cell_id))
    with pytest.raises(ProtocolError) as err:
        import_bundle(store, data[:-100])
    assert err.value.code == "truncated"
    with pytest.raises(ProtocolError) as err:
        import_bundle(store, data[:-1] + bytes([data[-1] ^ 1]))
    assert err.value.code == "bad_digest"
    stranger, stranger_keys = str(uuid.uuid4()), KeyPair.generate()
    with pytest.raises(ServerError) as err:
        import_bundle(store, file_of(store, cell_id, stranger, stranger_keys, ops(stranger, cell_id)))
    assert err.value.code == "unknown_device" and stranger in str(err.value)
    answer, _ = import_bundle(store, data)
    with pytest.raises(ServerError) as err:
        import_bundle(store, answer)
    assert err.value.code == "not_push_file"
    with store.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Entity)) == 5
