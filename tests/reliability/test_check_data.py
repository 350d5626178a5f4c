"""Issue 15: `cellsec check-data` against a careful tamperer working on the database file directly.

Every column of every finalised table (derived from the models, so a column added later is in this test
too) is edited in SQLite, one at a time, and check-data names it; deleting the newest finalised records,
or all of them, or rewriting the whole chain with fresh SHA-256 hashes, is reported too.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import Boolean, Date, DateTime, Integer, Numeric

from cellsec.cli import main
from cellsec.domain.hashchain import GENESIS, chain_hash
from cellsec.services.finalise_fields import SEALED_TABLES, UNSEALED_COLUMNS
from cellsec.store.remote import model_for_table
from tests import dbfile


def check(data_dir, capsys) -> tuple[int, list[dict]]:
    code = main(["--data-dir", str(data_dir), "check-data", "--json"])
    return code, json.loads(capsys.readouterr().out)["problems"]


def changed_value(column, value):
    """A different value of the column's own type, as SQLite would hold it."""
    kind = column.type
    if isinstance(kind, Boolean):
        return 0 if value else 1
    if isinstance(kind, (Integer, Numeric)):
        return (value or 0) + 1000  # clear of unique keys (year, list number)
    if isinstance(kind, Date):
        return "2001-02-03" if value != "2001-02-03" else "2001-02-04"
    if isinstance(kind, DateTime) or type(kind).__name__ == "UtcDateTime":
        return "2001-02-03 04:05:06.000000" if value != "2001-02-03 04:05:06.000000" else "2001-02-03 04:05:07.000000"
    return (value or "") + "x"


def targets(db) -> list[tuple[str, str, str, str]]:
    """(kind, table, row id, column) for every column of one finalised document of every kind."""
    out = []
    for kind, tables in SEALED_TABLES.items():
        entity_id = db.execute("SELECT entity_id FROM finalised_documents WHERE kind = ? ORDER BY seq DESC LIMIT 1",
                               (kind,)).fetchone()[0]
        for spec in tables:
            table, _, fk = spec.partition(":")
            row_id = entity_id if not fk else db.execute(
                f"SELECT id FROM {table} WHERE {fk} = ? ORDER BY id LIMIT 1", (entity_id,)).fetchone()[0]
            for column in model_for_table(table).__table__.columns:
                if column.name not in UNSEALED_COLUMNS:
                    out.append((kind, table, row_id, column.name))
    return out


def _keys(kind: str, table: str) -> set[str]:
    """The columns that say which row is which: editing them makes the row another row (checked apart)."""
    fks = {spec.partition(":")[2] for spec in SEALED_TABLES[kind][1:] if spec.partition(":")[0] == table}
    return {"id", *fks}


def test_every_column_of_every_finalised_table_edited_directly_is_named(demo_services, capsys):
    """Every non-key column of one finalised document of each kind is edited at once (one check names
    them all, each as table.column); each key column then alone (the row is missing or moved away)."""
    data_dir = demo_services.data_dir
    demo_services.close()
    assert check(data_dir, capsys) == (0, [])
    db = dbfile.connect(data_dir / "cellsec.sqlite3", isolation_level=None)
    try:
        found = targets(db)
        assert {t for _, t, _, _ in found} == {s.partition(":")[0] for specs in SEALED_TABLES.values() for s in specs}
        edited, keys = [], []
        for kind, table, row_id, name in found:
            if name in _keys(kind, table):
                keys.append((kind, table, row_id, name))
                continue
            column = model_for_table(table).__table__.c[name]
            old = db.execute(f"SELECT {name} FROM {table} WHERE id = ?", (row_id,)).fetchone()[0]
            db.execute(f"UPDATE {table} SET {name} = ? WHERE id = ?", (changed_value(column, old), row_id))
            edited.append((table, row_id, name, old))
        code, problems = check(data_dir, capsys)
        named = {f for p in problems for f in p["fields"]}
        assert code == 4 and {f"{t}.{n}" for t, _, n, _ in edited} <= named, sorted(
            {f"{t}.{n}" for t, _, n, _ in edited} - named)
        for table, row_id, name, old in edited:
            db.execute(f"UPDATE {table} SET {name} = ? WHERE id = ?", (old, row_id))
        assert check(data_dir, capsys) == (0, [])
        for kind, table, row_id, name in keys:
            old = db.execute(f"SELECT {name} FROM {table} WHERE id = ?", (row_id,)).fetchone()[0]
            db.execute(f"UPDATE {table} SET {name} = ? WHERE id = ?", (old + "x", row_id))
            code, problems = check(data_dir, capsys)
            db.execute(f"UPDATE {table} SET {name} = ? WHERE id = ?", (old, row_id + "x" if name == "id" else row_id))
            if table == SEALED_TABLES[kind][0]:  # the document is gone under its id
                assert "record_missing" in [p["code"] for p in problems], (table, name, problems)
            else:  # a child row moved away from its document
                assert f"{table}.(row removed)" in {f for p in problems for f in p["fields"]}, (table, name, problems)
    finally:
        db.close()
    assert check(data_dir, capsys) == (0, [])  # everything put back: whole again


