"""The meeting's resolution: defaults, draft, issue (numbered, chained), lock."""

import pytest

from cellsec.services.errors import ServiceError

from ..meeting_data import D, add_members, fill


@pytest.fixture
def ids(services):
    return add_members(services)


def test_resolution_draft_issue_and_lock(services, ids):
    record = services.meetings.create("thuong_ky", D(2025, 9, 5))
    fill(services, record.id, ids)
    defaults = services.meetings.resolution_defaults(record.id)
    assert defaults.signer_name == "Nguyễn Văn Đức" and defaults.body.startswith("1. Hoàn thành kế hoạch tháng.")
    assert defaults.recipients[0] == "Đảng ủy Báo Nghệ An (để báo cáo)"
    with pytest.raises(ServiceError, match="chưa có nghị quyết"):
        services.meetings.issue_resolution(record.id)
    services.meetings.save_resolution(record.id, defaults)
    issued = services.meetings.issue_resolution(record.id)
    assert issued.status == "approved" and issued.number == "Số 01-NQ/CB" and issued.issued_on == D(2025, 9, 5)
    with pytest.raises(ServiceError, match="Nghị quyết đã ban hành"):
        services.meetings.save_resolution(record.id, defaults)
    assert services.finalise.latest("resolution", issued.id).content["number"] == "Số 01-NQ/CB"
    with pytest.raises(ServiceError, match="nghị quyết ban hành"):
        services.meetings.delete(record.id)
