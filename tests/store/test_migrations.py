
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from cellsec.store import migrate as migrate_module
from cellsec.store import keys
from cellsec.store.db import DB_NAME, StoreError, make_engine, open_store
from cellsec.store.migrate import head_revisions
from cellsec.store.models import Base
from cellsec.store.search import include_object
from tests import dbfile


def test_migrated_schema_matches_the_models(data_dir):
    store = open_store(data_dir)
    try:
        with store.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"include_object": include_object})
            diff = compare_metadata(context, Base.metadata)
        assert diff == [], f"models and migrations disagree: {diff}"
    finally:
        store.close()


def test_new_database_uses_wal_full_sync_and_foreign_keys(data_dir):
    store = open_store(data_dir)
    try:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            revisions = set(MigrationContext.configure(conn).get_current_heads())
        assert revisions == head_revisions()
    finally:
        store.close()


def test_upgrade_takes_a_backup_first_and_failure_leaves_old_file_usable(data_dir, monkeypatch):
    store = open_store(data_dir)
    store.close()
    db = data_dir / DB_NAME
    conn = dbfile.connect(db)
    conn.execute("INSERT INTO settings(key, value) VALUES ('marker', 'dữ liệu cũ')")
    conn.execute("DELETE FROM alembic_version")  # looks like a database before its first migration ran
    conn.commit()
    conn.close()
    before = db.read_bytes()

    def broken_upgrade(path, key):
        raise RuntimeError("migration bug")

    monkeypatch.setattr(migrate_module, "_upgrade", broken_upgrade)
    with pytest.raises(StoreError) as err:
        open_store(data_dir)
    assert "Dữ liệu cũ vẫn nguyên vẹn" in str(err.value)
    assert db.read_bytes() == before
    assert not (data_dir / (DB_NAME + ".migrating")).exists()
    backups = list((data_dir / "backups").glob("truoc-nang-cap-*.sqlite3"))
    assert len(backups) == 1
    with dbfile.connect(backups[0]) as b:
        assert b.execute("SELECT value FROM settings WHERE key='marker'").fetchone() == ("dữ liệu cũ",)


def test_database_from_a_newer_version_is_refused(data_dir):
    open_store(data_dir).close()
    conn = dbfile.connect(data_dir / DB_NAME)
    conn.execute("DELETE FROM alembic_version")
    conn.execute("INSERT INTO alembic_version VALUES ('9999_future')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError) as err:
        open_store(data_dir)
    assert "phiên bản CellSec mới hơn" in str(err.value)


@pytest.mark.parametrize("content, said", [(b"", "trống (0 byte)"), (b"this is not a database at all" * 100, "bị hỏng")])
def test_empty_or_damaged_file_is_refused_not_overwritten(data_dir, content, said):
    data_dir.mkdir(parents=True)
    db = data_dir / DB_NAME
    db.write_bytes(content)
    with pytest.raises(StoreError) as err:
        open_store(data_dir)
    assert said in str(err.value)
    assert db.read_bytes() == content  # kept exactly as found, never initialised over


def test_damaged_pages_are_detected(data_dir):
    open_store(data_dir).close()
    db = data_dir / DB_NAME
    raw = bytearray(db.read_bytes())
    raw[4096:8192] = b"\xff" * 4096  # smash the second page
    db.write_bytes(bytes(raw))
    with pytest.raises(StoreError):
        open_store(data_dir)


def test_unwritable_data_folder_gives_a_clear_message(tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    with pytest.raises(StoreError) as err:
        open_store(blocker / "data")
    assert "Không ghi được vào thư mục dữ liệu" in str(err.value)
    assert "Errno" not in str(err.value) and "directory" not in str(err.value)  # no system English on screen


def test_engine_helper_opens_existing_file(data_dir):
    open_store(data_dir).close()
    engine = make_engine(data_dir / DB_NAME, keys.load())
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM cells").scalar() == 0
    engine.dispose()


def test_heads_read_from_the_files_agree_with_alembic():
    from alembic.script import ScriptDirectory

    from cellsec.store.migrate import alembic_config

    assert head_revisions() == set(ScriptDirectory.from_config(alembic_config()).get_heads())


def test_opening_a_current_database_does_not_load_alembic(data_dir):
    import subprocess
    import sys

    open_store(data_dir).close()
    script = ("import sys; from cellsec.store.db import open_store; "
              f"open_store(__import__('pathlib').Path({str(data_dir)!r})).close(); print('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
