"""One criterion of a score sheet: automatic points pre-filled, an override needs its reason, reset."""

from __future__ import annotations

import json
from pathlib import Path

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


def test_a_criterion_over_undecided_review_levels_says_not_enough_data(qtbot):
    """The cell's "members rated good" criterion while a member's level is undecided: no automatic points
    (not 5/5 over the decided part of the cell), and the row says so."""
    path = Path(__file__).resolve().parents[3] / "resources" / "rules" / "rubric_chi_bo_5_tot.json"
    rubric = R.rubric_from_dict(json.loads(path.read_text(encoding="utf-8"))["rubrics"][0])
    criterion = next(c for c in rubric.criteria() if c.auto and c.auto.source == "cell.members_good_rate")
    values = S.cell_year_values([], [], {"a": "htxs", "b": "htt", "c": None}, admitted=0, dues_on_time_rate=None)
    item = S.prefill(rubric, values)[criterion.id]
    assert item.points is None and item.auto_points is None
    row = CriterionRow(criterion, item, SheetTexts())
    qtbot.addWidget(row)
    assert "chưa đủ dữ liệu" in row.auto_label.text()
