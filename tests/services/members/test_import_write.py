"""The import's bulk writer (services/members/import_write.py over store/bulk.py) stores exactly what the
ORM path (importer.write_with_orm: objects, flush, the change-log and search hooks) stores.

The same files are imported into two fresh stores, one through each path, with ids and the clock made
deterministic; then every table of the two database files is compared row by row (members, card and
status history, change log with its seq, revisions, operations and snapshots, the search rows and FTS5's
own tables) and so is the sync push payload built from the change log.
"""

import datetime as dt
import itertools
from types import SimpleNamespace

import pytest

from cellsec.services.facade import Services
from cellsec.services.members import importer
from cellsec.services.settings.cell import CellInfo
from cellsec.store import base, ids
from cellsec.store.db import DB_NAME
from cellsec.store.models.members import Member
from cellsec.store import bulk, sync_state
from cellsec.sync.protocol.ops import encode_ops
from cellsec.sync.service import SyncService
from tests import dbfile

from .test_importer import write_csv, write_xlsx

TODAY = dt.date(2026, 11, 22)
NOW = dt.datetime(2026, 11, 22, 3, 4, 5, 678901, tzinfo=dt.timezone.utc)
HEADER = ["Họ và tên", "Bí danh", "Ngày sinh", "Giới tính", "Số CCCD", "Số thẻ đảng viên", "Ngày vào Đảng",
          "Ngày chính thức", "Tình trạng sinh hoạt", "Điện thoại", "Quê quán", "Ghi chú"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Đặng"]
GIVEN = ["An", "Bình", "Đức", "Hương", "Sơn", "Tâm"]
MOVED = ["Đã chuyển sinh hoạt", "Miễn sinh hoạt", "Đã từ trần", "Sinh hoạt tạm thời"]
BATCH = 5
# Rows whose file status is not "active" get a second revision in the batch's second flush, among the
# session's dirty objects, which SQLAlchemy keeps in a set (no fixed order): one such row per batch at most,
# so the ORM path's order is a fixed one to compare with.
MOVED_EVERY = BATCH
AUDIT_COLUMNS = "id, action, summary, device_id, undoable, undone_by"


def file_rows(count: int, start: int = 0, *, changed: bool = False) -> list[list[str]]:
    rows = []
    for i in range(start, start + count):
        born = 1950 + i % 50
        female = i % 3 == 0
        name = f"{FAMILY[i % 5]} {'Thị' if female else 'Văn'} {GIVEN[i % 6]} {i}"
        rows.append([
            name, "Bác " + GIVEN[i % 6] if i % 4 == 0 else "", f"{1 + i % 28:02d}/{1 + i % 12:02d}/{born}",
            "Nữ" if female else "Nam", f"040{int(female)}{born % 100:02d}{i:06d}" if i % 7 else "",
            f"{37000000 + i}" if i % 5 else "", f"19/05/{born + 25}", f"19/05/{born + 26}" if i % 6 else "",
            MOVED[i // MOVED_EVERY % 4] if i % MOVED_EVERY == 2 else "Đang sinh hoạt",
            f"09{i:08d}", f"Xóm {i % 20}, xã Hưng Nguyên" + (" (mới)" if changed else ""), "" if i % 9 else "ghi chú",
        ])
    return rows


@pytest.fixture
def deterministic(monkeypatch):
    """new_id() from a counter that restarts for each store, base.utcnow() a constant."""
    counter = {"n": itertools.count(1)}
    monkeypatch.setattr(ids, "time", SimpleNamespace(time_ns=lambda: 1_790_000_000_000_000_000))
    monkeypatch.setattr(ids, "os", SimpleNamespace(urandom=lambda n: next(counter["n"]).to_bytes(n, "big")))
    monkeypatch.setattr(base, "utcnow", lambda: NOW)
    monkeypatch.setattr(importer, "BATCH", BATCH)

    def restart():
        counter["n"] = itertools.count(1)
    return restart


def new_store(path, restart) -> Services:
    restart()
    path.mkdir()
    svc = Services.open(path)
    svc.cell.setup(CellInfo(name="Chi bộ Văn phòng", place_name="Nghệ An", upper_committee="Đảng ủy Khối"))
    return svc


def import_file(svc: Services, path) -> importer.ImportResult:
    return svc.importer.commit(svc.importer.preview(path, today=TODAY), today=TODAY)


def tables(data_dir) -> dict[str, list[tuple]]:
    with dbfile.connect(data_dir / DB_NAME) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                            "AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE '%VIRTUAL%'")]
        # FTS5's segments (_data, _idx) are laid out by when SQLite flushed its pending terms, which the ORM's
        # statements (multi-row INSERT ... RETURNING) also decide; what the index holds is compared instead:
        # every term, record, column and offset (fts5vocab), with the per-record sizes (_docsize).
        names = [n for n in names if n not in ("search_fts_data", "search_fts_idx")]
        conn.execute("CREATE VIRTUAL TABLE temp.indexed USING fts5vocab(main, search_fts, instance)")
        names.append("indexed")
        # (audit_log.at takes its column default, the real clock: every other column is compared.) Rows
        # are sorted as text: each holds its own seq / rowid / id, so equal rows mean an equal order too.
        return {name: sorted(conn.execute(f'SELECT {AUDIT_COLUMNS if name == "audit_log" else "*"} FROM "{name}"'),
                             key=repr) for name in names}


