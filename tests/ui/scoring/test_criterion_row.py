"""One criterion of a score sheet: automatic points pre-filled, an override needs its reason, reset."""

from __future__ import annotations

from cellsec.domain import rubrics as R
from cellsec.domain import scores as S
from cellsec.ui.scoring.criterion_row import CriterionRow, SheetTexts, points_text


def test_an_override_needs_a_note_and_resets(qtbot):
    texts = SheetTexts()
    criterion = R.Criterion("1.1", "Tỷ lệ đảng viên dự họp", 10.0,
                            auto=R.AutoRule(source="meeting.attendance_rate", mode="proportional"))
    row = CriterionRow(criterion, S.ItemScore(points=9.0, auto_value=90.0, auto_points=9.0), texts)
    qtbot.addWidget(row)
    assert row.is_auto() and not row.overridden() and row.local_error() == ""
    row.points.set_points(5.0)
    assert row.overridden() and row.local_error()
    row.note.setText("Hai đồng chí vắng không lý do")
    assert row.local_error() == "" and row.value().points == 5.0
    row.reset_to_auto()
    assert not row.overridden() and points_text(row.value().points) == "9"
