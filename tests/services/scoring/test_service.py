"""Scoring: automatic inputs of meetings and years against hand-computed values, saving sheets,
overrides, amendments, the 5-good assessments and the chart series."""

from __future__ import annotations


import pytest

from cellsec.domain import scores as S
from cellsec.domain.meetings import Checklist
from cellsec.services.dues.service import PaymentEntry
from cellsec.services.errors import ServiceError, ValidationFailed
from cellsec.services.scoring.records import AssessmentInput

from ..scoring_data import TODAY, D, T, add_members, meeting


@pytest.fixture
def cell(services):
    return services, add_members(services)


def test_meeting_facts_hand_computed(cell):
    svc, ids = cell
    # 6 members, 1 exempt -> 5 expected; 1 absent with reason, 1 without -> 3/5 = 60 %
    mid = meeting(svc, ids, D(2026, 3, 5), start=T(19, 30), end=T(20, 50),
                  absent={"Lê Văn Cường": "absent_with_reason", "Hoàng Văn Em": "absent_without_reason"},
                  checklist=Checklist(True, False, True, None, True))
    sheet = svc.scoring.meeting_sheet(mid)
    assert sheet.values["meeting.attendance_rate"] == 60.0
    assert sheet.values["meeting.absent_without_reason"] == 1
    assert sheet.values["meeting.duration_minutes"] == 80
    assert sheet.values["meeting.duration_ok"] is False            # under 90 minutes
    assert sheet.values["meeting.preparation_rate"] == 60.0         # 3 of the 5 checklist items
    assert sheet.values["meeting.minutes_complete"] is True
    assert sheet.values["meeting.resolution_voted"] is True         # 3 in favour of 3 present
    items = sheet.items
    assert sheet.rubric.key == "mac-dinh.sinh-hoat-thuong-ky"
    assert items["1.1"].points == 5        # 60 % reaches the "from 50 %" step
    assert items["1.2"].points == 0        # someone was absent without reason
    assert items["2.1"].points == 7.2      # 12 × 60 %
    assert items["3.2"].points == 0 and items["3.5"].points == 8 and items["5.1"].points == 5
    assert items["2.2"].points is None     # for the secretary
    assert sheet.result.total == 25.2 and not sheet.result.complete


def test_thematic_meeting_uses_the_thematic_rubric_and_combined_needs_120_minutes(cell):
    svc, ids = cell
    thematic = meeting(svc, ids, D(2026, 2, 20), kind="chuyen_de")
    combined = meeting(svc, ids, D(2026, 3, 5), kind="combined", start=T(19, 0), end=T(20, 45))
    assert svc.scoring.meeting_sheet(thematic).rubric.key == "mac-dinh.sinh-hoat-chuyen-de"
    sheet = svc.scoring.meeting_sheet(combined)
    assert sheet.rubric.key == "mac-dinh.sinh-hoat-thuong-ky"
    assert sheet.values["meeting.duration_minutes"] == 105 and sheet.values["meeting.duration_ok"] is False


def test_save_score_override_and_reopen(cell):
    svc, ids = cell
    mid = meeting(svc, ids, D(2026, 4, 5))
    sheet = svc.scoring.meeting_sheet(mid)
    items = dict(sheet.items)
    for cid in ("2.2", "3.1", "3.3", "3.4", "4.1", "5.2"):
        items[cid] = S.ItemScore(points=sheet.rubric.criterion(cid).max_points - 1, note="Bí thư chấm")
    items["1.1"] = S.ItemScore(points=12, note="Một đồng chí đến muộn")  # override 15
    saved = svc.scoring.save_meeting_score(mid, items, scored_by="Nguyễn Văn An", note="Chấm tại chi ủy")
    assert saved.saved and saved.result.complete
    assert saved.items["1.1"].points == 12 and saved.items["1.1"].auto_points == 15 and saved.items["1.1"].overridden
    assert saved.result.total == 100 - 6 - 3 and saved.result.band == "Tốt"
    assert svc.last_undoable()[1] == "Chấm điểm Sinh hoạt chi bộ thường kỳ tháng 4 năm 2026: 91 điểm (Tốt)"
    again = svc.scoring.meeting_sheet(mid)
    assert again.items["3.1"].note == "Bí thư chấm" and again.note == "Chấm tại chi ủy"
    row = svc.scoring.meetings(2026)[0]
    assert (row.total, row.band, row.percent) == (91, "Tốt", 91.0)
    with pytest.raises(ValidationFailed) as info:
        svc.scoring.save_meeting_score(mid, {"2.2": S.ItemScore(points=9)})
    assert set(info.value.errors) == {"2.2"}
    svc.scoring.delete_meeting_score(mid)
    assert svc.scoring.meetings(2026)[0].total is None


