"""The yearly review cycle through the service: opening, forms, commitments, levels, locking, quota, history."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from cellsec.domain.reviews import CommitmentItem
from cellsec.services.errors import ServiceError, ValidationFailed
from cellsec.services.members.service import MemberInput, StatusChange
from cellsec.services.reviews.records import (
    CellAssessmentInput,
    CollectiveInput,
    CommitmentInput,
    DecisionInput,
    ReviewInput,
)

TODAY = dt.date(2026, 11, 22)
YEAR = 2026
ALL_CONDITIONS = ["all_tasks_on_time", "tasks_exceeded_30", "shortcomings_fixed"]


def add(svc, name, *, status="chinh_thuc", admitted=dt.date(2010, 5, 19), official=dt.date(2011, 5, 19),
        party="", government="", workplace="Báo Nghệ An", list_no=None, born=dt.date(1980, 3, 2)):
    return svc.members.add(MemberInput(
        full_name=name, date_of_birth=born, gender="nam", admitted_on=admitted,
        official_on=official if status == "chinh_thuc" else None, status=status, position_party=party,
        position_government=government, workplace=workplace, list_no=list_no), today=TODAY)


@pytest.fixture
def cell(services):
    svc = services
    people = {
        "secretary": add(svc, "Nguyễn Văn Đức", party="Bí thư chi bộ", government="Phó Tổng biên tập", list_no=1),
        "staff": add(svc, "Trần Thị Hồng", government="Phóng viên", list_no=2),
        "retired": add(svc, "Lê Văn Sơn", workplace="Nghỉ hưu", list_no=3, born=dt.date(1955, 1, 1)),
        "probation": add(svc, "Phạm Thu Trang", status="du_bi", admitted=dt.date(2026, 6, 1), list_no=4,
                         born=dt.date(1998, 7, 7)),
        "exempt": add(svc, "Hoàng Văn Lâm", list_no=5, born=dt.date(1950, 2, 2)),
        "moved": add(svc, "Võ Minh Tâm", list_no=6),
    }
    svc.members.change_status(people["exempt"].id, StatusChange("exempt", dt.date(2025, 3, 1), None,
                                                                reason="Tuổi cao, sức yếu", decision="Số 03-QĐ/CB"),
                              today=TODAY)
    svc.members.change_status(people["moved"].id, StatusChange("transferred_out", dt.date(2026, 4, 10),
                                                               org="Chi bộ Sở Tài chính"), today=TODAY)
    return svc, people


def open_year(cell, year=YEAR):
    svc, people = cell
    svc.reviews.open_year(year, today=TODAY)
    return {key: svc.reviews.review_for(m.id, year) for key, m in people.items()}


def good_review(**overrides) -> ReviewInput:
    data = dict(sections={"politics": "Luôn giữ vững lập trường tư tưởng.", "shortcomings": "Đôi lúc chậm tiến độ."},
                scores={"general": 26, "tasks": 56}, self_level="htt")
    data.update(overrides)
    return ReviewInput(**data)


def fill(svc, review_id, *, scores=(26, 56), level="htt", conditions=(), disqualifiers=None, votes=(5, 0, 0)):
    svc.reviews.save_review(review_id, ReviewInput(
        sections={"politics": "Chấp hành tốt chủ trương của Đảng."},
        scores={"general": scores[0], "tasks": scores[1]}, conditions=list(conditions),
        disqualifiers=disqualifiers or {}, self_level=level))
    svc.reviews.save_cell_assessment(review_id, CellAssessmentInput("Đồng ý với tự đánh giá.", level, *votes))


# ---- rule sets ----------------------------------------------------------------------------------------------
def test_rule_sets_listed_and_in_force_per_year(services):
    ids = [i.id for i in services.reviews.list_rule_sets()]
    assert ids[:2] == ["review_2025", "review_2023"]
    assert services.reviews.rule_set_for_year(2025).id == "review_2025"
    assert services.reviews.rule_set_for_year(2024).id == "review_2023"
    assert services.reviews.rule_set_for_year(2020).id == "review_2023"  # before every set: the oldest


def test_copy_and_edit_rule_set_does_not_change_the_shipped_default(services):
    copy = services.reviews.copy_rule_set("review_2025", "Quy tắc 2025 của Đảng ủy xã")
    assert not copy.builtin and copy.based_on == "review_2025" and copy.version == 1
    content = services.reviews.rule_set_content(copy.id)
    content["quota"]["ratio"] = 0.25
    content["quota"]["rounding"] = "round"
    updated = services.reviews.update_rule_set(copy.id, content)
    assert updated.version == 2
    assert services.reviews.rule_set(copy.id).quota.ratio == Decimal("0.25")
    shipped = services.reviews.rule_set("review_2025")
    assert shipped.quota.ratio == Decimal("0.2") and shipped.quota.rounding == "floor"
    with pytest.raises(ServiceError) as err:
        services.reviews.update_rule_set("review_2025", content)
    assert "không sửa được" in err.value.message
    # The user's copy with the same effective date is the one in force.
    assert services.reviews.rule_set_for_year(2025).id == copy.id


def test_invalid_edit_is_refused(services):
    copy = services.reviews.copy_rule_set("review_2025")
    content = services.reviews.rule_set_content(copy.id)
    content["quota"]["rounding"] = "sometimes"
    with pytest.raises(ValidationFailed) as err:
        services.reviews.update_rule_set(copy.id, content)
    assert "quota.rounding" in err.value.errors["content"]
    assert services.reviews.rule_set_info(copy.id).version == 1


def test_rule_set_in_use_cannot_be_deleted(cell):
    svc, _ = cell
    copy = svc.reviews.copy_rule_set("review_2025")
    svc.reviews.open_year(YEAR, copy.id, today=TODAY)
    with pytest.raises(ServiceError) as err:
        svc.reviews.delete_rule_set(copy.id)
    assert "2026" in err.value.message


# ---- opening a year -------------------------------------------------------------------------------------------
def test_open_year_lists_due_members_and_excludes_exempt_and_departed(cell):
    svc, people = cell
    candidates = {c.member_id: c for c in svc.reviews.candidates(YEAR)}
    assert not candidates[people["exempt"].id].included
    assert candidates[people["exempt"].id].reason == "Miễn công tác và sinh hoạt đảng"
    assert not candidates[people["moved"].id].included
    assert "10/04/2026" in candidates[people["moved"].id].reason
    info = svc.reviews.open_year(YEAR, today=TODAY)
    assert info.review_count == 4 and info.rule_set_id == "review_2025"
    reviewed = {r.member_id for r in svc.reviews.list_reviews(YEAR)}
    assert reviewed == {people[k].id for k in ("secretary", "staff", "retired", "probation")}
    # The member who left in April 2026 was in the cell at the end of 2025.
    assert people["moved"].id in {c.member_id for c in svc.reviews.candidates(2025) if c.included}


def test_suggested_form_types_and_change(cell):
    reviews = open_year(cell)
    assert reviews["secretary"].form_type == "leader"
    assert reviews["staff"].form_type == "staff"
    assert reviews["retired"].form_type == "outside"
    assert reviews["probation"].form_type == "probationary" and reviews["probation"].form_code == "10-KNĐ"
    svc, _ = cell
    changed = svc.reviews.set_form_type(reviews["staff"].id, "leader")
    assert changed.form_type_name == "Cá nhân giữ chức vụ lãnh đạo, quản lý"
    with pytest.raises(ValidationFailed):
        svc.reviews.set_form_type(reviews["staff"].id, "2Z")


def test_open_year_again_adds_new_members_only(cell):
    svc, people = cell
    svc.reviews.open_year(YEAR, today=TODAY)
    newcomer = add(svc, "Đặng Quốc Bảo", list_no=7)
    info = svc.reviews.open_year(YEAR, today=TODAY)
    assert info.review_count == 5
    assert svc.reviews.review_for(newcomer.id, YEAR) is not None


def test_open_year_uses_the_2023_rules_for_old_years(cell):
    svc, _ = cell
    info = svc.reviews.open_year(2024, today=TODAY)
    assert info.rule_set_id == "review_2023"
    assert svc.reviews.rules_for_year(2024).scoring == "criteria"


# ---- a review -------------------------------------------------------------------------------------------------
def test_save_review_validates_scores_and_levels(cell):
    svc, _ = cell
    reviews = open_year(cell)
    rid = reviews["staff"].id
    with pytest.raises(ValidationFailed) as err:
        svc.reviews.save_review(rid, good_review(scores={"general": 31, "tasks": 56}))
    assert err.value.errors["score_general"] == "Điểm phải từ 0 đến 30."
    with pytest.raises(ValidationFailed) as err:
        svc.reviews.save_review(rid, good_review(scores={"general": 25, "tasks": 60}, self_level="htxs",
                                                 conditions=ALL_CONDITIONS))
    assert "Tổng điểm 85" in err.value.errors["self_level"]
    saved = svc.reviews.save_review(rid, good_review())
    assert saved.self_score == Decimal("82") and saved.assessment.derived == "htt"
    assert saved.sections["shortcomings"] == "Đôi lúc chậm tiến độ."


def test_check_review_gives_live_feedback_without_saving(cell):
    svc, _ = cell
    reviews = open_year(cell)
    check = svc.reviews.check_review(reviews["staff"].id, good_review(scores={"general": 28, "tasks": 65},
                                                                      self_level="htxs"))
    assert not check.ok and check.assessment.derived == "htxs" and check.assessment.ceiling == "htt"
    assert "Chưa đạt điều kiện" in check.errors["self_level"]
    assert svc.reviews.get_review(reviews["staff"].id).self_level is None


def test_disqualifying_case_forces_fail_and_needs_evidence(cell):
    svc, _ = cell
    rid = open_year(cell)["staff"].id
    with pytest.raises(ValidationFailed) as err:
        svc.reviews.save_review(rid, good_review(disqualifiers={"disciplined": ""}, self_level="kht"))
    assert "căn cứ" in err.value.errors["disqualifier_disciplined"]
    with pytest.raises(ValidationFailed) as err:
        svc.reviews.save_review(rid, good_review(disqualifiers={"disciplined": "Quyết định số 12-QĐ/UBKT"}))
    assert "Thuộc trường hợp" in err.value.errors["self_level"]
    saved = svc.reviews.save_review(rid, good_review(disqualifiers={"disciplined": "Quyết định số 12-QĐ/UBKT"},
                                                     self_level="kht"))
    assert saved.assessment.ceiling == "kht"
    with pytest.raises(ValidationFailed) as err:
        svc.reviews.save_cell_assessment(rid, CellAssessmentInput("", "ht"))
    assert "Thuộc trường hợp" in err.value.errors["level"]


def test_vote_counts_are_checked(cell):
    svc, _ = cell
    rid = open_year(cell)["staff"].id
    svc.reviews.save_review(rid, good_review())
    with pytest.raises(ValidationFailed) as err:
        svc.reviews.save_cell_assessment(rid, CellAssessmentInput("", "htt", 4, -1, 0))
    assert err.value.errors["votes"] == "Số phiếu không được âm."
    with pytest.raises(ValidationFailed) as err:
        svc.reviews.save_cell_assessment(rid, CellAssessmentInput("", "htt", 9, 0, 0))
    assert "nhiều hơn số đảng viên" in err.value.errors["votes"]
    record = svc.reviews.save_cell_assessment(rid, CellAssessmentInput("Nhất trí.", "htt", 4, 0, 1))
    assert (record.cell_level, record.votes_for, record.votes_abstain) == ("htt", 4, 1)


def test_lock_after_submit_then_decide_then_amend(cell):
    svc, _ = cell
    rid = open_year(cell)["staff"].id
    with pytest.raises(ValidationFailed) as err:
        svc.reviews.submit_review(rid)
    assert set(err.value.errors) == {"self_level", "level"}
    fill(svc, rid)
    submitted = svc.reviews.submit_review(rid)
    assert submitted.status == "submitted" and submitted.locked and submitted.version == 1
    with pytest.raises(ServiceError) as err:
        svc.reviews.save_review(rid, good_review(self_level="ht"))
    assert "đính chính" in err.value.message
    with pytest.raises(ServiceError):
        svc.reviews.save_cell_assessment(rid, CellAssessmentInput("", "ht"))
    decided = svc.reviews.decide(rid, DecisionInput("htt", "Số 125-QĐ/ĐU", dt.date(2026, 11, 20)), today=TODAY)
    assert decided.status == "decided" and decided.decided_level == "htt" and decided.version == 2
    with pytest.raises(ServiceError):
        svc.reviews.decide(rid, DecisionInput("ht", "Số 126-QĐ/ĐU", dt.date(2026, 11, 21)), today=TODAY)
    with pytest.raises(ValidationFailed) as err:
        svc.reviews.amend_review(rid, "  ", cell=CellAssessmentInput("Sửa", "ht", 5, 0, 0))
    assert "reason" in err.value.errors
    amended = svc.reviews.amend_review(rid, "Ghi nhầm số phiếu", cell=CellAssessmentInput("Nhất trí.", "htt", 4, 1, 0))
    assert amended.votes_against == 1 and amended.version == 3 and amended.decided_level == "htt"
    versions = svc.reviews.versions(rid)
    assert [(v.version, v.stage) for v in versions] == [(1, "submitted"), (2, "decided"), (3, "amended")]
    assert versions[2].reason == "Ghi nhầm số phiếu"
    assert len({v.hash for v in versions}) == 3
    assert svc.reviews.verify_chain().ok


def test_decision_is_checked(cell):
    svc, _ = cell
    rid = open_year(cell)["staff"].id
    fill(svc, rid)
    with pytest.raises(ServiceError):
        svc.reviews.decide(rid, DecisionInput("htt", "Số 1-QĐ/ĐU", dt.date(2026, 11, 20)), today=TODAY)
    svc.reviews.submit_review(rid)
    with pytest.raises(ValidationFailed) as err:
        svc.reviews.decide(rid, DecisionInput("htxs", "", dt.date(2025, 12, 1)), today=TODAY)
    assert set(err.value.errors) == {"level", "decision_no", "decision_date"}
    with pytest.raises(ValidationFailed) as err:
        svc.reviews.decide(rid, DecisionInput("htt", "Số 1", dt.date(2026, 12, 30)), today=TODAY)
    assert "sau hôm nay" in err.value.errors["decision_date"]


def test_tampering_with_a_submitted_review_is_detected(cell):
    svc, _ = cell
    rid = open_year(cell)["staff"].id
    fill(svc, rid)
    svc.reviews.submit_review(rid)
    with svc.ctx.store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE member_reviews SET cell_level = 'htxs' WHERE id = ?", (rid,))
    report = svc.reviews.verify_chain()
    assert not report.ok
    assert report.problems[0].code == "record_changed"
    assert "Bản kiểm điểm năm 2026 của đồng chí Trần Thị Hồng" in report.problems[0].text


# ---- commitments and prefill ------------------------------------------------------------------------------------
def test_commitments_prefill_the_review_and_last_year_shortcomings(cell):
    svc, people = cell
    svc.reviews.open_year(YEAR - 1, today=TODAY)
    last = svc.reviews.review_for(people["staff"].id, YEAR - 1)
    svc.reviews.save_review(last.id, good_review(sections={"shortcomings": "Chưa mạnh dạn phê bình."}))
    member = people["staff"].id
    saved = svc.reviews.save_commitment(member, YEAR, CommitmentInput(
        items=[CommitmentItem("Hoàn thành 100% chỉ tiêu tin bài", achieved=True),
               CommitmentItem("Tham gia sinh hoạt đầy đủ", result_note="vắng 1 buổi có lý do", achieved=True),
               CommitmentItem("")],
        registered_on=dt.date(2026, 2, 10), midyear_check="Thực hiện đúng tiến độ.", midyear_on=dt.date(2026, 7, 1),
        yearend_result="Hoàn thành các nội dung cam kết.", yearend_on=dt.date(2026, 11, 15)))
    assert len(saved.items) == 2
    rid = svc.reviews.open_year(YEAR, today=TODAY) and svc.reviews.review_for(member, YEAR).id
    prefill = svc.reviews.prefill(rid)
    assert "1. Hoàn thành 100% chỉ tiêu tin bài: đã thực hiện." in prefill["commitments"]
    assert "Kết quả: thực hiện được 2/2 nội dung cam kết." in prefill["commitments"]
    assert "Chưa mạnh dạn phê bình." in prefill["fixes"] and "năm 2025" in prefill["fixes"]
    assert [c.member_name for c in svc.reviews.list_commitments(YEAR)] == ["Trần Thị Hồng"]


# ---- summary and quota ---------------------------------------------------------------------------------------------
def test_quota_exceeded_needs_a_reason(cell):
    svc, _ = cell
    reviews = open_year(cell)
    fill(svc, reviews["secretary"].id, scores=(29, 66), level="htxs", conditions=ALL_CONDITIONS)
    fill(svc, reviews["staff"].id)
    fill(svc, reviews["retired"].id, scores=(22, 40), level="ht")
    summary = svc.reviews.summary(YEAR)
    assert summary.quota.allowed == 0 and summary.quota.proposed == 1 and summary.quota_exceeded
    assert summary.counts == {"htxs": 1, "htt": 1, "ht": 1, "kht": 0}
    with pytest.raises(ValidationFailed) as err:
        svc.reviews.submit_summary(YEAR)
    assert "Phạm Thu Trang" in err.value.errors["reviews"]
    fill(svc, reviews["probation"].id, scores=(24, 50), level="htt")
    with pytest.raises(ValidationFailed) as err:
        svc.reviews.submit_summary(YEAR)
    assert "vượt tỷ lệ cho phép (0) 1 trường hợp" in err.value.errors["quota_reason"]
    done = svc.reviews.submit_summary(YEAR, "Đồng chí Bí thư được Tỉnh ủy tặng Bằng khen.")
    assert done.submitted and done.quota_reason == "Đồng chí Bí thư được Tỉnh ujy tặng Bằng khen.".replace("ujy", "ủy")
    assert all(r.status == "submitted" for r in done.rows)
    with pytest.raises(ServiceError):
        svc.reviews.submit_summary(YEAR, "lần nữa")
    with pytest.raises(ServiceError):
        svc.reviews.set_year_rule_set(YEAR, "review_2023")


def test_summary_within_quota_needs_no_reason(cell):
    svc, _ = cell
    reviews = open_year(cell)
    for key in ("secretary", "staff", "retired", "probation"):
        fill(svc, reviews[key].id)
    done = svc.reviews.submit_summary(YEAR, "không cần")
    assert done.submitted and done.quota_reason == "" and not done.quota_exceeded


# ---- collective review -------------------------------------------------------------------------------------------
def test_collective_review_levels_and_locking(cell):
    svc, _ = cell
    open_year(cell)
    with pytest.raises(ValidationFailed) as err:
        svc.reviews.save_collective(YEAR, CollectiveInput(scores={"general": 28, "tasks": 66}, self_level="htxs",
                                                          conditions=ALL_CONDITIONS))
    assert "Không có tổ chức trực thuộc" in err.value.errors["self_level"]
    with pytest.raises(ValidationFailed) as err:
        svc.reviews.save_collective(YEAR, CollectiveInput(scores={"general": 28, "tasks": 66}, self_level="htt",
                                                          disqualifiers={"disunity": "Kết luận 05-KL/ĐU"}))
    assert "mất đoàn kết" in err.value.errors["self_level"]
    saved = svc.reviews.save_collective(YEAR, CollectiveInput(
        sections={"tasks": "Lãnh đạo hoàn thành các chỉ tiêu."}, scores={"general": 27, "tasks": 60},
        self_level="htt"))
    assert saved.total == Decimal("87")
    submitted = svc.reviews.submit_collective(YEAR)
    assert submitted.locked
    with pytest.raises(ServiceError):
        svc.reviews.save_collective(YEAR, CollectiveInput(self_level="ht"))
    decided = svc.reviews.decide_collective(YEAR, DecisionInput("htt", "Số 30-QĐ/ĐU", dt.date(2026, 11, 20)),
                                            today=TODAY)
    assert decided.decided_level == "htt"
    assert [v.stage for v in svc.reviews.collective_versions(YEAR)] == ["submitted", "decided"]
    assert svc.reviews.verify_chain().ok


# ---- history and reminders -----------------------------------------------------------------------------------------
def test_two_consecutive_fail_years_raise_a_removal_reminder(cell):
    svc, people = cell
    member = people["staff"].id
    for year in (YEAR - 1, YEAR):
        svc.reviews.open_year(year, today=TODAY)
        rid = svc.reviews.review_for(member, year).id
        fill(svc, rid, scores=(15, 30), level="kht")
    history = svc.reviews.member_history(member)
    assert [(h.year, h.level) for h in history] == [(2026, "kht"), (2025, "kht")]
    risks = svc.reviews.removal_risks()
    assert [(r.name, r.years) for r in risks] == [("Trần Thị Hồng", (2025, 2026))]
    reminders = [r for r in svc.overview.reminders(TODAY) if r.kind == "review_removal_risk"]
    assert len(reminders) == 1 and reminders[0].member_id == member
    assert "hai năm liền (2025 và 2026)" in reminders[0].text


def test_one_fail_year_raises_no_reminder(cell):
    svc, people = cell
    svc.reviews.open_year(YEAR, today=TODAY)
    fill(svc, svc.reviews.review_for(people["staff"].id, YEAR).id, scores=(15, 30), level="kht")
    assert svc.reviews.removal_risks() == []


# ---- the 2023 rules --------------------------------------------------------------------------------------------------
def test_2023_year_grades_criteria_and_kem_forces_fail(cell):
    svc, people = cell
    svc.reviews.open_year(2024, today=TODAY)
    rid = svc.reviews.review_for(people["staff"].id, 2024).id
    rules = svc.reviews.rules_for_year(2024)
    grades = {c.key: "tot" for c in rules.criteria_for("individual")}
    saved = svc.reviews.save_review(rid, ReviewInput(grades=grades, self_level="htt"))
    assert saved.assessment.derived == "htt" and saved.self_score is None
    with pytest.raises(ValidationFailed) as err:
        svc.reviews.save_review(rid, ReviewInput(grades=grades | {"discipline": "kem"}, self_level="ht"))
    assert '"Kém"' in err.value.errors["self_level"]
    with pytest.raises(ValidationFailed) as err:
        svc.reviews.save_review(rid, ReviewInput(grades=grades | {"ethics": "gioi"}))
    assert err.value.errors["grade_ethics"] == "Mức đánh giá không hợp lệ."


def test_mutations_have_vietnamese_undo_summaries(cell):
    svc, people = cell
    svc.reviews.open_year(YEAR, today=TODAY)
    assert svc.last_undoable()[1] == "Mở kỳ kiểm điểm năm 2026 (4 đảng viên)"
    rid = svc.reviews.review_for(people["staff"].id, YEAR).id
    svc.reviews.save_review(rid, good_review())
    assert svc.last_undoable()[1] == "Lưu bản tự kiểm điểm năm 2026 của đồng chí Trần Thị Hồng"
    svc.undo_last()
    assert svc.reviews.get_review(rid).self_level is None


def test_scores_are_stored_as_exact_decimals(cell):
    svc, _ = cell
    rid = open_year(cell)["staff"].id
    saved = svc.reviews.save_review(rid, good_review(scores={"general": "25,4", "tasks": 44.6}))
    assert saved.self_score == Decimal("70.0") and saved.assessment.derived == "htt"
    with svc.ctx.store.engine.connect() as conn:
        raw = conn.exec_driver_sql("SELECT scores FROM member_reviews WHERE id = ?", (rid,)).scalar()
    assert json.loads(raw) == {"general": "25.4", "tasks": "44.6"}


def test_undo_cannot_reopen_a_submitted_review(cell):
    svc, _ = cell
    rid = open_year(cell)["staff"].id
    fill(svc, rid)
    svc.reviews.submit_review(rid)
    # Every earlier action on the review (opening, saving, the cell's assessment) is sealed by the lock.
    assert svc.last_undoable()[1].startswith("Cập nhật tình trạng sinh hoạt")  # the fixture's last change
    assert svc.reviews.get_review(rid).status == "submitted"


# ---- the demo ------------------------------------------------------------------------------------------------------
def test_demo_has_last_year_complete_and_this_year_in_progress(demo_services):
    svc = demo_services
    last, this = svc.reviews.summary(2025), svc.reviews.summary(2026)
    assert last.submitted and all(r.decided_level for r in last.rows) and not last.quota_exceeded
    assert svc.reviews.collective(2025).decided_level == "htt"
    assert not this.submitted and this.quota.exceeded_by == 1
    assert any(r.self_level is None for r in this.rows)  # some members have not written yet
    failing = [r for r in svc.reviews.list_reviews(2026) if r.disqualifiers]
    assert len(failing) == 1 and failing[0].assessment.ceiling == "kht" and failing[0].cell_level == "kht"
    assert [r.name for r in svc.reviews.removal_risks()] == [failing[0].member_name]
    assert any(r.kind == "review_removal_risk" for r in svc.overview.reminders(dt.date(2026, 11, 22)))
    assert svc.reviews.get_commitment(failing[0].member_id, 2026) is not None
    assert svc.reviews.verify_chain().ok


def test_year_keeps_its_rule_snapshot_until_a_new_set_is_applied(cell):
    svc, _ = cell
    copy = svc.reviews.copy_rule_set("review_2025", "Bản sao thử")
    svc.reviews.open_year(YEAR, copy.id, today=TODAY)
    content = svc.reviews.rule_set_content(copy.id)
    content["quota"]["ratio"] = 0.5
    svc.reviews.update_rule_set(copy.id, content)
    assert svc.reviews.rules_for_year(YEAR).quota.ratio == Decimal("0.2")  # the snapshot taken at opening
    info = svc.reviews.set_year_rule_set(YEAR, copy.id)
    assert info.rule_set_version == 2 and svc.reviews.rules_for_year(YEAR).quota.ratio == Decimal("0.5")
    info = svc.reviews.set_year_rule_set(YEAR, "review_2023")
    assert svc.reviews.rules_for_year(YEAR).scoring == "criteria" and info.rule_set_name.startswith("Kiểm điểm")
