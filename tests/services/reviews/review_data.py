"""What the review service tests share: a cell with members in every situation a year's review meets
(officer, staff, retired, probationary, exempt, transferred out) and helpers that write reviews."""

from __future__ import annotations

import datetime as dt

from cellsec.services.members.service import MemberInput
from cellsec.services.reviews.records import CellAssessmentInput, ReviewInput

TODAY = dt.date(2026, 11, 22)
YEAR = 2026
ALL_CONDITIONS = ["all_tasks_on_time", "tasks_exceeded_30", "shortcomings_fixed"]


def add(svc, name, *, status="chinh_thuc", admitted=dt.date(2010, 5, 19), official=dt.date(2011, 5, 19),
        party="", government="", workplace="Báo Nghệ An", list_no=None, born=dt.date(1980, 3, 2)):
    return svc.members.add(MemberInput(
        full_name=name, date_of_birth=born, gender="nam", admitted_on=admitted,
        official_on=official if status == "chinh_thuc" else None, status=status, position_party=party,
        position_government=government, workplace=workplace, list_no=list_no), today=TODAY)


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
