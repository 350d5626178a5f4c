"""Writing the new members of an import through the store's bulk writer (store/bulk.py).

The rows are those the ORM path writes (service.new_members, then record_status for a member who came with
another activity status), in the same two flushes and in the same order: the members; then their cards,
their status history rows and the status written onto each such member (a second revision). 10,000 new
members took about 5 s through the ORM and its hooks, and take about 1.5 s here.
"""

from __future__ import annotations

from ...domain.messages import Msg
from ...store import bulk, ids
from ...store.models.members import CardNumber, Member, MemberStatusChange
from .import_plan import ImportRow
from .service import (NEW_MEMBER_COLUMNS, MemberInput, StatusChange, card_columns, input_columns,
                      status_change_columns, status_columns)

IMPORTED_STATUS = Msg("Theo tệp nhập danh sách", "From the imported list")


def write_added(s, cell_id: str, adds: list[tuple[ImportRow, MemberInput]]) -> None:
    # Ids are made in the ORM path's order (members, cards, status rows): a test compares the two paths.
    members = [dict(id=ids.new_id(), cell_id=cell_id, **NEW_MEMBER_COLUMNS, **input_columns(d)) for _, d in adds]
    first = bulk.Flush(s)
    first.insert(Member, members)
    first.write()
    cards = [dict(id=ids.new_id(), **card_columns(cell_id, m["id"], d)) for m, (_, d) in zip(members, adds)
             if d.card_no]
    history, moved, changes = [], [], []
    for member, (row, _) in zip(members, adds):
        if row.activity != "active":  # e.g. an exported list that also holds members who left
            change = StatusChange(row.activity, reason=IMPORTED_STATUS.format())
            history.append(dict(id=ids.new_id(), **status_change_columns(cell_id, member["id"], change)))
            moved.append(member)
            changes.append(status_columns(change))
    second = bulk.Flush(s)
    second.insert(CardNumber, cards)
    second.insert(MemberStatusChange, history)
    second.update(Member, moved, changes)
    second.write()
