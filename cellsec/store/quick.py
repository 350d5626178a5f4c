"""Read-only access to the store through the bare DB-API driver (SQLCipher), for the command line's listings.

Importing SQLAlchemy and building the ORM models costs about half a second, many times the work of a
listing on a cell's data. This reader answers only when the file is a current CellSec store (its schema
at the revisions this program knows, a cell set up); anything else — no file yet, an older or newer
schema, a damaged file — raises `NotQuick`, and the caller opens the store the ordinary way, which
upgrades it or explains the problem in Vietnamese (a missing or wrong key among them). It never writes.

Values come back as SQLite stores them: dates and times as ISO text (the callers convert what they show).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from . import cipher, keys
from .db import DB_NAME
from .migrate import head_revisions

_CHUNK = 500  # ids per IN (...): well below SQLite's parameter limit


class NotQuick(Exception):
    """The quick reader cannot answer; open the store the ordinary way."""


class QuickReader:
    def __init__(self, data_dir: Path) -> None:
        path = Path(data_dir) / DB_NAME
        if not path.is_file() or path.stat().st_size == 0:
            raise NotQuick(f"no data file at {path}")
        try:
            key = keys.load()
            if key is None and not cipher.is_plain(path):
                raise NotQuick("no key on this machine")
            self._conn = cipher.connect(path, key, readonly=True)
        except (cipher.Error, keys.KeyStoreError) as exc:
            raise NotQuick(str(exc)) from exc
        try:
            revisions = {row[0] for row in self._conn.execute("SELECT version_num FROM alembic_version")}
            if revisions != head_revisions():
                raise NotQuick(f"schema {sorted(revisions)} is not current")
            row = self._conn.execute("SELECT id FROM cells WHERE deleted_at IS NULL LIMIT 1").fetchone()
            if row is None:
                raise NotQuick("no cell set up")
            self.cell_id: str = row[0]
            self._columns: dict[str, set[str]] = {}
        except (cipher.Error, NotQuick) as exc:
            self._conn.close()
            raise exc if isinstance(exc, NotQuick) else NotQuick(str(exc)) from exc

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> QuickReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def setting(self, key: str) -> str | None:
        row = self._execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def preference(self, key: str) -> str | None:
        """The cell's preference (store/preferences.py: the newest live row, else the older local setting)."""
        row = self._execute("SELECT value FROM cell_preferences WHERE key = ? AND deleted_at IS NULL "
                            "ORDER BY updated_at DESC LIMIT 1", (key,)).fetchone()
        return row[0] if row else self.setting(key)

    def data_version(self) -> tuple[int, int]:
        """(the newest change-log row, the sync pull cursor): what moves when anything changes the data,
        here or by a sync (Context.outside_changes watches the same)."""
        seq = self._execute("SELECT MAX(seq) FROM change_log").fetchone()[0] or 0
        try:
            cursor = self._execute("SELECT MAX(pull_cursor) FROM sync_state").fetchone()[0] or 0
        except NotQuick:  # no sync state written yet
            cursor = 0
        return seq, cursor

    def sync_server(self) -> str:
        """The committee server's address this laptop syncs with ("" when it syncs by file or not at all)."""
        try:
            row = self._execute("SELECT server_url FROM sync_state WHERE id = 1").fetchone()
        except NotQuick:  # no sync state written yet
            return ""
        return (row[0] if row else "") or ""

    def rows(self, table: str, columns: Sequence[str], *, live: bool = True,
             ids: Iterable[str] | None = None, id_column: str = "id", order_by: Sequence[str] = ()) -> list[tuple]:
        """`columns` of the cell's rows of `table` (only live ones unless `live` is false), optionally only
        those whose `id_column` is in `ids`, in `order_by` order within each batch of ids."""
        self._check(table, [*columns, id_column, *order_by])
        sql = f"SELECT {', '.join(columns)} FROM {table} WHERE cell_id = ?"
        if live:
            sql += " AND deleted_at IS NULL"
        order = f" ORDER BY {', '.join(order_by)}" if order_by else ""
        if ids is None:
            return self._execute(sql + order, (self.cell_id,)).fetchall()
        out: list[tuple] = []
        for chunk in _chunks(list(ids)):
            marks = ", ".join("?" * len(chunk))
            out += self._execute(f"{sql} AND {id_column} IN ({marks}){order}", (self.cell_id, *chunk)).fetchall()
        return out

    def _check(self, table: str, columns: Iterable[str]) -> None:
        # Names are spliced into the SQL text, so only real columns of a real table are accepted.
        if table not in self._columns:
            names = {row[1] for row in self._execute(f"PRAGMA table_info({table!r})")}
            if not names:
                raise NotQuick(f"no table {table}")
            self._columns[table] = names
        unknown = set(columns) - self._columns[table]
        if unknown:
            raise NotQuick(f"{table} has no column {sorted(unknown)}")

    def _execute(self, sql: str, params: Sequence[object] = ()) -> cipher.dbapi.Cursor:
        try:
            return self._conn.execute(sql, params)
        except cipher.Error as exc:
            raise NotQuick(str(exc)) from exc


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


# ---- Aggregates for the window's first figures (the overview, painted before the store is opened) ----


def group_counts(reader: QuickReader, table: str, column: str, *,
                 among: tuple[str, Sequence[str]] | None = None) -> dict[str, int]:
    """The cell's live rows of `table` per value of `column`; `among` (column, values) keeps only the rows
    whose column holds one of the values. Counted by SQLite: no row is loaded, however many members."""
    reader._check(table, [column, "deleted_at", *(among[:1] if among else ())])
    sql = f"SELECT {column}, COUNT(*) FROM {table} WHERE cell_id = ? AND deleted_at IS NULL"
    params: list[object] = [reader.cell_id]
    if among:
        sql += f" AND {among[0]} IN ({', '.join('?' * len(among[1]))})"
        params += list(among[1])
    return dict(reader._execute(f"{sql} GROUP BY {column}", params).fetchall())


def cell_values(reader: QuickReader, columns: Sequence[str]) -> tuple:
    """`columns` of the cell's own row (the cells table is keyed by id, not cell_id)."""
    reader._check("cells", columns)
    return tuple(reader._execute(f"SELECT {', '.join(columns)} FROM cells WHERE id = ?", (reader.cell_id,)).fetchone())
