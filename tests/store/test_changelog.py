"""The change log (sync outbox) always agrees with the data, using the member registry as the example."""

import datetime as dt
import json
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from cellsec.services.errors import ServiceError
from cellsec.services.members.service import MemberInput, MemberQuery, StatusChange, clean_input, new_member
from cellsec.store.base import snapshot
from cellsec.store.models.core import Audit, ChangeLog
from cellsec.store.models.members import CardNumber, Member, MemberStatusChange

TODAY = dt.date(2026, 11, 22)


def member(name="Nguyễn Văn Đức", **kw):
    values = dict(full_name=name, date_of_birth=dt.date(1980, 3, 2), gender="nam", admitted_on=dt.date(2005, 5, 19),
                  official_on=dt.date(2006, 5, 19), status="chinh_thuc", cccd="040080001234", card_no="37012345")
    values.update(kw)
    return MemberInput(**values)


def latest_snapshots(s):
    """entity, id -> the newest change-log snapshot."""
    out = {}
    for entity, entity_id, snap in s.execute(
            select(ChangeLog.entity, ChangeLog.entity_id, ChangeLog.snapshot).order_by(ChangeLog.seq)):
        out[(entity, entity_id)] = json.loads(snap)
    return out


def assert_log_matches_data(services):
    with services.ctx.read() as s:
        logged = latest_snapshots(s)
        rows = [*s.scalars(select(Member)), *s.scalars(select(CardNumber)), *s.scalars(select(MemberStatusChange))]
        assert rows
        for row in rows:
            assert logged[(row.__tablename__, row.id)] == snapshot(row), row.__tablename__


def counts(services):
    with services.ctx.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(t)) for t in (Member, CardNumber, ChangeLog, Audit))


def test_every_mutation_logs_what_it_wrote(services, tmp_path):
    a = services.members.add(member())
    assert_log_matches_data(services)
    services.members.update(a.id, replace(a.as_input(), card_no="40100200", card_valid_from=dt.date(2026, 3, 1),
                                          phone="0912345678"))
    assert_log_matches_data(services)
    services.members.change_status(a.id, StatusChange("exempt", dt.date(2026, 1, 1), reason="Tuổi cao"))
    assert_log_matches_data(services)
    b = services.members.add(member("Trần Thị Hồng", gender="nu", cccd="040181002345", card_no=""))
    services.members.delete(b.id)
    assert_log_matches_data(services)
    services.undo_last()
    assert_log_matches_data(services)
    csv = tmp_path / "ds.csv"
    csv.write_text("Họ và tên,CCCD,Ngày sinh,Giới tính,Ngày vào Đảng,Điện thoại\n"
                   "Nguyễn Văn Đức,040080001234,02/03/1980,Nam,19/05/2005,0988000111\n"
                   "Lê Văn Dũng,,12/12/1990,Nam,01/06/2015,\n", encoding="utf-8")
    services.importer.commit(services.importer.preview(csv, today=TODAY), today=TODAY)
    assert_log_matches_data(services)


def test_each_log_row_belongs_to_the_audit_row_of_its_action(services):
    a = services.members.add(member())
    with services.ctx.read() as s:
        audit = s.scalars(select(Audit).order_by(Audit.id.desc())).first()
        log = s.execute(select(ChangeLog.entity, ChangeLog.op).where(ChangeLog.audit_id == audit.id)).all()
    assert audit.action == "members.add" and audit.summary == "Thêm đảng viên Nguyễn Văn Đức"
    assert sorted(log) == [("card_numbers", "insert"), ("members", "insert")]
    services.members.delete(a.id)
    with services.ctx.read() as s:
        ops = s.execute(select(ChangeLog.op).order_by(ChangeLog.seq.desc()).limit(1)).scalar()
    assert ops == "delete"


def test_an_exception_inside_a_mutation_leaves_nothing(services):
    before = counts(services)
    cell_id = services.ctx.cell_id
    with pytest.raises(RuntimeError):
        with services.ctx.mutation("members.add", "Thêm đảng viên Nguyễn Văn Đức") as s:
            new_member(s, cell_id, clean_input(member()))
            s.flush()
            raise RuntimeError("power cut")
    assert counts(services) == before
    assert services.members.list() == []


def test_a_duplicate_cccd_reaching_the_database_rolls_everything_back(services):
    services.members.add(member())
    before = counts(services)
    cell_id = services.ctx.cell_id
    # Bypass the service's check, as a race between two windows would: the unique index still refuses.
    with pytest.raises(ServiceError) as err:
        with services.ctx.mutation("members.add", "Thêm đảng viên") as s:
            new_member(s, cell_id, clean_input(member("Lê Văn Dũng", card_no="99999999")))
    assert "Chưa lưu được thay đổi" in err.value.message
    assert counts(services) == before
    assert [m.full_name for m in services.members.list()] == ["Nguyễn Văn Đức"]


def test_undo_restores_the_previous_snapshot(services):
    a = services.members.add(member())
    with services.ctx.read() as s:
        first = latest_snapshots(s)[("members", a.id)]
    services.members.update(a.id, replace(a.as_input(), full_name="Nguyễn Văn Đạt", phone="0912345678",
                                          card_no="40100200"))
    services.undo_last()
    with services.ctx.read() as s:
        row = snapshot(s.get(Member, a.id))
        last = s.scalars(select(ChangeLog).where(ChangeLog.entity_id == a.id).order_by(ChangeLog.seq.desc())).first()
    bookkeeping = {"rev", "updated_at"}
    assert {k: v for k, v in row.items() if k not in bookkeeping} == {
        k: v for k, v in first.items() if k not in bookkeeping}
    assert row["rev"] == 3 and last.op == "update"  # the undo is itself a logged change, for sync
    assert services.members.get(a.id).full_name == "Nguyễn Văn Đức"


def test_tombstoned_members_leave_lists_but_stay_in_the_table(services):
    a = services.members.add(member())
    b = services.members.add(member("Trần Thị Hồng", gender="nu", cccd="040181002345", card_no="37012346"))
    services.members.delete(a.id)
    assert services.members.query_ids(MemberQuery()) == [b.id]
    assert [m.id for m in services.members.list(MemberQuery(text="duc"))] == []
    assert services.members.counts_by_status()["active"] == 1
    with services.ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Member)) == 2
        assert s.get(Member, a.id).deleted_at is not None
        # Its card history row is kept too.
        assert s.scalar(select(func.count()).select_from(CardNumber).where(CardNumber.member_id == a.id)) == 1
