import datetime as dt
import json
import re

import pytest

from cellsec.domain.review_rules import GOOD
from cellsec.domain.rubrics import parse_rubric_file
from cellsec.server.errors import ServerError
from cellsec.server.store import admin
from cellsec.server.store.models import Entity, Op

RUBRIC_FILE = {
    "format": "cellsec-rubrics", "format_version": 1,
    "rubrics": [{
        "key": "dang-uy-khoi.sinh-hoat", "version": 2, "name": "Tiêu chí sinh hoạt chi bộ của Đảng ủy Khối",
        "effective_from": "2026-01-01", "target": "meeting", "meeting_types": ["thuong_ky"], "max_points": 10,
        "groups": [{"id": "g1", "title": "Chuẩn bị", "max_points": 10, "criteria": [
            {"id": "c1", "text": "Có chương trình sinh hoạt", "max_points": 10}]}],
        "bands": [{"label": "Tốt", "min_points": 8}, {"label": "Đạt", "min_points": 5}, {"label": "Chưa đạt", "min_points": 0}],
    }],
}


def test_cell_gets_a_short_typeable_code(store, make_cell):
    cell_id, code = make_cell()
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}", code)
    assert admin.normalise_code(code.lower().replace("-", " ")) == code.replace("-", "")
    assert admin.normalise_code("o1l") == "011"


def test_unknown_committee_or_empty_name_is_refused(store, committee):
    with pytest.raises(ServerError) as err, store.transaction() as s:
        admin.add_cell(s, "nope", "Chi bộ A")
    assert err.value.code == "no_committee" and "nope" in str(err.value)
    with pytest.raises(ServerError), store.transaction() as s:
        admin.add_cell(s, committee, "   ")


def test_rubric_reaches_existing_and_later_cells(store, committee, make_cell):
    first, _ = make_cell("Chi bộ 1")
    rubrics = parse_rubric_file(json.dumps(RUBRIC_FILE).encode())
    with store.transaction() as s:
        ids = admin.publish_rubrics(s, committee, rubrics)
    second, _ = make_cell("Chi bộ 2")
    with store.transaction() as s:
        rows = s.query(Entity).filter(Entity.entity == "committee_rubrics").all()
        assert sorted(r.cell_id for r in rows) == sorted([first, second])
        assert {r.entity_id for r in rows} == set(ids)
        assert all(r.owner == "committee" and r.snapshot["key"] == "dang-uy-khoi.sinh-hoat" for r in rows)
        assert json.loads(rows[0].snapshot["definition"])["bands"][0]["label"] == "Tốt"
    with store.transaction() as s:  # publishing again updates, never duplicates
        admin.publish_rubrics(s, committee, rubrics)
        rows = s.query(Entity).filter(Entity.entity == "committee_rubrics").all()
        assert len(rows) == 2 and {r.rev for r in rows} == {2}
        lists = {c["id"]: c for c in admin.list_cells(s)}
        assert lists[first]["entities"] == {"committee_rubrics": 1}


def test_member_decision_needs_the_review_and_copies_member_and_year(store, make_cell):
    cell_id, _ = make_cell()
    with pytest.raises(ServerError) as err, store.transaction() as s:
        admin.add_decision(s, cell_id, "HTTNV", "12-QĐ/ĐU", dt.date(2026, 1, 15), review_id="r-1")
    assert err.value.code == "no_review"
    with store.transaction() as s:
        cell = admin.get_cell(s, cell_id)
        cell.feed_seq += 1
        s.add(Entity(cell_id=cell_id, entity="member_reviews", entity_id="r-1", owner="cell", rev=1,
                     snapshot={"id": "r-1", "member_id": "m-1", "year": 2025}, feed_seq=cell.feed_seq))
    with store.transaction() as s:
        decision = admin.add_decision(s, cell_id, "Hoàn thành tốt nhiệm vụ", "12-QĐ/ĐU", dt.date(2026, 1, 15),
                                      review_id="r-1")
    with store.transaction() as s:
        row = s.get(Entity, (cell_id, "classification_decisions", decision))
        assert row.snapshot["level"] == GOOD
        assert (row.snapshot["member_id"], row.snapshot["year"], row.snapshot["decision_number"]) == (
            "m-1", 2025, "12-QĐ/ĐU")
    with pytest.raises(ServerError) as err, store.transaction() as s:
        admin.add_decision(s, cell_id, "xuất sắc lắm", "1", dt.date(2026, 1, 1), year=2025)
    assert err.value.code == "bad_level"


def test_recognition_guidance_and_comment_flow_down_with_history(store, committee, make_cell):
    cell_id, _ = make_cell()
    with store.transaction() as s:
        admin.add_recognition(s, cell_id, 2025, "30-QĐ/ĐU", dt.date(2026, 1, 20), "Chi bộ 5 tốt")
        admin.add_guidance(s, committee, "Hướng dẫn kiểm điểm 2026", "Nội dung hướng dẫn…", "05-HD/ĐU")
    with pytest.raises(ServerError) as err, store.transaction() as s:
        admin.add_comment(s, cell_id, "meetings", "meeting-x", "Cần bổ sung biên bản")
    assert err.value.code == "no_record"
    with store.transaction() as s:
        counts = admin.list_cells(s)[0]["entities"]
        assert counts == {"five_good_recognitions": 1, "guidance_documents": 1}
        assert s.query(Op).filter(Op.device_id.is_(None)).count() == 2
        assert admin.list_cells(s)[0]["changes"] == 2


def test_devices_listed_and_revoked(store, make_cell, enroll):
    cell_id, code = make_cell()
    device_id, _ = enroll(code)
    with store.transaction() as s:
        assert [d["id"] for d in admin.list_devices(s, cell_id)] == [device_id]
        admin.revoke_device(s, device_id)
    with store.transaction() as s:
        assert admin.list_devices(s)[0]["revoked_at"]
        assert admin.list_cells(s)[0]["devices"] == 0
    with pytest.raises(ServerError), store.transaction() as s:
        admin.revoke_device(s, "nope")