def push_payload(svc: Services) -> bytes:
    with svc.ctx.read() as s:
        rows = sync_state.outbox(s, None)
        return encode_ops(SyncService.ops_of(SyncService(svc.ctx), rows, "device"))


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_bulk_and_orm_paths_store_the_same_rows(tmp_path, monkeypatch, deterministic, kind):
    write = write_csv if kind == "csv" else write_xlsx
    first = write(tmp_path / f"first.{kind}", [HEADER, *file_rows(23)])
    # A second import: an update and 4 new rows in its first batch (a batch with an update stays on the ORM
    # path in both stores; one update, for the reason above), then new rows.
    second = write(tmp_path / f"second.{kind}", [HEADER, *file_rows(10, start=22, changed=True),
                                                   *file_rows(11, start=40)])
    orm_written = []
    real_bulk = importer.write_added

    def orm(s, cell_id, adds):
        orm_written.append(len(adds))
        importer.write_with_orm(s, cell_id, adds, [])

    stores = {}
    for name, writer in (("orm", orm), ("bulk", real_bulk)):
        monkeypatch.setattr(importer, "write_added", writer)
        svc = new_store(tmp_path / name, deterministic)
        results = [import_file(svc, first).as_json(), import_file(svc, second).as_json()]
        stores[name] = (svc, results)
    assert sum(orm_written) == 23 + 16  # the ORM store really went the old way
    (orm_svc, orm_results), (bulk_svc, bulk_results) = stores["orm"], stores["bulk"]
    assert orm_results == bulk_results
    assert [r["imported"] for r in bulk_results] == [23, 20] and bulk_results[1]["updated"] == 1

    orm_tables, bulk_tables = tables(tmp_path / "orm"), tables(tmp_path / "bulk")
    assert orm_tables.keys() == bulk_tables.keys()
    assert len(bulk_tables["members"]) == 43 and len(bulk_tables["member_status_changes"]) == 8
    assert any("update" in row for row in bulk_tables["change_log"])  # the second revisions are in
    for name in orm_tables:
        assert orm_tables[name] == bulk_tables[name], name
    assert push_payload(orm_svc) == push_payload(bulk_svc)
    # and the search finds what the import wrote
    assert [h.title for h in bulk_svc.search.search("le van tam 17")] == ["Lê Văn Tâm 17"]


def test_a_bulk_write_outside_a_mutation_is_refused(services):
    with services.ctx.read() as s:
        flush = bulk.Flush(s)
        flush.insert(Member, [{"cell_id": services.ctx.cell_id, "full_name": "X", "name_folded": "x"}])
        with pytest.raises(base.MutationRequired):
            flush.write()


def test_an_update_to_equal_values_writes_nothing(services):
    flush = bulk.Flush(None)
    row = {"id": "a", "rev": 1, "activity_status": "active"}
    flush.update(Member, [row], [{"activity_status": "active"}])
    assert flush.updates == [] and row["rev"] == 1
