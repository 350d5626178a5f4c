"""Encryption at rest: the database and its automatic backups are SQLCipher files under this account's key; a
plain store is converted on start after a plain backup; a wrong or lost key is said in Vietnamese and the file
kept; a password backup brings the data back on a machine without the key."""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
import stat
import sys

import pytest
from keyring.backend import KeyringBackend

from cellsec.cli import main
from cellsec.services.backups import usable_backups_in
from cellsec.services.facade import Services
from cellsec.store import cipher, keys
from cellsec.store.db import DB_NAME, StoreError, offers_restore, open_store
from cellsec.store.quick import NotQuick, QuickReader

SECRET_PLACE = "Xóm Đồng Bần"  # a value that must never appear in a file on disk


def _place(services, place=SECRET_PLACE):
    info = services.cell.get()
    info.place_name = place
    services.cell.update(info)


def _unreadable_as_plain(path):
    data = path.read_bytes()
    assert not data.startswith(b"SQLite format 3"), path
    assert SECRET_PLACE.encode("utf-8") not in data and b"CREATE TABLE" not in data, path
    with pytest.raises(sqlite3.DatabaseError):  # the standard sqlite3 module sees no database
        sqlite3.connect(path).execute("SELECT * FROM cells").fetchall()


def _other_key(monkeypatch, tmp_path, name="other-laptop"):
    monkeypatch.setenv("CELLSEC_KEY_DIR", str(tmp_path / name))
    return keys.ensure()


def _make_plain(data_dir, key):
    """Turn the store into the plain file an older CellSec wrote."""
    db = data_dir / DB_NAME
    plain = data_dir / "plain.sqlite3"
    cipher.copy(db, key, plain, None)
    for suffix in ("-wal", "-shm"):
        (data_dir / (DB_NAME + suffix)).unlink(missing_ok=True)
    plain.replace(db)
    assert cipher.is_plain(db)


def test_the_data_file_its_wal_and_backups_are_encrypted(services, data_dir):
    _place(services)
    db = data_dir / DB_NAME
    _unreadable_as_plain(db)
    wal = data_dir / (DB_NAME + "-wal")
    if wal.exists() and wal.stat().st_size:
        assert SECRET_PLACE.encode("utf-8") not in wal.read_bytes()
    backup = services.backups.backup_now()
    _unreadable_as_plain(backup)
    with cipher.connect(backup, keys.load()) as conn:  # under the key it is the whole store
        assert conn.execute("SELECT place_name FROM cells").fetchone() == (SECRET_PLACE,)


def test_vietnamese_search_and_backup_and_restore_work_on_the_encrypted_store(services):
    from tests.services.members.test_service import member

    def found(text):
        return [hit.title for hit in services.search.search(text) if hit.kind == "member"]

    services.members.add(member("Nguyễn Thị Ánh Tuyết"))
    backup = services.backups.backup_now()
    services.members.add(member("Lê Văn Sáu"))
    assert found("anh tuyet") == ["Nguyễn Thị Ánh Tuyết"]  # FTS5 in the encrypted file, without diacritics
    assert found("SÁU") == ["Lê Văn Sáu"]
    services.backups.restore(backup)
    assert [m.full_name for m in services.members.list()] == ["Nguyễn Thị Ánh Tuyết"]
    assert found("sau") == []


def test_a_plain_store_is_encrypted_on_start_after_a_private_plain_backup(services, data_dir):
    _place(services)
    key = services.ctx.store.key
    old = services.backups.backup_now(dt.datetime(2026, 1, 5, 8, 0))  # an older version's backups were plain
    services.close()
    _make_plain(data_dir, key)
    cipher.copy(old, key, old.with_name("plain"), None)
    old.with_name("plain").replace(old)
    assert cipher.is_plain(old)
    svc = Services.open(data_dir)
    try:
        assert svc.cell.get().place_name == SECRET_PLACE
        listed = svc.backups.list()
    finally:
        svc.close()
    _unreadable_as_plain(data_dir / DB_NAME)
    [kept] = (data_dir / "backups").glob("truoc-ma-hoa-*.sqlite3")  # the way back, plain and private
    assert cipher.is_plain(kept) and stat.S_IMODE(kept.stat().st_mode) == 0o600
    with sqlite3.connect(kept) as conn:
        assert conn.execute("SELECT place_name FROM cells").fetchone() == (SECRET_PLACE,)
    assert [b.path for b in listed] == [old]
    _unreadable_as_plain(old)  # the older backups are encrypted too, and still restorable
    usable, damaged = usable_backups_in(data_dir)
    assert damaged == [] and [b.path for b in usable] == [old]
    restored = open_store(data_dir)
    restored.close()
    assert cipher.is_plain(kept)  # later starts leave it as it is
    assert not list(data_dir.glob("*.encrypting*")) and not list((data_dir / "backups").glob("*.part"))


HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("PRAGMA journal_mode=WAL")
conn.execute("SELECT count(*) FROM cells").fetchone()
print("open", flush=True)
sys.stdin.readline()
"""


def test_the_conversion_waits_while_another_program_has_the_plain_file_open(services, data_dir):
    import subprocess

    key = services.ctx.store.key
    services.close()
    _make_plain(data_dir, key)
    other = subprocess.Popen([sys.executable, "-c", HOLDER, str(data_dir / DB_NAME)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline() == "open\n"
        svc = Services.open(data_dir)  # works on the plain file as it is
        assert svc.cell.get().name == "Chi bộ Xuất bản - Kỹ thuật"
        svc.close()
        assert cipher.is_plain(data_dir / DB_NAME)
    finally:
        other.communicate("\n", timeout=30)
    svc = Services.open(data_dir)  # the next start, with nobody else on the file, converts it
    assert svc.cell.get().name == "Chi bộ Xuất bản - Kỹ thuật"
    svc.close()
    assert not cipher.is_plain(data_dir / DB_NAME)


def test_a_store_under_another_key_is_kept_and_said(services, data_dir, monkeypatch, tmp_path):
    services.close()
    db = data_dir / DB_NAME
    before = db.read_bytes()
    _other_key(monkeypatch, tmp_path)
    with pytest.raises(StoreError) as err:
        open_store(data_dir)
    assert "khóa của một máy hay một tài khoản khác" in str(err.value)
    assert offers_restore(err.value)
    assert db.read_bytes() == before
    with pytest.raises(NotQuick):
        QuickReader(data_dir)


def test_a_lost_key_is_said_and_a_password_backup_brings_the_data_back(services, data_dir, monkeypatch, tmp_path,
                                                                       capsys):
    _place(services)
    stick = tmp_path / "usb"
    stick.mkdir()
    sealed = services.backups.backup_to(stick, "mật khẩu của chi bộ")
    services.close()
    monkeypatch.setenv("CELLSEC_KEY_DIR", str(tmp_path / "reinstalled"))  # the credential store was lost
    with pytest.raises(StoreError) as err:
        open_store(data_dir)
    assert "khóa mã hóa của nó không còn trên máy này" in str(err.value) and ".cellsec-backup" in str(err.value)
    monkeypatch.setattr(sys, "stdin", io.StringIO("mật khẩu của chi bộ\n"))
    assert main(["--data-dir", str(data_dir), "backup", "restore", str(sealed), "--password-stdin"]) == 0
    assert "Tệp dữ liệu cũ được giữ lại" in capsys.readouterr().out
    assert main(["--data-dir", str(data_dir), "cell", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["place_name"] == SECRET_PLACE
    _unreadable_as_plain(data_dir / DB_NAME)  # encrypted again, under the new key


def test_without_a_system_keyring_the_key_file_is_private(services):
    path = keys.key_dir() / keys.KEY_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(bytes.fromhex(path.read_text())) == 32
    assert str(path) in keys.describe()


def test_a_damaged_key_file_is_said(data_dir, monkeypatch, tmp_path):
    _other_key(monkeypatch, tmp_path, "own-keys")  # never the session's key file
    open_store(data_dir).close()
    (keys.key_dir() / keys.KEY_FILE).write_text("not a key")
    with pytest.raises(StoreError) as err:
        open_store(data_dir)
    assert "Tệp khóa mã hóa" in str(err.value) and "bị hỏng" in str(err.value)


class MemoryKeyring(KeyringBackend):
    """Stands for Windows Credential Manager / the Keychain / Secret Service."""

    priority = 5
    secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        self.secrets.pop((service, username), None)


class RefusingKeyring(MemoryKeyring):
    def set_password(self, service, username, password):
        raise RuntimeError("access denied")


def _system_store(monkeypatch, tmp_path, backend):
    monkeypatch.delenv("CELLSEC_KEY_DIR")
    monkeypatch.setattr(keys, "key_dir", lambda: tmp_path / "user-config")  # never the real one
    monkeypatch.setattr(keys, "system_keyring", backend)


def test_a_keyring_that_refuses_the_key_leaves_it_in_the_private_key_file(monkeypatch, tmp_path, data_dir):
    _system_store(monkeypatch, tmp_path, RefusingKeyring)
    open_store(data_dir).close()
    assert (keys.key_dir() / keys.KEY_FILE).is_file() and not (keys.key_dir() / keys.STORE_NOTE).exists()
    open_store(data_dir).close()


def test_with_a_system_keyring_the_key_is_kept_there_not_in_a_file(monkeypatch, tmp_path, data_dir):
    _system_store(monkeypatch, tmp_path, MemoryKeyring)
    MemoryKeyring.secrets.clear()
    store = open_store(data_dir)
    store.close()
    assert list(MemoryKeyring.secrets) == [(keys.SERVICE, keys.ACCOUNT)]
    assert not (keys.key_dir() / keys.KEY_FILE).exists()
    assert keys.load() == store.key
    assert "kho mật khẩu của hệ điều hành" in keys.describe()
    open_store(data_dir).close()  # opened again with the key from the keyring
