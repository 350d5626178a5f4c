from sqlalchemy import inspect, text

from cellsec.server.store.db import SQLITE_NAME, database_url, open_store


def test_schema_is_migrated_and_keys_are_kept(store, db_url):
    tables = set(inspect(store.engine).get_table_names())
    assert {"committees", "cells", "devices", "ops", "entities", "enrollment_codes", "request_nonces",
            "security_events", "alembic_version"} <= tables
    again = open_store(db_url)  # a second start migrates nothing and keeps the key pair
    try:
        assert again.keys.public == store.keys.public
    finally:
        again.close()


def test_snapshots_are_jsonb_on_postgresql(store):
    if store.dialect != "postgresql":
        return
    with store.engine.connect() as conn:
        kinds = dict(conn.execute(text(
            "SELECT table_name, data_type FROM information_schema.columns WHERE column_name = 'snapshot'")).all())
    assert kinds == {"ops": "jsonb", "entities": "jsonb", "committee_records": "jsonb"}


def test_large_snapshots_are_compressed_with_lz4_where_postgresql_has_it(store):
    """Every pooled connection, also after a rollback (a SET undone with its transaction would be lost)."""
    if store.dialect != "postgresql":
        return
    with store.engine.connect() as conn:
        has_lz4 = conn.scalar(text("SELECT 'lz4' = ANY(enumvals) FROM pg_settings "
                                   "WHERE name = 'default_toast_compression'"))
        conn.rollback()
    for _ in range(3):
        with store.transaction() as session:
            assert session.scalar(text("SHOW default_toast_compression")) == ("lz4" if has_lz4 else "pglz")
            session.rollback()


def test_sqlite_file_lives_in_the_data_folder(tmp_path):
    url = database_url(tmp_path / "srv")
    assert url.endswith(SQLITE_NAME) and (tmp_path / "srv").is_dir()
    assert database_url(tmp_path, "postgresql+psycopg://x@/y") == "postgresql+psycopg://x@/y"
    opened = open_store(url)
    opened.close()
    assert (tmp_path / "srv" / SQLITE_NAME).exists()
