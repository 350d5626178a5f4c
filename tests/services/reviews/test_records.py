"""The review read models: the level that counts is the one decided above, else the cell's proposal,
else the member's own; a record gives back the inputs that would save it unchanged."""

from __future__ import annotations

from cellsec.services.reviews.records import CellAssessmentInput, ReviewInput

from .review_data import YEAR, fill, open_year


def test_the_counting_level_and_the_inputs_of_a_record(cell):
    svc, _ = cell
    rid = open_year(cell)["staff"].id
    svc.reviews.save_review(rid, ReviewInput(scores={"general": 26, "tasks": 56}, self_level="ht"))
    record = svc.reviews.get_review(rid)
    assert record.level == "ht" and not record.locked
    fill(svc, rid, level="htt")
    record = svc.reviews.get_review(rid)
    assert record.level == "htt" and record.cell_input() == CellAssessmentInput("Đồng ý với tự đánh giá.", "htt",
                                                                                5, 0, 0)
    assert svc.reviews.save_draft(rid, record.as_input(), record.cell_input()) == record
    row = next(r for r in svc.reviews.summary(YEAR).rows if r.review_id == rid)
    assert row.level == "htt"