def test_unapproved_meetings_cannot_be_scored(cell):
    svc, ids = cell
    mid = meeting(svc, ids, D(2026, 5, 5), approve=False)
    assert svc.scoring.meetings(2026) == []
    with pytest.raises(ServiceError, match="chưa được thông qua"):
        svc.scoring.meeting_sheet(mid)


def test_an_amendment_keeps_the_score_and_refreshes_the_facts(cell):
    svc, ids = cell
    mid = meeting(svc, ids, D(2026, 6, 5), start=T(19, 30), end=T(20, 30))
    sheet = svc.scoring.meeting_sheet(mid)
    svc.scoring.save_meeting_score(mid, sheet.items)
    amendment = svc.meetings.amend(mid)
    c = amendment.content
    c.end_time = T(21, 30)  # the recorder had written the wrong end time
    svc.meetings.save(amendment.id, c)
    assert svc.scoring.meeting_sheet(mid).values["meeting.duration_ok"] is False  # the draft does not count yet
    svc.meetings.approve(amendment.id)
    rows = svc.scoring.meetings(2026)
    assert [r.meeting_id for r in rows] == [mid] and rows[0].total is not None
    assert svc.scoring.meeting_sheet(amendment.id).meeting_id == mid
    assert svc.scoring.meeting_sheet(mid).values["meeting.duration_ok"] is True


def test_cell_year_values_hand_computed(cell):
    svc, ids = cell
    for month in (1, 2, 3):
        meeting(svc, ids, D(2026, month, 5), absent={"Hoàng Văn Em": "absent_without_reason"} if month == 2 else None)
    meeting(svc, ids, D(2026, 3, 20), kind="chuyen_de")
    first = svc.scoring.meetings(2026)[0]
    svc.scoring.save_meeting_score(first.meeting_id, {})  # scored with the automatic points only
    for month in (1, 2):
        sheet = svc.dues.sheet(D(2026, month, 1), today=TODAY)
        svc.dues.record(D(2026, month, 1), [PaymentEntry(l.member_id, l.amount_due) for l in sheet.lines],
                        paid_on=D(2026, month, 5 if month == 1 else 28), today=TODAY)
    svc.members.add(svc.members.get(ids["Nguyễn Văn An"]).as_input().__class__(
        full_name="Đinh Văn Mới", date_of_birth=D(1998, 1, 1), gender="nam", admitted_on=D(2026, 4, 2),
        status="du_bi"), today=TODAY)
    values = svc.scoring.cell_year_values(2026, TODAY)
    assert values["cell.regular_meetings"] == 3
    assert values["cell.thematic_meetings"] == 1
    assert values["cell.meeting_regularity"] == 25.0                     # (3 + 1) / 16
    assert values["cell.average_attendance"] == round((100 + 80 + 100 + 100) / 4, 2)
    first_score = svc.scoring.meetings(2026)[0]
    assert values["cell.average_meeting_score"] == first_score.percent
    assert values["cell.members_admitted"] == 1
    assert values["cell.members_good_rate"] is None                     # no review opened
    # January paid on time, February paid within the month too; 5 paying members x 2 months owed
    # (the exempt member owes nothing, the new member only from April, after the ledger's months)
    status = svc.dues.year_status(2026, TODAY)
    owed = sum(len(s.due_months) for s in status)
    on_time = sum(len(s.on_time_months) for s in status)
    assert values["cell.dues_on_time_rate"] == round(100 * on_time / owed, 2)
    assert on_time == 10


