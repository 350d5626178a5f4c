"""Who needs attention, through the real services: the 2 vs 3 month edges, consecutive absences,
probation and exemption horizons."""

from __future__ import annotations

import datetime as dt

from cellsec.domain import attention as A
from cellsec.services.dues.service import PaymentEntry
from cellsec.services.members.service import MemberInput, StatusChange

from .scoring_data import TODAY, D, add_members, meeting


def kinds(items, member_id):
    return {(i.kind, i.severity) for i in items if i.member_id == member_id}


def test_absent_months_edge(services):
    ids = add_members(services)
    em = ids["Hoàng Văn Em"]
    meeting(services, ids, D(2026, 1, 5), absent={"Hoàng Văn Em": "absent_without_reason"})
    meeting(services, ids, D(2026, 2, 5), absent={"Hoàng Văn Em": "absent_with_reason"})  # with reason: not counted
    meeting(services, ids, D(2026, 3, 5), absent={"Hoàng Văn Em": "absent_without_reason"})
    items = services.attention.list(TODAY)
    assert (A.ABSENT_MONTHS, A.WARNING) in kinds(items, em)
    assert (A.ABSENT_WITHOUT_REASON, A.INFO) in kinds(items, em)
    # a draft meeting's attendance counts too: it happened
    meeting(services, ids, D(2026, 4, 5), absent={"Hoàng Văn Em": "absent_without_reason"}, approve=False)
    items = services.attention.list(TODAY)
    item = next(i for i in items if i.member_id == em and i.kind == A.ABSENT_MONTHS)
    assert item.severity == A.DANGER and item.data["months"] == [1, 3, 4]
    assert items[0] == item  # most serious first
    assert services.attention.list(TODAY, year=2025) == []


def test_consecutive_absences_more_than_three(services):
    ids = add_members(services)
    for month in (1, 2, 3):
        meeting(services, ids, D(2026, month, 5), absent={"Lê Văn Cường": "absent_with_reason"})
    assert (A.CONSECUTIVE_ABSENCES, A.WARNING) not in kinds(services.attention.list(TODAY), ids["Lê Văn Cường"])
    meeting(services, ids, D(2026, 4, 5), absent={"Lê Văn Cường": "absent_with_reason"})
    assert (A.CONSECUTIVE_ABSENCES, A.WARNING) in kinds(services.attention.list(TODAY), ids["Lê Văn Cường"])


def test_unpaid_dues_edge(services):
    ids = add_members(services)
    an = ids["Nguyễn Văn An"]

    def month(m, unpaid):
        sheet = services.dues.sheet(D(2026, m, 1), today=TODAY)
        services.dues.record(D(2026, m, 1), [PaymentEntry(l.member_id, 0 if l.member_id == an and unpaid
                                                          else l.amount_due) for l in sheet.lines],
                             paid_on=D(2026, m, 5), today=TODAY)

    for m, unpaid in ((1, False), (2, True), (3, False), (4, True)):
        month(m, unpaid)
    for m in range(5, 12):
        month(m, False)
    assert (A.DUES_UNPAID, A.WARNING) in kinds(services.attention.list(TODAY), an)
    services.dues.record("2026-05", [PaymentEntry(an, 0, excused_reason="Nằm viện")], today=TODAY)
    assert (A.DUES_UNPAID, A.WARNING) in kinds(services.attention.list(TODAY), an)  # excused: still 2
    services.dues.record("2026-06", [PaymentEntry(an, 0)], today=TODAY)
    item = next(i for i in services.attention.list(TODAY) if i.member_id == an and i.kind == A.DUES_UNPAID)
    assert item.severity == A.DANGER and item.data["months"] == ["2026-02", "2026-04", "2026-06"]


def test_probation_and_exemption(services):
    ids = add_members(services)
    new = services.members.add(MemberInput(
        full_name="Đinh Thị Mới", date_of_birth=D(1998, 1, 1), gender="nu", admitted_on=D(2025, 12, 10),
        status="du_bi"), today=TODAY).id
    services.members.change_status(ids["Phạm Thị Dung"], StatusChange("exempt", D(2026, 6, 1), D(2026, 12, 15),
                                                                      "Nghỉ thai sản"), today=TODAY)
    items = services.attention.list(TODAY)
    probation = next(i for i in items if i.member_id == new)
    assert probation.kind == A.PROBATION_ENDING and probation.due == D(2026, 12, 10)
    exemption = next(i for i in items if i.member_id == ids["Phạm Thị Dung"])
    assert exemption.kind == A.EXEMPTION_ENDING and "15/12/2026" in exemption.text
    later = services.attention.list(TODAY + dt.timedelta(days=30))
    assert next(i for i in later if i.member_id == new).severity == A.WARNING  # overdue


def test_members_who_left_are_not_listed(services):
    ids = add_members(services)
    for month in (1, 2, 3):
        meeting(services, ids, D(2026, month, 5), absent={"Hoàng Văn Em": "absent_without_reason"})
    services.members.change_status(ids["Hoàng Văn Em"], StatusChange("transferred_out", D(2026, 4, 1), None,
                                                                     org="Chi bộ khối 5"), today=TODAY)
    assert not [i for i in services.attention.list(TODAY) if i.member_id == ids["Hoàng Văn Em"]]
