"""The full-text search index over minutes, resolutions and member names.

`search_docs` holds one row per indexed record with its original (NFC) title and text; `search_fts`, an
FTS5 table (`tokenize="unicode61 remove_diacritics 2"`, contentless, rowid = search_docs.id) indexes the
folded copy (cellsec.domain.text.fold: marks stripped, đ→d, case folded). Both are derived data: they
carry no change log and can be rebuilt from the records at any time (`rebuild`).

The index is kept by application code in the same transaction as the data: a `after_flush` hook
re-indexes every member, meeting and resolution the flush inserted or changed (a tombstoned record
leaves the index). No SQL functions or triggers are involved, so any SQLite reads the file.

Order of results: newest first, members (undated) before everything. A row's id encodes its date
(`day ordinal << 22` + a counter), so FTS5 can walk matches in rowid order and stop at the limit. Ranking
by bm25 instead scores every match: ~100 ms for a common word over 50,000 meetings, against ~2–20 ms.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Iterable

from sqlalchemy import Connection, Date, Index, Integer, String, Text, event, select, text
from sqlalchemy.orm import Mapped, Session, mapped_column

from ..domain.meetings import content_from_dict, content_search_text, meeting_subtitle
from ..domain.text import fold
from .base import Base
from .models.meetings import Meeting, Resolution
from .models.members import Member

FTS_TABLE = "search_fts"
# The DDL the migration runs (kept here for `rebuild` and tests; migrations copy it, frozen).
FTS_DDL = (f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
           "folded, content='', tokenize='unicode61 remove_diacritics 2')")

KINDS = ("meeting", "resolution", "member")

_DAY_SHIFT = 22  # room for 4 million records per day
_UNDATED = dt.date.max.toordinal()  # members: above every date, so they come first


def _rowid_base(day: dt.date | None) -> int:
    return (day.toordinal() if day else _UNDATED) << _DAY_SHIFT


def _next_rowid(conn: Connection, day: dt.date | None) -> int:
    base = _rowid_base(day)
    # (Statements of one record's upkeep go to the driver as they are: a flush re-indexing 500 changed
    # members ran 2,500 of them, and building each as a SQLAlchemy text() cost more than running it.)
    top = conn.exec_driver_sql("SELECT max(id) FROM search_docs WHERE id BETWEEN ? AND ?",
                               (base, base + (1 << _DAY_SHIFT) - 1)).scalar()
    return base if top is None else top + 1


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic `include_object` hook: the FTS5 table and its shadow tables (search_fts_data, _idx,
    _docsize, _config) are created by the migration's op.execute, not by the models: leave them out of
    autogenerate and of models-vs-schema comparisons."""
    return not (type_ == "table" and (name or "").startswith(FTS_TABLE))


class SearchDoc(Base):
    """What a search hit shows: kind, record id, date, title and the original text (NFC)."""

    __tablename__ = "search_docs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    cell_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[str] = mapped_column(String(36))
    day: Mapped[dt.date | None] = mapped_column(Date, default=None)
    title: Mapped[str] = mapped_column(String(500), default="")
    body: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("uq_search_docs_entity", "kind", "entity_id", unique=True),)


@dataclass(frozen=True)
class IndexedText:
    kind: str
    entity_id: str
    cell_id: str
    day: dt.date | None
    title: str
    body: str


def _folded(title: str, body: str) -> str:
    return fold(f"{title}\n{body}")


# ---- what each record contributes ------------------------------------------------------------------


def member_document(m: Member) -> IndexedText | None:
    if m.deleted_at is not None:
        return None
    body = "\n".join(x for x in (m.full_name, m.alias) if x)
    return IndexedText("member", m.id, m.cell_id, None, m.full_name, body)


def meeting_document(m: Meeting) -> IndexedText | None:
    if m.deleted_at is not None:
        return None
    content = content_from_dict(json.loads(m.content or "{}"))
    title = meeting_subtitle(m.kind, m.period_month, m.period_year, m.topic)
    return IndexedText("meeting", m.id, m.cell_id, m.held_on, title, content_search_text(content))


def resolution_document(r: Resolution) -> IndexedText | None:
    if r.deleted_at is not None:
        return None
    title = f"Nghị quyết {r.title}".strip()
    return IndexedText("resolution", r.id, r.cell_id, r.issued_on, title, r.body)


DOCUMENT_BUILDERS: dict[type, Any] = {
    Member: ("member", member_document),
    Meeting: ("meeting", meeting_document),
    Resolution: ("resolution", resolution_document),
}


# ---- writing ---------------------------------------------------------------------------------------


