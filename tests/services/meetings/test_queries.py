"""Session helpers of the meetings service: the roster of the cell on a date and the finalised content
that "Kiểm tra dữ liệu" compares with the live record."""

import pytest

from cellsec.services.errors import NotFound
from cellsec.services.meetings.queries import cell_roster, load_meeting, minutes_chain_content
from cellsec.services.members.service import StatusChange

from ..meeting_data import D, add_members, fill


def cell_roster_on(services, on):
    with services.ctx.read() as s:
        return cell_roster(s, services.ctx.cell_id, on)


def test_roster_on_a_date_follows_the_registry(services):
    ids = add_members(services)
    services.members.change_status(ids["Hoàng Văn Sơn"], StatusChange("transferred_out", D(2025, 10, 1),
                                   org="Chi bộ Phóng viên"), today=D(2025, 10, 2))
    with services.ctx.read() as s:
        september = {r.full_name: r.status for r in cell_roster(s, services.ctx.cell_id, D(2025, 9, 5))}
        october = {r.full_name for r in cell_roster(s, services.ctx.cell_id, D(2025, 10, 5))}
    assert september["Hoàng Văn Sơn"] == "present" and september["Phạm Thị Lan"] == "exempt"
    assert "Hoàng Văn Sơn" not in october
    assert "Võ Thị Hằng" not in {r.full_name for r in cell_roster_on(services, D(2024, 11, 5))}  # not yet admitted


def test_chain_content_only_for_approved_minutes(services):
    ids = add_members(services)
    record = services.meetings.create("thuong_ky", D(2025, 9, 5))
    fill(services, record.id, ids)
    with services.ctx.read() as s:
        assert minutes_chain_content(s, record.id) is None  # a draft is not in the chain
        with pytest.raises(NotFound):
            load_meeting(s, "no-such-meeting")
    services.meetings.approve(record.id)
    with services.ctx.read() as s:
        content = minutes_chain_content(s, record.id)
    assert content["number"] == "Số 01-BB/CB" and content["period"] == [2025, 9]
    assert content == services.finalise.latest("minutes", record.id).content
