"""The API over a real uvicorn on 127.0.0.1 and a real HTTP client (httpx), on SQLite and PostgreSQL."""

import json

import pytest
from sqlalchemy import select

from cellsec.server.store import admin, enrollment
from cellsec.server.store.models import Entity, Op, SecurityEvent

from ..device import Laptop


@pytest.fixture
def committee(store):
    with store.transaction() as s:
        return admin.add_committee(s, "Đảng ủy Khối").id


@pytest.fixture
def new_cell(store, committee):
    def make(name="Chi bộ Kỹ thuật"):
        with store.transaction() as s:
            cell, code = admin.add_cell(s, committee, name)
            return cell.id, code
    return make


@pytest.fixture
def laptops(live_server):
    made = []

    def make(name="Máy bí thư"):
        laptop = Laptop(live_server, name)
        made.append(laptop)
        return laptop
    yield make
    for laptop in made:
        laptop.close()


def logged(store):
    with store.transaction() as s:
        return [e.kind for e in s.scalars(select(SecurityEvent).order_by(SecurityEvent.id))]


def test_enroll_push_and_second_laptop_pulls(store, new_cell, laptops, live_server):
    cell_id, code = new_cell()
    a = laptops()
    answer = a.enroll(code)
    assert answer.status_code == 201, answer.text
    assert answer.json()["cell_id"] == cell_id and a.server_box == store.keys.public.box
    member = a.op("members", full_name="Phạm Thị Dung")
    meeting = a.op("meetings", title="Sinh hoạt thường kỳ tháng 11")
    pushed = a.push([member, meeting])
    assert pushed.status_code == 200, pushed.text
    assert [r["status"] for r in pushed.json()["results"]] == ["applied", "applied"]
    assert a.signed("GET", "/api/v1/device").json()["last_seq"] == 2

    with store.transaction() as s:
        code2 = admin.new_enrollment_code(s, cell_id)
    b = laptops("Máy phó bí thư")
    assert b.enroll(code2).status_code == 201
    changes, cursor = b.pull_all(limit=1)
    assert cursor == 2
    assert {(c["entity"], c["snapshot"].get("full_name") or c["snapshot"].get("title")) for c in changes} == {
        ("members", "Phạm Thị Dung"), ("meetings", "Sinh hoạt thường kỳ tháng 11")}
    own, _ = a.pull_all()
    assert own == []  # a's own changes are not sent back to it


def test_same_batch_twice_over_http_changes_nothing(store, new_cell, laptops):
    _, code = new_cell()
    a = laptops()
    a.enroll(code)
    body = a.envelope([a.op("members", full_name=f"Đảng viên {i}") for i in range(30)])
    first = a.push_bytes(body)
    with store.transaction() as s:
        before = sorted((e.entity_id, e.rev, e.feed_seq) for e in s.scalars(select(Entity)))
        ops_before = len(s.scalars(select(Op)).all())
    second = a.push_bytes(body)  # a new signed request carrying the same envelope (the laptop's retry)
    assert first.status_code == second.status_code == 200
    assert second.json()["summary"] == {"applied": 0, "duplicate": 30, "conflict": 0, "rejected": 0}
    with store.transaction() as s:
        assert sorted((e.entity_id, e.rev, e.feed_seq) for e in s.scalars(select(Entity))) == before
        assert len(s.scalars(select(Op)).all()) == ops_before


def test_cross_cell_read_and_write_are_403_and_logged(store, new_cell, laptops):
    mine, code = new_cell("Chi bộ A")
    theirs, their_code = new_cell("Chi bộ B")
    a, b = laptops(), laptops()
    a.enroll(code)
    b.enroll(their_code)
    assert b.push([b.op("members", full_name="Bí mật của chi bộ B")]).status_code == 200

    read = a.pull(cell_id=theirs)
    assert read.status_code == 403 and read.json()["error"] == "other_cell"
    assert "chi bộ khác" in read.json()["message"]
    write_url = a.push_bytes(a.envelope([a.op("members", cell_id=theirs, full_name="Chen vào")], cell_id=theirs),
                             cell_id=theirs)
    assert write_url.status_code == 403
    # A batch addressed to its own cell URL but declaring the other cell inside is refused too.
    write_inside = a.push_bytes(a.envelope([a.op("members", cell_id=theirs, full_name="Chen vào")], cell_id=theirs))
    assert write_inside.status_code == 403
    # An op of another cell hidden in a batch of its own cell never reaches that cell.
    sneaky = a.op("members", cell_id=theirs, full_name="Chen vào")
    from cellsec.sync.protocol.envelope import seal
    from cellsec.sync.protocol.ops import encode_ops
    env = seal(encode_ops([sneaky]), sender_keys=a.keys, sender=a.device_id, recipient_box=a.server_box,
               cell_id=a.cell_id, seq_first=sneaky.seq, seq_last=sneaky.seq, op_count=1)
    assert a.push_bytes(env.to_bytes()).status_code == 400
    with store.transaction() as s:
        names = [e.snapshot.get("full_name") for e in s.scalars(select(Entity).where(Entity.cell_id == theirs))]
    assert names == ["Bí mật của chi bộ B"]
    assert logged(store).count("other_cell") == 3


