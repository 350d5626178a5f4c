"""The scoring read models: a meeting row's percentage, a sheet's saved state, the assessment form's defaults."""

from __future__ import annotations

import datetime as dt

from cellsec.domain import scores as S
from cellsec.domain.rubrics import rubric_from_dict
from cellsec.services.scoring.records import AssessmentInput, MeetingScoreRow, ScoreSheet
from tests.domain.test_rubrics import small_rubric


def test_percent_saved_and_defaults():
    row = MeetingScoreRow("m1", dt.date(2026, 3, 5), 3, "thuong_ky", "Thường kỳ", "Họp tháng 3", 90.0, "s1",
                          "Bộ tiêu chí", 87.5, 100.0, "Tốt")
    assert row.percent == 87.5
    row.total = None
    assert row.percent is None
    rubric = rubric_from_dict(small_rubric())
    sheet = ScoreSheet("meeting", 2026, "r1", rubric, {}, {}, S.evaluate(rubric, {}))
    assert not sheet.saved and sheet.result.missing
    sheet.id = "saved-row"
    assert sheet.saved
    assert AssessmentInput().items == {} and AssessmentInput().decision_date is None
