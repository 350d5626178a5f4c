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


def test_sqlite_file_lives_in_the_data_folder(tmp_path):
    url = database_url(tmp_path / "srv")
    assert url.endswith(SQLITE_NAME) and (tmp_path / "srv").is_dir()
    assert database_url(tmp_path, "postgresql+psycopg://x@/y") == "postgresql+psycopg://x@/y"
    opened = open_store(url)
    opened.close()
    assert (tmp_path / "srv" / SQLITE_NAME).exists()
