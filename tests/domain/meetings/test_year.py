"""The year plan: missing months and quarters."""

import datetime as dt

from cellsec.domain import meetings as m
from cellsec.domain.meetings import PlannedMeeting

D = dt.date
T = dt.time


def test_year_plan_flags_missing_months_and_quarters():
    held = [
        PlannedMeeting("j", "thuong_ky", 2026, 1, D(2026, 1, 5), "approved"),
        PlannedMeeting("f", "thuong_ky", 2026, 2, D(2026, 2, 5), "approved"),
        PlannedMeeting("m", "combined", 2026, 3, D(2026, 3, 5), "approved", "Chuyển đổi số"),
        PlannedMeeting("jl", "thuong_ky", 2026, 7, D(2026, 7, 5), "draft"),
        PlannedMeeting("x", "bat_thuong", 2026, 7, D(2026, 7, 20), "approved", "Phòng chống bão"),
        PlannedMeeting("old", "thuong_ky", 2025, 4, D(2025, 4, 5), "approved"),
    ]
    plan = m.year_plan(2026, held, today=D(2026, 8, 10))
    states = {s.month: s.state for s in plan.months}
    assert states[1] == states[2] == states[3] == "done"  # the combined meeting is March's regular one
    assert states[7] == "draft"
    assert plan.missing_months == [4, 5, 6]  # 2025's April meeting does not count for 2026
    assert states[8] == "due" and states[9] == "upcoming"
    quarters = {q.quarter: q.state for q in plan.quarters}
    assert quarters == {1: "done", 2: "missing", 3: "due", 4: "upcoming"}
    assert [x.id for x in plan.others] == ["x"]
