"""The register of outgoing document numbers: one sequence per year and type, no number twice, no number
left unused unless the secretary chose it, a reprint keeping its number, meeting resolutions counted."""

from __future__ import annotations

import datetime as dt

import pytest

from cellsec.services.documents.numbers import GapNotChosen
from cellsec.services.errors import ServiceError

D = dt.date


def _take(services, kind, seq, subject, title="", year=2026, **kw):
    return services.numbers.take(kind, year, seq, subject=subject, title=title or subject, issued_on=D(year, 3, 1),
                                 **kw)


def test_reports_share_one_sequence_per_year_and_a_reprint_keeps_its_number(services):
    assert services.numbers.next_seq("monthly_report", 2026) == 1
    first = _take(services, "monthly_report", 1, "2026-02", "Báo cáo tháng 02/2026")
    assert first.number == "Số 01-BC/CB"
    # The scores report is a report too: it continues the same sequence; the plan has its own.
    assert services.numbers.next_seq("scores_report", 2026) == 2
    assert services.numbers.next_seq("thematic_plan", 2026) == 1
    assert services.numbers.next_seq("monthly_report", 2027) == 1  # numbering restarts each year
    _take(services, "scores_report", 2, "2026")
    # Printing February's report again: its own number, nothing new written.
    again = _take(services, "monthly_report", 1, "2026-02")
    assert again == first and services.numbers.given("monthly_report", "2026-02", 2026) == first
    assert [e.number for e in services.numbers.entries(2026)] == ["Số 01-BC/CB", "Số 02-BC/CB"]


def test_a_number_given_to_another_document_is_refused_in_vietnamese(services):
    _take(services, "monthly_report", 1, "2026-02", "Báo cáo tháng 02/2026")
    with pytest.raises(ServiceError) as err:
        _take(services, "collective_report", 1, "2026")
    assert err.value.message == ("Số 01-BC/CB năm 2026 đã cấp cho \"Báo cáo tháng 02/2026\" (01/03/2026). Mỗi số "
                                 "chỉ cấp một lần trong năm; số tiếp theo còn trống là 02.")
    assert len(services.numbers.entries(2026)) == 1
    with pytest.raises(ServiceError, match="từ 1 đến 999"):
        _take(services, "monthly_report", 0, "2026-03")
    with pytest.raises(ServiceError, match="Không có loại văn bản"):
        services.numbers.next_seq("letter", 2026)


def test_a_gap_is_left_only_when_chosen(services):
    _take(services, "monthly_report", 1, "2026-02")
    with pytest.raises(GapNotChosen) as err:
        _take(services, "monthly_report", 4, "2026-03")
    assert err.value.missing == [2, 3]
    assert "bỏ trống số 02, số 03" in err.value.message and "(số tiếp theo là 02)" in err.value.message
    assert len(services.numbers.entries(2026)) == 1
    _take(services, "monthly_report", 4, "2026-03", allow_gap=True)
    assert services.numbers.unused(2026) == {"BC": [2, 3]}
    # Filling a hole leaves nothing new unused; moving the last number up would.
    _take(services, "monthly_report", 2, "2026-04")
    with pytest.raises(GapNotChosen):
        _take(services, "monthly_report", 6, "2026-03")  # March's report from 04 to 06: 04 and 05 unused


def test_meeting_resolutions_and_resolutions_on_members_never_share_a_number(services):
    from ..meeting_data import add_members, fill

    ids = add_members(services)
    first = services.meetings.create("thuong_ky", D(2025, 9, 5))
    fill(services, first.id, ids)
    services.meetings.save_resolution(first.id, services.meetings.resolution_defaults(first.id))
    assert services.meetings.issue_resolution(first.id).number == "Số 01-NQ/CB"
    # The register knows the meeting's resolution: the next resolution on a member is 02, 01 is refused.
    assert services.numbers.next_seq("resolution", 2025) == 2
    with pytest.raises(ServiceError, match="Số 01-NQ/CB năm 2025 đã cấp cho \"Nghị quyết "):
        _take(services, "resolution", 1, "member:official", year=2025)
    _take(services, "resolution", 2, "member:official", "Nghị quyết đề nghị công nhận đảng viên chính thức",
          year=2025)
    # A meeting's resolution issued afterwards continues after the register's number instead of taking 02.
    second = services.meetings.create("thuong_ky", D(2025, 10, 5))
    fill(services, second.id, ids)
    services.meetings.save_resolution(second.id, services.meetings.resolution_defaults(second.id))
    assert services.meetings.issue_resolution(second.id).number == "Số 03-NQ/CB"
    kinds = [(e.seq, e.kind) for e in services.numbers.entries(2025, "NQ")]
    assert kinds == [(1, "meeting_resolution"), (2, "resolution"), (3, "meeting_resolution")]


