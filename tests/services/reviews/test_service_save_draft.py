"""The review editor's Save (`save_draft`: the member's part and the cell's part as one action) and the
cell's live check against unsaved edits (`check_cell(..., review=...)`)."""

from __future__ import annotations

import datetime as dt

import pytest

from cellsec.services.errors import ServiceError, ValidationFailed
from cellsec.services.members.service import MemberInput
from cellsec.services.reviews.records import CellAssessmentInput, ReviewInput

TODAY = dt.date(2026, 11, 22)


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
