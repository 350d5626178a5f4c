"""What a finalised record covers: every column of the document's own rows, derived from the models.

A finalised version stores, beside its kind's content, the values of every column of the document's
table row and of its child rows (the minutes' attendance list). They are read from the models' tables,
not listed by hand, so a column added later — a new printed field — is covered without anyone
remembering to add it. Only the bookkeeping columns that any save bumps (UNSEALED_COLUMNS) are left out.
`changed_fields` compares the stored values with the database and names every column that differs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store.base import to_json_value
from ..store.remote import model_for_table

# kind -> the document's table, then its child tables as "table:column naming the document".
SEALED_TABLES: dict[str, tuple[str, ...]] = {
    "minutes": ("meetings", "meeting_attendance:meeting_id"),
    "resolution": ("resolutions",),
    "member_review": ("member_reviews",),
    "collective_review": ("collective_reviews",),
    "review_summary": ("review_years",),
}
# rev and updated_at: bumped by every save (the change-log hook), printed nowhere, and no finalised content
# depends on them. cell_id: the whole store is re-keyed to the server's cell id on enrolment (store/rekey.py),
# and which cell owns a row is printed nowhere.
UNSEALED_COLUMNS = frozenset({"rev", "updated_at", "cell_id"})

# kind -> (table, status column, the values that mean "finalised"): such a row must have a chain record.
FINALISED_ROWS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "minutes": ("meetings", "status", ("approved",)),
    "resolution": ("resolutions", "status", ("approved",)),
    "member_review": ("member_reviews", "status", ("submitted", "decided")),
    "collective_review": ("collective_reviews", "status", ("submitted", "decided")),
    "review_summary": ("review_years", "summary_status", ("submitted",)),
}

# Numbered documents: within a year their numbers run without a gap.
NUMBERED_TABLES: tuple[str, ...] = ("meetings", "resolutions")


def _value(value: Any) -> Any:
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        value = value.astimezone(dt.timezone.utc)
    return to_json_value(value)


def _row_values(row: Any) -> dict[str, Any]:
    return {k: _value(v) for k, v in row.items() if k not in UNSEALED_COLUMNS}


def sealed_fields(s: Session, kind: str, entity_id: str) -> dict[str, Any] | None:
    """{table: {column: value}} for the document row and {table: {row id: {column: value}}} for child
    rows, as the database holds them now; None for a kind that names no tables or a row that is gone."""
    tables = SEALED_TABLES.get(kind)
    if not tables:
        return None
    s.flush()
    main = model_for_table(tables[0]).__table__
    row = s.execute(select(main).where(main.c.id == entity_id)).mappings().first()
    if row is None:
        return None
    out: dict[str, Any] = {tables[0]: _row_values(row)}
    for spec in tables[1:]:
        name, _, fk = spec.partition(":")
        child = model_for_table(name).__table__
        rows = s.execute(select(child).where(child.c[fk] == entity_id)).mappings()
        out[name] = {r["id"]: _row_values(r) for r in rows}
    return out


@dataclass(frozen=True)
class FieldChange:
    table: str
    column: str  # "(row removed)" / "(row added)" for a child row that is gone or new

    def __str__(self) -> str:
        return f"{self.table}.{self.column}"


def changed_fields(kind: str, stored: dict[str, Any], live: dict[str, Any]) -> list[FieldChange]:
    """Every column whose stored value differs from the live one, in table and column order."""
    tables = SEALED_TABLES[kind]
    changes: list[FieldChange] = []
    main = tables[0]
    changes += _diff(main, stored.get(main, {}), live.get(main, {}))
    for spec in tables[1:]:
        name = spec.partition(":")[0]
        old, new = stored.get(name, {}), live.get(name, {})
        for row_id in sorted(set(old) | set(new)):
            if row_id not in new:
                changes.append(FieldChange(name, "(row removed)"))
            elif row_id not in old:
                changes.append(FieldChange(name, "(row added)"))
            else:
                changes += _diff(name, old[row_id], new[row_id])
    seen: set[FieldChange] = set()
    return [c for c in changes if not (c in seen or seen.add(c))]


def _diff(table: str, old: dict[str, Any], new: dict[str, Any]) -> list[FieldChange]:
    return [FieldChange(table, col) for col in sorted(set(old) | set(new)) if old.get(col) != new.get(col)]
