"""The scoring page's tables: values shown the Vietnamese way, sorting by the value, the cell's own row on top."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from cellsec.services.scoring.records import AssessmentRow, MeetingScoreRow
from cellsec.ui.scoring.tables import AssessmentsModel, MeetingScoresModel, SortProxy, percent_text, score_text


def _meeting(day: int, total: float | None) -> MeetingScoreRow:
    return MeetingScoreRow(f"m{day}", dt.date(2026, 3, day), 3, "thuong_ky", "Thường kỳ", f"Họp ngày {day}", 92.5,
                           "s" if total is not None else None, "Bộ tiêu chí", total, 100.0 if total else None, "Tốt")


def _assessment(subject: str, name: str, total: float | None) -> AssessmentRow:
    return AssessmentRow(subject, None if subject == "cell" else name, name, None, None, total, 100.0, "", "", "",
                         "", None)


def test_values_and_sorting(qtbot):
    assert percent_text(92.5) == "92,5%" and percent_text(None) == ""
    assert score_text(87.5, 100) == "87,5/100" and score_text(None, 100) == ""
    model = MeetingScoresModel()
    model.set_rows([_meeting(20, 80.0), _meeting(5, None), _meeting(12, 95.5)])
    proxy = SortProxy()
    proxy.setSourceModel(model)
    score = MeetingScoresModel.COLUMNS.index("score")
    proxy.sort(score, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, score).data() == "95,5/100"


def test_the_cell_stays_on_top(qtbot):
    model = AssessmentsModel()
    model.set_rows([_assessment("cell", "Chi bộ Xuất bản", 90.0), _assessment("member", "Lê Văn An", 95.0),
                    _assessment("member", "Trần Thị Bình", 70.0)])
    proxy = SortProxy()
    proxy.setSourceModel(model)
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        proxy.sort(1, order)
        assert proxy.index(0, 1).data() == "Chi bộ Xuất bản"
