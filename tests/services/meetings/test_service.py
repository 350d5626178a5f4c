"""The meetings service as a whole: the agenda template, and the demo's two years of meetings."""

import pytest

from ..meeting_data import D, add_members


@pytest.fixture
def ids(services):
    return add_members(services)


def test_demo_has_two_years_of_meetings_most_approved_latest_draft(demo_services):
    meetings = demo_services.meetings.list()
    assert {m.period_year for m in meetings} == {2025, 2026}
    assert {m.kind for m in meetings} == {"thuong_ky", "chuyen_de", "combined", "bat_thuong"}
    assert meetings[-1].status == "draft"
    assert all(m.status == "approved" for m in meetings[:-1])
    assert sum(1 for m in meetings if m.resolution_status == "approved") >= 8
    assert any(m.revision == 2 for m in meetings)  # one amended set of minutes
    assert demo_services.finalise.verify_chain().ok


def test_user_agenda_template_is_used_for_new_meetings(services, ids):
    services.meetings.set_agenda_template({"thuong_ky": ["Nội dung tháng {month}", "  "], "unknown": ["x"]})
    record = services.meetings.create("thuong_ky", D(2025, 9, 5))
    assert [i.title for i in record.content.agenda] == ["Nội dung tháng 9"]
    services.meetings.set_agenda_template(None)
    assert services.meetings.agenda_template() == services.meetings.default_agenda_template()
