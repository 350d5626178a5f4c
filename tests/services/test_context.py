import datetime as dt
import json
import sqlite3

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from cellsec.services.settings.cell import CellInfo
from cellsec.services.errors import ServiceError, ValidationFailed
from cellsec.services.facade import Services
from cellsec.store.base import MutationRequired
from cellsec.store.db import DB_NAME
from cellsec.store.models.core import Audit, ChangeLog, CommitteeName
from tests import dbfile


def _rows(data_dir, sql):
    with dbfile.connect(data_dir / DB_NAME) as conn:
        return conn.execute(sql).fetchall()


def test_setup_validates_in_vietnamese(data_dir):
    svc = Services.open(data_dir)
    with pytest.raises(ValidationFailed) as err:
        svc.cell.setup(CellInfo(name="  ", abbreviation="C B", place_name="", upper_committee=""))
    assert err.value.errors == {
        "name": "Không được để trống.",
        "abbreviation": 'Chữ viết tắt chỉ gồm chữ cái và số, không dấu cách (ví dụ "CB").',
        "place_name": "Không được để trống.",
        "upper_committee": "Không được để trống.",
    }
    assert not svc.cell.is_set_up()
    svc.close()


def test_setup_normalises_text_and_writes_change_log(services, data_dir):
    info = services.cell.get()
    assert info.name == "Chi bộ Xuất bản - Kỹ thuật"
    log = _rows(data_dir, "SELECT entity, op, rev, snapshot FROM change_log ORDER BY seq")
    assert [(e, op, rev) for e, op, rev, _ in log] == [
        ("cells", "insert", 1), ("committee_names", "insert", 1), ("committee_names", "insert", 1)]
    assert json.loads(log[0][3])["name"] == "Chi bộ Xuất bản - Kỹ thuật"


def test_committee_renaming_keeps_history_for_old_documents(services):
    info = services.cell.get()
    info.upper_committee = "Đảng ủy phường Trường Vinh"
    services.cell.update(info, committees_since=dt.date(2025, 7, 1))
    assert services.cell.get(dt.date(2025, 6, 30)).upper_committee == "Đảng ủy Báo Nghệ An"
    assert services.cell.get(dt.date(2025, 7, 1)).upper_committee == "Đảng ủy phường Trường Vinh"
    names = [(r.level, r.name) for r in services.cell.committee_history()]
    assert (1, "Đảng ủy Báo Nghệ An") in names and (1, "Đảng ủy phường Trường Vinh") in names


def test_undo_restores_the_previous_revision_and_is_itself_logged(services, data_dir):
    info = services.cell.get()
    info.place_name = "Hà Tĩnh"
    info.upper_committee = "Đảng ủy mới"
    services.cell.update(info)
    assert services.last_undoable()[1] == "Sửa thông tin chi bộ"
    assert services.undo_last() == "Hoàn tác: Sửa thông tin chi bộ"
    after = services.cell.get()
    assert after.place_name == "Nghệ An" and after.upper_committee == "Đảng ủy Báo Nghệ An"
    assert services.last_undoable() is None
    with pytest.raises(ServiceError) as err:
        services.undo_last()
    assert err.value.message == "Không còn thao tác nào để hoàn tác."
    ops = _rows(data_dir, "SELECT entity, op, rev FROM change_log WHERE entity='cells' ORDER BY seq")
    assert ops == [("cells", "insert", 1), ("cells", "update", 2), ("cells", "update", 3)]


def test_failed_mutation_leaves_no_data_no_change_log_no_audit(services, data_dir):
    before = {t: _rows(data_dir, f"SELECT count(*) FROM {t}")[0][0] for t in ("committee_names", "change_log", "audit_log")}
    with pytest.raises(RuntimeError):
        with services.ctx.mutation("test", "thử") as s:
            s.add(CommitteeName(cell_id=services.ctx.cell_id, level=1, name="X", valid_from=dt.date(2026, 1, 1)))
            s.flush()
            raise RuntimeError("power cut")
    after = {t: _rows(data_dir, f"SELECT count(*) FROM {t}")[0][0] for t in before}
    assert after == before


def test_writing_outside_a_mutation_is_refused(services):
    with services.ctx.store.sessions() as s:
        s.add(CommitteeName(cell_id=services.ctx.cell_id, level=1, name="X", valid_from=dt.date(2026, 1, 1)))
        with pytest.raises(MutationRequired):
            s.flush()


def test_hard_delete_is_refused(services):
    with pytest.raises(MutationRequired):
        with services.ctx.mutation("test", "xóa") as s:
            row = s.scalars(select(CommitteeName)).first()
            s.delete(row)


