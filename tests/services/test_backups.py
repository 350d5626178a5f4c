import datetime as dt
import sqlite3
from pathlib import Path

from tests import dbfile

from cellsec.store.backup import restore_backup
from cellsec.store.db import DB_NAME

T0 = dt.datetime(2026, 11, 22, 8, 0)


def _edit(services, place):
    info = services.cell.get()
    info.place_name = place
    services.cell.update(info)


def test_automatic_backup_after_changes_at_most_every_30_minutes(services):
    first = services.backups.auto_backup(T0)
    assert first is not None and first.exists()
    assert services.backups.auto_backup(T0 + dt.timedelta(hours=2)) is None  # nothing changed since
    _edit(services, "Hà Tĩnh")
    assert services.backups.auto_backup(T0 + dt.timedelta(minutes=10)) is None  # too soon
    second = services.backups.auto_backup(T0 + dt.timedelta(minutes=31))
    assert second is not None
    assert [b.path for b in services.backups.list()] == [second, first]


def test_backup_is_a_consistent_database_with_the_data(services):
    _edit(services, "Quảng Bình")
    path = services.backups.backup_now(T0)
    with dbfile.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT place_name FROM cells").fetchone() == ("Quảng Bình",)


def test_old_automatic_backups_are_thinned(services):
    for day in range(40):
        _edit(services, f"Nơi {day}")
        services.backups.auto_backup(T0 + dt.timedelta(days=day))
    kept = services.backups.list()
    assert 14 <= len(kept) < 40
    assert kept[0].taken_at == T0 + dt.timedelta(days=39)


def test_restore_keeps_the_current_file_aside(services, data_dir):
    backup = services.backups.backup_now(T0)
    _edit(services, "Sau khi sao lưu")
    services.close()
    aside = restore_backup(backup, data_dir)
    assert aside.exists()
    with dbfile.connect(data_dir / DB_NAME) as conn:
        assert conn.execute("SELECT place_name FROM cells").fetchone() == ("Nghệ An",)


def test_restore_from_the_running_services_reopens_the_data(services):
    backup = services.backups.backup_now(T0)
    _edit(services, "Sau khi sao lưu")
    heard = []
    services.ctx.subscribe(heard.append)
    safety = services.backups.restore(backup)
    assert services.cell.get().place_name == "Nghệ An"
    assert heard[-1].action == "backup.restore"
    with dbfile.connect(safety) as conn:  # what was there before the restore is not lost
        assert conn.execute("SELECT place_name FROM cells").fetchone() == ("Sau khi sao lưu",)


def test_a_failed_backup_says_why_in_vietnamese(services, monkeypatch):
    import errno

    import pytest

    from cellsec.services import backups
    from cellsec.services.errors import ServiceError

    def denied(*_args):
        raise PermissionError(errno.EACCES, "Permission denied", "/backups/x.sqlite3")

    monkeypatch.setattr(backups, "take_backup", denied)
    for attempt in (services.backups.backup_now, services.backups.auto_backup):
        with pytest.raises(ServiceError) as err:
            attempt()
        assert err.value.message == ("Chưa sao lưu được (không có quyền ghi hoặc đọc ở vị trí này). "
                                     "Dữ liệu hiện tại không bị ảnh hưởng.")
        assert "Permission" not in err.value.message and "Errno" not in err.value.message


def test_a_failed_restore_says_why_in_vietnamese(services, monkeypatch):
    import errno

    import pytest

    from cellsec.services.errors import ServiceError

    backup = services.backups.backup_now()

    from cellsec.store import backup as store_backup

    def full(source, source_key, dest, dest_key, progress=None):  # half the file is written, then the disk is full
        Path(dest).write_bytes(Path(source).read_bytes()[:4096])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_backup.cipher, "copy", full)
    before = sorted(p.name for p in services.data_dir.iterdir())
    with pytest.raises(ServiceError) as err:
        services.backups.restore(backup)
    assert err.value.message == f"Chưa khôi phục được bản sao lưu {backup.name} (ổ đĩa đã đầy)."
    assert services.members.list() == []  # the data is still open and usable
    assert services.cell.get().place_name == "Nghệ An"
    assert sorted(p.name for p in services.data_dir.iterdir()) == before  # no half-copied file left


