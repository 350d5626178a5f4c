"""Migration 0004_scoring creates exactly the scoring and dues tables the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from cellsec.store.db import DB_NAME, open_store
from cellsec.store.models import Base
from tests import dbfile

MINE = {"rubrics", "meeting_scores", "five_good_assessments", "dues_payments", "dues_rules_versions"}


def _tables(diff) -> set[str]:
    names = set()
    for entry in diff:
        for item in (entry if isinstance(entry, list) else [entry]):
            for part in item[1:]:
                table = getattr(part, "table", None) if not hasattr(part, "columns") else part
                name = getattr(table, "name", None) or (part if isinstance(part, str) else None)
                if name:
                    names.add(name)
    return names


def test_scoring_tables_match_the_models(data_dir):
    store = open_store(data_dir)
    try:
        with store.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    finally:
        store.close()
    assert not (_tables(diff) & MINE), diff
    with dbfile.connect(data_dir / DB_NAME) as conn:
        present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        heads = {r[0] for r in conn.execute("SELECT version_num FROM alembic_version")}
    assert MINE <= present
    assert "0004_scoring" in heads


def test_partial_unique_indexes_exist(data_dir):
    open_store(data_dir).close()
    with dbfile.connect(data_dir / DB_NAME) as conn:
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"uq_rubrics_key_version", "uq_meeting_scores_meeting", "uq_five_good_cell_year",
            "uq_five_good_member_year", "uq_dues_member_month", "uq_dues_rules_version"} <= indexes
