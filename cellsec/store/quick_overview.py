"""The overview's reads through the bare driver (store/quick.py): the rows its figures and reminders are
computed from, as plain records, so the window's first overview is filled without SQLAlchemy.

Each record has the table's columns as attributes with the values the ORM gives (dates and times parsed),
so the services' rule code takes these records or the ORM's objects alike (services/overview_quick.py).
The queries select what the ORM services select, in the same order. Like QuickReader it never writes and
raises NotQuick for anything it cannot answer.
"""

from __future__ import annotations

import datetime as dt
from collections import namedtuple
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from .quick import NotQuick, QuickReader

__all__ = ["NotQuick", "OverviewReads"]

# Declared column types the ORM parses (SQLite keeps them as ISO text).
_PARSE: dict[str, Callable[[str], object]] = {"DATE": dt.date.fromisoformat, "DATETIME": dt.datetime.fromisoformat}

MEMBER_COLUMNS = ("id", "full_name", "list_no", "admitted_on", "official_on", "status", "activity_status",
                  "status_from", "status_to", "dues_category", "dues_basis", "date_of_birth", "gender", "cccd",
                  "card_no")
MEETING_COLUMNS = ("id", "kind", "period_year", "period_month", "held_on", "status", "topic")
DUES_COLUMNS = ("id", "member_id", "month", "category", "basis", "basis_month", "amount_due", "amount_paid",
                "paid_on", "collector", "excused_reason", "note", "rev")


@lru_cache(maxsize=32)
def _record_type(table: str, columns: tuple[str, ...]) -> type:
    return namedtuple(f"{table}_row", columns)


