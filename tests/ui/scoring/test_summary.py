"""The score sheet's summary: total, band coloured by rank, what is not scored yet, totals by group."""

from __future__ import annotations

from cellsec.domain import scores as S
from cellsec.domain.rubrics import rubric_from_dict
from cellsec.ui.scoring.summary import SheetSummary
from tests.domain.test_rubrics import small_rubric


def test_shows_the_result(qtbot):
    rubric = rubric_from_dict(small_rubric())
    summary = SheetSummary(with_meeting_fields=True)
    qtbot.addWidget(summary)
    summary.set_groups(rubric.groups)
    summary.show_result(rubric, S.evaluate(rubric, {"1.1": S.ItemScore(points=10), "2.1": S.ItemScore(points=5)}))
    assert summary.total.text() == "15 / 30"
    assert summary.band.text() == "Xếp loại: Trung bình"
    assert summary.missing.text() == "Còn 2 tiêu chí chưa chấm (đang tính 0 điểm)."
    assert summary.group_totals["2"].text() == "5/20"
    summary.set_groups(rubric.groups[:1])
    assert list(summary.group_totals) == ["1"]