def test_member_year_values_and_sheet(cell):
    svc, ids = cell
    meeting(svc, ids, D(2026, 1, 5), absent={"Hoàng Văn Em": "absent_without_reason"})
    meeting(svc, ids, D(2026, 2, 5), absent={"Hoàng Văn Em": "absent_with_reason"})
    meeting(svc, ids, D(2026, 3, 5))
    meeting(svc, ids, D(2026, 4, 5))
    values = svc.scoring.member_year_values(ids["Hoàng Văn Em"], 2026, TODAY)
    assert values["member.attendance_rate"] == 50.0
    assert values["member.absences_without_reason"] == 1
    assert values["member.review_level"] is None and values["member.dues_on_time_rate"] is None
    sheet = svc.scoring.member_sheet(ids["Hoàng Văn Em"], 2026, today=TODAY)
    assert sheet.rubric.key == "mac-dinh.dang-vien-5-tot"
    assert sheet.items["4.1"].points == 0 and sheet.items["4.2"].points == 0
    exempt = svc.scoring.member_year_values(ids["Võ Thị Giang"], 2026, TODAY)
    assert exempt["member.attendance_rate"] is None


def test_five_good_assessments_and_history(cell):
    svc, ids = cell
    sheet = svc.scoring.cell_sheet(2025, today=TODAY)
    items = {c.id: S.ItemScore(points=c.max_points) for c in sheet.rubric.criteria()}
    items["2.1"] = S.ItemScore(points=8, note="Một đảng viên có biểu hiện cần nhắc nhở")
    data = AssessmentInput(items=items, proposal="Đề nghị công nhận \"Chi bộ 5 tốt\"", recognized_title="Chi bộ 5 tốt",
                           decision_no="Số 118-QĐ/ĐU", decision_date=D(2025, 12, 28), decision_org="Đảng ủy xã")
    saved = svc.scoring.save_cell_assessment(2025, data, today=TODAY)
    assert saved.result.total == 98 and saved.result.band == "Chi bộ 5 tốt"
    assert saved.decision_no == "Số 118-QĐ/ĐU" and saved.items["2.1"].note.startswith("Một đảng viên")
    with pytest.raises(ValidationFailed) as info:
        svc.scoring.save_cell_assessment(2025, AssessmentInput(items=items, decision_date=D(2027, 1, 1)), today=TODAY)
    assert set(info.value.errors) == {"decision_date", "decision_no"}
    member = svc.scoring.member_sheet(ids["Lê Văn Cường"], 2025, today=TODAY)
    svc.scoring.save_member_assessment(ids["Lê Văn Cường"], 2025, AssessmentInput(
        items={c.id: S.ItemScore(points=c.max_points / 2) for c in member.rubric.criteria()}), today=TODAY)
    rows = svc.scoring.assessments(2025, today=TODAY)
    assert rows[0].subject == "cell" and rows[0].total == 98
    assert [r.name for r in rows[1:]] == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung",
                                          "Hoàng Văn Em"]  # the exempt member is not assessed
    cuong = next(r for r in rows if r.name == "Lê Văn Cường")
    assert (cuong.total, cuong.band) == (50, "Trung bình")
    history = svc.scoring.five_good_history()
    assert [(h.year, h.total, h.recognized_title) for h in history] == [(2025, 98, "Chi bộ 5 tốt")]
    svc.scoring.delete_assessment(2025, ids["Lê Văn Cường"])
    assert next(r for r in svc.scoring.assessments(2025, TODAY) if r.name == "Lê Văn Cường").total is None


def test_chart_series(cell):
    svc, ids = cell
    jan = meeting(svc, ids, D(2026, 1, 5))
    meeting(svc, ids, D(2026, 3, 5), absent={"Lê Văn Cường": "absent_with_reason"})
    svc.scoring.save_meeting_score(jan, {})
    scores = svc.scoring.monthly_scores(2026)
    assert len(scores) == 12 and scores[0].count == 1 and scores[1].value is None and scores[2].value is None
    attendance = svc.scoring.monthly_attendance(2026)
    assert attendance[0].value == 100.0 and attendance[2].value == 80.0 and attendance[1].value is None
    members = {r.full_name: r for r in svc.scoring.member_attendance(2026)}
    assert (members["Lê Văn Cường"].expected, members["Lê Văn Cường"].present, members["Lê Văn Cường"].rate) == (2, 1, 50.0)
    assert members["Võ Thị Giang"].expected == 0 and members["Võ Thị Giang"].rate is None
    report = svc.scoring.report(2026, TODAY)
    assert len(report.meetings) == 2 and report.cell.assessment_id is None