def test_numbers_an_earlier_version_gave_are_never_given_again_after_the_upgrade(services, data_dir):
    """An older store: its number dialog kept only the last number per kind in local settings (no year, no
    register); the upgrade (migration 0011) makes the register count 1..those numbers as given."""
    from cellsec.services.facade import Services
    from cellsec.store.db import DB_NAME
    from tests import dbfile

    year = dt.datetime.now(dt.timezone(dt.timedelta(hours=7))).year
    services.close()
    with dbfile.connect(data_dir / DB_NAME) as conn:
        conn.executemany("INSERT INTO settings(key, value) VALUES (?, ?)",
                         [("last_number_scores_report", "3"), ("last_number_collective_report", "2"),
                          ("register_last_number", "4"), ("last_number_resolution", "1"),
                          ("last_number_thematic_plan", "")])
        conn.execute("UPDATE alembic_version SET version_num = '0010_document_numbers' "
                     "WHERE version_num = '0011_old_numbers'")
        conn.commit()
    upgraded = Services.open(data_dir)
    try:
        numbers = upgraded.numbers
        # Reports shared one sequence since the register: after the highest of the old kinds.
        assert numbers.next_seq("monthly_report", year) == 4
        assert numbers.next_seq("register", year) == 5
        assert numbers.next_seq("resolution", year) == 2
        assert numbers.next_seq("thematic_plan", year) == 1  # an empty old value is no number
        assert numbers.next_seq("monthly_report", year + 1) == 1  # a new year starts again
        with pytest.raises(ServiceError) as err:
            _take(upgraded, "monthly_report", 2, "2026-10", year=year)
        assert err.value.message == (f"Số 02-BC/CB năm {year} đã cấp cho \"Các số đến số 03 cấp trước khi có sổ "
                                     "đăng ký số (có thể đã in)\". Mỗi số chỉ cấp một lần trong năm; số tiếp theo "
                                     "còn trống là 04.")
        assert _take(upgraded, "monthly_report", 4, "2026-10", year=year).number == "Số 04-BC/CB"
        assert numbers.unused(year) == {}  # the old numbers are not holes
        listed = [(e.number, e.kind) for e in numbers.entries(year)]
        assert ("Số 03-BC/CB", "before_register") in listed and ("Số 04-DS/CB", "before_register") in listed
        # A meeting's resolution issued now continues after the old resolution number too.
        from cellsec.services.documents.numbers import registered_max

        with upgraded.ctx.read() as s:
            assert registered_max(s, upgraded.ctx.cell_id, "NQ", year) == 1
        assert upgraded.ctx.get_setting("last_number_scores_report") is None  # moved, not left behind
    finally:
        upgraded.close()


def renumber_mine(services) -> str:
    """Minutes approved here ("Số 01-BB/CB") lose their number to minutes the cell's other laptop approved
    earlier, as a pull settles them (sync/numbers.py); returns the meeting's id."""
    from cellsec.store.remote import RemoteRow
    from cellsec.sync.numbers import settle_numbers

    from ..meeting_data import add_members, fill

    ids = add_members(services)
    mine = services.meetings.create("thuong_ky", D(2025, 9, 5))
    fill(services, mine.id, ids)
    assert services.meetings.approve(mine.id).number == "Số 01-BB/CB"
    theirs = {"cell_id": services.ctx.cell_id, "number_year": 2025, "number_seq": 1, "number_text": "Số 01-BB/CB",
              "approved_at": "2025-09-01T08:00:00+00:00"}  # approved before mine: it keeps 01
    with services.ctx.store.sessions.begin() as s:
        settled = settle_numbers(s, [RemoteRow("meetings", "other-laptop-meeting", 1, theirs)], services.ctx.device_id)
    assert settled.renumbered and "Số 02-BB/CB" in settled.renumbered[0]
    return mine.id


def test_minutes_renumbered_by_sync_are_listed_for_a_reprint(services):
    assert services.numbers.renumbered() == []
    meeting_id = renumber_mine(services)
    [entry] = services.numbers.renumbered()
    assert (entry.kind, entry.meeting_id, entry.number) == ("minutes", meeting_id, "Số 02-BB/CB")
    assert entry.text == "Đánh số lại khi đồng bộ: Số 01-BB/CB thành Số 02-BB/CB"
    assert entry.title == "Biên bản sinh hoạt chi bộ ngày 05/09/2025"


THEIRS = {"year": 2026, "doc_type": "BC", "seq": 1, "number_text": "Số 01-BC/CB", "kind": "scores_report",
          "subject": "2026", "title": "Báo cáo chấm điểm 5 tốt 2026", "issued_on": "2026-03-01",
          "created_at": "2020-01-01T00:00:00+00:00"}  # given before ours


def settle_their_number(services, entity_id: str = "their-number", **changed):
    """A pull settling the other laptop's register entry THEIRS (changed as asked) against ours."""
    from cellsec.store.remote import RemoteRow
    from cellsec.sync.numbers import settle_numbers

    snapshot = dict(THEIRS, cell_id=services.ctx.cell_id, **changed)
    with services.ctx.store.sessions.begin() as s:
        return settle_numbers(s, [RemoteRow("document_numbers", entity_id, 1, snapshot)], services.ctx.device_id)


def test_a_register_number_given_on_both_laptops_moves_the_later_one(services):
    """Offline, the other laptop gave Số 01-BC/CB to its scores report before this one gave it to October's
    report: on the pull, ours moves to the next free number and is listed for a reprint; theirs comes in."""
    ours = _take(services, "monthly_report", 1, "2026-10", "Báo cáo tháng 10/2026")
    assert ours.number == "Số 01-BC/CB"
    settled = settle_their_number(services)
    assert [r.entity_id for r in settled.rows] == ["their-number"] and not settled.held
    assert settled.renumbered == ["Báo cáo tháng 10/2026 (Số 01-BC/CB) trùng số với văn bản được cấp số trước trên "
                                  "máy khác của chi bộ: nay là Số 02-BC/CB. Hãy in lại văn bản này."]
    assert services.numbers.given("monthly_report", "2026-10", 2026).number == "Số 02-BC/CB"
    [entry] = services.numbers.renumbered()
    assert (entry.kind, entry.number, entry.title) == ("monthly_report", "Số 02-BC/CB", "Báo cáo tháng 10/2026")
    # Given later than ours, theirs would wait instead, for its own laptop to renumber it.
    held = settle_their_number(services, "their-later", seq=2, number_text="Số 02-BC/CB",
                               created_at="2099-01-01T00:00:00+00:00")
    assert held.held == {("document_numbers", "their-later")} and not held.renumbered