def _restore_refused(services, data_dir, path, said):
    import pytest

    from cellsec.services.errors import ServiceError

    before = sorted(p.name for p in data_dir.iterdir())
    backups_before = len(services.backups.list())
    with pytest.raises(ServiceError) as err:
        services.backups.restore(path)
    assert said in str(err.value) and "Dữ liệu hiện tại không bị thay đổi" in str(err.value)
    assert services.cell.get().place_name == "Nghệ An"  # the data is still there, still open
    assert sorted(p.name for p in data_dir.iterdir()) == before  # nothing moved aside, no leftovers
    assert len(services.backups.list()) == backups_before  # refused before any safety backup


def test_restore_refuses_bad_files_before_moving_anything(services, data_dir, tmp_path):
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    _restore_refused(services, data_dir, empty, "tệp trống (0 byte)")
    foreign = tmp_path / "places.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY)")
    conn.close()
    _restore_refused(services, data_dir, foreign, "chương trình khác")
    _restore_refused(services, data_dir, data_dir / DB_NAME, "chính là tệp dữ liệu đang dùng")
    truncated = tmp_path / "truncated.sqlite3"
    truncated.write_bytes(services.backups.backup_now(T0).read_bytes()[:5000])
    services.backups.list()[0].path.unlink()
    _restore_refused(services, data_dir, truncated, "bị hỏng")


def test_restore_refuses_a_newer_schema_before_moving_anything(services, data_dir, tmp_path):
    newer = services.backups.backup_now(T0)
    with dbfile.connect(newer) as conn:
        conn.execute("INSERT INTO alembic_version VALUES ('9999_future')")
    conn.close()
    _restore_refused(services, data_dir, newer, "phiên bản CellSec mới hơn")


def test_restore_leaves_only_the_named_safety_copy(services, data_dir):
    backup = services.backups.backup_now(T0)
    _edit(services, "Sau khi sao lưu")
    safety = services.backups.restore(backup)
    assert safety.parent == services.backups.folder
    leftovers = [p.name for p in data_dir.iterdir() if p.name.startswith(DB_NAME) and p.name != DB_NAME]
    assert [n for n in leftovers if n not in (DB_NAME + "-wal", DB_NAME + "-shm")] == []
    services.close()  # the open store's own -wal/-shm go with it; nothing stale is left
    assert sorted(p.name for p in data_dir.iterdir() if p.is_file()) == [DB_NAME]


def test_a_full_disk_during_backup_leaves_no_part_file(services, monkeypatch):
    import types

    import pytest

    from cellsec.services.errors import ServiceError
    from cellsec.store import cipher

    real = cipher.dbapi

    class FillsTheDisk:  # the copy has begun (the .part file exists and has pages) when the disk fills
        def __init__(self, conn):
            self.conn = conn

        def execute(self, *args):
            return self.conn.execute(*args)

        def backup(self, target):
            target.execute("CREATE TABLE half (x)")
            target.commit()
            assert list(services.backups.folder.glob("*.part"))
            raise cipher.OperationalError("database or disk is full")

        def close(self):
            self.conn.close()

    def connect(path, *args, **kwargs):
        conn = real.connect(path, *args, **kwargs)
        return conn if str(path).endswith(".part") else FillsTheDisk(conn)

    monkeypatch.setattr(cipher, "dbapi", types.SimpleNamespace(**{**vars(real), "connect": connect}))
    with pytest.raises(ServiceError) as err:
        services.backups.backup_now(T0)
    assert err.value.message == "Chưa sao lưu được (ổ đĩa đã đầy). Dữ liệu hiện tại không bị ảnh hưởng."
    assert list(services.backups.folder.glob("*")) == []  # no 0-byte or half-written .part file


def test_restoring_an_older_backup_is_not_taken_for_deleted_records(demo_services):
    """The restored chain is shorter than the one sealed before: check-data must not call that tampering."""
    from tests.services.meeting_data import fill

    services = demo_services
    backup = services.backups.backup_now(T0)
    members = [m.id for m in services.members.list()]
    draft = services.meetings.create("chuyen_de", dt.date(2026, 11, 28), topic="Học tập nghị quyết")
    fill(services, draft.id, dict(zip(("Nguyễn Văn Đức", "Trần Thị Hồng", "Lê Văn Kiểm"), members)))
    services.meetings.approve(draft.id)
    assert services.finalise.verify_chain().ok  # seals the longer chain
    services.backups.restore(backup)
    report = services.finalise.verify_chain()
    assert report.ok, [p.text for p in report.problems]