def test_replayed_request_is_refused(store, new_cell, laptops):
    _, code = new_cell()
    a = laptops()
    a.enroll(code)
    body = a.envelope([a.op("members", full_name="Một lần thôi")])
    path = f"/api/v1/cells/{a.cell_id}/batches"
    from cellsec.sync.protocol.signing import sign_request
    headers = sign_request(a.keys, a.device_id, "POST", path, body)
    assert a.http.post(path, content=body, headers=headers).status_code == 200
    replay = a.http.post(path, content=body, headers=headers)
    assert replay.status_code == 401 and replay.json()["error"] == "replay"
    assert "replay" in logged(store)


def test_tampered_body_is_refused(store, new_cell, laptops):
    _, code = new_cell()
    a = laptops()
    a.enroll(code)
    body = a.envelope([a.op("members", full_name="Nguyên vẹn")])
    path = f"/api/v1/cells/{a.cell_id}/batches"
    from cellsec.sync.protocol.signing import sign_request
    headers = sign_request(a.keys, a.device_id, "POST", path, body)
    tampered = body[:-3] + bytes([body[-3] ^ 0xFF]) + body[-2:]
    answer = a.http.post(path, content=tampered, headers=headers)
    assert answer.status_code == 401 and answer.json()["error"] == "bad_request_signature"
    # Re-signed by the device but with a damaged payload: the envelope itself refuses it.
    answer = a.push_bytes(tampered)
    assert answer.status_code == 400 and answer.json()["error"] in ("bad_digest", "decrypt_failed")
    assert "bị sửa" in answer.json()["message"]
    with store.transaction() as s:
        assert s.scalars(select(Entity)).all() == []


def test_revoked_device_is_refused(store, new_cell, laptops):
    _, code = new_cell()
    a = laptops()
    a.enroll(code)
    with store.transaction() as s:
        admin.revoke_device(s, a.device_id)
    answer = a.push([a.op("members", full_name="Sau khi thu hồi")])
    assert answer.status_code == 403 and answer.json()["error"] == "revoked"
    assert "revoked" in answer.json()["message_en"]
    assert a.pull().status_code == 403


def test_wrong_enrollment_code_repeatedly_is_rate_limited(store, new_cell, laptops):
    _, code = new_cell()
    statuses = [laptops().enroll("ZZZZZ-ZZZZZ").status_code for _ in range(enrollment.MAX_FAILURES)]
    assert statuses == [403] * enrollment.MAX_FAILURES
    blocked = laptops().enroll(code)
    assert blocked.status_code == 429 and blocked.json()["error"] == "rate_limited"
    assert "phút" in blocked.json()["message"]
    assert logged(store).count("enroll_code_wrong") == enrollment.MAX_FAILURES


def test_enrollment_must_be_signed_by_the_enrolled_key(store, new_cell, live_server):
    _, code = new_cell()
    a, mallory = Laptop(live_server), Laptop(live_server)
    try:
        body = json.dumps({"code": code, "device_id": a.device_id, "keys": a.keys.public.to_dict()}).encode()
        from cellsec.sync.protocol.signing import sign_request
        headers = sign_request(mallory.keys, a.device_id, "POST", "/api/v1/enroll", body)
        answer = a.http.post("/api/v1/enroll", content=body, headers=headers)
        assert answer.status_code == 401
        assert a.enroll(code).status_code == 201  # the code was not used up by the forged attempt
    finally:
        a.close()
        mallory.close()


def test_seq_backwards_is_409_with_advice(store, new_cell, laptops):
    _, code = new_cell()
    a = laptops()
    a.enroll(code)
    a.push([a.op("members", full_name="Trước")])
    a.seq = 0
    answer = a.push([a.op("members", full_name="Sau khi khôi phục bản sao lưu cũ")])
    assert answer.status_code == 409 and answer.json()["error"] == "seq_backwards"
    assert "bản sao lưu" in answer.json()["message"] and "backup" in answer.json()["message_en"]


def test_health_and_garbage(live_server, laptops, store, new_cell):
    a = laptops()
    assert a.http.get("/api/v1/health").json()["status"] == "ok"
    _, code = new_cell()
    a.enroll(code)
    answer = a.push_bytes(b"not an envelope")
    assert answer.status_code == 400 and answer.json()["error"] == "not_sync_file"
    assert a.http.post("/api/v1/enroll", content=b"{").status_code == 400
