import datetime as dt

import pytest

from cellsec.domain import messages
from cellsec.domain.reminders import Reminder
from cellsec.services import reminders as registry
from cellsec.services.members.service import MemberInput, StatusChange

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(autouse=True)
def registry_providers_only(monkeypatch):
    """Other features register providers; these tests are about the members' own: the attention list
    (probation, exemptions) and the records that lack data."""
    registry.load_features()
    monkeypatch.setattr(registry, "_registry", {name: entry for name, entry in registry._registry.items()
                                                if name in (registry.ATTENTION, "members.missing_data")})


def add(services, name, **kw):
    values = dict(full_name=name, date_of_birth=dt.date(1980, 3, 2), gender="nam", cccd="",
                  admitted_on=dt.date(2005, 5, 19), official_on=dt.date(2006, 5, 19), status="chinh_thuc",
                  card_no="")
    values.update(kw)
    return services.members.add(MemberInput(**values), today=TODAY)


def kinds(services, today=TODAY):
    return [(r.kind, r.text) for r in services.overview.reminders(today) if r.kind != "missing_data"]


def test_counts_by_status_and_party_status(services):
    a = add(services, "Nguyễn Văn An")
    add(services, "Trần Văn Bình", status="du_bi", official_on=None, admitted_on=dt.date(2026, 6, 1))
    c = add(services, "Lê Văn Cường")
    d = add(services, "Phạm Văn Dũng")
    services.members.change_status(a.id, StatusChange("exempt", dt.date(2026, 1, 1), reason="Tuổi cao"), today=TODAY)
    services.members.change_status(c.id, StatusChange("deceased", dt.date(2026, 3, 1)), today=TODAY)
    services.members.delete(d.id)
    assert services.overview.counts() == {"active": 1, "exempt": 1, "temporary": 0, "transferred_out": 0,
                                          "removed": 0, "deceased": 1, "total": 2, "du_bi": 1, "chinh_thuc": 1}


def test_probation_ending_within_30_days(services):
    soon = add(services, "Hoàng Văn Sơn", status="du_bi", official_on=None, admitted_on=dt.date(2025, 12, 22))
    add(services, "Võ Thị Hằng", gender="nu", status="du_bi", official_on=None, admitted_on=dt.date(2025, 12, 23))
    reminders = [r for r in services.overview.reminders(TODAY) if r.kind == "probation_ending"]
    assert [(r.member_id, r.due, r.severity) for r in reminders] == [(soon.id, dt.date(2026, 12, 22), "warning")]
    assert reminders[0].text.startswith("Đồng chí Hoàng Văn Sơn hết thời gian dự bị ngày 22/12/2026")
    # Thirty-one days ahead is not yet due.
    assert len([r for r in services.overview.reminders(TODAY - dt.timedelta(days=1))
                if r.kind == "probation_ending"]) == 0


def test_probation_over_but_still_probationary(services):
    add(services, "Hoàng Văn Sơn", status="du_bi", official_on=None, admitted_on=dt.date(2025, 10, 1))
    assert kinds(services) == [("probation_ending", "Đồng chí Hoàng Văn Sơn đã hết thời gian dự bị từ ngày "
                                                    "01/10/2026 nhưng chưa được công nhận đảng viên chính thức.")]


def test_members_who_left_the_cell_get_no_reminders(services):
    gone = add(services, "Hoàng Văn Sơn", status="du_bi", official_on=None, admitted_on=dt.date(2025, 12, 22))
    services.members.change_status(gone.id, StatusChange("transferred_out", dt.date(2026, 11, 1),
                                                         org="Chi bộ Khối 3"), today=TODAY)
    assert services.overview.reminders(TODAY) == []


def test_exemption_ending_soon_or_already_over(services):
    mai = add(services, "Võ Thị Mai", gender="nu")
    quy = add(services, "Đặng Văn Quý")
    old = add(services, "Phan Văn Toàn")
    later = add(services, "Hồ Thị Lan", gender="nu")
    for member, end in ((mai, dt.date(2026, 12, 7)), (quy, dt.date(2026, 11, 1)), (old, None),
                        (later, dt.date(2027, 3, 1))):
        services.members.change_status(member.id, StatusChange("exempt", dt.date(2026, 1, 1), end, "Lý do"),
                                       today=TODAY)
    assert kinds(services) == [
        ("exemption_ending", "Đồng chí Đặng Văn Quý đã hết thời hạn miễn sinh hoạt từ ngày 01/11/2026 nhưng vẫn "
                             "đang ghi là miễn sinh hoạt."),
        ("exemption_ending", "Đồng chí Võ Thị Mai hết thời hạn miễn sinh hoạt ngày 07/12/2026."),
    ]


def test_missing_data(services):
    add(services, "Nguyễn Văn An", cccd="040080001234", card_no="37012345")
    add(services, "Trần Văn Bình", card_no="")
    add(services, "Lê Thị Cúc", gender="nu", status="du_bi", official_on=None, admitted_on=dt.date(2026, 9, 1),
        cccd="040180005678")
    missing = [r for r in services.overview.reminders(TODAY) if r.kind == "missing_data"]
    assert [(r.text, r.severity) for r in missing] == [
        ("Hồ sơ đồng chí Trần Văn Bình còn thiếu: số CCCD, số thẻ đảng viên.", "info")]


def test_english_reminders(services):
    add(services, "Nguyễn Văn An")
    messages.set_language("en")
    assert services.overview.reminders(TODAY)[0].text == "Nguyễn Văn An's record lacks: citizen ID, party card number."


def test_features_add_their_own_providers(services, monkeypatch):
    def meetings(ctx, today):
        return [Reminder("meeting_missing", "warning", "Chưa có biên bản sinh hoạt tháng 11/2026.", due=today)]

    registry.register("meetings", meetings)  # into this test's copy of the registry
    add(services, "Hoàng Văn Sơn", status="du_bi", official_on=None, admitted_on=dt.date(2025, 12, 22),
        cccd="040080009999")
    add(services, "Trần Văn Bình", cccd="")
    found = services.overview.reminders(TODAY)
    # Warnings first, soonest first; information last.
    assert [r.kind for r in found] == ["meeting_missing", "probation_ending", "missing_data"]
