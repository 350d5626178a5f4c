"""Scoring with a rubric: bands at their edges, totals, automatic rules, prefilled sheets, the facts of a
year."""

from __future__ import annotations

import datetime as dt

import pytest

from cellsec.domain import rubrics as R
from cellsec.domain import scores as S
from tests.domain.test_rubrics import small_rubric


@pytest.mark.parametrize("total, band", [
    (0, "Kém"), (14.99, "Kém"), (15, "Trung bình"), (19.99, "Trung bình"), (20, "Khá"), (24.99, "Khá"),
    (25, "Tốt"), (30, "Tốt"),
])
def test_band_edges(total, band):
    assert S.band_for(R.rubric_from_dict(small_rubric()), total) == band


def test_evaluate_totals_groups_and_missing():
    rubric = R.rubric_from_dict(small_rubric())
    sheet = {"1.1": S.ItemScore(points=10), "2.1": S.ItemScore(points=5), "2.3": S.ItemScore(points=7.5)}
    result = S.evaluate(rubric, sheet)
    assert result.total == 22.5
    assert result.group_totals == {"1": 10, "2": 12.5}
    assert result.band == "Khá"
    assert result.missing == ["2.2"]
    assert not result.complete
    assert result.label == "chưa chấm xong"  # rated only once every criterion is scored
    assert result.percent == 75.0


def test_evaluate_clamps_points_to_the_criterion():
    rubric = R.rubric_from_dict(small_rubric())
    assert S.evaluate(rubric, {"2.3": S.ItemScore(points=99)}).total == 10


def test_check_sheet_reports_out_of_range_and_unknown():
    rubric = R.rubric_from_dict(small_rubric())
    errors = S.check_sheet(rubric, {"2.3": S.ItemScore(points=10.5), "1.1": S.ItemScore(points=-1),
                                    "9.9": S.ItemScore(points=1), "2.1": S.ItemScore(points=5)})
    assert set(errors) == {"2.3", "1.1", "9.9"}
    assert "từ 0 đến 10" in errors["2.3"]


@pytest.mark.parametrize("rate, points", [(85.01, 10), (85, 5), (70, 5), (69.99, 0), (None, None)])
def test_steps_rule_edges(rate, points):
    rubric = R.rubric_from_dict(small_rubric())
    assert S.auto_points(rubric.criterion("1.1"), rate) == points


def test_flag_and_proportional_rules():
    rubric = R.rubric_from_dict(small_rubric())
    assert S.auto_points(rubric.criterion("2.1"), True) == 5
    assert S.auto_points(rubric.criterion("2.1"), False) == 0
    assert S.auto_points(rubric.criterion("2.2"), 60) == 3
    assert S.auto_points(rubric.criterion("2.2"), 130) == 5  # clamped to 100 %
    assert S.auto_points(rubric.criterion("2.3"), 1) is None  # manual criterion


def test_prefill_keeps_manual_points_and_overrides_while_data_unchanged():
    rubric = R.rubric_from_dict(small_rubric())
    values = {"meeting.attendance_rate": 92.86, "meeting.duration_ok": False, "meeting.preparation_rate": 80}
    sheet = S.prefill(rubric, values)
    assert sheet["1.1"].points == 10 and sheet["1.1"].auto_value == 92.86
    assert sheet["2.1"].points == 0 and sheet["2.2"].points == 4
    assert sheet["2.3"].points is None
    sheet["2.1"].points = 5  # the secretary overrides: the meeting ran 88 minutes for a good reason
    sheet["2.3"] = S.ItemScore(points=8, note="Nhiều ý kiến")
    again = S.prefill(rubric, values, sheet)
    assert again["2.1"].points == 5 and again["2.1"].overridden
    assert again["2.3"].points == 8 and again["2.3"].note == "Nhiều ý kiến"
    changed = S.prefill(rubric, {**values, "meeting.duration_ok": True}, sheet)
    assert changed["2.1"].points == 5 and not changed["2.1"].overridden


def test_sheet_json_round_trip():
    sheet = {"1.1": S.ItemScore(points=10, auto_value=90.0, auto_points=10, note="Đủ")}
    assert S.sheet_from_json(S.sheet_to_json(sheet)) == sheet


# ---- automatic inputs ---------------------------------------------------------------------------

def facts(mid, month, kind="thuong_ky", rate=90.0, statuses=None):
    return S.MeetingFacts(mid, dt.date(2025, month, 10), 2025, month, kind, rate, 0, 120, True, 100.0, True, True,
                          statuses or {})


def test_cell_year_values_hand_computed():
    meetings = [facts(f"m{m}", m) for m in range(1, 11)]  # 10 regular months
    meetings += [facts("t1", 3, "chuyen_de", 80.0), facts("c1", 11, "combined", 100.0)]
    values = S.cell_year_values(meetings, [80.0, 90.0, 70.0], {"a": "htt", "b": "htxs", "c": "ht", "d": None},
                                admitted=2, dues_on_time_rate=91.67)
    assert values["cell.regular_meetings"] == 11          # months 1–10 and the combined one in 11
    assert values["cell.thematic_meetings"] == 2          # thematic + combined
    assert values["cell.meeting_regularity"] == round(100 * (11 + 2) / 16, 2)
    assert values["cell.average_meeting_score"] == 80.0
    assert values["cell.average_attendance"] == round((90 * 10 + 80 + 100) / 12, 2)
    # "d" has no level yet: rates over the members' levels wait ("chưa đủ dữ liệu", not 5/5 over three).
    assert values["cell.members_good_rate"] is None
    assert values["cell.members_failed"] is None
    assert values["cell.members_admitted"] == 2
    decided = S.cell_year_values(meetings, [], {"a": "htt", "b": "htxs", "c": "ht", "d": "kht"}, admitted=0,
                                 dues_on_time_rate=None)
    assert decided["cell.members_good_rate"] == 50.0
    assert decided["cell.members_failed"] == 1


def test_member_year_values_hand_computed():
    meetings = [facts("m1", 1, statuses={"a": "present"}), facts("m2", 2, statuses={"a": "absent_without_reason"}),
                facts("m3", 3, statuses={"a": "exempt"}), facts("m4", 4, statuses={"a": "absent_with_reason"}),
                facts("m5", 5, statuses={"b": "present"})]
    values = S.member_year_values("a", meetings, "htt", 75.0, 1)
    assert values["member.attendance_rate"] == round(100 / 3, 2)
    assert values["member.absences_without_reason"] == 1
    assert values["member.review_level"] == 3
    assert S.member_year_values("z", meetings, None, None, None)["member.attendance_rate"] is None
