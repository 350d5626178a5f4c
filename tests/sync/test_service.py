"""A laptop syncs with a real committee server over HTTP on 127.0.0.1 (SQLite and PostgreSQL on the server)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from cellsec.server.store import admin
from cellsec.server.store.models import Entity
from cellsec.services.facade import Services
from cellsec.services.settings.cell import CellInfo
from cellsec.services.members.service import MemberInput
from cellsec.store.base import Synced
from cellsec.store.models import Base
from cellsec.sync.errors import SyncError

CELL = CellInfo(name="Chi bộ Thôn 3", abbreviation="CB", place_name="Nghệ An", secretary_name="Nguyễn Văn Đức",
                deputy_name="Trần Thị Hồng", upper_committee="Đảng ủy xã Nghi Lộc", top_committee="Huyện ủy Nghi Lộc")


def _code(store, cell_id) -> str:
    with store.transaction() as s:
        return admin.new_enrollment_code(s, cell_id)


def _laptop(tmp_path, name, with_cell=True) -> Services:
    svc = Services.open(tmp_path / name)
    if with_cell:
        svc.cell.setup(CELL, since=dt.date(2020, 1, 1))
    return svc


def _member(name="Lê Văn Hải", **kw) -> MemberInput:
    values = dict(full_name=name, date_of_birth=dt.date(1975, 6, 1), gender="nam", admitted_on=dt.date(2001, 3, 2),
                  official_on=dt.date(2002, 3, 2), status="chinh_thuc", phone="0912000111", workplace="Thôn 3")
    values.update(kw)
    return MemberInput(**values)


def _live_rows(svc: Services) -> dict[tuple[str, str], tuple[int, dict]]:
    """Every synced row of the laptop: (table, id) -> (rev, snapshot)."""
    from cellsec.store.base import snapshot

    out = {}
    with svc.ctx.read() as s:
        for mapper in Base.registry.mappers:
            cls = mapper.class_
            if issubclass(cls, Synced):
                for obj in s.scalars(select(cls)):
                    out[(cls.__tablename__, obj.id)] = (obj.rev, snapshot(obj))
    return out


def _server_rows(store, cell_id) -> dict[tuple[str, str], tuple[int, dict]]:
    with store.transaction() as s:
        return {(e.entity, e.entity_id): (e.rev, e.snapshot if isinstance(e.snapshot, dict) else json.loads(e.snapshot))
                for e in s.scalars(select(Entity).where(Entity.cell_id == cell_id, Entity.owner == "cell"))}


def _edit(svc, member_id, **changes):
    current = svc.members.get(member_id)
    fields = {f: getattr(current, f) for f in MemberInput.__dataclass_fields__ if hasattr(current, f)}
    fields.update(changes)
    svc.members.update(member_id, MemberInput(**fields))


def test_a_cell_year_goes_up_and_both_sides_agree_exactly(tmp_path, store, live_server, server_cell):
    cell_id, code = server_cell
    laptop = Services.open(tmp_path / "bi-thu")
    from cellsec.services.demo.cell import build_demo

    build_demo(laptop, today=dt.date(2026, 11, 22))
    local_cell = laptop.ctx.cell_id
    laptop.sync.connect(live_server, code, "Máy bí thư")
    assert laptop.ctx.cell_id == cell_id != local_cell  # the cell took the committee's id
    result = laptop.sync.sync_now()
    assert result.pushed > 500 and result.rejected == 0 and result.conflicts == 0
    assert laptop.sync.status().pending == 0
    assert _server_rows(store, cell_id) == _live_rows(laptop)
    assert laptop.finalise.verify_chain().ok  # re-keying the cell is not tampering
    again = laptop.sync.sync_now()
    assert (again.pushed, again.pulled) == (0, 0)
    laptop.close()


def test_a_second_laptop_joins_and_receives_the_cell(tmp_path, store, live_server, server_cell):
    cell_id, code = server_cell
    first = _laptop(tmp_path, "bi-thu")
    member = first.members.add(_member())
    first.sync.connect(live_server, code)
    first.sync.sync_now()

    second = _laptop(tmp_path, "pho-bi-thu", with_cell=False)
    second.sync.connect(live_server, _code(store, cell_id))
    assert second.ctx.cell_id == cell_id
    assert second.members.get(member.id).full_name == "Lê Văn Hải"
    assert _live_rows(second) == _live_rows(first)
    # ...and its own edits reach the first laptop.
    _edit(second, member.id, phone="0987654321")
    assert second.sync.sync_now().pushed >= 1
    assert first.sync.sync_now().pulled >= 1
    assert first.members.get(member.id).phone == "0987654321"
    assert second.sync.sync_now().pulled == 0  # its own change does not come back
    first.close()
    second.close()


def _two_laptops(tmp_path, store, live_server, server_cell):
    cell_id, code = server_cell
    first = _laptop(tmp_path, "bi-thu")
    member = first.members.add(_member())
    first.sync.connect(live_server, code)
    first.sync.sync_now()
    second = _laptop(tmp_path, "pho-bi-thu", with_cell=False)
    second.sync.connect(live_server, _code(store, cell_id))
    return first, second, member.id


def test_the_same_field_edited_offline_on_two_laptops_becomes_a_conflict(tmp_path, store, live_server, server_cell):
    first, second, member_id = _two_laptops(tmp_path, store, live_server, server_cell)
    _edit(first, member_id, workplace="Hợp tác xã Nghi Lộc")
    _edit(second, member_id, workplace="Trường tiểu học Nghi Lộc")
    first.sync.sync_now()
    result = second.sync.sync_now()
    assert result.conflicts == 1
    # The server's copy is in place; this laptop's copy is kept, never lost.
    assert second.members.get(member_id).workplace == "Hợp tác xã Nghi Lộc"
    [conflict] = second.sync.conflicts()
    assert conflict.mine["workplace"] == "Trường tiểu học Nghi Lộc"
    assert conflict.theirs["workplace"] == "Hợp tác xã Nghi Lộc"

    second.sync.resolve(conflict.id, "mine")
    assert second.sync.conflicts() == []
    second.sync.sync_now()
    first.sync.sync_now()
    assert first.members.get(member_id).workplace == "Trường tiểu học Nghi Lộc"
    assert _live_rows(first) == _live_rows(second)
    first.close()
    second.close()


def test_different_fields_edited_on_two_laptops_merge(tmp_path, store, live_server, server_cell):
    first, second, member_id = _two_laptops(tmp_path, store, live_server, server_cell)
    _edit(first, member_id, phone="0900000001")
    _edit(second, member_id, workplace="Trạm y tế xã")
    first.sync.sync_now()
    result = second.sync.sync_now()
    assert (result.conflicts, result.merged) == (0, 1)
    second.sync.sync_now()
    first.sync.sync_now()
    for laptop in (first, second):
        record = laptop.members.get(member_id)
        assert (record.phone, record.workplace) == ("0900000001", "Trạm y tế xã")
    first.close()
    second.close()


def test_a_committee_decision_comes_down(tmp_path, store, live_server, server_cell):
    cell_id, code = server_cell
    laptop = _laptop(tmp_path, "bi-thu")
    laptop.sync.connect(live_server, code)
    with store.transaction() as s:
        admin.add_decision(s, cell_id, "htt", "15-QĐ/ĐU", dt.date(2026, 12, 20), year=2026)
    result = laptop.sync.sync_now()
    assert "classification_decisions" in result.came_down
    [decision] = laptop.sync.committee_records("classification_decisions")
    assert decision["decision_number"] == "15-QĐ/ĐU" and decision["subject"] == "cell"
    laptop.close()


def test_failures_are_said_in_vietnamese_and_change_nothing(tmp_path, store, live_server, server_cell):
    _cell_id, code = server_cell
    laptop = _laptop(tmp_path, "bi-thu")
    with pytest.raises(SyncError) as refused:
        laptop.sync.connect(live_server, "AAAAA-BBBBB")
    assert "từ chối" in refused.value.message
    with pytest.raises(SyncError) as offline:
        laptop.sync.connect("http://127.0.0.1:9", code)  # nothing listens there
    assert "Không kết nối được" in offline.value.message
    with pytest.raises(SyncError) as not_connected:
        laptop.sync.sync_now()
    assert "chưa kết nối" in not_connected.value.message
    assert not laptop.sync.status().connected
    laptop.close()


def test_the_committees_decision_fills_the_review(demo_services, store, live_server, server_cell):
    cell_id, code = server_cell
    laptop = demo_services
    laptop.sync.connect(live_server, code)
    laptop.sync.sync_now()
    decided = next(r for r in laptop.reviews.list_reviews(2025) if r.status == "decided")
    draft = next(r for r in laptop.reviews.list_reviews(2026) if r.status == "draft")
    with store.transaction() as s:
        admin.add_decision(s, cell_id, "htt", "20-QĐ/ĐU", dt.date(2026, 1, 10), review_id=decided.id)
        admin.add_decision(s, cell_id, "ht", "21-QĐ/ĐU", dt.date(2026, 12, 1), review_id=draft.id)
        admin.add_decision(s, cell_id, "htt", "22-QĐ/ĐU", dt.date(2026, 1, 12), year=2025)
    result = laptop.sync.sync_now()
    assert result.decided == 2  # the draft waits until the cell submits it
    review = laptop.reviews.get_review(decided.id)
    assert (review.decided_level, review.decision_no, review.decision_date) == ("htt", "20-QĐ/ĐU", dt.date(2026, 1, 10))
    collective = laptop.reviews.collective(2025)
    assert (collective.decided_level, collective.decision_no) == ("htt", "22-QĐ/ĐU")
    assert laptop.reviews.get_review(draft.id).status == "draft"
    assert laptop.sync.sync_now().decided == 0  # applied once
    assert laptop.finalise.verify_chain().ok


def test_the_same_member_added_on_two_laptops_is_held_back_clearly_and_arrives_once_one_is_deleted(
        tmp_path, store, live_server, server_cell):
    first, second, _member_id = _two_laptops(tmp_path, store, live_server, server_cell)
    first.members.add(_member("Phạm Văn Tú", cccd="040090001111"))
    first.members.add(_member("Đỗ Thị Mai", cccd="040090002222"))
    mine = second.members.add(_member("Phạm Văn Tú", cccd="040090001111"))
    first.sync.sync_now()
    result = second.sync.sync_now()  # the clash does not stop the rest
    assert len(result.clashes) == 1 and "members: Phạm Văn Tú" in result.clashes[0]
    names = sorted(m.full_name for m in second.members.list())
    assert names == ["Lê Văn Hải", "Phạm Văn Tú", "Đỗ Thị Mai"]
    assert second.sync.sync_now().clashes  # still held, said again, nothing lost

    second.members.delete(mine.id)  # the secretaries agree: the first laptop's record stays
    assert not second.sync.sync_now().clashes
    assert [m.cccd for m in second.members.list() if m.full_name == "Phạm Văn Tú"] == ["040090001111"]
    first.sync.sync_now()
    assert _live_rows(first) == _live_rows(second)
    first.close()
    second.close()


def test_a_record_edited_last_comes_in_a_later_page_than_the_rows_pointing_at_it(
        tmp_path, store, live_server, server_cell, monkeypatch):
    """The feed orders records by their newest revision: a member edited after his status changes comes
    after them. Pulled in small pages, the rows pointing at him wait for him instead of failing the page."""
    import cellsec.sync.service as service_module
    from cellsec.services.members.service import StatusChange

    cell_id, code = server_cell
    first = _laptop(tmp_path, "bi-thu")
    member = first.members.add(_member())
    first.members.change_status(member.id, StatusChange("exempt", dt.date(2024, 1, 1), None, "Ốm dài ngày"),
                                today=dt.date(2025, 1, 1))
    for n in range(6):
        first.members.add(_member(f"Đảng viên {n}"))
    _edit(first, member.id, phone="0988777666")  # his newest revision is now the last in the feed
    first.sync.connect(live_server, code)
    first.sync.sync_now()

    monkeypatch.setattr(service_module, "PULL_PAGE", 3)
    second = _laptop(tmp_path, "pho-bi-thu", with_cell=False)
    second.sync.connect(live_server, _code(store, cell_id))
    assert _live_rows(second) == _live_rows(first)
    assert second.sync.status().pending == 0 and second.sync.sync_now().pulled == 0
    first.close()
    second.close()