@pytest.fixture
def demo_dir(demo_services, capsys):
    data_dir = demo_services.data_dir
    demo_services.close()
    assert check(data_dir, capsys) == (0, [])  # the first check seals the chain's length and head
    return data_dir


def test_deleting_the_newest_finalised_record_is_reported(demo_dir, capsys):
    with dbfile.connect(demo_dir / "cellsec.sqlite3") as db:
        kind, entity_id = db.execute("SELECT kind, entity_id FROM finalised_documents ORDER BY seq DESC").fetchone()
        db.execute("DELETE FROM finalised_documents WHERE seq = (SELECT max(seq) FROM finalised_documents)")
    code, problems = check(demo_dir, capsys)
    assert code == 4
    # The document is still finalised and its record is gone: named as not chained, or (when an earlier
    # version of it remains in the chain) as differing from that version.
    assert {p["code"] for p in problems if p["entity_id"] == entity_id} & {"not_chained", "record_changed"}
    assert any(p["code"] == "chain_truncated" and "trước có 85 bản lưu, nay còn 84" in p["text"] for p in problems)


def test_deleting_the_newest_minutes_with_their_record_is_reported(demo_dir, capsys):
    with dbfile.connect(demo_dir / "cellsec.sqlite3") as db:
        db.execute("PRAGMA foreign_keys = OFF")
        newest = db.execute("SELECT entity_id, seq FROM finalised_documents WHERE kind = 'minutes' "
                            "ORDER BY seq DESC").fetchone()
        db.execute("DELETE FROM finalised_documents WHERE seq >= ?", (newest[1],))
        db.execute("DELETE FROM meeting_attendance WHERE meeting_id = ?", (newest[0],))
        db.execute("DELETE FROM meetings WHERE id = ?", (newest[0],))
    code, problems = check(demo_dir, capsys)
    assert code == 4 and "chain_truncated" in {p["code"] for p in problems}


def test_deleting_every_finalised_record_is_reported(demo_dir, capsys):
    with dbfile.connect(demo_dir / "cellsec.sqlite3") as db:
        documents = db.execute("SELECT count(DISTINCT kind || entity_id) FROM finalised_documents").fetchone()[0]
        db.execute("DELETE FROM finalised_documents")
    code, problems = check(demo_dir, capsys)
    codes = [p["code"] for p in problems]
    assert code == 4 and "chain_truncated" in codes and codes.count("not_chained") == documents == 62


def test_a_chain_recomputed_with_plain_sha256_is_reported(demo_dir, capsys):
    """Edit approved minutes, then rebuild every record's content and hash as the program would: the chain
    is whole in itself, but its head is not the one sealed outside the database."""
    with dbfile.connect(demo_dir / "cellsec.sqlite3") as db:
        minutes_id = db.execute("SELECT entity_id FROM finalised_documents WHERE kind = 'minutes' "
                                "ORDER BY seq DESC").fetchone()[0]
        db.execute("UPDATE meetings SET location = 'Nhà văn hóa xóm 3' WHERE id = ?", (minutes_id,))
        rows = db.execute("SELECT id, kind, entity_id, version, finalised_at, content_json FROM finalised_documents "
                          "ORDER BY seq").fetchall()
        prev = GENESIS
        for row_id, kind, entity_id, version, at, content_json in rows:
            content = json.loads(content_json)
            if entity_id == minutes_id:
                content["sealed"]["meetings"]["location"] = "Nhà văn hóa xóm 3"
            stamp = dt.datetime.fromisoformat(at).replace(tzinfo=dt.timezone.utc).isoformat()
            digest = chain_hash(kind, entity_id, version, stamp, content, prev)
            db.execute("UPDATE finalised_documents SET content_json = ?, hash = ?, prev_hash = ? WHERE id = ?",
                       (json.dumps(content, ensure_ascii=False), digest, prev, row_id))
            prev = digest
    code, problems = check(demo_dir, capsys)
    assert code == 4 and [p["code"] for p in problems] == ["chain_rewritten"], problems
