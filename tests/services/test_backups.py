import datetime as dt
import sqlite3

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
    with sqlite3.connect(path) as conn:
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
    with sqlite3.connect(data_dir / DB_NAME) as conn:
        assert conn.execute("SELECT place_name FROM cells").fetchone() == ("Nghệ An",)


def test_restore_from_the_running_services_reopens_the_data(services):
    backup = services.backups.backup_now(T0)
    _edit(services, "Sau khi sao lưu")
    heard = []
    services.ctx.subscribe(heard.append)
    safety = services.backups.restore(backup)
    assert services.cell.get().place_name == "Nghệ An"
    assert heard[-1].action == "backup.restore"
    with sqlite3.connect(safety) as conn:  # what was there before the restore is not lost
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

    from cellsec.services import backups
    from cellsec.services.errors import ServiceError

    backup = services.backups.backup_now()

    def full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backups, "restore_backup", full)
    with pytest.raises(ServiceError) as err:
        services.backups.restore(backup)
    assert err.value.message == f"Chưa khôi phục được bản sao lưu {backup.name} (ổ đĩa đã đầy)."
    assert services.members.list() == []  # the data is reopened and usable