def test_disk_full_becomes_a_vietnamese_message_and_nothing_is_written(services, data_dir, monkeypatch):
    audits_before = _rows(data_dir, "SELECT count(*) FROM audit_log")[0][0]

    class Full(Exception):
        def __str__(self):
            return "database or disk is full"

    with pytest.raises(ServiceError) as err:
        with services.ctx.mutation("test", "đầy đĩa") as s:
            s.add(CommitteeName(cell_id=services.ctx.cell_id, level=1, name="Y", valid_from=dt.date(2026, 1, 1)))
            raise OperationalError("INSERT", {}, Full())
    assert err.value.message.startswith("Ổ đĩa đã đầy nên chưa lưu được.")
    assert _rows(data_dir, "SELECT count(*) FROM audit_log")[0][0] == audits_before


def test_a_database_error_is_said_in_vietnamese_and_its_english_text_goes_to_the_log(services, caplog):
    import sqlite3

    with pytest.raises(ServiceError) as err:
        with services.ctx.mutation("test", "khóa") as s:
            s.add(CommitteeName(cell_id=services.ctx.cell_id, level=1, name="Y", valid_from=dt.date(2026, 1, 1)))
            raise OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))
    assert err.value.message == ("Chưa lưu được thay đổi (dữ liệu đang được một chương trình khác sử dụng; hãy thử "
                                 "lại sau ít phút). Dữ liệu cũ không bị ảnh hưởng.")
    assert "database is locked" not in err.value.message
    assert "database is locked" in caplog.text


def test_listeners_hear_what_changed(services):
    heard = []
    services.ctx.subscribe(heard.append)
    info = services.cell.get()
    info.secretary_name = "Lê Văn Bình"
    services.cell.update(info)
    assert heard[-1].entities == frozenset({"cells"})
    assert heard[-1].summary == "Sửa thông tin chi bộ"


def _synced_models():
    from cellsec.store.base import Synced
    from cellsec.store.models import Base

    models = [m.class_ for m in Base.registry.mappers if issubclass(m.class_, Synced)]
    assert len(models) > 10  # every feature's tables, not only the registry's
    return sorted(models, key=lambda model: model.__tablename__)


def test_change_log_matches_data_for_every_entity(demo_services):
    """Over the whole demo (every feature's data) plus an edit and its undo: every row of every synced
    table has change-log rows, and the latest one holds the row's revision and exactly its columns."""
    from cellsec.store.base import snapshot

    services = demo_services
    info = services.cell.get()
    info.deputy_name = "Hồ Thị Lan"
    services.cell.update(info)
    services.undo_last()
    checked: dict[str, int] = {}
    with services.ctx.read() as s:
        latest = {}
        for entity, entity_id, rev, text in s.execute(
                select(ChangeLog.entity, ChangeLog.entity_id, ChangeLog.rev, ChangeLog.snapshot)
                .order_by(ChangeLog.seq)).all():
            latest[(entity, entity_id)] = (rev, text)
        for model in _synced_models():
            for row in s.scalars(select(model)).all():
                key = (model.__tablename__, row.id)
                assert key in latest, f"{key} has no change-log row"
                rev, text = latest[key]
                assert rev == row.rev, f"{key}: log rev {rev}, row rev {row.rev}"
                assert json.loads(text) == json.loads(json.dumps(snapshot(row), ensure_ascii=False)), key
                checked[model.__tablename__] = checked.get(model.__tablename__, 0) + 1
        assert json.loads(latest[("cells", services.ctx.cell_id)][1])["deputy_name"] == services.cell.get().deputy_name
        assert s.scalar(select(Audit).where(Audit.action == "undo")) is not None
    # The demo fills every feature: members, meetings, reviews, scores and dues rows were all compared.
    for table in ("cells", "members", "meetings", "meeting_attendance", "dues_payments"):
        assert checked.get(table, 0) > 0, table
    assert sum(checked.values()) == len(latest)  # and no log names a row that is not there


def test_device_id_is_stable_across_reopen(data_dir):
    svc = Services.open(data_dir)
    first = svc.ctx.device_id
    svc.close()
    svc = Services.open(data_dir)
    assert svc.ctx.device_id == first
    svc.close()


def test_an_edit_followed_by_a_non_undoable_action_on_the_same_rows_cannot_be_undone(services):
    info = services.cell.get()
    info.place_name = "Hà Tĩnh"
    services.cell.update(info)
    cell_id = services.ctx.cell_id
    from cellsec.store.models.core import Cell

    with services.ctx.mutation("lock", "khóa", undoable=False) as s:
        s.get(Cell, cell_id).secretary_name = "Đã khóa"
    assert services.last_undoable() is None
    with pytest.raises(ServiceError):
        services.undo_last()
    assert services.cell.get().place_name == "Hà Tĩnh"


def test_insert_snapshot_holds_the_column_defaults(services, data_dir):
    with services.ctx.mutation("test", "thêm") as s:
        s.add(CommitteeName(cell_id=services.ctx.cell_id, level=1, name="Z", valid_from=dt.date(2026, 1, 1)))
    snap = json.loads(_rows(data_dir, "SELECT snapshot FROM change_log ORDER BY seq DESC LIMIT 1")[0][0])
    assert snap["note"] == "" and snap["rev"] == 1 and snap["deleted_at"] is None
