import datetime as dt

import pytest

from cellsec.server.errors import ServerError
from cellsec.server.store import admin, feed

from .outbox import apply


def pull(store, device_id, since=0, limit=1000):
    with store.transaction() as s:
        return feed.changes_since(s, device_id, since, limit)


def test_other_laptop_gets_newest_revisions_in_pages(store, laptops):
    cell_id, a, b = laptops
    ops = [a.op(full_name=f"Đảng viên {i}") for i in range(7)]
    ops.append(a.op(entity_id=ops[0].entity_id, full_name="Đảng viên 0 (sửa)"))
    apply(store, a.device_id, ops)
    seen, cursor, pages = [], 0, 0
    while True:
        page = pull(store, b.device_id, cursor, limit=3)
        seen += page["changes"]
        cursor = page["cursor"]
        pages += 1
        if not page["more"]:
            break
    assert len(seen) == 7 and pages == 3 and cursor == 8  # the first record once, at its newest revision
    first = next(c for c in seen if c["entity_id"] == ops[0].entity_id)
    assert first["rev"] == 2 and first["snapshot"]["full_name"] == "Đảng viên 0 (sửa)"
    assert [c["seq"] for c in seen] == sorted(c["seq"] for c in seen)
    assert pull(store, b.device_id, cursor)["changes"] == []


def test_own_changes_are_skipped_but_committee_records_come_down(store, laptops, committee):
    cell_id, a, _ = laptops
    apply(store, a.device_id, [a.op(full_name="Một")])
    with store.transaction() as s:
        admin.add_recognition(s, cell_id, 2025, "30-QĐ/ĐU", dt.date(2026, 1, 20))
    page = pull(store, a.device_id)
    assert [(c["entity"], c["owner"]) for c in page["changes"]] == [("five_good_recognitions", "committee")]
    assert page["cursor"] == 2


def test_cursor_beyond_the_server_is_explained(store, laptops):
    _, a, _ = laptops
    with pytest.raises(ServerError) as err:
        pull(store, a.device_id, since=50)
    assert err.value.code == "cursor_ahead" and "sao lưu" in str(err.value)