def remove(conn: Connection, kind: str, entity_id: str) -> None:
    row = conn.exec_driver_sql("SELECT id, title, body FROM search_docs WHERE kind = ? AND entity_id = ?",
                               (kind, entity_id)).first()
    if row is None:
        return
    # A contentless FTS5 table forgets a row when given the exact text it indexed.
    conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, folded) VALUES ('delete', ?, ?)",
                         (row.id, _folded(row.title, row.body)))
    conn.exec_driver_sql("DELETE FROM search_docs WHERE id = ?", (row.id,))


def put(conn: Connection, doc: IndexedText) -> None:
    remove(conn, doc.kind, doc.entity_id)
    rowid = _next_rowid(conn, doc.day)
    conn.exec_driver_sql(
        "INSERT INTO search_docs (id, cell_id, kind, entity_id, day, title, body) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (rowid, doc.cell_id, doc.kind, doc.entity_id, doc.day.isoformat() if doc.day else None, doc.title,
         doc.body))
    conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE} (rowid, folded) VALUES (?, ?)",
                         (rowid, _folded(doc.title, doc.body)))


def put_many(conn: Connection, docs: Iterable[IndexedText]) -> int:
    """Bulk insert of records not indexed yet (rebuild, benchmarks): two executemany calls."""
    docs = list(docs)
    if not docs:
        return 0
    next_ids: dict[int, int] = {}
    rows = []
    for d in docs:
        base = _rowid_base(d.day)
        if base not in next_ids:
            next_ids[base] = _next_rowid(conn, d.day)
        rows.append((next_ids[base], d))
        next_ids[base] += 1
    conn.exec_driver_sql(
        "INSERT INTO search_docs (id, cell_id, kind, entity_id, day, title, body) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(i, d.cell_id, d.kind, d.entity_id, d.day.isoformat() if d.day else None, d.title, d.body)
         for i, d in rows])
    conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE} (rowid, folded) VALUES (?, ?)",
                         [(i, _folded(d.title, d.body)) for i, d in rows])
    return len(docs)


def rebuild(session: Session) -> int:
    """Empty the index and index every live member, meeting and resolution again."""
    conn = session.connection()
    conn.execute(text("DELETE FROM search_docs"))
    conn.execute(text(f"DROP TABLE IF EXISTS {FTS_TABLE}"))
    conn.execute(text(FTS_DDL))
    docs: list[IndexedText] = []
    for model, (_kind, build) in DOCUMENT_BUILDERS.items():
        for obj in session.scalars(select(model).where(model.deleted_at.is_(None))):
            doc = build(obj)
            if doc is not None:
                docs.append(doc)
    return put_many(conn, docs)


@event.listens_for(Session, "after_flush")
def _maintain_index(session: Session, flush_context) -> None:
    """Same transaction as the data: the index can never disagree with committed records."""
    changed = [obj for obj in (*session.new, *session.dirty) if type(obj) in DOCUMENT_BUILDERS]
    if not changed:
        return
    conn = session.connection()
    added: list[IndexedText] = []
    new = {id(obj) for obj in session.new}  # (session.new builds a new set on every use: once, not per record)
    for obj in changed:
        kind, build = DOCUMENT_BUILDERS[type(obj)]
        doc = build(obj)
        if doc is None:
            remove(conn, kind, obj.id)
        elif id(obj) in new:
            added.append(doc)  # a new record has nothing indexed yet: batched below (an import adds thousands)
        else:
            put(conn, doc)
    put_many(conn, added)


# ---- reading ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RawHit:
    kind: str
    entity_id: str
    day: dt.date | None
    title: str
    body: str


def query(session: Session, cell_id: str, match: str, limit: int, kinds: Iterable[str] = KINDS) -> list[RawHit]:
    """Matches, newest first (members first). `match` is an FTS5 expression over folded words."""
    kinds = tuple(kinds)
    placeholders = ", ".join(f":k{i}" for i in range(len(kinds)))
    params: dict[str, Any] = {"m": match, "c": cell_id, "n": limit, **{f"k{i}": k for i, k in enumerate(kinds)}}
    rows = session.execute(
        text(f"SELECT d.kind, d.entity_id, d.day, d.title, d.body FROM {FTS_TABLE} f "
             f"JOIN search_docs d ON d.id = f.rowid "
             f"WHERE {FTS_TABLE} MATCH :m AND d.cell_id = :c AND d.kind IN ({placeholders}) "
             f"ORDER BY f.rowid DESC LIMIT :n"),
        params,
    ).all()
    return [RawHit(r.kind, r.entity_id, dt.date.fromisoformat(r.day) if r.day else None, r.title, r.body)
            for r in rows]
