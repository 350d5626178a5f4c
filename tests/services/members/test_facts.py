"""Member facts: every live member with the status history, in registry order, and the months owed."""

from __future__ import annotations

import datetime as dt

from cellsec.services.members.facts import member_facts, registry_order
from cellsec.services.members.service import MemberInput, StatusChange

D = dt.date
TODAY = D(2026, 11, 22)


def _add(services, name: str, list_no: int | None) -> str:
    return services.members.add(MemberInput(
        full_name=name, gender="nu" if "Thị" in name else "nam", date_of_birth=D(1980, 1, 1), list_no=list_no,
        admitted_on=D(2010, 5, 1), official_on=D(2011, 5, 1), status="chinh_thuc", dues_category="huu_tri",
        dues_basis=5_000_000), today=TODAY).id


def test_facts_in_registry_order_with_status_history(services):
    binh = _add(services, "Trần Thị Bình", 2)
    an = _add(services, "Nguyễn Văn An", 1)
    _add(services, "Lê Văn Cường", None)
    services.members.change_status(binh, StatusChange("exempt", D(2026, 3, 1), D(2026, 6, 30), "Ốm dài ngày"),
                                   today=TODAY)
    with services.ctx.read() as s:
        facts = member_facts(s, services.ctx.cell_id)
    assert [f.full_name for f in facts] == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]
    assert sorted(facts, key=registry_order) == facts
    by_id = {f.id: f for f in facts}
    assert by_id[an].dues_basis == 5_000_000 and by_id[an].start == D(2010, 5, 1)
    assert by_id[binh].status_on(D(2026, 4, 1)) == "exempt"
    assert by_id[binh].status_on(D(2026, 8, 1)) != "exempt"
    owed = by_id[binh].owed_months(2026, D(2026, 10, 31), services.dues.rules_for)
    assert [m.month for m in owed] == [1, 2, 7, 8, 9, 10]
