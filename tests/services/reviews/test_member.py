"""A member's review through the service: validation, live checks, disqualifying cases, votes, locking,
decisions, amendments, tampering, the 2023 criteria, exact scores, undo; the editor's Save (`save_draft`,
the member's part and the cell's part as one action) and the cell's check against unsaved edits."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from cellsec.services.errors import ServiceError, ValidationFailed
from cellsec.services.members.service import MemberInput
from cellsec.services.reviews.records import CellAssessmentInput, DecisionInput, ReviewInput

from .review_data import ALL_CONDITIONS, TODAY, YEAR, fill, good_review, open_year


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


# ---- the editor's Save ----------------------------------------------------------------------------------
@pytest.fixture
def review_id(services):
    for i, name in enumerate(("Nguyễn Văn An", "Trần Thị Bình"), 1):
        services.members.add(MemberInput(full_name=name, gender="nam", date_of_birth=dt.date(1980, 1, i),
                                         admitted_on=dt.date(2010, 5, 19), official_on=dt.date(2011, 5, 19),
                                         status="chinh_thuc", list_no=i), today=TODAY)
    services.reviews.open_year(2026, today=TODAY)
    return services.reviews.list_reviews(2026)[0].id


def test_save_draft_stores_both_parts_as_one_undoable_action(services, review_id):
    record = services.reviews.save_draft(
        review_id, ReviewInput(sections={"politics": " Gương mẫu. "}, scores={"general": "25", "tasks": "60,5"},
                               self_level="htt"),
        CellAssessmentInput("Nhất trí.", "htt", 2, 0, 0))
    assert record.self_level == "htt" and record.cell_level == "htt" and record.self_score == 85.5
    assert record.sections == {"politics": "Gương mẫu."} and record.votes_for == 2
    assert services.last_undoable()[1] == "Lưu bản tự kiểm điểm năm 2026 của đồng chí Nguyễn Văn An"
    services.undo_last()
    record = services.reviews.get_review(review_id)
    assert record.self_level is None and record.cell_level is None


def test_save_draft_checks_the_cells_level_against_the_new_scores(services, review_id):
    # The cell's "good" is allowed by the scores being saved, not by what was stored before.
    with pytest.raises(ValidationFailed) as refused:
        services.reviews.save_draft(review_id, ReviewInput(scores={"general": 20, "tasks": 40}, self_level="ht"),
                                    CellAssessmentInput("", "htt", 5, 0, 0))
    assert set(refused.value.errors) == {"level", "votes"}
    assert "chỉ đạt mức \"Hoàn thành nhiệm vụ\"" in refused.value.errors["level"]
    assert services.reviews.get_review(review_id).self_level is None  # nothing was saved


def test_check_cell_uses_unsaved_edits_when_given(services, review_id):
    cell = CellAssessmentInput("", "htt")
    assert "level" in services.reviews.check_cell(review_id, cell).errors  # nothing scored yet
    check = services.reviews.check_cell(review_id, cell, ReviewInput(scores={"general": 25, "tasks": 60}))
    assert check.errors == {} and check.assessment.ceiling == "htt"


def test_save_draft_refuses_a_locked_review(services, review_id):
    services.reviews.save_draft(review_id, ReviewInput(scores={"general": 25, "tasks": 60}, self_level="htt"),
                                CellAssessmentInput("", "htt"))
    services.reviews.submit_review(review_id)
    with pytest.raises(ServiceError) as locked:
        services.reviews.save_draft(review_id, ReviewInput(self_level="htt"), CellAssessmentInput("", "htt"))
    assert "đã gửi lên cấp trên" in locked.value.message


def test_submitting_locks_and_chains_through_the_shared_lifecycle(services, review_id):
    services.reviews.save_draft(review_id, ReviewInput(scores={"general": "25", "tasks": "60"}, self_level="htt"),
                                CellAssessmentInput("Nhất trí.", "htt", 2, 0, 0))
    record = services.reviews.submit_review(review_id)
    assert record.status == "submitted" and record.submitted_at is not None and record.version == 1
    with pytest.raises(ServiceError) as locked:
        services.reviews.save_review(review_id, ReviewInput(self_level="htt"))
    assert locked.value.message.startswith("Bản kiểm điểm của đồng chí Nguyễn Văn An đã gửi lên cấp trên")
    latest = services.finalise.latest("member_review", review_id)
    assert latest.version == 1 and latest.content["stage"] == "submitted"
    assert services.finalise.verify_chain().ok


def test_a_decision_or_amendment_made_elsewhere_meanwhile_is_not_overwritten(cell, data_dir):
    """Issue 15: the checks of decide/amend run again inside the write transaction, so a second window or
    process that read the review before another one decided it is refused instead of deciding it twice."""
    from cellsec.services.facade import Services

    svc, _ = cell
    rid = open_year(cell)["staff"].id
    fill(svc, rid)
    svc.reviews.submit_review(rid)
    other = Services.open(data_dir)
    try:
        read = svc.reviews.get_review

        def read_then_other_writes(review_id, action):
            record = read(review_id)
            action()  # the other process writes between this one's read and its write
            return record

        decide = lambda: other.reviews.decide(rid, DecisionInput("htt", "Số 125-QĐ/ĐU", dt.date(2026, 11, 20)),
                                              today=TODAY)
        svc.reviews.get_review = lambda review_id: read_then_other_writes(review_id, decide)
        with pytest.raises(ServiceError) as err:
            svc.reviews.decide(rid, DecisionInput("ht", "Số 126-QĐ/ĐU", dt.date(2026, 11, 21)), today=TODAY)
        assert "Đã ghi mức xếp loại được quyết định" in err.value.message
        amend = lambda: other.reviews.amend_review(rid, "Ghi nhầm số phiếu",
                                                   cell=CellAssessmentInput("Nhất trí.", "htt", 4, 1, 0))
        svc.reviews.get_review = lambda review_id: read_then_other_writes(review_id, amend)
        with pytest.raises(ServiceError) as err:
            svc.reviews.amend_review(rid, "Sửa lời", cell=CellAssessmentInput("Nhất trí cao.", "htt", 5, 0, 0))
        assert "vừa được sửa ở nơi khác (nay là bản số 3)" in err.value.message
        del svc.reviews.get_review
        record = svc.reviews.get_review(rid)
        assert (record.decision_no, record.votes_against, record.version) == ("Số 125-QĐ/ĐU", 1, 3)
    finally:
        other.close()