class OverviewReads:
    """What the overview is computed from, read from one QuickReader (its cell)."""

    def __init__(self, reader: QuickReader) -> None:
        self.reader = reader
        self.cell_id = reader.cell_id
        self._types: dict[str, dict[str, str]] = {}

    # ---- plain records -----------------------------------------------------------------------------
    def _records(self, table: str, columns: Sequence[str], rows: Iterable[tuple]) -> list:
        types = self._column_types(table)
        parsers = [_PARSE.get(types[c]) for c in columns]
        record = _record_type(table, tuple(columns))
        return [record(*(p(v) if p is not None and v is not None else v for p, v in zip(parsers, row)))
                for row in rows]

    def _column_types(self, table: str) -> dict[str, str]:
        if table not in self._types:
            self._types[table] = {row[1]: row[2].upper() for row in self.reader._execute(f"PRAGMA table_info({table!r})")}
        return self._types[table]

    def _query(self, table: str, columns: Sequence[str], where: str = "", params: Sequence[object] = (),
               order: str = "") -> list:
        """The cell's live rows of `table` matching `where`, as records."""
        self.reader._check(table, columns)
        sql = f"SELECT {', '.join(columns)} FROM {table} WHERE cell_id = ? AND deleted_at IS NULL"
        sql += f" AND {where}" if where else ""
        sql += f" ORDER BY {order}" if order else ""
        return self._records(table, columns, self.reader._execute(sql, (self.cell_id, *params)).fetchall())

    def _scalar(self, sql: str, params: Sequence[object] = ()):
        row = self.reader._execute(sql, params).fetchone()
        return None if row is None else row[0]

    # ---- the cell and its members ------------------------------------------------------------------
    def cell(self):
        """The cell's row (name, place, officers, when it was set up)."""
        columns = ("id", "name", "abbreviation", "place_name", "secretary_name", "deputy_name", "created_at")
        self.reader._check("cells", columns)
        rows = self.reader._execute(f"SELECT {', '.join(columns)} FROM cells WHERE id = ?", (self.cell_id,))
        return self._records("cells", columns, rows.fetchall())[0]

    def preference(self, key: str) -> str | None:
        return self.reader.preference(key)

    def member(self, member_id: str):
        """A live member of the cell by id, or None."""
        found = self._query("members", MEMBER_COLUMNS, "id = ?", (member_id,))
        return found[0] if found else None

    def members(self, activity_statuses: Sequence[str] | None = None) -> list:
        """The cell's live members (those with one of `activity_statuses` when given)."""
        if activity_statuses is None:
            return self._query("members", MEMBER_COLUMNS)
        marks = ", ".join("?" * len(activity_statuses))
        return self._query("members", MEMBER_COLUMNS, f"activity_status IN ({marks})", tuple(activity_statuses))

    def status_changes(self) -> list:
        """The live status changes of the cell's members, oldest first."""
        return self._query("member_status_changes", ("member_id", "activity_status", "status_from", "status_to"),
                           order="created_at")

    def any_member_with_dues(self, default_category: str) -> bool:
        """Whether a live member has a dues basis or a category other than the default."""
        return self._scalar("SELECT 1 FROM members WHERE cell_id = ? AND deleted_at IS NULL AND "
                            "(dues_basis > 0 OR dues_category != ?) LIMIT 1", (self.cell_id, default_category)) is not None

    # ---- meetings ---------------------------------------------------------------------------------
    def current_meetings(self, year: int) -> list:
        """The year's live meetings, latest revision of each (an amended original left out), by date."""
        meetings = self._query("meetings", MEETING_COLUMNS, "period_year = ?", (year,), order="held_on")
        amended = {row[0] for row in self.reader.rows("meetings", ("amends_id",), ids=[m.id for m in meetings],
                                                      id_column="amends_id")}
        return [m for m in meetings if m.id not in amended]

    def attendance(self, meeting_ids: Iterable[str]) -> list:
        """The live attendance rows of the meetings (the meetings service's query, so in its order)."""
        columns = ("meeting_id", "member_id", "full_name", "status")
        self.reader._check("meeting_attendance", columns)
        ids = list(meeting_ids)
        out: list = []
        for start in range(0, len(ids), 500):  # a chunk at a time, well below SQLite's parameter limit
            chunk = ids[start:start + 500]
            sql = (f"SELECT {', '.join(columns)} FROM meeting_attendance WHERE meeting_id IN "
                   f"({', '.join('?' * len(chunk))}) AND deleted_at IS NULL")
            out += self._records("meeting_attendance", columns, self.reader._execute(sql, chunk).fetchall())
        return out

    def draft_dates_before(self, day: dt.date) -> list[dt.date]:
        """The dates of the live draft meetings held before `day`, in date order."""
        return [m.held_on for m in self._query("meetings", ("held_on",), "status = 'draft' AND held_on < ?",
                                               (day.isoformat(),), order="held_on")]

    def first_meeting_on(self) -> dt.date | None:
        first = self._scalar("SELECT MIN(held_on) FROM meetings WHERE cell_id = ? AND deleted_at IS NULL",
                             (self.cell_id,))
        return None if first is None else dt.date.fromisoformat(first)

    def any_meeting(self) -> bool:
        return self._scalar("SELECT 1 FROM meetings WHERE cell_id = ? AND deleted_at IS NULL LIMIT 1",
                            (self.cell_id,)) is not None

    # ---- dues and reviews -------------------------------------------------------------------------
    def dues_rows(self, month: dt.date | None = None) -> list:
        """The cell's live ledger rows (of `month` only when given)."""
        if month is None:
            return self._query("dues_payments", DUES_COLUMNS)
        return self._query("dues_payments", DUES_COLUMNS, "month = ?", (month.isoformat(),))

    def first_dues_month(self) -> dt.date | None:
        first = self._scalar("SELECT month FROM dues_payments WHERE cell_id = ? AND deleted_at IS NULL "
                             "ORDER BY month LIMIT 1", (self.cell_id,))
        return None if first is None else dt.date.fromisoformat(first)

    def dues_rule_definitions(self) -> list[tuple[str, str]]:
        """(version, JSON definition) of the cell's own dues rule versions."""
        return [(r.version, r.definition) for r in self._query("dues_rules_versions", ("version", "definition"))]

    def review_levels(self, activity_statuses: Sequence[str]) -> list[tuple]:
        """(member_id, year, decided_level, cell_level, full_name, list_no) of the live reviews of the live
        members with one of `activity_statuses`."""
        self.reader._check("member_reviews", ("member_id", "year", "decided_level", "cell_level"))
        marks = ", ".join("?" * len(activity_statuses))
        return self.reader._execute(
            "SELECT r.member_id, r.year, r.decided_level, r.cell_level, m.full_name, m.list_no "
            "FROM member_reviews r JOIN members m ON m.id = r.member_id "
            f"WHERE r.cell_id = ? AND r.deleted_at IS NULL AND m.deleted_at IS NULL AND m.activity_status IN ({marks})",
            (self.cell_id, *activity_statuses)).fetchall()

    def any_audit_since(self, action: str, day: dt.date) -> bool:
        """Whether a user action `action` was recorded on or after `day` (UTC)."""
        return self._scalar("SELECT 1 FROM audit_log WHERE action = ? AND at >= ? LIMIT 1",
                            (action, day.isoformat())) is not None
