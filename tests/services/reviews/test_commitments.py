"""Commitments through the service: they pre-fill the review, as last year's shortcomings do."""

from __future__ import annotations

import datetime as dt

from cellsec.domain.reviews import CommitmentItem
from cellsec.services.reviews.records import CommitmentInput

from .review_data import TODAY, YEAR, good_review


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
