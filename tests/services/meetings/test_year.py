"""The year plan, absences and the overview's meeting reminders."""

import datetime as dt

import pytest

from ..meeting_data import D, add_members


@pytest.fixture
def ids(services):
    return add_members(services)


def test_year_view_and_absences(services, ids):
    for month, status in ((1, "absent_without_reason"), (2, "absent_without_reason"), (4, "absent_without_reason")):
        record = services.meetings.create("thuong_ky", D(2026, month, 5))
        services.meetings.set_attendance(record.id, ids["Lê Văn Kiểm"], status)
    services.meetings.create("chuyen_de", D(2026, 2, 20), topic="Chuyển đổi số")
    plan = services.meetings.year_view(2026, today=D(2026, 8, 1))
    assert plan.missing_months == [3, 5, 6, 7]
    assert plan.missing_quarters == [2]
    report = services.meetings.absences(2026, today=D(2026, 8, 1))
    assert [(r.full_name, r.months) for r in report.removal_risks] == [("Lê Văn Kiểm", (1, 2, 4))]
    # The thematic meeting he attended on 20/2 breaks the streak: 2 and 1, not 3 in a row.
    assert report.over_consecutive == []
    reminders = {r.kind: r for r in services.meetings.reminders(D(2026, 8, 1))}
    assert reminders["meeting_missing"].text == \
        "Chưa có biên bản sinh hoạt chi bộ thường kỳ tháng 3, 5, 6, 7 năm 2026."
    assert reminders["thematic_missing"].text == "Quý II năm 2026 chưa có buổi sinh hoạt chuyên đề."
    # Members at risk are reported once, by the attention list, on the overview.
    assert "removal_risk" not in reminders
    overview = {r.kind: r for r in services.overview.reminders(D(2026, 8, 1))}
    assert overview["removal_risk"].member_id == ids["Lê Văn Kiểm"]


def test_overview_shows_meeting_reminders_of_the_demo(demo_services):
    texts = [r.text for r in demo_services.overview.reminders(dt.date(2026, 11, 22))]
    assert "Quý II năm 2026 chưa có buổi sinh hoạt chuyên đề." in texts
    assert any(t.startswith("Đồng chí Đậu Văn Lực bỏ sinh hoạt 3 tháng trong năm 2026") for t in texts)
    assert any("vắng sinh hoạt 4 lần liên tiếp" in t for t in texts)
