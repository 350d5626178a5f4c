"""CellScoped: a memoised read is computed once until a change to the tables it depends on is committed."""

from __future__ import annotations

import datetime as dt

from cellsec.services.common import CellScoped
from cellsec.services.members.service import MemberInput


def _add(services, name: str) -> None:
    services.members.add(MemberInput(full_name=name, gender="nam", date_of_birth=dt.date(1980, 1, 1),
                                     admitted_on=dt.date(2010, 5, 1), official_on=dt.date(2011, 5, 1),
                                     status="chinh_thuc"))


def test_memo_recomputes_only_after_a_change_to_its_tables(services):
    scoped = CellScoped(services.ctx)
    assert scoped.cell_id == services.ctx.cell_id
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert scoped.memo("members", compute, ("members",)) == 1
    assert scoped.memo("members", compute, ("members",)) == 1          # nothing changed
    services.dues.save_rules(services.dues.rules()[-1])                # a change to another table
    assert scoped.memo("members", compute, ("members",)) == 1
    _add(services, "Nguyễn Văn An")
    assert scoped.memo("members", compute, ("members",)) == 2          # the members changed
