"""The collective review through the service: levels, locking, decision, amendment."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from cellsec.services.errors import ServiceError, ValidationFailed
from cellsec.services.reviews.records import CollectiveInput, DecisionInput

from .review_data import ALL_CONDITIONS, TODAY, YEAR, open_year


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


def test_the_decision_above_is_checked_live_against_the_report(cell):
    svc, _ = cell
    open_year(cell)
    svc.reviews.save_collective(YEAR, CollectiveInput(sections={"tasks": "Hoàn thành."},
                                                      scores={"general": 26, "tasks": 60}, self_level="htt"))
    svc.reviews.submit_collective(YEAR)
    check = svc.reviews.check_collective_decision(YEAR, DecisionInput("htxs", "", None), today=TODAY)
    assert set(check.errors) == {"level", "decision_no", "decision_date"}
    assert "Tổng điểm 86 chỉ đạt mức" in check.errors["level"]
    assert not svc.reviews.check_collective_decision(YEAR, DecisionInput("htt", "115-QĐ/ĐU", TODAY),
                                                     today=TODAY).errors
    better = CollectiveInput(sections={"tasks": "Hoàn thành."}, scores={"general": 29, "tasks": 66}, self_level="htt",
                             conditions=["all_tasks_on_time", "tasks_exceeded_30", "shortcomings_fixed",
                                         "no_discipline_in_unit"])
    assert "level" not in svc.reviews.check_collective_decision(YEAR, DecisionInput("htxs", "115-QĐ/ĐU", TODAY),
                                                                better, today=TODAY).errors
