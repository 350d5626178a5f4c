"""Give the cell of this store the id the committee server knows it by (first enrolment of a laptop).

The laptop made its own cell id when it was set up offline; the server made one when the committee
created the cell. Every row carries `cell_id`, so the whole store is re-keyed in one transaction: the
cell row, every `cell_id` column, the change log (its rows and snapshots, which have not been sent yet).
Foreign keys are checked at commit, when everything agrees again.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from .base import APPLY_REMOTE, Base


def rekey_cell(session: Session, old_id: str, new_id: str) -> None:
    if old_id == new_id:
        return
    session.execute(text("PRAGMA defer_foreign_keys = ON"))
    session.info[APPLY_REMOTE] = True  # a re-key is not a user edit: no new change-log rows
    try:
        params = {"old": old_id, "new": new_id}
        session.execute(text("UPDATE cells SET id = :new WHERE id = :old"), params)
        for table in Base.metadata.sorted_tables:
            if "cell_id" in table.columns:
                session.execute(text(f'UPDATE "{table.name}" SET cell_id = :new WHERE cell_id = :old'), params)
        session.execute(text("UPDATE change_log SET entity_id = :new WHERE entity = 'cells' AND entity_id = :old"),
                        params)
        # Snapshots are JSON text; the old id appears only as a whole string value.
        session.execute(text("UPDATE change_log SET snapshot = replace(snapshot, :old_q, :new_q) "
                             "WHERE instr(snapshot, :old_q) > 0"),
                        {"old_q": f'"{old_id}"', "new_q": f'"{new_id}"'})
        session.expire_all()
    finally:
        session.info.pop(APPLY_REMOTE, None)
