import datetime as dt
import re

import pytest

from cellsec.domain.dates import full_months_between
from cellsec.domain.members import DEFAULT_RULES, check_member
from cellsec.services.demo import cell as demo
from cellsec.services.errors import ServiceError
from cellsec.services.facade import Services
from cellsec.services.members.service import MemberInput, MemberQuery

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def demo_members(tmp_path_factory):
    """The registry part of the demo, built once for the read-only tests below (other features' steps
    are tested by their owners and make the full demo slow)."""
    steps, demo.DEMO_STEPS = demo.DEMO_STEPS, []
    svc = Services.open(tmp_path_factory.mktemp("demo"))
    try:
        demo.build_demo(svc, TODAY)
    finally:
        demo.DEMO_STEPS = steps
    yield svc
    svc.close()


def test_demo_cell_is_realistic(demo_members):
    svc = demo_members
    cell = svc.cell.get()
    assert cell.name == "Chi bộ xóm Trung Mỹ" and cell.upper_committee == "Đảng ủy xã Hưng Nguyên"
    members = svc.members.list()
    assert len(members) == 25
    statuses = [m.activity_status for m in members]
    for status, count in (("exempt", 2), ("temporary", 1), ("transferred_out", 1), ("deceased", 1)):
        assert statuses.count(status) == count
    assert {m.status for m in members} == {"du_bi", "chinh_thuc"}
    assert {m.gender for m in members} == {"nam", "nu"}
    ages = [full_months_between(m.date_of_birth, TODAY) // 12 for m in members]
    assert min(ages) == 22 and max(ages) == 80
    assert len({m.full_name.split()[0] for m in members}) >= 10  # diverse family names
    positions = {m.position_party for m in members}
    assert {"Bí thư Chi bộ", "Phó Bí thư Chi bộ", "Chi ủy viên"} <= positions
    cccds = [m.cccd for m in members if m.cccd]
    assert len(cccds) == len(set(cccds)) and all(re.fullmatch(r"040\d{9}", c) for c in cccds)
    assert all(m.card_no for m in members if m.status == "chinh_thuc")
    assert sorted(m.list_no for m in members) == list(range(1, 26))
    # The demo data pass the registry's own checks without warnings about ages or dates.
    for m in members:
        errors, warnings = check_member(MemberInput(**{k: getattr(m, k) for k in MemberInput.__dataclass_fields__}),
                                        TODAY)
        assert errors == {} and "admitted_on" not in warnings and "cccd" not in warnings, m.full_name


def test_demo_reminders_have_something_to_say(demo_members):
    reminders = demo_members.overview.reminders(TODAY)
    kinds = {r.kind for r in reminders}
    assert {"probation_ending", "exemption_ending", "missing_data"} <= kinds
    probation = [r for r in reminders if r.kind == "probation_ending"]
    assert len(probation) == 1 and TODAY < probation[0].due <= TODAY + dt.timedelta(days=DEFAULT_RULES.reminder_days)
    exemption = [r for r in reminders if r.kind == "exemption_ending"]
    assert len(exemption) == 1 and exemption[0].due > TODAY


def test_demo_has_a_reissued_card_and_status_history(demo_members):
    nam = demo_members.members.list(MemberQuery(text="ho sy nam"))[0]
    assert len(demo_members.members.card_history(nam.id)) == 2
    dung = demo_members.members.list(MemberQuery(activity_statuses=("transferred_out",)))[0]
    history = demo_members.members.status_history(dung.id)
    assert history[-1].org.startswith("Chi bộ Khối 3")


def test_demo_refuses_a_folder_with_members(demo_services):
    with pytest.raises(ServiceError) as err:
        demo.build_demo(demo_services, TODAY)
    assert "đã có chi bộ với 25 đảng viên" in err.value.message
    assert demo_services.members.member_count() == 25


def test_demo_fills_a_set_up_cell_without_members_and_runs_feature_steps(services, monkeypatch):
    seen = []
    monkeypatch.setattr(demo, "DEMO_STEPS", [lambda svc, today: seen.append((svc.members.member_count(), today))])
    demo.build_demo(services, TODAY)
    assert services.cell.get().name == "Chi bộ Xuất bản - Kỹ thuật"  # the existing cell is kept
    assert seen == [(25, TODAY)]


def test_demo_dates_follow_today(data_dir, monkeypatch):
    svc = Services.open(data_dir)
    try:
        today = dt.date(2027, 3, 31)
        monkeypatch.setattr(demo, "DEMO_STEPS", [])
        demo.build_demo(svc, today)
        due = [r.due for r in svc.overview.reminders(today) if r.kind == "probation_ending"]
        assert due == [dt.date(2027, 4, 18)]
    finally:
        svc.close()
