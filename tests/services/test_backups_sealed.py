"""Encrypted backups to a folder the user chooses (a USB stick), and restoring them."""

from __future__ import annotations

import datetime as dt
import errno
import os

import pytest

from cellsec.services.errors import ServiceError
from cellsec.store import sealed
from cellsec.store.db import DB_NAME
from tests import dbfile

T0 = dt.datetime(2026, 11, 22, 8, 0)
PASSWORD = "Mật khẩu chi bộ 2026"


@pytest.fixture(autouse=True)
def _fast_kdf(monkeypatch):
    monkeypatch.setattr(sealed, "SCRYPT_LOG2_N", 10)


def _edit(services, place):
    info = services.cell.get()
    info.place_name = place
    services.cell.update(info)


def _state(data_dir):
    return sorted((p.name, p.stat().st_size) for p in data_dir.iterdir() if p.is_file())


def test_backup_to_a_stick_and_restore_from_it(services, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    path = services.backups.backup_to(usb, PASSWORD, T0)
    assert path == usb / "cellsec-20261122-080000.cellsec-backup"
    assert list(usb.iterdir()) == [path]  # no .part, no plain copy on the stick
    raw = path.read_bytes()
    assert "Nghệ An".encode() not in raw and b"SQLite format 3" not in raw
    assert not list(services.backups.folder.glob(".sealing*"))  # the plain copy made for sealing is gone
    _edit(services, "Sau khi sao lưu")
    safety = services.backups.restore_sealed(path, PASSWORD)
    assert services.cell.get().place_name == "Nghệ An"
    assert safety.exists()
    assert not (services.data_dir / ".giai-ma").exists()


def test_a_wrong_password_changes_nothing(services, tmp_path):
    path = services.backups.backup_to(tmp_path, PASSWORD, T0)
    _edit(services, "Sau khi sao lưu")
    before, backups = _state(services.data_dir), len(services.backups.list())
    with pytest.raises(ServiceError) as err:
        services.backups.restore_sealed(path, "mật khẩu sai")
    assert err.value.message == "Mật khẩu không đúng. Dữ liệu hiện tại không bị thay đổi."
    assert services.cell.get().place_name == "Sau khi sao lưu"
    assert len(services.backups.list()) == backups  # not even a safety backup was taken
    assert [n for n, _ in _state(services.data_dir)] == [n for n, _ in before]


def test_a_file_cut_short_on_the_stick_is_refused_whole(services, tmp_path):
    path = services.backups.backup_to(tmp_path, PASSWORD, T0)
    path.write_bytes(path.read_bytes()[:-4096])
    _edit(services, "Sau khi sao lưu")
    with pytest.raises(ServiceError) as err:
        services.backups.restore_sealed(path, PASSWORD)
    assert "bị thiếu một phần" in err.value.message
    assert services.cell.get().place_name == "Sau khi sao lưu"


def test_the_stick_full_leaves_nothing_on_it(services, tmp_path, monkeypatch):
    usb = tmp_path / "usb"
    usb.mkdir()

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sealed.os, "fsync", full)
    with pytest.raises(ServiceError) as err:
        services.backups.backup_to(usb, PASSWORD, T0)
    assert err.value.message == "Chưa sao lưu được (ổ đĩa đã đầy). Dữ liệu hiện tại không bị ảnh hưởng."
    assert list(usb.iterdir()) == []
    assert not list(services.backups.folder.glob(".sealing*"))


def test_a_missing_folder_and_a_short_password_are_said(services, tmp_path):
    with pytest.raises(ServiceError, match="Không tìm thấy thư mục"):
        services.backups.backup_to(tmp_path / "rút-ra", PASSWORD)
    with pytest.raises(ServiceError, match="ít nhất 8 ký tự"):
        services.backups.backup_to(tmp_path, "ngắn")


def test_an_encrypted_file_without_a_password_asks_for_one(services, tmp_path):
    path = services.backups.backup_to(tmp_path, PASSWORD, T0)
    with pytest.raises(ServiceError, match="cần mật khẩu"):
        services.backups.restore(path)


def test_restore_over_a_damaged_store_without_services(services, data_dir, tmp_path):
    from cellsec.services.backups import restore_unopened
    from cellsec.services.facade import Services

    path = services.backups.backup_to(tmp_path, PASSWORD, T0)
    services.close()
    (data_dir / DB_NAME).write_bytes(b"\0" * 8192)
    with pytest.raises(ServiceError, match="Mật khẩu không đúng"):
        restore_unopened(path, data_dir, "không phải mật khẩu")
    assert (data_dir / DB_NAME).read_bytes() == b"\0" * 8192
    restore_unopened(path, data_dir, PASSWORD)
    reopened = Services.open(data_dir)
    try:
        assert reopened.cell.get().place_name == "Nghệ An"
    finally:
        reopened.close()
    with dbfile.connect(data_dir / DB_NAME) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    assert os.listdir(data_dir).count(".giai-ma") == 0
