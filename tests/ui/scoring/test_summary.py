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
    assert summary.band.text() == "Xếp loại: chưa chấm xong"  # not "Trung bình" while 2 are unscored
    assert summary.missing.text() == "Còn 2 tiêu chí chưa chấm (đang tính 0 điểm)."
    assert summary.group_totals["2"].text() == "5/20"
    summary.set_groups(rubric.groups[:1])
    assert list(summary.group_totals) == ["1"]


def test_an_unfinished_sheet_is_not_rated_poor_in_red(qtbot):
    """Criteria still to score count 0 for the running total, but the sheet is "chưa chấm xong", not "Kém"
    in red; once every criterion is scored the band shows."""
    from cellsec.ui.common.widgets import ERROR_COLOR

    rubric = rubric_from_dict(small_rubric())
    summary = SheetSummary(with_meeting_fields=False)
    qtbot.addWidget(summary)
    summary.set_groups(rubric.groups)
    summary.show_result(rubric, S.evaluate(rubric, {"1.1": S.ItemScore(points=5)}))
    assert summary.band.text() == "Xếp loại: chưa chấm xong"
    assert ERROR_COLOR not in summary.band.styleSheet()
    full = {"1.1": S.ItemScore(points=5), "2.1": S.ItemScore(points=0), "2.2": S.ItemScore(points=0),
            "2.3": S.ItemScore(points=0)}
    summary.show_result(rubric, S.evaluate(rubric, full))
    assert summary.band.text() == "Xếp loại: Kém" and ERROR_COLOR in summary.band.styleSheet()
