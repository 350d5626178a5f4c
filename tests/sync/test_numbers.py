"""Two laptops of one cell approve minutes while offline, both numbered "Số 01-BB/CB": the documented rule
(sync/numbers.py) decides the same way on both, every document keeps one number, and each laptop's hash
chain stays whole ("Kiểm tra dữ liệu" finds nothing)."""

from __future__ import annotations

import datetime as dt

from tests.services.meeting_data import add_members, fill

from .test_service import _code, _laptop

D = dt.date


def _numbers(svc) -> dict[str, str]:
    return {m.id: m.number for m in svc.meetings.list(2025) if m.number}


def test_minutes_approved_offline_on_two_laptops_get_distinct_numbers_and_whole_chains(
        tmp_path, store, live_server, server_cell):
    cell_id, code = server_cell
    first = _laptop(tmp_path, "bi-thu")
    ids = add_members(first)
    first.sync.connect(live_server, code)
    first.sync.sync_now()
    second = _laptop(tmp_path, "pho-bi-thu", with_cell=False)
    second.sync.connect(live_server, _code(store, cell_id))

    # Offline, the same day: each laptop approves its own minutes and gives out the first number of 2025.
    monthly = first.meetings.create("thuong_ky", D(2025, 9, 5))
    fill(first, monthly.id, ids)
    assert first.meetings.approve(monthly.id).number == "Số 01-BB/CB"
    thematic = second.meetings.create("chuyen_de", D(2025, 9, 20), topic="Chuyển đổi số")
    fill(second, thematic.id, ids)
    assert second.meetings.approve(thematic.id).number == "Số 01-BB/CB"

    first.sync.sync_now()  # approved first: it keeps its number
    result = second.sync.sync_now()
    assert result.renumbered and "Số 02-BB/CB" in result.renumbered[0] and "in lại" in result.renumbered[0]
    assert _numbers(second) == {monthly.id: "Số 01-BB/CB", thematic.id: "Số 02-BB/CB"}

    held = first.sync.sync_now()  # the losing version reached the server before its renumbering
    assert held.held == 1 and _numbers(first) == {monthly.id: "Số 01-BB/CB"}
    second.sync.sync_now()  # sends the renumbered minutes and their new chain record
    first.sync.sync_now()
    assert _numbers(first) == _numbers(second) == {monthly.id: "Số 01-BB/CB", thematic.id: "Số 02-BB/CB"}
    for laptop in (first, second):
        report = laptop.finalise.verify_chain()
        assert report.ok, [p.text for p in report.problems]
        assert report.checked == 3  # two approvals and the renumbering, in two laptops' chains
    first.close()
    second.close()


def test_the_server_notices_a_chain_cut_short_on_the_laptop(tmp_path, store, live_server, server_cell):
    from tests import dbfile

    from sqlalchemy import select

    from cellsec.server.store.models import SecurityEvent

    _cell_id, code = server_cell
    laptop = _laptop(tmp_path, "bi-thu")
    ids = add_members(laptop)
    laptop.sync.connect(live_server, code)
    for held in (D(2025, 9, 5), D(2025, 10, 5)):
        meeting = laptop.meetings.create("thuong_ky", held)
        fill(laptop, meeting.id, ids)
        laptop.meetings.approve(meeting.id)
    assert not laptop.sync.sync_now().warnings  # a whole chain: nothing to say
    laptop.close()
    with dbfile.connect(tmp_path / "bi-thu" / "cellsec.sqlite3") as db:  # behind the program's back
        db.execute("DELETE FROM finalised_documents WHERE seq = (SELECT max(seq) FROM finalised_documents)")
    db.close()

    laptop = _laptop(tmp_path, "bi-thu", with_cell=False)
    laptop.members.add(_member_input())
    result = laptop.sync.sync_now()
    assert result.warnings and "thiếu những văn bản đã chốt" in result.warnings[0]
    with store.transaction() as s:
        assert "chain_truncated" in set(s.scalars(select(SecurityEvent.kind)))
    laptop.close()


def _member_input():
    from .test_service import _member

    return _member("Ngô Văn Tâm", cccd="040090003333")
