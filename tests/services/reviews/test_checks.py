"""Live checks of a review's parts through the service: the member's part without saving, the votes,
the decision above."""

from __future__ import annotations

import datetime as dt

import pytest

from cellsec.services.errors import ServiceError, ValidationFailed
from cellsec.services.reviews.records import CellAssessmentInput, DecisionInput

from .review_data import TODAY, fill, good_review, open_year


def test_check_review_gives_live_feedback_without_saving(cell):
    svc, _ = cell
    reviews = open_year(cell)
    check = svc.reviews.check_review(reviews["staff"].id, good_review(scores={"general": 28, "tasks": 65},
                                                                      self_level="htxs"))
    assert not check.ok and check.assessment.derived == "htxs" and check.assessment.ceiling == "htt"
    assert "Chưa đạt điều kiện" in check.errors["self_level"]
    assert svc.reviews.get_review(reviews["staff"].id).self_level is None


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
