"""The member list's sort orders, computed by SQLite in a private in-memory table.

A list query runs on a worker thread at 100,000 members. Python's own sort (and any Python loop over the
rows) holds the interpreter lock throughout, and the window needs that lock at every call Qt makes into
Python — each virtual method of a Python-derived widget or model, hundreds while it paints — so it stood
still for as long as the sort ran (80–300 ms). SQLite lets go of the lock while a statement steps, so the
sort itself runs while the window paints; only reading back the positions holds it, a row at a time.

The table holds nothing the members table does not: it lives in this process's memory, never on disk."""

from __future__ import annotations

import sqlite3
import sys
from array import array
from collections.abc import Iterable, Sequence


class MemberOrders:
    """One row per list position: its name key (the Vietnamese name order) and a value per sort column,
    None for an empty value (sorted last in either direction). Orders are positions: by value, then by
    name key, then by position — the rule of a stable sort of the name order."""

    def __init__(self, columns: Sequence[str]) -> None:
        self.columns = tuple(columns)
        # check_same_thread=False: the list's index moves between the UI thread and a worker; its owner lets
        # one thread at a time use it.
        self._db = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        # No type on the value columns: values are kept as given (whole numbers, ISO text), compared as such.
        self._db.execute(f"CREATE TABLE k (pos INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                         f"{', '.join(self._quoted(c) for c in self.columns)})")

    @staticmethod
    def _quoted(column: str) -> str:
        return '"' + column.replace('"', '""') + '"'

    def put(self, rows: Iterable[Sequence]) -> None:
        """Write rows of (position, name key, a value per column), over the rows at the same positions."""
        marks = ", ".join("?" * (len(self.columns) + 2))
        with self._db:
            self._db.execute("BEGIN")
            self._db.executemany(f"INSERT OR REPLACE INTO k VALUES ({marks})", rows)

    def drop(self, positions: Iterable[int]) -> None:
        with self._db:
            self._db.execute("BEGIN")
            self._db.executemany("DELETE FROM k WHERE pos = ?", ((p,) for p in positions))

    def by_name(self) -> array:
        return self._positions("SELECT pos FROM k ORDER BY name, pos")

    def by(self, column: str, descending: bool) -> array:
        """Positions by `column` (descending or not), empty values last, equal values in name order."""
        if column not in self.columns:
            raise ValueError(f"unknown sort column {column!r}")
        c = self._quoted(column)
        return self._positions(f"SELECT pos FROM k ORDER BY {c} IS NULL, {c}{' DESC' if descending else ''}, "
                               f"name, pos")

    def keys(self, position: int, column: str | None) -> tuple:
        """(name key, value of `column` or None without one, position) of the row at `position`."""
        if column is not None and column not in self.columns:
            raise ValueError(f"unknown sort column {column!r}")
        value = self._quoted(column) if column is not None else "NULL"
        return self._db.execute(f"SELECT name, {value}, pos FROM k WHERE pos = ?", (position,)).fetchone()

    def _positions(self, sql: str) -> array:
        """The positions as an array: a ninth of the memory of a list of ints, and nothing for Python's
        collector to look through. SQLite sorts and also writes the positions out, as one text of 8 hex
        digits each, in one step without the interpreter lock; Python only decodes it (about a millisecond
        at 100,000 rows, where reading 100,000 rows one by one held the lock for a fifth of the sort's time,
        long enough to hold up a window that is scrolling). An aggregate over an ordered subquery receives
        its rows in that order (SQLite does not flatten such a subquery); the tests check every order."""
        hexed = self._db.execute(f"SELECT group_concat(printf('%08x', pos), '') FROM ({sql})").fetchone()[0]
        out = array("i")
        out.frombytes(bytes.fromhex(hexed or ""))
        if sys.byteorder == "little":  # the text is big-endian
            out.byteswap()
        return out

    def close(self) -> None:
        self._db.close()
