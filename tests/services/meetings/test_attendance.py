"""Attendance: frozen at the meeting, the rules of marking it, who is on the list."""

import pytest

from cellsec.services.errors import ValidationFailed
from cellsec.services.meetings.records import AttendanceInput
from cellsec.services.members.service import StatusChange

from ..meeting_data import D, add_members, fill


@pytest.fixture
def ids(services):
    return add_members(services)


def test_member_admitted_after_the_meeting_is_not_listed(services, ids):
    record = services.meetings.create("thuong_ky", D(2024, 11, 5))
    assert "Võ Thị Hằng" not in {a.full_name for a in record.attendance}  # admitted 01/12/2024


def test_attendance_is_frozen_against_later_registry_edits(services, ids):
    record = services.meetings.create("thuong_ky", D(2025, 9, 5))
    services.meetings.set_attendance(record.id, ids["Lê Văn Kiểm"], "absent_with_reason", "Đi công tác")
    fill(services, record.id, ids)
    services.meetings.approve(record.id)
    before = services.meetings.get(record.id)

    kiem = services.members.get(ids["Lê Văn Kiểm"])
    data = kiem.as_input()
    data.full_name = "Lê Văn Kiên"
    services.members.update(kiem.id, data, today=D(2026, 1, 1))
    removal = StatusChange("removed", D(2026, 2, 1), None, "Bỏ sinh hoạt", "QĐ 12-QĐ/ĐU")
    services.members.change_status(ids["Võ Thị Hằng"], removal, today=D(2026, 2, 2))
    services.members.change_status(ids["Phạm Thị Lan"], StatusChange("active", D(2026, 2, 1)), today=D(2026, 2, 2))

    after = services.meetings.get(record.id)
    assert [(a.full_name, a.status, a.party_status) for a in after.attendance] == \
        [(a.full_name, a.status, a.party_status) for a in before.attendance]
    assert after.summary == before.summary
    assert ("Lê Văn Kiểm", "Đi công tác") in after.summary.absent_with_reason
    assert after.summary.exempt_names == ("Phạm Thị Lan",)


def test_attendance_rules(services, ids):
    record = services.meetings.create("thuong_ky", D(2025, 9, 5))
    with pytest.raises(ValidationFailed) as err:
        services.meetings.set_attendance(record.id, ids["Lê Văn Kiểm"], "absent_with_reason", "  ")
    assert err.value.errors[ids["Lê Văn Kiểm"]] == "Hãy ghi lý do vắng."
    with pytest.raises(ValidationFailed):
        services.meetings.set_attendance(record.id, ids["Phạm Thị Lan"], "present")  # exempt stays exempt
    record = services.meetings.set_attendance_many(record.id, [
        AttendanceInput(ids["Lê Văn Kiểm"], "absent_without_reason"),
        AttendanceInput(ids["Hoàng Văn Sơn"], "absent_with_reason", "Ốm"),
    ])
    assert record.summary.present == 3 and record.summary.expected == 5
    assert record.summary.rate_low  # 60 %
    assert {f.code for f in record.flags} >= {"attendance_low", "absent_without_reason"}
    assert services.last_undoable()[1] == "Ghi điểm danh: Sinh hoạt chi bộ thường kỳ tháng 9 năm 2025 (05/09/2025)"
