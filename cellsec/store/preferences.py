"""The cell's document preferences (store/models/core.py CellPreference): read and written inside the
caller's session. A value saved before preferences became cell data is still found in the local settings
until the secretary changes it once."""

from __future__ import annotations

import uuid

from sqlalchemy import literal, null, select, union_all
from sqlalchemy.orm import Session

from .models.core import CellPreference, Setting

_NAMESPACE = uuid.UUID("0b7f1f0e-9a35-4d0c-8a57-2c4c3b1f6d21")


def preference_id(cell_id: str, key: str) -> str:
    """The same id on every laptop of the cell, so a key set on two laptops is one record."""
    return str(uuid.uuid5(_NAMESPACE, f"{cell_id}/{key}"))


def _live(session: Session, key: str) -> CellPreference | None:
    # Newest first: a record received from the cell's other laptop under another id (a cell that was
    # re-keyed at enrolment) still loses to the newer value.
    return session.scalars(select(CellPreference).where(CellPreference.key == key, CellPreference.deleted_at.is_(None))
                           .order_by(CellPreference.updated_at.desc()).limit(1)).first()


def read(session: Session, key: str) -> str | None:
    """The newest live value of `key`, else the older local setting: one statement (asked inside approvals)."""
    cell = select(CellPreference.value, literal(0).label("o"), CellPreference.updated_at.label("u")).where(
        CellPreference.key == key, CellPreference.deleted_at.is_(None))
    legacy = select(Setting.value, literal(1), null()).where(Setting.key == key)
    both = union_all(cell, legacy).subquery()
    return session.scalars(select(both.c.value).order_by(both.c.o, both.c.u.desc()).limit(1)).first()


def write(session: Session, cell_id: str, key: str, value: str) -> None:
    """Set `key` in the caller's mutation (the change log records it and sync carries it)."""
    row = _live(session, key) or session.get(CellPreference, preference_id(cell_id, key))
    if row is None:
        row = CellPreference(id=preference_id(cell_id, key), cell_id=cell_id, key=key)
        session.add(row)
    row.value = value
    row.deleted_at = None
    legacy = session.get(Setting, key)
    if legacy is not None:
        session.delete(legacy)
