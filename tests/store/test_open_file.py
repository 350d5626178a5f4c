"""What the store finds in the data file before it opens it: an empty, foreign or unreadable file is reported
and kept exactly as it is, never taken as a new empty cell."""

from __future__ import annotations

import errno
import sqlite3

import pytest

from cellsec.store import db as db_module
from cellsec.store.db import DB_NAME, StoreError, offers_restore, open_store


def _foreign_database(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("CREATE TABLE moz_bookmarks (id INTEGER PRIMARY KEY, title TEXT)")
    conn.execute("INSERT INTO moz_places(url) VALUES ('https://example.org')")
    conn.commit()
    conn.close()


def test_another_programs_sqlite_file_is_named_and_kept(data_dir):
    data_dir.mkdir(parents=True)
    db = data_dir / DB_NAME
    _foreign_database(db)
    before = db.read_bytes()
    with pytest.raises(StoreError) as err:
        open_store(data_dir)
    assert "cơ sở dữ liệu của một chương trình khác" in str(err.value)
    assert "moz_bookmarks, moz_places" in str(err.value)  # says what it found
    assert offers_restore(err.value)
    assert db.read_bytes() == before
    with sqlite3.connect(db) as conn:  # no CellSec table was added to it
        assert {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")} == {
            "moz_places", "moz_bookmarks"}


def test_a_sqlite_file_without_tables_is_not_initialised(data_dir):
    data_dir.mkdir(parents=True)
    db = data_dir / DB_NAME
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version=7")  # a real, non-empty SQLite file with no tables
    conn.close()
    before = db.read_bytes()
    assert before
    with pytest.raises(StoreError) as err:
        open_store(data_dir)
    assert "không có bảng nào" in str(err.value)
    assert db.read_bytes() == before


def test_an_empty_file_offers_a_restore_and_stays_empty(data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / DB_NAME).write_bytes(b"")
    with pytest.raises(StoreError) as err:
        open_store(data_dir)
    assert offers_restore(err.value)
    assert (data_dir / DB_NAME).stat().st_size == 0
    assert not (data_dir / "backups").exists()  # nothing was started over it


def test_an_unreadable_file_says_so_in_vietnamese(data_dir, monkeypatch):
    open_store(data_dir).close()
    real_open = open

    def denied(path, *args, **kwargs):  # root reads any file, so the refusal is simulated
        if str(path).endswith(DB_NAME):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", denied)
    with pytest.raises(StoreError) as err:
        open_store(data_dir)
    assert "Không đọc được tệp dữ liệu" in str(err.value)
    assert "không có quyền" in str(err.value) and "Permission" not in str(err.value)
    assert offers_restore(err.value)


def test_a_real_store_still_opens(data_dir):
    open_store(data_dir).close()
    store = open_store(data_dir)
    store.close()
    assert db_module.table_names(data_dir / DB_NAME, store.key) >= {"cells", "alembic_version"}
